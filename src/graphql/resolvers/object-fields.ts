/**
 * Field resolvers of `User`, `Group`, `Computer` and the `GroupMember` and `Node` abstract types.
 */
import type { Resolvers } from '../../generated/graphql.js';
import type { GatewayContext } from '../context.js';
import { listGroupMembers, listGroupsForMember } from '../directory-lists.js';
import { encodeNodeId } from '../ids.js';
import { checkAttributeNames, optionalRealm } from '../input.js';
import type { AttributeEntry, GroupRef, UserRef } from '../model.js';
import { groupField, userField, type ValueOrPromise } from '../objects.js';
import type { Attributes } from '../../ds-data/types.js';

/** Picks the requested attributes from a describe result, in request order, matching names without case. */
function pickAttributes(names: readonly string[], attributes: Attributes | undefined): AttributeEntry[] {
  if (!attributes) {
    return [];
  }
  const byLowerName = new Map(Object.entries(attributes).map(([name, value]) => [name.toLowerCase(), value]));
  return names.flatMap((name) => {
    const value = byLowerName.get(name.toLowerCase());
    return value === undefined ? [] : [{ name, value }];
  });
}

/** Applies `map` to a value now, or to a promised value when it arrives. */
function mapValue<T, U>(value: ValueOrPromise<T>, map: (resolved: T) => U): ValueOrPromise<U> {
  return value instanceof Promise ? value.then(map) : map(value);
}

function requireSid(context: GatewayContext, ref: UserRef | GroupRef): ValueOrPromise<string> {
  const sid = ref.kind === 'User' ? userField(context, ref, 'SID') : groupField(context, ref, 'SID');
  return mapValue(sid, (value) => {
    if (!value) {
      throw new Error(`AWS returned no SID for ${ref.kind} "${ref.samAccountName}".`);
    }
    return value;
  });
}

function realmOf(context: GatewayContext, ref: UserRef | GroupRef): ValueOrPromise<string | null> {
  if (ref.realm !== undefined) {
    return ref.realm;
  }
  return ref.kind === 'User' ? userField(context, ref, 'Realm') : groupField(context, ref, 'Realm');
}

/**
 * Builds the global id from the realm and the name as AWS reports them, so that every path
 * to an object (a list, a search, another spelling of its name) gives the same id.
 */
async function globalIdOf(context: GatewayContext, ref: UserRef | GroupRef): Promise<string> {
  const [realm, sid, samAccountName] = await Promise.all([
    ref.known.Realm ?? realmOf(context, ref),
    requireSid(context, ref),
    ref.kind === 'User' ? userField(context, ref, 'SAMAccountName') : groupField(context, ref, 'SAMAccountName'),
  ]);
  return encodeNodeId({
    kind: ref.kind,
    directoryId: ref.directoryId,
    realm: realm ?? undefined,
    sid,
    samAccountName: samAccountName ?? ref.samAccountName,
  });
}

export const objectResolvers: Resolvers = {
  Node: {
    __resolveType: (ref) => ref.kind,
  },
  GroupMember: {
    __resolveType: (ref) => ref.kind,
  },

  User: {
    id: (ref, _args, context) => globalIdOf(context, ref),
    directoryId: (ref) => ref.directoryId,
    realm: (ref, _args, context) => realmOf(context, ref),
    sid: (ref, _args, context) => requireSid(context, ref),
    samAccountName: (ref, _args, context) => mapValue(userField(context, ref, 'SAMAccountName'), (name) => name ?? ref.samAccountName),
    distinguishedName: (ref, _args, context) => userField(context, ref, 'DistinguishedName'),
    userPrincipalName: (ref, _args, context) => userField(context, ref, 'UserPrincipalName'),
    emailAddress: (ref, _args, context) => userField(context, ref, 'EmailAddress'),
    givenName: (ref, _args, context) => userField(context, ref, 'GivenName'),
    surname: (ref, _args, context) => userField(context, ref, 'Surname'),
    enabled: (ref, _args, context) => userField(context, ref, 'Enabled'),
    attributes: async (ref, args, context) => {
      const names = checkAttributeNames('attributes.names', args.names);
      const described = await context.loaders.users.load(ref, names);
      return pickAttributes(names, described?.OtherAttributes);
    },
    groups: (ref, args, context) =>
      listGroupsForMember(context, 'groups', args, {
        directoryId: ref.directoryId,
        memberName: ref.samAccountName,
        realm: undefined,
        memberRealm: ref.realm,
      }),
  },

  Group: {
    id: (ref, _args, context) => globalIdOf(context, ref),
    directoryId: (ref) => ref.directoryId,
    realm: (ref, _args, context) => realmOf(context, ref),
    sid: (ref, _args, context) => requireSid(context, ref),
    samAccountName: (ref, _args, context) => mapValue(groupField(context, ref, 'SAMAccountName'), (name) => name ?? ref.samAccountName),
    distinguishedName: (ref, _args, context) => groupField(context, ref, 'DistinguishedName'),
    groupType: (ref, _args, context) => groupField(context, ref, 'GroupType'),
    groupScope: (ref, _args, context) => groupField(context, ref, 'GroupScope'),
    attributes: async (ref, args, context) => {
      const names = checkAttributeNames('attributes.names', args.names);
      const described = await context.loaders.groups.load(ref, names);
      return pickAttributes(names, described?.OtherAttributes);
    },
    members: (ref, args, context) =>
      listGroupMembers(context, 'members', args, {
        directoryId: ref.directoryId,
        groupName: ref.samAccountName,
        realm: ref.realm,
        memberRealm: optionalRealm('members.memberRealm', args.memberRealm),
      }),
  },

  Computer: {
    id: (ref) =>
      encodeNodeId({
        kind: 'Computer',
        directoryId: ref.directoryId,
        realm: ref.realm,
        sid: ref.sid,
        samAccountName: ref.samAccountName,
      }),
    directoryId: (ref) => ref.directoryId,
    realm: (ref) => ref.realm ?? null,
    sid: (ref) => ref.sid,
    samAccountName: (ref) => ref.samAccountName,
  },

  AttributeValue: {
    S: (value) => value.S ?? null,
    N: (value) => value.N ?? null,
    BOOL: (value) => value.BOOL ?? null,
    SS: (value) => value.SS ?? null,
  },
};
