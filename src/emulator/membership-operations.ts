/**
 * The membership operations: AddGroupMember, RemoveGroupMember, ListGroupMembers and
 * ListGroupsForMember. Members of trusted realms are kept apart by realm, and each call
 * reads or writes the members of one realm: `MemberRealm`, which defaults to the managed
 * domain (ListGroupsForMember: to `Realm`).
 */
import {
  nameKey,
  refKey,
  type DirectoryEntry,
  type GroupEntry,
  type RealmState,
} from './directory-state.js';
import { touch } from './entry-changes.js';
import { checkNesting } from './group-rules.js';
import { groupSummary } from './group-operations.js';
import { memberType } from './inspection.js';
import { groupsOfMember, isPrimaryGroup, memberSortKey, membersOfGroup } from './membership-queries.js';
import {
  findGroupOrThrow,
  requiredString,
  resolveRealm,
  stringInput,
  type OperationContext,
} from './operation-context.js';
import { pageRequest } from './paging.js';
import { accessDenied, conflict, notFound, validationError } from './service-error.js';

export function addGroupMember(context: OperationContext): Record<string, unknown> {
  const { realm, group, memberRealm, member } = resolveChange(context);
  const ref = refKey(memberRealm.name, nameKey(member.samAccountName));
  const members = context.directory.membersOf(realm, group);
  if (members.has(ref) || isPrimaryGroup(memberRealm, member, realm, group)) {
    throw conflict(`'${member.samAccountName}' of ${memberRealm.name} is already a member of group '${group.samAccountName}'.`);
  }
  checkNesting(realm, group, memberRealm, member);

  members.set(ref, { realm: memberRealm.name, key: nameKey(member.samAccountName) });
  touch(group.attributes, context.directory.nextUsn(), context.now);
  return {};
}

export function removeGroupMember(context: OperationContext): Record<string, unknown> {
  const { realm, group, memberRealm, member } = resolveChange(context);
  const ref = refKey(memberRealm.name, nameKey(member.samAccountName));
  const members = context.directory.membersOf(realm, group);
  if (isPrimaryGroup(memberRealm, member, realm, group)) {
    throw validationError(
      `'${group.samAccountName}' is the primary group of '${member.samAccountName}', and AD does not remove an account from its primary group.`,
      'LDAP_UNSUPPORTED_OPERATION',
    );
  }
  if (!members.has(ref)) {
    throw notFound(`'${member.samAccountName}' of ${memberRealm.name} is not a member of group '${group.samAccountName}'.`);
  }

  members.delete(ref);
  touch(group.attributes, context.directory.nextUsn(), context.now);
  return {};
}

export function listGroupMembers(context: OperationContext): Record<string, unknown> {
  const realm = resolveRealm(context.directory, stringInput(context, 'Realm'));
  const memberRealm = resolveRealm(context.directory, stringInput(context, 'MemberRealm'), 'MemberRealm');
  const group = findGroupOrThrow(realm, requiredString(context, 'SAMAccountName'));
  const members = membersOfGroup(context.directory, realm, group).filter((member) => member.realm === memberRealm);
  const page = context.pageTokens.paginate(members, memberSortKey, {
    operation: context.operation,
    directoryId: context.directory.directoryId,
    parameters: { Realm: realm.name, MemberRealm: memberRealm.name, Group: nameKey(group.samAccountName) },
    nextToken: stringInput(context, 'NextToken'),
    maxResults: typeof context.input.MaxResults === 'number' ? context.input.MaxResults : undefined,
  });
  return {
    DirectoryId: context.directory.directoryId,
    Realm: realm.name,
    MemberRealm: memberRealm.name,
    Members: page.items.map(({ entry }) => ({
      SID: entry.sid,
      SAMAccountName: entry.samAccountName,
      MemberType: memberType(entry),
    })),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

export function listGroupsForMember(context: OperationContext): Record<string, unknown> {
  const realm = resolveRealm(context.directory, stringInput(context, 'Realm'));
  const memberRealmName = stringInput(context, 'MemberRealm');
  const memberRealm = memberRealmName === undefined ? realm : resolveRealm(context.directory, memberRealmName, 'MemberRealm');
  const name = requiredString(context, 'SAMAccountName');
  const member = memberRealm.find(name);
  if (!member) {
    throw notFound(`Member '${name}' was not found in realm ${memberRealm.name}.`);
  }

  const groups = groupsOfMember(context.directory, memberRealm, member, realm);
  const page = pageRequest(context, groups, {
    Realm: realm.name,
    MemberRealm: memberRealm.name,
    Member: nameKey(member.samAccountName),
  });
  return {
    DirectoryId: context.directory.directoryId,
    Realm: realm.name,
    MemberRealm: memberRealm.name,
    Groups: page.items.map(groupSummary),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

/**
 * Resolves the group and member of AddGroupMember and RemoveGroupMember. The group must be in
 * the managed domain, in the customer OU or among the AWS delegated groups, where AWS lets
 * the directory administrator change memberships.
 */
function resolveChange(context: OperationContext): {
  realm: RealmState;
  group: GroupEntry;
  memberRealm: RealmState;
  member: DirectoryEntry;
} {
  const realm = context.directory.managedRealm;
  const group = findGroupOrThrow(realm, requiredString(context, 'GroupName'));
  const memberRealm = resolveRealm(context.directory, stringInput(context, 'MemberRealm'), 'MemberRealm');
  const memberName = requiredString(context, 'MemberName');
  const member = memberRealm.find(memberName);
  if (!member) {
    throw notFound(`Member '${memberName}' was not found in realm ${memberRealm.name}.`);
  }

  const customerOu = `OU=${realm.netbiosName},${realm.rootDn}`.toLowerCase();
  const delegatedOu = `OU=AWS Delegated Groups,${realm.rootDn}`.toLowerCase();
  const parent = group.parentDn.toLowerCase();
  if (!parent.endsWith(customerOu) && parent !== delegatedOu) {
    throw accessDenied(
      `Cannot change the members of '${group.samAccountName}': AWS lets the directory administrator change memberships ` +
        `only of groups in OU=${realm.netbiosName} and OU=AWS Delegated Groups.`,
      'DIRECTORY_AUTH',
    );
  }
  return { realm, group, memberRealm, member };
}
