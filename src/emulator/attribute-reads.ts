/**
 * Reads attribute values of users and groups for Describe and Search responses.
 *
 * Stored attributes come from the entry. The attributes that AD computes (`cn`,
 * `distinguishedName`, `objectSid`, `userPrincipalName`, ...) are derived here, so they
 * always agree with the top-level members.
 */
import { appliesTo, findAttribute, type AttributeDefinition, type DirectoryObjectType } from '../ds-data/attributes.js';
import type { AttributeValue, Attributes } from '../ds-data/types.js';
import {
  ACCOUNT_DISABLED,
  distinguishedName,
  type DirectoryEntry,
  type RealmState,
} from './directory-state.js';
import { validationError } from './service-error.js';

export function objectTypeOf(entry: DirectoryEntry): DirectoryObjectType {
  return entry.kind === 'group' ? 'Group' : 'User';
}

/** Reads one attribute of an entry and returns undefined when it is not set. */
export function readAttribute(realm: RealmState, entry: DirectoryEntry, definition: AttributeDefinition): AttributeValue | undefined {
  switch (definition.ldapName) {
    case 'cn':
      return { S: entry.samAccountName };
    case 'distinguishedName':
      return { S: distinguishedName(entry) };
    case 'objectSid':
      return { S: entry.sid };
    case 'sAMAccountName':
      return { S: entry.samAccountName };
    case 'userPrincipalName':
      return { S: userPrincipalName(realm, entry) };
    case 'groupType':
      return entry.kind === 'group' ? { S: entry.groupType } : undefined;
    case 'groupScope':
      return entry.kind === 'group' ? { S: entry.groupScope } : undefined;
    case 'directReports':
      return directReports(realm, entry);
    default:
      return entry.attributes.get(definition.ldapName.toLowerCase())?.value;
  }
}

/**
 * Derives `directReports`, the AD back-link of `manager`: the DNs of the users whose manager
 * is this entry. It is never stored, so it cannot disagree with the `manager` values.
 */
function directReports(realm: RealmState, entry: DirectoryEntry): AttributeValue | undefined {
  const dn = distinguishedName(entry).toLowerCase();
  const reports = realm
    .sorted('user')
    .filter((user) => stringAttribute(user, 'manager')?.toLowerCase() === dn)
    .map((user) => distinguishedName(user));
  return reports.length > 0 ? { SS: reports } : undefined;
}

/** Finds the entry of a realm with the given distinguished name, compared case-insensitively. */
export function findByDistinguishedName(realm: RealmState, dn: string): DirectoryEntry | undefined {
  const wanted = dn.toLowerCase();
  for (const entry of realm.entries.values()) {
    if (distinguishedName(entry).toLowerCase() === wanted) {
      return entry;
    }
  }
  return undefined;
}

export function stringAttribute(entry: DirectoryEntry, ldapName: string): string | undefined {
  return entry.attributes.get(ldapName.toLowerCase())?.value.S;
}

export function userPrincipalName(realm: RealmState, entry: DirectoryEntry): string {
  return stringAttribute(entry, 'userPrincipalName') ?? `${entry.samAccountName}@${realm.upnSuffix}`;
}

/** True unless the account-disabled flag of `userAccountControl` is set. */
export function isEnabled(entry: DirectoryEntry): boolean {
  const flags = entry.attributes.get('useraccountcontrol')?.value.N ?? 0n;
  return (flags & ACCOUNT_DISABLED) === 0n;
}

/**
 * Builds the `OtherAttributes` of a Describe response: exactly the requested attributes that
 * are set, keyed by the name as the caller spelled it. A name outside the table, or one that
 * does not exist on this kind of object, is rejected.
 */
export function readRequestedAttributes(
  realm: RealmState,
  entry: DirectoryEntry,
  requested: readonly string[] | undefined,
): Attributes | undefined {
  if (!requested) {
    return undefined;
  }

  const objectType = objectTypeOf(entry);
  const result: Attributes = {};
  const seen = new Map<string, string>();
  requested.forEach((name, index) => {
    const source = `OtherAttributes.${index}`;
    const definition = findAttribute(name);
    if (!definition) {
      throw validationError(
        `${source}: '${name}' is not an attribute that Directory Service Data supports` +
          (name.includes('*') ? ' (wildcards are not supported; name each attribute).' : '.'),
        'INVALID_ATTRIBUTE_NAME',
      );
    }
    if (!appliesTo(definition, objectType)) {
      throw validationError(
        `${source}: the attribute '${definition.ldapName}' does not exist on a ${objectType.toLowerCase()}.`,
        objectType === 'User' ? 'INVALID_ATTRIBUTE_FOR_USER' : 'INVALID_ATTRIBUTE_FOR_GROUP',
      );
    }
    const key = definition.ldapName.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw validationError(
        `${source}: '${name}' names the same attribute as '${earlier}'; request each attribute once.`,
        'DUPLICATE_ATTRIBUTE',
      );
    }
    seen.set(key, name);

    const value = readAttribute(realm, entry, definition);
    if (value !== undefined) {
      result[name] = value;
    }
  });
  return Object.keys(result).length > 0 ? result : undefined;
}
