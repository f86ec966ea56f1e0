/**
 * Input constraints of the DS Data model: lengths, ranges, patterns, enums, list and map
 * sizes, and required members, for every operation.
 *
 * The emulator enforces them and returns `ValidationException`; the gateway checks the
 * same table before it spends an AWS call, so a client learns about a bad value at once.
 * Semantics follow the Smithy specification: patterns are ECMAScript regular expressions
 * (so `\w` is ASCII only), and string lengths count Unicode code points, not UTF-16 units.
 */
import { isInt64, NonIntegerNumber } from './json.js';
import type { OperationName } from './operations.js';
import { GroupScope, GroupType, UpdateType } from './types.js';

interface StringShape {
  readonly type: 'string';
  readonly min: number;
  readonly max?: number;
  readonly pattern?: RegExp;
  /** The pattern rule in words, for error messages. */
  readonly patternRule?: string;
  readonly sensitive: boolean;
  readonly values?: readonly string[];
}

interface IntegerShape {
  readonly type: 'integer';
  readonly min: number;
  readonly max: number;
}

interface ListShape {
  readonly type: 'list';
  readonly min: number;
  readonly max: number;
  readonly member: StringShapeName;
}

interface MapShape {
  readonly type: 'attributes';
}

type Shape = StringShape | IntegerShape | ListShape | MapShape;

