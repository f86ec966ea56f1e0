/**
 * Checks and applies attribute writes of CreateUser, UpdateUser, CreateGroup and UpdateGroup
 * against the shared attribute table.
 *
 * A write names the attribute through a top-level member (`EmailAddress`) or an
 * `OtherAttributes` key. All writes of a request are checked before any is applied, so a
 * rejected request changes nothing, as an LDAP modify is atomic in AD.
 */
import {
  appliesTo,
  findAttribute,
  topLevelMemberFor,
  type AttributeDefinition,
  type DirectoryObjectType,
} from '../ds-data/attributes.js';
import type { AttributeValue, UpdateType } from '../ds-data/types.js';
import type { StoredAttribute } from './directory-state.js';
import { validationError } from './service-error.js';

export interface AttributeWrite {
  readonly definition: AttributeDefinition;
  readonly value: AttributeValue;
  /** Request member that carried the write, for messages: `EmailAddress` or `OtherAttributes.department`. */
  readonly source: string;
}

/** Top-level members that may also be written through their LDAP name in `OtherAttributes`. */
const ALIASABLE_MEMBERS = new Set(['EmailAddress', 'GivenName', 'Surname']);

/**
 * Resolves the attribute writes of a request, rejecting unknown, read-only, misplaced,
 * duplicated or mistyped attributes with the matching `ValidationException` reason.
 */
export function collectWrites(
  objectType: DirectoryObjectType,
  phase: 'create' | 'update',
  topLevelValues: ReadonlyArray<readonly [member: string, ldapName: string, value: string | undefined]>,
  otherAttributes: Readonly<Record<string, AttributeValue>> | undefined,
): AttributeWrite[] {
  const writes: AttributeWrite[] = [];
  const seen = new Map<string, string>();

  const addWrite = (write: AttributeWrite): void => {
    const key = write.definition.ldapName.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw validationError(
        `${write.source} and ${earlier} both write the attribute '${write.definition.ldapName}'. ` +
          'Send each attribute once; attribute names are case-insensitive.',
        'DUPLICATE_ATTRIBUTE',
      );
    }
    seen.set(key, write.source);
    writes.push(write);
  };

  for (const [member, ldapName, value] of topLevelValues) {
    if (value === undefined) {
      continue;
    }
    const definition = findAttribute(ldapName);
    if (!definition) {
      throw new Error(`The attribute table has no entry for ${ldapName}.`);
    }
    addWrite({ definition, value: { S: value }, source: member });
  }

  for (const [name, value] of Object.entries(otherAttributes ?? {})) {
    const source = `OtherAttributes.${name}`;
    const definition = checkWritableName(objectType, phase, name, source);
    checkValueType(definition, value, source);
    addWrite({ definition, value, source });
  }
  return writes;
}

function checkWritableName(
  objectType: DirectoryObjectType,
  phase: 'create' | 'update',
  name: string,
  source: string,
): AttributeDefinition {
  const definition = findAttribute(name);
  if (!definition) {
    throw validationError(
      `${source}: '${name}' is not an attribute that Directory Service Data supports. ` +
        'Use an attribute from the supported-attributes table of the emulator README.',
      'INVALID_ATTRIBUTE_NAME',
    );
  }
  if (!appliesTo(definition, objectType)) {
    throw validationError(
      `${source}: the attribute '${definition.ldapName}' does not exist on a ${objectType.toLowerCase()}.`,
      objectType === 'User' ? 'INVALID_ATTRIBUTE_FOR_USER' : 'INVALID_ATTRIBUTE_FOR_GROUP',
    );
  }

  const member = topLevelMemberFor(definition, objectType);
  if (member !== undefined && !ALIASABLE_MEMBERS.has(member)) {
    throw validationError(
      `${source}: the attribute '${definition.ldapName}' cannot be written through OtherAttributes. ` +
        (member === 'SAMAccountName'
          ? 'The name of a user or group cannot change after it is created.'
          : `Use the ${member} member instead.`),
      'INVALID_ATTRIBUTE_FOR_MODIFY',
    );
  }
  if (definition.access === 'ReadOnly') {
    throw validationError(
      `${source}: the attribute '${definition.ldapName}' is read-only.`,
      'INVALID_ATTRIBUTE_FOR_MODIFY',
    );
  }
  if (definition.access === 'Mutable' && phase === 'create') {
    const update = objectType === 'User' ? 'UpdateUser' : 'UpdateGroup';
    throw validationError(
      `${source}: the attribute '${definition.ldapName}' cannot be set at creation. ` +
        `Create the ${objectType.toLowerCase()} first, then set it with ${update}.`,
      'INVALID_ATTRIBUTE_FOR_MODIFY',
    );
  }
  return definition;
}

