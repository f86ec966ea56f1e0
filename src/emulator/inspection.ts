/**
 * Read-only snapshots of directory state for tests. They read what the emulator stores
 * without going through the API, its quotas or its request log.
 */
import type { AttributeValue, GroupScope, GroupType, MemberType } from '../ds-data/types.js';
import { isEnabled, userPrincipalName } from './attribute-reads.js';
import {
  distinguishedName,
  type DirectoryEntry,
  type DirectoryState,
  type RealmState,
} from './directory-state.js';
import { membersOfGroup } from './membership-queries.js';

export interface UserSnapshot {
  readonly realm: string;
  readonly SAMAccountName: string;
  readonly SID: string;
  readonly DistinguishedName: string;
  readonly UserPrincipalName: string;
  readonly Enabled: boolean;
  /** Stored attributes by canonical LDAP display name, `N` values as bigint. */
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

export interface GroupSnapshot {
  readonly realm: string;
  readonly SAMAccountName: string;
  readonly SID: string;
  readonly DistinguishedName: string;
  readonly GroupType: GroupType;
  readonly GroupScope: GroupScope;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

export interface MemberSnapshot {
  readonly realm: string;
  readonly SAMAccountName: string;
  readonly SID: string;
  readonly MemberType: MemberType;
}

export interface DirectoryView {
  readonly directoryId: string;
  /** DNS name of the managed domain. */
  readonly realm: string;
  readonly trustedRealms: readonly string[];
  /** Users of a realm (default: the managed domain), sorted by name. */
  users(realm?: string): UserSnapshot[];
  groups(realm?: string): GroupSnapshot[];
  user(name: string, realm?: string): UserSnapshot | undefined;
  group(name: string, realm?: string): GroupSnapshot | undefined;
  /** Members of a group, the primary-group members of `Domain Users` included, sorted by realm and name. */
  members(groupName: string, realm?: string): MemberSnapshot[];
}

export function createDirectoryView(state: DirectoryState): DirectoryView {
  const realmOf = (name: string | undefined): RealmState => {
    const realm = name === undefined ? state.managedRealm : state.realm(name);
    if (!realm) {
      throw new Error(`Directory ${state.directoryId} has no realm '${name}'.`);
    }
    return realm;
  };

  return {
    directoryId: state.directoryId,
    realm: state.managedRealm.name,
    trustedRealms: [...state.trustedRealms.keys()],
    users: (realm) => {
      const target = realmOf(realm);
      return target.sorted('user').map((user) => userSnapshot(target, user));
    },
    groups: (realm) => {
      const target = realmOf(realm);
      return target.sorted('group').map((group) => groupSnapshot(target, group));
    },
    user: (name, realm) => {
      const target = realmOf(realm);
      const user = target.findUser(name);
      return user ? userSnapshot(target, user) : undefined;
    },
    group: (name, realm) => {
      const target = realmOf(realm);
      const group = target.findGroup(name);
      return group ? groupSnapshot(target, group) : undefined;
    },
    members: (groupName, realm) => {
      const target = realmOf(realm);
      const group = target.findGroup(groupName);
      if (!group) {
        throw new Error(`Realm ${target.name} has no group '${groupName}'.`);
      }
      return membersOfGroup(state, target, group).map(({ realm: memberRealm, entry }) => ({
        realm: memberRealm.name,
        SAMAccountName: entry.samAccountName,
        SID: entry.sid,
        MemberType: memberType(entry),
      }));
    },
  };
}

export function memberType(entry: DirectoryEntry): MemberType {
  if (entry.kind === 'user') {
    return 'USER';
  }
  return entry.kind === 'group' ? 'GROUP' : 'COMPUTER';
}

function attributeRecord(entry: DirectoryEntry): Record<string, AttributeValue> {
  const record: Record<string, AttributeValue> = {};
  for (const { name, value } of entry.attributes.values()) {
    record[name] = structuredClone(value);
  }
  return record;
}

function userSnapshot(realm: RealmState, user: DirectoryEntry): UserSnapshot {
  return {
    realm: realm.name,
    SAMAccountName: user.samAccountName,
    SID: user.sid,
    DistinguishedName: distinguishedName(user),
    UserPrincipalName: userPrincipalName(realm, user),
    Enabled: isEnabled(user),
    attributes: attributeRecord(user),
  };
}

function groupSnapshot(realm: RealmState, group: DirectoryEntry & { kind: 'group' }): GroupSnapshot {
  return {
    realm: realm.name,
    SAMAccountName: group.samAccountName,
    SID: group.sid,
    DistinguishedName: distinguishedName(group),
    GroupType: group.groupType,
    GroupScope: group.groupScope,
    attributes: attributeRecord(group),
  };
}
