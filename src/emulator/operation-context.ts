/**
 * The context that an operation handler receives, and the lookups that several handlers
 * share: realm resolution, the write scope of the caller and the not-found errors.
 */
import type { OperationName } from '../ds-data/operations.js';
import {
  type DirectoryEntry,
  type DirectoryState,
  type GroupEntry,
  type RealmState,
  type UserEntry,
} from './directory-state.js';
import type { PageTokens } from './page-tokens.js';
import { accessDenied, notFound, validationError } from './service-error.js';

export interface OperationContext {
  readonly operation: OperationName;
  readonly directory: DirectoryState;
  /** Request members after validation; `DirectoryId` comes from the query string. */
  readonly input: Record<string, unknown>;
  /** Current time in epoch milliseconds, from the emulator clock. */
  readonly now: number;
  readonly pageTokens: PageTokens;
}

/** A handler returns the JSON body of a successful response. */
export type OperationHandler = (context: OperationContext) => Record<string, unknown>;

export function stringInput(context: OperationContext, member: string): string | undefined {
  const value = context.input[member];
  return typeof value === 'string' ? value : undefined;
}

export function requiredString(context: OperationContext, member: string): string {
  const value = stringInput(context, member);
  if (value === undefined) {
    // validateRequest has already rejected a missing required member.
    throw new Error(`${member} is missing after validation.`);
  }
  return value;
}

/**
 * Finds the realm a read targets: the managed domain when `Realm` is absent, otherwise the
 * managed domain or one of its trusted realms, compared case-insensitively.
 */
export function resolveRealm(directory: DirectoryState, realmName: string | undefined, member = 'Realm'): RealmState {
  if (realmName === undefined) {
    return directory.managedRealm;
  }
  const realm = directory.realm(realmName);
  if (!realm) {
    throw validationError(
      `${member} '${realmName}' is neither the directory domain ${directory.managedRealm.name} ` +
        'nor a realm it trusts. Leave it out to use the directory domain.',
      'INVALID_REALM',
    );
  }
  return realm;
}

/**
 * True when the caller may create, change or delete the entry. AWS allows writes only in
 * the customer OU (`OU=<NetBIOS name>` under the domain root); built-in accounts, AWS
 * reserved accounts and trusted realms are read-only.
 */
export function isInCustomerOu(realm: RealmState, entry: DirectoryEntry): boolean {
  const customerOu = `OU=${realm.netbiosName},${realm.rootDn}`.toLowerCase();
  return realm.managed && entry.parentDn.toLowerCase().endsWith(customerOu);
}

export function requireWritable(realm: RealmState, entry: DirectoryEntry, action: string): void {
  if (!isInCustomerOu(realm, entry)) {
    throw accessDenied(
      `Cannot ${action} '${entry.samAccountName}': it is outside the OU that AWS delegates to the directory ` +
        `administrator (OU=${realm.netbiosName}), so Directory Service Data may only read it.`,
      'DIRECTORY_AUTH',
    );
  }
}

export function findUserOrThrow(realm: RealmState, name: string): UserEntry {
  const user = realm.findUser(name);
  if (!user) {
    throw notFound(`User '${name}' was not found in realm ${realm.name}.`);
  }
  return user;
}

export function findGroupOrThrow(realm: RealmState, name: string): GroupEntry {
  const group = realm.findGroup(name);
  if (!group) {
    throw notFound(`Group '${name}' was not found in realm ${realm.name}.`);
  }
  return group;
}
