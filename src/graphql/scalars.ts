/**
 * Custom scalars: `Int64` for exact 64-bit integers, `SID` for security identifiers, the
 * account names of users, groups and members, and `EmailAddress` from graphql-scalars.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLEmailAddress } from 'graphql-scalars';
import { checkString, type StringShapeName } from '../ds-data/constraints.js';
import { INT64_MAX, INT64_MIN, isInt64 } from '../ds-data/json.js';

const DECIMAL_INTEGER = /^[+-]?[0-9]+$/;

function badInt64(message: string, node?: ValueNode): GraphQLError {
  return new GraphQLError(message, { nodes: node ? [node] : undefined, extensions: { code: 'BAD_USER_INPUT' } });
}

/** Parses an Int64 given as a decimal string. */
function parseInt64String(text: string, node?: ValueNode): bigint {
  if (!DECIMAL_INTEGER.test(text)) {
    throw badInt64(
      `Int64 cannot represent "${text}": expected a decimal integer string such as "133801632000000000".`,
      node,
    );
  }
  const value = BigInt(text);
  if (!isInt64(value)) {
    throw badInt64(
      `Int64 cannot represent ${text}: it is outside the signed 64-bit range ${INT64_MIN} to ${INT64_MAX}.`,
      node,
    );
  }
  return value;
}

/** Parses an Int64 given as a JSON number (variables) or an integer literal (documents). */
function parseInt64Number(value: number, node?: ValueNode): bigint {
  if (!Number.isInteger(value)) {
    throw badInt64(`Int64 cannot represent ${value}: it is not an integer.`, node);
  }
  if (!Number.isSafeInteger(value)) {
    throw badInt64(
      `Int64 cannot represent ${value} exactly: a JSON number above 2^53 - 1 in magnitude has already lost ` +
        'digits. Send the value as a decimal string instead, for example "9223372036854775807".',
      node,
    );
  }
  return BigInt(value);
}

export const Int64Scalar = new GraphQLScalarType<bigint, string>({
  name: 'Int64',
  description: 'A signed 64-bit integer. Output: a decimal string. Input: a decimal string or a safe JSON integer.',
  specifiedByURL: 'https://smithy.io/2.0/spec/simple-types.html#long',

  serialize(output: unknown): string {
    if (typeof output === 'bigint' && isInt64(output)) {
      return output.toString();
    }
    if (typeof output === 'number' && Number.isSafeInteger(output)) {
      return String(output);
    }
    if (typeof output === 'string' && DECIMAL_INTEGER.test(output)) {
      return BigInt(output).toString();
    }
    throw new GraphQLError(`Int64 cannot represent ${String(output)}.`);
  },

  parseValue(input: unknown): bigint {
    if (typeof input === 'string') {
      return parseInt64String(input);
    }
    if (typeof input === 'number') {
      return parseInt64Number(input);
    }
    throw badInt64(`Int64 cannot represent a ${input === null ? 'null' : typeof input}: send a decimal string.`);
  },

  parseLiteral(node: ValueNode): bigint {
    if (node.kind === Kind.STRING) {
      return parseInt64String(node.value, node);
    }
    if (node.kind === Kind.INT) {
      // A literal in the document keeps every digit, so it can be exact at any size.
      return parseInt64String(node.value, node);
    }
    throw badInt64(`Int64 cannot represent a ${node.kind} literal: use a decimal string such as "42".`, node);
  },
});

/** Security identifiers pass through as the directory reports them. */
export const SIDScalar = new GraphQLScalarType<string, string>({
  name: 'SID',
  description: 'A Windows security identifier in string form, such as S-1-5-21-1004336348-1177238915-682003330-1104.',
  serialize(output: unknown): string {
    if (typeof output !== 'string') {
      throw new GraphQLError(`SID cannot represent ${String(output)}.`);
    }
    return output;
  },
  parseValue(input: unknown): string {
    if (typeof input !== 'string' || !/^S-1-[0-9]+(-[0-9]+)*$/.test(input)) {
      throw new GraphQLError(`SID cannot represent ${JSON.stringify(input)}: expected a string such as "S-1-5-32-544".`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return input;
  },
  parseLiteral(node: ValueNode): string {
    if (node.kind !== Kind.STRING) {
      throw new GraphQLError('SID must be a string literal such as "S-1-5-32-544".', { nodes: [node] });
    }
    return this.parseValue!(node.value) as string;
  },
});

export const EmailAddressScalar = GraphQLEmailAddress;

/**
 * Creates an account-name scalar for input: the name is checked against the DS Data shape
 * of that kind of name, so a bad name fails before any resolver runs. Output fields use
 * `String` (see the SDL), but serializing passes any string through all the same.
 */
function accountNameScalar(name: string, shape: StringShapeName, description: string): GraphQLScalarType<string, string> {
  const parse = (input: unknown, node?: ValueNode): string => {
    const broken = checkString(shape, input);
    if (broken) {
      throw new GraphQLError(`${name} cannot represent ${JSON.stringify(input)}: it ${broken}.`, {
        nodes: node ? [node] : undefined,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return input as string;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize(output: unknown): string {
      if (typeof output !== 'string') {
        throw new GraphQLError(`${name} cannot represent ${String(output)}.`);
      }
      return output;
    },
    parseValue: (input) => parse(input),
    parseLiteral(node: ValueNode): string {
      if (node.kind !== Kind.STRING) {
        throw new GraphQLError(`${name} must be a string literal.`, { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } });
      }
      return parse(node.value, node);
    },
  });
}

export const UserNameScalar = accountNameScalar(
  'UserName',
  'UserName',
  "A user's logon name (sAMAccountName): 1 to 20 ASCII letters, digits, '_', '-' or '.'.",
);
export const GroupNameScalar = accountNameScalar(
  'GroupName',
  'GroupName',
  'A group name (sAMAccountName): 1 to 64 characters, none of : ; | = + " * ? < > / \\ , [ ] @.',
);
export const MemberNameScalar = accountNameScalar(
  'MemberName',
  'MemberName',
  'The account name of a group member (user, group or computer): 1 to 63 characters, none of : ; | = + " * ? < > / \\ , [ ] @.',
);