/** Character deny-list shared by GroupName and MemberName. */
const ACCOUNT_NAME_DENY_LIST = /^[^:;|=+"*?<>/\\,[\]@]+$/;
const ACCOUNT_NAME_RULE = 'must not contain any of : ; | = + " * ? < > / \\ , [ ] @';

export const STRING_SHAPES = {
  ClientToken: {
    type: 'string',
    min: 1,
    max: 128,
    pattern: /^[\x00-\x7F]+$/,
    patternRule: 'must contain only ASCII characters',
    sensitive: false,
  },
  DirectoryId: {
    type: 'string',
    min: 1,
    pattern: /^d-[0-9a-f]{10}$/,
    patternRule: "must be 'd-' followed by 10 lowercase hexadecimal digits, for example d-1234567890",
    sensitive: false,
  },
  EmailAddress: { type: 'string', min: 1, max: 256, sensitive: true },
  GivenName: { type: 'string', min: 1, max: 64, sensitive: true },
  GroupName: {
    type: 'string',
    min: 1,
    max: 64,
    pattern: ACCOUNT_NAME_DENY_LIST,
    patternRule: ACCOUNT_NAME_RULE,
    sensitive: false,
  },
  LdapDisplayName: {
    type: 'string',
    min: 1,
    max: 63,
    pattern: /^[A-Za-z*][A-Za-z-*]*$/,
    patternRule: "must start with a letter or '*' and contain only letters, '-' and '*'",
    sensitive: false,
  },
  MemberName: {
    type: 'string',
    min: 1,
    max: 63,
    pattern: ACCOUNT_NAME_DENY_LIST,
    patternRule: ACCOUNT_NAME_RULE,
    sensitive: false,
  },
  NextToken: { type: 'string', min: 1, max: 6144, sensitive: true },
  Realm: {
    type: 'string',
    min: 1,
    max: 255,
    pattern: /^([a-zA-Z0-9]+[\\.-])+([a-zA-Z0-9])+[.]?$/,
    patternRule: 'must be a DNS domain name of two or more labels, such as corp.example.com',
    sensitive: false,
  },
  SearchString: { type: 'string', min: 1, max: 64, sensitive: true },
  StringAttributeValue: { type: 'string', min: 1, max: 1024, sensitive: true },
  Surname: { type: 'string', min: 1, max: 64, sensitive: true },
  UserName: {
    type: 'string',
    min: 1,
    max: 20,
    pattern: /^[\w\-.]+$/,
    patternRule: "must contain only ASCII letters, digits, '_', '-' and '.'",
    sensitive: false,
  },
  GroupType: { type: 'string', min: 1, sensitive: false, values: Object.values(GroupType) },
  GroupScope: { type: 'string', min: 1, sensitive: false, values: Object.values(GroupScope) },
  UpdateType: { type: 'string', min: 1, sensitive: false, values: Object.values(UpdateType) },
} as const satisfies Record<string, StringShape>;

export type StringShapeName = keyof typeof STRING_SHAPES;

const SHAPES = {
  ...STRING_SHAPES,
  MaxResults: { type: 'integer', min: 1, max: 250 },
  LdapDisplayNameList: { type: 'list', min: 1, max: 25, member: 'LdapDisplayName' },
  Attributes: { type: 'attributes' },
} as const satisfies Record<string, Shape>;

type ShapeName = keyof typeof SHAPES;

/** Attribute map size, values per string set and string value length. */
export const ATTRIBUTE_LIMITS = {
  minEntries: 1,
  maxEntries: 25,
  maxStringSetItems: 25,
} as const;

interface MemberRule {
  readonly shape: ShapeName;
  readonly required?: true;
}

const required = (shape: ShapeName): MemberRule => ({ shape, required: true });
const optional = (shape: ShapeName): MemberRule => ({ shape });

/** Input members of each operation with their target shapes. `DirectoryId` travels in the query string. */
export const INPUT_MEMBERS: Readonly<Record<OperationName, Readonly<Record<string, MemberRule>>>> = {
  AddGroupMember: {
    DirectoryId: required('DirectoryId'),
    GroupName: required('GroupName'),
    MemberName: required('MemberName'),
    MemberRealm: optional('Realm'),
    ClientToken: optional('ClientToken'),
  },
  CreateGroup: {
    DirectoryId: required('DirectoryId'),
    SAMAccountName: required('GroupName'),
    GroupType: optional('GroupType'),
    GroupScope: optional('GroupScope'),
    OtherAttributes: optional('Attributes'),
    ClientToken: optional('ClientToken'),
  },
  CreateUser: {
    DirectoryId: required('DirectoryId'),
    SAMAccountName: required('UserName'),
    EmailAddress: optional('EmailAddress'),
    GivenName: optional('GivenName'),
    Surname: optional('Surname'),
    OtherAttributes: optional('Attributes'),
    ClientToken: optional('ClientToken'),
  },
  DeleteGroup: {
    DirectoryId: required('DirectoryId'),
    SAMAccountName: required('GroupName'),
    ClientToken: optional('ClientToken'),
  },
  DeleteUser: {
    DirectoryId: required('DirectoryId'),
    SAMAccountName: required('UserName'),
    ClientToken: optional('ClientToken'),
  },
  DescribeGroup: {
    DirectoryId: required('DirectoryId'),
    Realm: optional('Realm'),
    SAMAccountName: required('GroupName'),
    OtherAttributes: optional('LdapDisplayNameList'),
  },
  DescribeUser: {
    DirectoryId: required('DirectoryId'),
    SAMAccountName: required('UserName'),
    OtherAttributes: optional('LdapDisplayNameList'),
    Realm: optional('Realm'),
  },
  DisableUser: {
    DirectoryId: required('DirectoryId'),
    SAMAccountName: required('UserName'),
    ClientToken: optional('ClientToken'),
  },
  ListGroupMembers: {
    DirectoryId: required('DirectoryId'),
    Realm: optional('Realm'),
    MemberRealm: optional('Realm'),
    SAMAccountName: required('GroupName'),
    NextToken: optional('NextToken'),
    MaxResults: optional('MaxResults'),
  },
  ListGroups: {
    DirectoryId: required('DirectoryId'),
    Realm: optional('Realm'),
    NextToken: optional('NextToken'),
    MaxResults: optional('MaxResults'),
  },
  ListGroupsForMember: {
    DirectoryId: required('DirectoryId'),
    Realm: optional('Realm'),
    MemberRealm: optional('Realm'),
    SAMAccountName: required('MemberName'),
    NextToken: optional('NextToken'),
    MaxResults: optional('MaxResults'),
  },
  ListUsers: {
    DirectoryId: required('DirectoryId'),
    Realm: optional('Realm'),
    NextToken: optional('NextToken'),
    MaxResults: optional('MaxResults'),
  },
  RemoveGroupMember: {
    DirectoryId: required('DirectoryId'),
    GroupName: required('GroupName'),
    MemberName: required('MemberName'),
    MemberRealm: optional('Realm'),
    ClientToken: optional('ClientToken'),
  },
  SearchGroups: {
    DirectoryId: required('DirectoryId'),
    SearchString: required('SearchString'),
    SearchAttributes: required('LdapDisplayNameList'),
    Realm: optional('Realm'),
    NextToken: optional('NextToken'),
    MaxResults: optional('MaxResults'),
  },
  SearchUsers: {
    DirectoryId: required('DirectoryId'),
    Realm: optional('Realm'),
    SearchString: required('SearchString'),
    SearchAttributes: required('LdapDisplayNameList'),
    NextToken: optional('NextToken'),
    MaxResults: optional('MaxResults'),
  },
  UpdateGroup: {
    DirectoryId: required('DirectoryId'),
    SAMAccountName: required('GroupName'),
    GroupType: optional('GroupType'),
    GroupScope: optional('GroupScope'),
    OtherAttributes: optional('Attributes'),
    UpdateType: optional('UpdateType'),
    ClientToken: optional('ClientToken'),
  },
  UpdateUser: {
    DirectoryId: required('DirectoryId'),
    SAMAccountName: required('UserName'),
    EmailAddress: optional('EmailAddress'),
    GivenName: optional('GivenName'),
    Surname: optional('Surname'),
    OtherAttributes: optional('Attributes'),
    UpdateType: optional('UpdateType'),
    ClientToken: optional('ClientToken'),
  },
};

/** One broken constraint, located by the AWS member path (`OtherAttributes.department.S`). */
export interface ConstraintViolation {
  readonly path: string;
  /** The rejected value; undefined for a missing member. Never log it: it may be sensitive. */
  readonly value: unknown;
  /** True when the model marks the value sensitive, so messages must not repeat it. */
  readonly sensitive: boolean;
  /** What the value must satisfy, as a sentence fragment: "must be at most 20 characters long". */
  readonly rule: string;
  /** Set when an attribute value broke the rule, so the emulator can return INVALID_ATTRIBUTE_VALUE. */
  readonly attributeValue?: true;
}

/** Length of a string in Unicode code points, the unit of Smithy `@length` on strings. */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) {
    length += 1;
  }
  return length;
}

