/**
 * The group scope and nesting rules of Active Directory, which the emulator enforces on
 * UpdateGroup and AddGroupMember. Breaking one fails with ValidationException and reason
 * `LDAP_UNSUPPORTED_OPERATION`, the error AD returns (unwilling to perform).
 *
 * Scope changes, per the AWS guide on group type and scope and per AD:
 * - DomainLocal to Universal, unless the group contains a DomainLocal group.
 * - Universal to DomainLocal, unless a Universal group contains it.
 * - Universal to Global, unless it contains a Universal group.
 * - Global to Universal, unless a Global group contains it.
 * DomainLocal and Global never change into each other directly, and BuiltinLocal never changes.
 *
 * Nesting:
 * - A Global group contains only accounts and Global groups of its own domain.
 * - A Universal group contains accounts, Global and Universal groups.
 * - A DomainLocal or BuiltinLocal group contains any of these and DomainLocal groups of its own domain.
 * Accounts of a trusted forest can only join DomainLocal and BuiltinLocal groups, because
 * AD stores them as foreign security principals.
 */
import type { GroupScope } from '../ds-data/types.js';
import type { DirectoryEntry, DirectoryState, GroupEntry, RealmState } from './directory-state.js';
import { groupsOfMember, membersOfGroup } from './membership-queries.js';
import { validationError } from './service-error.js';

function unsupported(message: string): Error {
  return validationError(message, 'LDAP_UNSUPPORTED_OPERATION');
}

export function checkScopeChange(state: DirectoryState, realm: RealmState, group: GroupEntry, newScope: GroupScope): void {
  const from = group.groupScope;
  if (from === newScope) {
    return;
  }
  const name = group.samAccountName;
  if (from === 'BuiltinLocal' || newScope === 'BuiltinLocal') {
    throw unsupported(`Group '${name}' cannot change scope from ${from} to ${newScope}: BuiltinLocal is fixed to the built-in groups.`);
  }

  const memberGroups = membersOfGroup(state, realm, group)
    .map((member) => member.entry)
    .filter((entry): entry is GroupEntry => entry.kind === 'group');
  const parentGroups = state.realms().flatMap((groupRealm) => groupsOfMember(state, realm, group, groupRealm));
  const blocked = (groups: GroupEntry[], scope: GroupScope): GroupEntry | undefined =>
    groups.find((candidate) => candidate.groupScope === scope);

  const transition = `${from}->${newScope}`;
  switch (transition) {
    case 'DomainLocal->Universal': {
      const child = blocked(memberGroups, 'DomainLocal');
      if (child) {
        throw unsupported(`Group '${name}' cannot become Universal while it contains the DomainLocal group '${child.samAccountName}'.`);
      }
      return;
    }
    case 'Universal->DomainLocal': {
      const parent = blocked(parentGroups, 'Universal');
      if (parent) {
        throw unsupported(`Group '${name}' cannot become DomainLocal while the Universal group '${parent.samAccountName}' contains it.`);
      }
      return;
    }
    case 'Universal->Global': {
      const child = blocked(memberGroups, 'Universal');
      if (child) {
        throw unsupported(`Group '${name}' cannot become Global while it contains the Universal group '${child.samAccountName}'.`);
      }
      return;
    }
    case 'Global->Universal': {
      const parent = blocked(parentGroups, 'Global');
      if (parent) {
        throw unsupported(`Group '${name}' cannot become Universal while the Global group '${parent.samAccountName}' contains it.`);
      }
      return;
    }
    default:
      throw unsupported(
        `Group '${name}' cannot change scope from ${from} to ${newScope} directly. Change it to Universal first, then to ${newScope}.`,
      );
  }
}

/** Checks that `member` (from `memberRealm`) may join `group` (from `groupRealm`). */
export function checkNesting(groupRealm: RealmState, group: GroupEntry, memberRealm: RealmState, member: DirectoryEntry): void {
  const groupName = group.samAccountName;
  const scope = group.groupScope;
  const localScope = scope === 'DomainLocal' || scope === 'BuiltinLocal';

  if (member === group) {
    throw unsupported(`Group '${groupName}' cannot be a member of itself.`);
  }
  if (memberRealm !== groupRealm && !localScope) {
    throw unsupported(
      `'${member.samAccountName}' from the trusted realm ${memberRealm.name} can only join DomainLocal groups, and '${groupName}' is ${scope}.`,
    );
  }
  if (member.kind !== 'group') {
    return;
  }

  const allowed: Record<GroupScope, readonly GroupScope[]> = {
    Global: ['Global'],
    Universal: ['Global', 'Universal'],
    DomainLocal: ['Global', 'Universal', 'DomainLocal'],
    BuiltinLocal: ['Global', 'Universal', 'DomainLocal'],
  };
  if (!allowed[scope].includes(member.groupScope)) {
    throw unsupported(`A ${scope} group such as '${groupName}' cannot contain the ${member.groupScope} group '${member.samAccountName}'.`);
  }
}
