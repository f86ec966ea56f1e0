/**
 * Matching of SearchUsers and SearchGroups.
 *
 * The AWS documentation leaves the match mode open. The emulator matches when any listed
 * attribute contains the search string. It ignores case, because AD compares its
 * Unicode-string values that way, and a multi-valued attribute matches when any value does.
 */
import { appliesTo, findAttribute, type AttributeDefinition, type DirectoryObjectType } from '../ds-data/attributes.js';
import { readAttribute } from './attribute-reads.js';
import type { DirectoryEntry, RealmState } from './directory-state.js';
import { validationError } from './service-error.js';

/** Resolves `SearchAttributes` to table entries; each must exist on the object type and be searchable. */
export function resolveSearchAttributes(objectType: DirectoryObjectType, names: readonly string[]): AttributeDefinition[] {
  const definitions = new Map<string, AttributeDefinition>();
  names.forEach((name, index) => {
    const source = `SearchAttributes.${index}`;
    const definition = findAttribute(name);
    if (!definition) {
      throw validationError(
        `${source}: '${name}' is not an attribute that Directory Service Data supports.`,
        'INVALID_ATTRIBUTE_NAME',
      );
    }
    if (!appliesTo(definition, objectType) || !definition.searchable) {
      const searchable = searchableNames(objectType).join(', ');
      throw validationError(
        `${source}: the attribute '${definition.ldapName}' cannot be searched on a ${objectType.toLowerCase()}. ` +
          `Searchable attributes: ${searchable}.`,
        'INVALID_ATTRIBUTE_FOR_SEARCH',
      );
    }
    definitions.set(definition.ldapName, definition);
  });
  return [...definitions.values()];
}

function searchableNames(objectType: DirectoryObjectType): string[] {
  const names: string[] = [];
  for (const name of SEARCHABLE_CANDIDATES) {
    const definition = findAttribute(name);
    if (definition && definition.searchable && appliesTo(definition, objectType)) {
      names.push(definition.ldapName);
    }
  }
  return names;
}

const SEARCHABLE_CANDIDATES = [
  'sAMAccountName',
  'displayName',
  'mail',
  'givenName',
  'sn',
  'l',
  'physicalDeliveryOfficeName',
  'proxyAddresses',
];

/** Filters `entries` to those where any of `attributes` contains `searchString`. */
export function matchEntries<T extends DirectoryEntry>(
  realm: RealmState,
  entries: readonly T[],
  attributes: readonly AttributeDefinition[],
  searchString: string,
): T[] {
  if (searchString.includes('*')) {
    // The search string is sensitive, so the message does not repeat it.
    throw validationError(
      "SearchString must not contain '*': wildcards are not supported. " +
        'The emulator already matches the string anywhere in the attribute value.',
    );
  }
  const needle = searchString.toLowerCase();
  return entries.filter((entry) =>
    attributes.some((definition) => {
      const value = readAttribute(realm, entry, definition);
      const candidates = value?.S !== undefined ? [value.S] : (value?.SS ?? []);
      return candidates.some((candidate) => candidate.toLowerCase().includes(needle));
    }),
  );
}