/** Checks one string against a named shape and returns the broken rule, or undefined. */
export function checkString(shapeName: StringShapeName, value: unknown): string | undefined {
  const shape: StringShape = STRING_SHAPES[shapeName];
  if (typeof value !== 'string') {
    return 'must be a string';
  }

  // Length first: it bounds the work of the pattern match that follows.
  const length = codePointLength(value);
  if (length < shape.min) {
    return shape.min === 1 ? 'must not be empty' : `must be at least ${shape.min} characters long`;
  }
  if (shape.max !== undefined && length > shape.max) {
    return `must be at most ${shape.max} characters long`;
  }
  if (shape.values && !shape.values.includes(value)) {
    return `must be one of ${shape.values.join(', ')}`;
  }
  if (shape.pattern && !shape.pattern.test(value)) {
    return shape.patternRule ?? `must match ${shape.pattern.source}`;
  }
  return undefined;
}

/**
 * Checks a request against every constraint of its operation's input and returns all the
 * violations found, in member order. Unknown members are ignored, as AWS services do.
 */
export function validateRequest(operation: OperationName, input: Record<string, unknown>): ConstraintViolation[] {
  const violations: ConstraintViolation[] = [];
  for (const [member, rule] of Object.entries(INPUT_MEMBERS[operation])) {
    const value = input[member];
    if (value === undefined || value === null) {
      if (rule.required) {
        violations.push({ path: member, value: undefined, sensitive: false, rule: 'is required' });
      }
      continue;
    }
    validateMember(member, rule.shape, value, violations);
  }
  return violations;
}

