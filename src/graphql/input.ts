/**
 * Checks GraphQL input against the DS Data constraints before any AWS call, and builds
 * the AWS members from it. Errors name the GraphQL field, show the value and state the rule,
 * so a client can fix the request without reading the AWS model.
 */
import type { AttributeValue, Attributes } from '../ds-data/types.js';
import { ATTRIBUTE_LIMITS, checkString, codePointLength, type StringShapeName } from '../ds-data/constraints.js';
import { badUserInput } from './errors.js';

/** Maximum length of a value quoted in an error message; the rest is elided. */
const MAX_SHOWN_LENGTH = 80;

/** Quotes a value for an error message, shortened so a huge input cannot flood the response. */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const shown = codePointLength(text) > MAX_SHOWN_LENGTH ? `${[...text].slice(0, MAX_SHOWN_LENGTH).join('')}...` : text;
  return JSON.stringify(shown);
}

/** Throws BAD_USER_INPUT when `value` breaks the rules of `shape`; returns it unchanged otherwise. */
export function checkField<T extends string | undefined | null>(field: string, shape: StringShapeName, value: T): T {
  if (value === undefined || value === null) {
    return value;
  }
  const broken = checkString(shape, value);
  if (broken) {
    throw badUserInput(`Invalid value ${showValue(value)} for "${field}": it ${broken}.`, field);
  }
  return value;
}

/** Normalizes an optional realm argument: validated, and undefined when omitted. */
export function optionalRealm(field: string, given: string | null | undefined): string | undefined {
  return checkField(field, 'Realm', given) ?? undefined;
}

/** Checks a list of LDAP display names (1 to 25, each valid, no duplicates ignoring case). */
export function checkAttributeNames(field: string, names: readonly string[]): string[] {
  if (names.length < 1 || names.length > 25) {
    throw badUserInput(`"${field}" must list 1 to 25 attribute names; got ${names.length}.`, field);
  }
  const seen = new Set<string>();
  return names.map((name, index) => {
    checkField(`${field}[${index}]`, 'LdapDisplayName', name);
    const key = name.toLowerCase();
    if (seen.has(key)) {
      throw badUserInput(`Attribute ${showValue(name)} appears twice in "${field}": names are case-insensitive.`, field);
    }
    seen.add(key);
    return name;
  });
}

export interface AttributeInputValue {
  readonly S?: string | null;
  readonly N?: bigint | null;
  readonly BOOL?: boolean | null;
  readonly SS?: readonly string[] | null;
}

export interface AttributeInputEntry {
  readonly name: string;
  readonly value: AttributeInputValue;
}

/** Converts one `AttributeValueInput` (already one-of checked by GraphQL) into an AWS union value. */
function toAttributeValue(field: string, value: AttributeInputValue): AttributeValue {
  if (value.S !== undefined && value.S !== null) {
    return { S: checkField(`${field}.S`, 'StringAttributeValue', value.S) };
  }
  if (value.N !== undefined && value.N !== null) {
    return { N: value.N };
  }
  if (value.BOOL !== undefined && value.BOOL !== null) {
    return { BOOL: value.BOOL };
  }
  if (value.SS !== undefined && value.SS !== null) {
    if (value.SS.length > ATTRIBUTE_LIMITS.maxStringSetItems) {
      throw badUserInput(
        `"${field}.SS" has ${value.SS.length} strings; AWS allows at most ${ATTRIBUTE_LIMITS.maxStringSetItems} per attribute.`,
        `${field}.SS`,
      );
    }
    value.SS.forEach((item, index) => checkField(`${field}.SS[${index}]`, 'StringAttributeValue', item));
    return { SS: [...value.SS] };
  }
  // GraphQL's @oneOf coercion makes this unreachable; keep the message clear all the same.
  throw badUserInput(`"${field}" must set exactly one of S, N, BOOL or SS.`, field);
}

/**
 * Builds the AWS `OtherAttributes` map. `reserved` maps LDAP names that the input also sets
 * through a top-level field (for example `mail` for `emailAddress`), which AWS would reject
 * as a duplicate.
 */
export function toAwsAttributes(
  field: string,
  entries: readonly AttributeInputEntry[] | null | undefined,
  reserved: ReadonlyMap<string, string> = new Map(),
): Attributes | undefined {
  if (entries === undefined || entries === null) {
    return undefined;
  }
  if (entries.length < ATTRIBUTE_LIMITS.minEntries) {
    throw badUserInput(
      `"${field}" is an empty list: omit it, or give 1 to ${ATTRIBUTE_LIMITS.maxEntries} attributes.`,
      field,
    );
  }
  if (entries.length > ATTRIBUTE_LIMITS.maxEntries) {
    throw badUserInput(
      `"${field}" has ${entries.length} attributes; AWS accepts at most ${ATTRIBUTE_LIMITS.maxEntries} per call.`,
      field,
    );
  }

  const attributes: Attributes = {};
  const seen = new Map<string, string>();
  entries.forEach((entry, index) => {
    const entryField = `${field}[${index}]`;
    checkField(`${entryField}.name`, 'LdapDisplayName', entry.name);

    const key = entry.name.toLowerCase();
    const topLevel = reserved.get(key);
    if (topLevel) {
      throw badUserInput(
        `Attribute ${showValue(entry.name)} in "${entryField}.name" is also set by "${topLevel}": set it in one place only.`,
        `${entryField}.name`,
      );
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw badUserInput(
        `Attribute ${showValue(entry.name)} appears twice in "${field}" (also as ${showValue(earlier)}): names are case-insensitive.`,
        `${entryField}.name`,
      );
    }
    seen.set(key, entry.name);
    attributes[entry.name] = toAttributeValue(`${entryField}.value`, entry.value);
  });
  return attributes;
}
