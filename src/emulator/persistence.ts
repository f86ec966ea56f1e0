/**
 * Seed files and the opt-in state file.
 *
 * Both use the seed format of `seed.ts` as JSON, read with the lossless codec so that 64-bit
 * `N` values keep every digit. The state file is written after every successful write
 * operation and on close, through a temporary file and a rename so that a crash never
 * leaves half a file. Idempotency tokens and page tokens are not kept across restarts.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

import { parseJson, stringifyJson } from '../ds-data/json.js';
import type { AttributeValue } from '../ds-data/types.js';
import { type DirectoryEntry, type DirectoryState, type RealmState } from './directory-state.js';
import type { ComputerSeed, DirectorySeed, EmulatorSeed, GroupSeed, LoadedDirectory, RealmSeed, UserSeed } from './seed.js';

/** Reads a seed file. Throws an Error naming the file and the problem when it cannot be used. */
export function readSeedFile(path: string): EmulatorSeed {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read seed file ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = parseJson(text);
  } catch (error) {
    throw new Error(`Seed file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const directories = (value as { directories?: unknown } | null)?.directories;
  if (!Array.isArray(directories)) {
    throw new Error(`Seed file ${path} must be a JSON object with a "directories" array.`);
  }
  return value as EmulatorSeed;
}

/** Returns the seed stored in the state file, or undefined when the file does not exist yet. */
export function readStateFile(path: string): EmulatorSeed | undefined {
  return existsSync(path) ? readSeedFile(path) : undefined;
}

export function writeStateFile(path: string, directories: ReadonlyMap<string, LoadedDirectory>): void {
  const seed: EmulatorSeed = { directories: [...directories.values()].map(directorySeed) };
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${stringifyJson(seed)}\n`, 'utf8');
  renameSync(temporary, path);
}

function directorySeed(directory: LoadedDirectory): DirectorySeed {
  const { state } = directory;
  return {
    directoryId: state.directoryId,
    edition: directory.edition,
    dataAccess: directory.dataAccessEnabled ? 'Enabled' : 'Disabled',
    highestUsn: state.highestUsn.toString(),
    ...realmSeed(state, state.managedRealm),
    trustedRealms: [...state.trustedRealms.values()].map((realm) => realmSeed(state, realm)),
  };
}

function realmSeed(state: DirectoryState, realm: RealmState): RealmSeed {
  return {
    realm: realm.name,
    netbiosName: realm.netbiosName,
    domainSid: realm.domainSid,
    nextRid: realm.nextRid,
    users: realm.sorted('user').map((user): UserSeed => objectSeed(realm, user)),
    groups: realm.sorted('group').map((group): GroupSeed => {
      const members = [...state.membersOf(realm, group).values()].map((ref) => {
        const memberRealm = state.realm(ref.realm);
        const member = memberRealm?.entries.get(ref.key);
        return { SAMAccountName: member?.samAccountName ?? ref.key, Realm: ref.realm };
      });
      return { ...objectSeed(realm, group), GroupType: group.groupType, GroupScope: group.groupScope, Members: members };
    }),
    computers: realm.sorted('computer').map((computer): ComputerSeed => objectSeed(realm, computer)),
  };
}

function objectSeed(realm: RealmState, entry: DirectoryEntry): { SAMAccountName: string; SID: string; Container: string; OtherAttributes: Record<string, AttributeValue> } {
  const suffix = `,${realm.rootDn}`;
  const container = entry.parentDn.endsWith(suffix) ? entry.parentDn.slice(0, -suffix.length) : entry.parentDn;
  const attributes: Record<string, AttributeValue> = {};
  for (const { name, value } of entry.attributes.values()) {
    attributes[name] = value;
  }
  return { SAMAccountName: entry.samAccountName, SID: entry.sid, Container: container, OtherAttributes: attributes };
}