function validateMember(path: string, shapeName: ShapeName, value: unknown, violations: ConstraintViolation[]): void {
  const shape: Shape = SHAPES[shapeName];
  switch (shape.type) {
    case 'string': {
      const broken = checkString(shapeName as StringShapeName, value);
      if (broken) {
        violations.push({ path, value, sensitive: shape.sensitive, rule: broken });
      }
      return;
    }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        violations.push({ path, value, sensitive: false, rule: 'must be an integer' });
      } else if (value < shape.min || value > shape.max) {
        violations.push({ path, value, sensitive: false, rule: `must be between ${shape.min} and ${shape.max}` });
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) {
        violations.push({ path, value, sensitive: false, rule: 'must be a list' });
        return;
      }
      if (value.length < shape.min || value.length > shape.max) {
        violations.push({
          path,
          value: value.length,
          sensitive: false,
          rule: `must have between ${shape.min} and ${shape.max} items`,
        });
      }
      value.forEach((item, index) => {
        const broken = checkString(shape.member, item);
        if (broken) {
          violations.push({ path: `${path}.${index}`, value: item, sensitive: false, rule: broken });
        }
      });
      return;
    }
    case 'attributes':
      validateAttributes(path, value, violations);
      return;
  }
}

function validateAttributes(path: string, value: unknown, violations: ConstraintViolation[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    violations.push({ path, value, sensitive: false, rule: 'must be a map of attribute names to values' });
    return;
  }

  const entries = Object.entries(value);
  if (entries.length < ATTRIBUTE_LIMITS.minEntries || entries.length > ATTRIBUTE_LIMITS.maxEntries) {
    violations.push({
      path,
      value: entries.length,
      sensitive: false,
      rule: `must have between ${ATTRIBUTE_LIMITS.minEntries} and ${ATTRIBUTE_LIMITS.maxEntries} entries`,
    });
  }

  for (const [name, attributeValue] of entries) {
    const brokenName = checkString('LdapDisplayName', name);
    if (brokenName) {
      violations.push({ path: `${path}.${name}`, value: name, sensitive: false, rule: `has a name that ${brokenName}` });
    }
    for (const violation of validateAttributeValue(`${path}.${name}`, attributeValue)) {
      violations.push(violation);
    }
  }
}

/** Checks one attribute value: exactly one union member, of the right type and size. */
export function validateAttributeValue(path: string, value: unknown): ConstraintViolation[] {
  const fail = (memberPath: string, rule: string, rejected: unknown = value): ConstraintViolation[] => [
    { path: memberPath, value: rejected, sensitive: true, rule, attributeValue: true },
  ];

  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(path, 'must be an object with exactly one of S, N, BOOL or SS');
  }
  const members = Object.keys(value);
  if (members.length !== 1) {
    return fail(path, `must set exactly one of S, N, BOOL or SS, but sets ${members.length}`);
  }

  const [member] = members as [string];
  const memberValue = (value as Record<string, unknown>)[member];
  const memberPath = `${path}.${member}`;
  switch (member) {
    case 'S': {
      const broken = checkString('StringAttributeValue', memberValue);
      return broken ? fail(memberPath, broken, memberValue) : [];
    }
    case 'N':
      if (memberValue instanceof NonIntegerNumber) {
        return fail(memberPath, 'must be an integer without a fraction or exponent', memberValue.text);
      }
      if (typeof memberValue !== 'bigint') {
        return fail(memberPath, 'must be a JSON integer', memberValue);
      }
      return isInt64(memberValue) ? [] : fail(memberPath, 'must fit in a signed 64-bit integer', memberValue);
    case 'BOOL':
      return typeof memberValue === 'boolean' ? [] : fail(memberPath, 'must be true or false', memberValue);
    case 'SS': {
      if (!Array.isArray(memberValue)) {
        return fail(memberPath, 'must be a list of strings', memberValue);
      }
      if (memberValue.length > ATTRIBUTE_LIMITS.maxStringSetItems) {
        return fail(memberPath, `must have at most ${ATTRIBUTE_LIMITS.maxStringSetItems} items`, memberValue.length);
      }
      return memberValue.flatMap((item, index) => {
        const broken = checkString('StringAttributeValue', item);
        return broken ? fail(`${memberPath}.${index}`, broken, item) : [];
      });
    }
    default:
      return fail(memberPath, 'is not a member of AttributeValue; use S, N, BOOL or SS', member);
  }
}
