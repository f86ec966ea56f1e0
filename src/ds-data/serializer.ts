/**
 * Request serialization for the restJson1 protocol of AWS Directory Service Data: every
 * operation is `POST <operation path>?DirectoryId=<id>` with a JSON object body that contains
 * the other input members that are set, keyed by their model names.
 */
import { HttpRequest } from '@smithy/protocol-http';

import { INT64_MAX, INT64_MIN, isInt64, stringifyJson } from './json.js';
import { OPERATIONS, type OperationName } from './operations.js';

/**
 * Operations whose `OtherAttributes` input is an `Attributes` map (name to `AttributeValue`).
 * In DescribeUser and DescribeGroup the same member is a list of attribute names.
 */
const ATTRIBUTE_MAP_OPERATIONS: ReadonlySet<OperationName> = new Set(['CreateUser', 'CreateGroup', 'UpdateUser', 'UpdateGroup']);

/**
 * Builds the HTTP request of one operation call. Throws `TypeError` when `DirectoryId` is
 * missing or an attribute value cannot be written exactly (an `N` that is not a 64-bit
 * `bigint`, or a union with no member or several). The service would reject both, and an
 * `N` written through a double could silently change.
 */
export function serializeRequest(
  operation: OperationName,
  input: Readonly<Record<string, unknown>>,
  endpoint: URL,
): HttpRequest {
  const directoryId = input['DirectoryId'];
  if (typeof directoryId !== 'string' || directoryId === '') {
    throw new TypeError(
      `${operation} input is invalid: DirectoryId is ${describeValue(directoryId)}; ` +
        'set it to the directory id, for example d-1234567890.',
    );
  }

  const body: Record<string, unknown> = {};
  for (const [member, value] of Object.entries(input)) {
    if (member === 'DirectoryId' || value === undefined || value === null) {
      continue;
    }
    body[member] =
      member === 'OtherAttributes' && ATTRIBUTE_MAP_OPERATIONS.has(operation)
        ? serializeAttributes(operation, member, value)
        : value;
  }

  const basePath = endpoint.pathname.replace(/\/+$/, '');
  return new HttpRequest({
    method: 'POST',
    protocol: endpoint.protocol,
    hostname: stripIpv6Brackets(endpoint.hostname),
    ...(endpoint.port === '' ? {} : { port: Number(endpoint.port) }),
    path: `${basePath}${OPERATIONS[operation].path}`,
    query: { DirectoryId: directoryId },
    headers: {
      'content-type': 'application/json',
      host: endpoint.host,
    },
    body: stringifyJson(body),
  });
}

function serializeAttributes(operation: OperationName, member: string, map: unknown): Record<string, unknown> {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) {
    throw new TypeError(
      `${operation} input is invalid: ${member} is ${describeValue(map)}; ` +
        'set it to an object that maps attribute names to attribute values.',
    );
  }

  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(map)) {
    result[name] = serializeAttributeValue(`${operation} input ${member}.${name}`, value);
  }
  return result;
}

/** Writes one `AttributeValue` union: exactly one of `S`, `N`, `BOOL`, `SS`, or `$unknown`. */
function serializeAttributeValue(path: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(
      `${path} is invalid: expected an object with one of S, N, BOOL or SS, got ${describeValue(value)}.`,
    );
  }

  const members = Object.entries(value).filter(([, member]) => member !== undefined);
  if (members.length !== 1) {
    const names = members.map(([key]) => key).join(', ') || 'none';
    throw new TypeError(`${path} is invalid: set exactly one of S, N, BOOL or SS (set: ${names}).`);
  }

  const [key, member] = members[0]!;
  if (key === '$unknown') {
    // A member added to the union after this client was written, kept as [name, value].
    const [unknownKey, unknownValue] = member as [string, unknown];
    return { [unknownKey]: unknownValue };
  }
  if (key === 'N') {
    return { N: checkInt64(`${path}.N`, member) };
  }
  return { [key]: member };
}

function checkInt64(path: string, value: unknown): bigint {
  if (typeof value !== 'bigint') {
    throw new TypeError(
      `${path} is invalid: N must be a bigint so that no digit is lost, got ${typeof value}; ` +
        'write it as BigInt("123") or 123n.',
    );
  }
  if (!isInt64(value)) {
    throw new TypeError(
      `${path} is invalid: N must be between ${INT64_MIN} and ${INT64_MAX} (a signed 64-bit integer).`,
    );
  }
  return value;
}

/** Describes a bad input value by type only, because attribute values and names are sensitive. */
function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'missing';
  }
  if (value === null) {
    return 'null';
  }
  if (value === '') {
    return 'an empty string';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  return `a ${typeof value}`;
}

function stripIpv6Brackets(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}
