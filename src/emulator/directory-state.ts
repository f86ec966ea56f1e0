/**
 * The in-memory state of emulated directories: realms, their users, groups and computers,
 * and group memberships.
 *
 * Names are keys compared case-insensitively, as AD compares `sAMAccountName`, and one name
 * is unique across users, groups and computers of a realm, as in AD. Attribute values are
 * stored by lower-case LDAP display name with the canonical spelling from the attribute table.
 */
import { createHash } from 'node:crypto';

import type { AttributeValue, GroupScope, GroupType } from '../ds-data/types.js';

export type EntryKind = 'user' | 'group' | 'computer';

export interface StoredAttribute {
  /** Canonical LDAP display name from the attribute table. */
  readonly name: string;
  value: AttributeValue;
}

interface EntryBase {
  readonly kind: EntryKind;
  readonly samAccountName: string;
  readonly sid: string;
  /** Parent container of the entry, for example `OU=Users,OU=CORP,DC=corp,DC=example,DC=com`. */
  readonly parentDn: string;
  readonly attributes: Map<string, StoredAttribute>;
}

export interface UserEntry extends EntryBase {
  readonly kind: 'user';
}

export interface GroupEntry extends EntryBase {
  readonly kind: 'group';
  groupType: GroupType;
  groupScope: GroupScope;
}

export interface ComputerEntry extends EntryBase {
  readonly kind: 'computer';
}

export type DirectoryEntry = UserEntry | GroupEntry | ComputerEntry;

/** `userAccountControl` flags used here (values from the AD schema). */
export const ACCOUNT_DISABLED = 0x2n;
export const NORMAL_ACCOUNT = 0x200n;

/** Relative id of `Domain Users`, the primary group of new users in AD. */
export const DOMAIN_USERS_RID = 513n;

/** Key under which a name is stored and looked up. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

export class RealmState {
  /** Lower-case DNS name, the form in which responses echo a realm. */
  readonly name: string;
  readonly entries = new Map<string, DirectoryEntry>();
  /** Next relative id for a created object. AD starts customer objects at 1000 or above. */
  nextRid: number;

  constructor(
    name: string,
    readonly netbiosName: string,
    /** Domain SID, `S-1-5-21-a-b-c`; object SIDs append a relative id. */
    readonly domainSid: string,
    /** True for the AWS Managed AD domain; false for a trusted realm, which is read-only here. */
    readonly managed: boolean,
  ) {
    this.name = name.toLowerCase().replace(/\.$/, '');
    this.nextRid = 1000;
  }

  /** `DC=corp,DC=example,DC=com` for `corp.example.com`. */
  get rootDn(): string {
    return this.name
      .split(/[.\\]/)
      .map((label) => `DC=${label}`)
      .join(',');
  }

  /** The OU where the API creates users and groups: `OU=Users,OU=<NETBIOS>,<root>`. */
  get customerUsersDn(): string {
    return `OU=Users,OU=${this.netbiosName.toUpperCase()},${this.rootDn}`;
  }

  /** UPN suffix in the form the AWS CLI examples show: the DNS domain in upper case. */
  get upnSuffix(): string {
    return this.name.toUpperCase();
  }

  find(name: string): DirectoryEntry | undefined {
    return this.entries.get(nameKey(name));
  }

  findUser(name: string): UserEntry | undefined {
    const entry = this.find(name);
    return entry?.kind === 'user' ? entry : undefined;
  }

  findGroup(name: string): GroupEntry | undefined {
    const entry = this.find(name);
    return entry?.kind === 'group' ? entry : undefined;
  }

  findBySid(sid: string): DirectoryEntry | undefined {
    for (const entry of this.entries.values()) {
      if (entry.sid === sid) {
        return entry;
      }
    }
    return undefined;
  }

  /** Entries of one kind, sorted by name key so that pages come back in a stable order. */
  sorted<K extends EntryKind>(kind: K): Array<Extract<DirectoryEntry, { kind: K }>> {
    const matches = [...this.entries.values()].filter(
      (entry): entry is Extract<DirectoryEntry, { kind: K }> => entry.kind === kind,
    );
    return matches.sort((a, b) => compareKeys(nameKey(a.samAccountName), nameKey(b.samAccountName)));
  }

  /** Allocates the SID of a new object. */
  allocateSid(): string {
    const rid = this.nextRid;
    this.nextRid += 1;
    return `${this.domainSid}-${rid}`;
  }

  /** Relative id, the last part of a domain SID. */
  static ridOf(sid: string): bigint {
    return BigInt(sid.slice(sid.lastIndexOf('-') + 1));
  }
}

