/**
 * Membership lookups shared by the membership operations and the inspection view.
 *
 * A user's primary group (`primaryGroupID`, `Domain Users` for new users) is not stored in
 * the group's `member` attribute in AD, yet AD tools such as `Get-ADGroupMember` and the AWS
 * CLI output of list-groups-for-member report it. The emulator therefore counts it as a
 * membership in both directions.
 */
import {
  RealmState,
  compareKeys,
  nameKey,
  refKey,
  type DirectoryEntry,
  type DirectoryState,
  type GroupEntry,
} from './directory-state.js';

export interface ResolvedMember {
  readonly realm: RealmState;
  readonly entry: DirectoryEntry;
}

/** Sort key of a member: realm, then name key. */
export function memberSortKey(member: ResolvedMember): string {
  return refKey(member.realm.name, nameKey(member.entry.samAccountName));
}

/** True when the group is the primary group of the entry. */
export function isPrimaryGroup(entryRealm: RealmState, entry: DirectoryEntry, groupRealm: RealmState, group: GroupEntry): boolean {
  if (entryRealm !== groupRealm || !group.sid.startsWith(`${groupRealm.domainSid}-`)) {
    return false;
  }
  const primaryGroupId = entry.attributes.get('primarygroupid')?.value.N;
  return primaryGroupId !== undefined && primaryGroupId === RealmState.ridOf(group.sid);
}

/** Direct members of a group, primary-group members included, sorted by realm and name. */
export function membersOfGroup(state: DirectoryState, groupRealm: RealmState, group: GroupEntry): ResolvedMember[] {
  const byRef = new Map<string, ResolvedMember>();
  for (const ref of state.membersOf(groupRealm, group).values()) {
    const realm = state.realm(ref.realm);
    const entry = realm?.entries.get(ref.key);
    if (realm && entry) {
      byRef.set(refKey(realm.name, ref.key), { realm, entry });
    }
  }
  for (const entry of groupRealm.entries.values()) {
    if (isPrimaryGroup(groupRealm, entry, groupRealm, group)) {
      byRef.set(refKey(groupRealm.name, nameKey(entry.samAccountName)), { realm: groupRealm, entry });
    }
  }
  return [...byRef.values()].sort((a, b) => compareKeys(memberSortKey(a), memberSortKey(b)));
}

/** Groups of `groupRealm` that directly contain the entry, primary group included, sorted by name. */
export function groupsOfMember(
  state: DirectoryState,
  memberRealm: RealmState,
  entry: DirectoryEntry,
  groupRealm: RealmState,
): GroupEntry[] {
  const ref = refKey(memberRealm.name, nameKey(entry.samAccountName));
  return groupRealm
    .sorted('group')
    .filter((group) => state.membersOf(groupRealm, group).has(ref) || isPrimaryGroup(memberRealm, entry, groupRealm, group));
}
