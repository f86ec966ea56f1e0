/**
 * The seed format of the emulator, and how a seed becomes directory state.
 *
 * A seed lists directories, each with its managed domain, its users, groups and computers,
 * group members, and trusted realms with their own objects. It is plain JSON except that
 * `N` attribute values are `bigint`; load files with `parseJson` from `../ds-data/json.js`
 * so that 64-bit values keep every digit. The state file uses the same format.
 */
import { createHash } from 'node:crypto';

import { findAttribute } from '../ds-data/attributes.js';
import type { AttributeValue, Attributes, GroupScope, GroupType } from '../ds-data/types.js';
import {
  ACCOUNT_DISABLED,
  DOMAIN_USERS_RID,
  DirectoryState,
  NORMAL_ACCOUNT,
  RealmState,
  generalizedTime,
  guidFromSid,
  nameKey,
  refKey,
  type DirectoryEntry,
  type StoredAttribute,
} from './directory-state.js';

export type DirectoryEdition = 'standard' | 'enterprise';

export interface EmulatorSeed {
  readonly directories: readonly DirectorySeed[];
}

export interface RealmSeed {
  /** DNS name, such as `corp.example.com`. */
  readonly realm: string;
  /** NetBIOS name; defaults to the first DNS label in upper case. */
  readonly netbiosName?: string;
  /** Domain SID `S-1-5-21-a-b-c`; defaults to one derived from the realm name. */
  readonly domainSid?: string;
  readonly users?: readonly UserSeed[];
  readonly groups?: readonly GroupSeed[];
  readonly computers?: readonly ComputerSeed[];
  /** Relative id for the next created object; defaults to one above the highest seeded id, and at least 1000. */
  readonly nextRid?: number;
}

export interface DirectorySeed extends RealmSeed {
  /** `d-` and 10 lowercase hexadecimal digits. */
  readonly directoryId: string;
  /** Quota figures of the edition; defaults to `standard`. */
  readonly edition?: DirectoryEdition;
  /** `Disabled` makes every call fail with AccessDeniedException (`DATA_DISABLED`), as AWS does before data access is enabled. */
  readonly dataAccess?: 'Enabled' | 'Disabled';
  readonly trustedRealms?: readonly RealmSeed[];
  /** Highest update sequence number already used, as digits; defaults to 12000. */
  readonly highestUsn?: string;
}

interface ObjectSeed {
  readonly SAMAccountName: string;
  /** Full SID; defaults to the domain SID plus the next free relative id. */
  readonly SID?: string;
  /** Parent container relative to the domain root, such as `CN=Users`; defaults to `OU=Users,OU=<NetBIOS>`. */
  readonly Container?: string;
  /** Attribute values by LDAP display name, read-only ones included. */
  readonly OtherAttributes?: Attributes;
}

export interface UserSeed extends ObjectSeed {
  readonly GivenName?: string;
  readonly Surname?: string;
  readonly EmailAddress?: string;
  /** Defaults to true. Ignored when `OtherAttributes.userAccountControl` is given. */
  readonly Enabled?: boolean;
}

export interface GroupSeed extends ObjectSeed {
  /** Defaults to `Security`. */
  readonly GroupType?: GroupType;
  /** Defaults to `Global`. */
  readonly GroupScope?: GroupScope;
  /** Direct members: a name in the same realm, or a name and the realm it belongs to. */
  readonly Members?: ReadonlyArray<string | { readonly SAMAccountName: string; readonly Realm: string }>;
}

export type ComputerSeed = ObjectSeed;