/** One member of a group, by realm and name key. */
export interface MembershipRef {
  readonly realm: string;
  readonly key: string;
}

export class DirectoryState {
  readonly trustedRealms = new Map<string, RealmState>();
  /** Group reference (`realm`, NUL, `key`) to its direct members (stored, not primary-group). */
  readonly members = new Map<string, Map<string, MembershipRef>>();
  /** Highest update sequence number: AD's change counter, stored in `uSNCreated`/`uSNChanged`. */
  highestUsn = 12000n;

  constructor(
    readonly directoryId: string,
    readonly managedRealm: RealmState,
  ) {}

  /** Lists every realm: the managed domain first, then the trusted realms. */
  realms(): RealmState[] {
    return [this.managedRealm, ...this.trustedRealms.values()];
  }

  /** Finds a realm by DNS name, ignoring case and one trailing dot. */
  realm(name: string): RealmState | undefined {
    const normalized = name.toLowerCase().replace(/\.$/, '');
    if (normalized === this.managedRealm.name) {
      return this.managedRealm;
    }
    return this.trustedRealms.get(normalized);
  }

  nextUsn(): bigint {
    this.highestUsn += 1n;
    return this.highestUsn;
  }

  membersOf(groupRealm: RealmState, group: GroupEntry): Map<string, MembershipRef> {
    const groupRef = refKey(groupRealm.name, nameKey(group.samAccountName));
    let members = this.members.get(groupRef);
    if (!members) {
      members = new Map();
      this.members.set(groupRef, members);
    }
    return members;
  }

  /** Removes every membership of the entry, as a member and as a group. */
  forgetEntry(realm: RealmState, entry: DirectoryEntry): void {
    const ref = refKey(realm.name, nameKey(entry.samAccountName));
    this.members.delete(ref);
    for (const members of this.members.values()) {
      members.delete(ref);
    }
  }
}

export function refKey(realm: string, key: string): string {
  return `${realm}\u0000${key}`;
}

/** Parses a reference key back into realm and name key. */
export function parseRefKey(ref: string): MembershipRef {
  const separator = ref.indexOf('\u0000');
  return { realm: ref.slice(0, separator), key: ref.slice(separator + 1) };
}

/** Code-unit order of name keys: stable and independent of the host locale. */
export function compareKeys(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** Escapes an RDN value as RFC 4514 requires, so that a name with `,` or `+` keeps a valid DN. */
export function escapeRdnValue(value: string): string {
  let escaped = value.replace(/[,+"\\<>;=]/g, (character) => `\\${character}`);
  if (escaped.startsWith('#') || escaped.startsWith(' ')) {
    escaped = `\\${escaped}`;
  }
  if (escaped.endsWith(' ')) {
    escaped = `${escaped.slice(0, -1)}\\ `;
  }
  return escaped;
}

export function distinguishedName(entry: DirectoryEntry): string {
  return `CN=${escapeRdnValue(entry.samAccountName)},${entry.parentDn}`;
}

/** Derives a GUID from a SID, so that seeded objects keep the same `objectGUID` on every start. */
export function guidFromSid(sid: string): string {
  const hex = createHash('sha256').update(sid).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Formats an instant in the AD Generalized-Time form of `whenChanged`, such as `20261204201219.0Z`. */
export function generalizedTime(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}.0Z`;
}