function checkValueType(definition: AttributeDefinition, value: AttributeValue, source: string): void {
  const member = valueMember(value);
  if (member !== definition.valueType) {
    throw validationError(
      `${source}: the attribute '${definition.ldapName}' takes a value of type ${definition.valueType}, ` +
        `not ${member}. Send {"${definition.valueType}": ...}.`,
      'INVALID_ATTRIBUTE_VALUE',
    );
  }
}

/** Returns the union member that a valid `AttributeValue` sets. */
export function valueMember(value: AttributeValue): 'S' | 'N' | 'BOOL' | 'SS' {
  if (value.S !== undefined) return 'S';
  if (value.N !== undefined) return 'N';
  if (value.BOOL !== undefined) return 'BOOL';
  return 'SS';
}

/**
 * Applies writes to a copy of `attributes` with the meaning of an LDAP modify without the
 * permissive-modify control, and returns the copy. ADD fails on a value that is already
 * present, REPLACE sets or overwrites, and REMOVE deletes the given value, which must be present.
 */
export function applyWrites(
  attributes: ReadonlyMap<string, StoredAttribute>,
  writes: readonly AttributeWrite[],
  updateType: UpdateType,
): Map<string, StoredAttribute> {
  const result = new Map(attributes);
  for (const write of writes) {
    const key = write.definition.ldapName.toLowerCase();
    const current = result.get(key)?.value;
    const next = applyOne(current, write, updateType);
    if (next === undefined) {
      result.delete(key);
    } else {
      result.set(key, { name: write.definition.ldapName, value: next });
    }
  }
  return result;
}

function applyOne(
  current: AttributeValue | undefined,
  write: AttributeWrite,
  updateType: UpdateType,
): AttributeValue | undefined {
  const name = write.definition.ldapName;
  if (write.value.SS !== undefined) {
    return applySet(current?.SS ?? [], write.value.SS, write, updateType);
  }

  switch (updateType) {
    case 'ADD':
      if (current !== undefined) {
        throw validationError(
          `${write.source}: the attribute '${name}' already has a value, and ADD only sets an attribute that has none. ` +
            'Use UpdateType REPLACE to change it.',
          'ATTRIBUTE_EXISTS',
        );
      }
      return write.value;
    case 'REPLACE':
      return write.value;
    case 'REMOVE':
      if (current === undefined || !sameValue(current, write.value)) {
        throw validationError(
          `${write.source}: the attribute '${name}' does not hold the value to remove. ` +
            'REMOVE needs the exact current value; read it with a Describe call.',
          'MISSING_ATTRIBUTE',
        );
      }
      return undefined;
  }
}

function applySet(
  current: readonly string[],
  values: readonly string[],
  write: AttributeWrite,
  updateType: UpdateType,
): AttributeValue | undefined {
  const name = write.definition.ldapName;
  const has = (list: readonly string[], value: string): boolean =>
    list.some((item) => item.toLowerCase() === value.toLowerCase());

  switch (updateType) {
    case 'ADD': {
      const present = values.filter((value) => has(current, value));
      if (present.length > 0) {
        throw validationError(
          `${write.source}: ${present.length} of the values to add to '${name}' are already present. ` +
            'ADD only adds new values; leave out the present ones or use REPLACE.',
          'ATTRIBUTE_EXISTS',
        );
      }
      const merged = [...current, ...dedupe(values)];
      return merged.length > 0 ? { SS: merged } : undefined;
    }
    case 'REPLACE': {
      const replaced = dedupe(values);
      return replaced.length > 0 ? { SS: replaced } : undefined;
    }
    case 'REMOVE': {
      // An empty list removes every value, as an LDAP delete without values does.
      if (values.length === 0) {
        return undefined;
      }
      const absent = values.filter((value) => !has(current, value));
      if (absent.length > 0) {
        throw validationError(
          `${write.source}: ${absent.length} of the values to remove from '${name}' are not present. ` +
            'REMOVE needs values that the attribute holds; read them with a Describe call.',
          'MISSING_ATTRIBUTE',
        );
      }
      const remaining = current.filter((item) => !has(values, item));
      return remaining.length > 0 ? { SS: remaining } : undefined;
    }
  }
}

function dedupe(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/**
 * Compares a stored value with a value to remove. Strings compare case-insensitively, as AD
 * matches values of its Unicode-string syntax; numbers and booleans compare exactly.
 */
function sameValue(current: AttributeValue, removed: AttributeValue): boolean {
  if (current.S !== undefined && removed.S !== undefined) {
    return current.S.toLowerCase() === removed.S.toLowerCase();
  }
  if (current.N !== undefined && removed.N !== undefined) {
    return current.N === removed.N;
  }
  if (current.BOOL !== undefined && removed.BOOL !== undefined) {
    return current.BOOL === removed.BOOL;
  }
  return false;
}