/** Builds fresh directory state from a seed. Throws an Error naming the bad entry when the seed is inconsistent. */
export function buildDirectories(seed: EmulatorSeed, now: number): Map<string, LoadedDirectory> {
  const directories = new Map<string, LoadedDirectory>();
  for (const directorySeed of seed.directories) {
    if (!/^d-[0-9a-f]{10}$/.test(directorySeed.directoryId)) {
      throw new Error(
        `Seed directory id '${directorySeed.directoryId}' is invalid: it must be 'd-' followed by 10 lowercase hexadecimal digits.`,
      );
    }
    if (directories.has(directorySeed.directoryId)) {
      throw new Error(`Seed directory id '${directorySeed.directoryId}' appears twice.`);
    }

    const managed = createRealm(directorySeed, true);
    const state = new DirectoryState(directorySeed.directoryId, managed);
    if (directorySeed.highestUsn !== undefined) {
      state.highestUsn = BigInt(directorySeed.highestUsn);
    }
    for (const trustedSeed of directorySeed.trustedRealms ?? []) {
      const trusted = createRealm(trustedSeed, false);
      if (state.realm(trusted.name)) {
        throw new Error(`Seed realm '${trusted.name}' of directory ${directorySeed.directoryId} appears twice.`);
      }
      state.trustedRealms.set(trusted.name, trusted);
    }

    const realmSeeds: Array<[RealmState, RealmSeed]> = [
      [managed, directorySeed],
      ...(directorySeed.trustedRealms ?? []).map((realmSeed): [RealmState, RealmSeed] => [
        state.realm(realmSeed.realm) as RealmState,
        realmSeed,
      ]),
    ];
    for (const [realm, realmSeed] of realmSeeds) {
      addObjects(state, realm, realmSeed, now);
      if (realmSeed.nextRid !== undefined) {
        realm.nextRid = Math.max(realm.nextRid, realmSeed.nextRid);
      }
    }
    for (const [realm, realmSeed] of realmSeeds) {
      addMembers(state, realm, realmSeed);
    }

    directories.set(directorySeed.directoryId, {
      state,
      edition: directorySeed.edition ?? 'standard',
      dataAccessEnabled: directorySeed.dataAccess !== 'Disabled',
    });
  }
  return directories;
}

export interface LoadedDirectory {
  readonly state: DirectoryState;
  readonly edition: DirectoryEdition;
  readonly dataAccessEnabled: boolean;
}

function createRealm(seed: RealmSeed, managed: boolean): RealmState {
  const netbiosName = seed.netbiosName ?? (seed.realm.split('.')[0] ?? seed.realm).toUpperCase();
  return new RealmState(seed.realm, netbiosName, seed.domainSid ?? deriveDomainSid(seed.realm), managed);
}

/** Derives a stable `S-1-5-21-a-b-c` domain SID from the realm name. */
export function deriveDomainSid(realm: string): string {
  const digest = createHash('sha256').update(realm.toLowerCase()).digest();
  return `S-1-5-21-${digest.readUInt32BE(0)}-${digest.readUInt32BE(4)}-${digest.readUInt32BE(8)}`;
}

function addObjects(state: DirectoryState, realm: RealmState, seed: RealmSeed, now: number): void {
  // Explicit SIDs first, so that allocated relative ids never collide with them.
  const all: ObjectSeed[] = [...(seed.groups ?? []), ...(seed.users ?? []), ...(seed.computers ?? [])];
  for (const objectSeed of all) {
    if (objectSeed.SID?.startsWith(`${realm.domainSid}-`)) {
      const rid = Number(RealmState.ridOf(objectSeed.SID));
      realm.nextRid = Math.max(realm.nextRid, rid + 1);
    }
  }

  for (const groupSeed of seed.groups ?? []) {
    insert(realm, {
      kind: 'group',
      ...baseEntry(state, realm, groupSeed, now, ['top', 'group']),
      groupType: groupSeed.GroupType ?? 'Security',
      groupScope: groupSeed.GroupScope ?? 'Global',
    });
  }
  for (const userSeed of seed.users ?? []) {
    const base = baseEntry(state, realm, userSeed, now, ['top', 'person', 'organizationalPerson', 'user']);
    const defaults: Array<[string, AttributeValue]> = [
      ['userAccountControl', { N: userSeed.Enabled === false ? NORMAL_ACCOUNT | ACCOUNT_DISABLED : NORMAL_ACCOUNT }],
      ['primaryGroupID', { N: DOMAIN_USERS_RID }],
      ['sAMAccountType', { N: 0x30000000n }],
      ['accountExpires', { N: 9_223_372_036_854_775_807n }],
    ];
    const named: Array<[string, string | undefined]> = [
      ['mail', userSeed.EmailAddress],
      ['givenName', userSeed.GivenName],
      ['sn', userSeed.Surname],
    ];
    for (const [name, value] of named) {
      if (value !== undefined) {
        base.attributes.set(name.toLowerCase(), { name, value: { S: value } });
      }
    }
    for (const [name, value] of defaults) {
      if (!base.attributes.has(name.toLowerCase())) {
        base.attributes.set(name.toLowerCase(), { name, value });
      }
    }
    insert(realm, { kind: 'user', ...base });
  }
  for (const computerSeed of seed.computers ?? []) {
    insert(realm, { kind: 'computer', ...baseEntry(state, realm, computerSeed, now, ['top', 'person', 'organizationalPerson', 'user', 'computer']) });
  }
}

