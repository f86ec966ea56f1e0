/**
 * Field resolvers of `User`, `Group`, `Computer` and the `GroupMember` and `Node` abstract types.
 */
import { ListGroupMembersCommand, ListGroupsForMemberCommand } from '../../ds-data/index.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { GatewayContext } from '../context.js';
import { cursorBinding, loadConnection } from '../connections.js';
import { encodeNodeId } from '../ids.js';
import { checkAttributeNames, optionalRealm } from '../input.js';
import type { AttributeEntry, GroupRef, UserRef } from '../model.js';
import { CARRIED_FIELDS, groupField, groupRef, memberRef, userField } from '../objects.js';
import { sendCommand } from '../upstream.js';
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

async function requireSid(context: GatewayContext, ref: UserRef | GroupRef): Promise<string> {
  const sid = ref.kind === 'User' ? await userField(context, ref, 'SID') : await groupField(context, ref, 'SID');
  if (!sid) {
    throw new Error(`AWS returned no SID for ${ref.kind} "${ref.samAccountName}".`);
  }
  return sid;
}

async function realmOf(context: GatewayContext, ref: UserRef | GroupRef): Promise<string | null> {
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
    samAccountName: async (ref, _args, context) => (await userField(context, ref, 'SAMAccountName')) ?? ref.samAccountName,
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
    groups: (ref, args, context) => {
      const realm = ref.realm;
      const binding = cursorBinding(context, 'User.groups', {
        directoryId: ref.directoryId,
        realm: realm?.toLowerCase() ?? null,
        member: ref.samAccountName.toLowerCase(),
      });
      return loadConnection(
        context,
        'groups',
        binding,
        args,
        async (token, pageSize) => {
          const output = await sendCommand(
            context,
            new ListGroupsForMemberCommand({
              DirectoryId: ref.directoryId,
              SAMAccountName: ref.samAccountName,
              ...(realm ? { MemberRealm: realm } : {}),
              MaxResults: pageSize,
              NextToken: token,
            }),
          );
          return { items: (output.Groups ?? []).map((summary) => ({ ...summary, Realm: output.Realm })), nextToken: output.NextToken };
        },
        (summary) =>
          groupRef(
            { directoryId: ref.directoryId, realm: undefined, samAccountName: summary.SAMAccountName ?? '' },
            summary,
            CARRIED_FIELDS.groupSummary,
          ),
      );
    },
  },

  Group: {
    id: (ref, _args, context) => globalIdOf(context, ref),
    directoryId: (ref) => ref.directoryId,
    realm: (ref, _args, context) => realmOf(context, ref),
    sid: (ref, _args, context) => requireSid(context, ref),
    samAccountName: async (ref, _args, context) => (await groupField(context, ref, 'SAMAccountName')) ?? ref.samAccountName,
    distinguishedName: (ref, _args, context) => groupField(context, ref, 'DistinguishedName'),
    groupType: (ref, _args, context) => groupField(context, ref, 'GroupType'),
    groupScope: (ref, _args, context) => groupField(context, ref, 'GroupScope'),
    attributes: async (ref, args, context) => {
      const names = checkAttributeNames('attributes.names', args.names);
      const described = await context.loaders.groups.load(ref, names);
      return pickAttributes(names, described?.OtherAttributes);
    },
    members: (ref, args, context) => {
      const memberRealm = optionalRealm('members.memberRealm', args.memberRealm);
      const binding = cursorBinding(context, 'Group.members', {
        directoryId: ref.directoryId,
        realm: ref.realm?.toLowerCase() ?? null,
        group: ref.samAccountName.toLowerCase(),
        memberRealm: memberRealm?.toLowerCase() ?? null,
      });
      return loadConnection(
        context,
        'members',
        binding,
        args,
        async (token, pageSize) => {
          const output = await sendCommand(
            context,
            new ListGroupMembersCommand({
              DirectoryId: ref.directoryId,
              SAMAccountName: ref.samAccountName,
              ...(ref.realm ? { Realm: ref.realm } : {}),
              ...(memberRealm ? { MemberRealm: memberRealm } : {}),
              MaxResults: pageSize,
              NextToken: token,
            }),
          );
          return { items: (output.Members ?? []).map((member) => ({ member, realm: output.MemberRealm })), nextToken: output.NextToken };
        },
        ({ member, realm: echoedRealm }) => memberRef(ref.directoryId, memberRealm, member, echoedRealm),
      );
    },
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