function baseEntry(
  state: DirectoryState,
  realm: RealmState,
  seed: ObjectSeed,
  now: number,
  objectClass: string[],
): { samAccountName: string; sid: string; parentDn: string; attributes: Map<string, StoredAttribute> } {
  const sid = seed.SID ?? realm.allocateSid();
  const attributes = new Map<string, StoredAttribute>();
  for (const [name, value] of Object.entries(seed.OtherAttributes ?? {})) {
    const definition = findAttribute(name);
    if (!definition) {
      throw new Error(`Seed object '${seed.SAMAccountName}' in ${realm.name} has attribute '${name}', which is not in the attribute table.`);
    }
    attributes.set(definition.ldapName.toLowerCase(), { name: definition.ldapName, value });
  }

  const usn = state.nextUsn();
  const defaults: Array<[string, AttributeValue]> = [
    ['objectGUID', { S: guidFromSid(sid) }],
    ['objectClass', { SS: objectClass }],
    ['uSNCreated', { N: usn }],
    ['uSNChanged', { N: usn }],
    ['whenChanged', { S: generalizedTime(now) }],
  ];
  for (const [name, value] of defaults) {
    if (!attributes.has(name.toLowerCase())) {
      attributes.set(name.toLowerCase(), { name, value });
    }
  }

  const parentDn = seed.Container ? `${seed.Container},${realm.rootDn}` : realm.customerUsersDn;
  return { samAccountName: seed.SAMAccountName, sid, parentDn, attributes };
}

function insert(realm: RealmState, entry: DirectoryEntry): void {
  const key = nameKey(entry.samAccountName);
  if (realm.entries.has(key)) {
    throw new Error(`Seed realm ${realm.name} has two objects named '${entry.samAccountName}'; names are unique per realm.`);
  }
  realm.entries.set(key, entry);
}

function addMembers(state: DirectoryState, realm: RealmState, seed: RealmSeed): void {
  for (const groupSeed of seed.groups ?? []) {
    const group = realm.findGroup(groupSeed.SAMAccountName);
    if (!group) {
      continue;
    }
    const members = state.membersOf(realm, group);
    for (const member of groupSeed.Members ?? []) {
      const memberName = typeof member === 'string' ? member : member.SAMAccountName;
      const memberRealm = typeof member === 'string' ? realm : state.realm(member.Realm);
      if (!memberRealm || !memberRealm.find(memberName)) {
        throw new Error(
          `Seed group '${group.samAccountName}' in ${realm.name} lists member '${memberName}', which does not exist` +
            (typeof member === 'string' ? ` in ${realm.name}.` : ` in realm ${member.Realm}.`),
        );
      }
      const key = nameKey(memberName);
      members.set(refKey(memberRealm.name, key), { realm: memberRealm.name, key });
    }
  }
}
