/**
 * Lossless JSON for the DS Data wire format.
 *
 * `AttributeValue.N` is a Smithy `long`: a signed 64-bit integer written as a bare JSON
 * number. `JSON.parse` turns every number into a double and silently rounds anything above
 * 2^53, so FILETIME values such as `accountExpires` would change on the way through. This
 * codec reads the `N` member of attribute values as `bigint` from its digits and writes
 * `bigint` back as digits. Every other number in this API (`MaxResults`, ...) is small
 * and stays a `number`.
 */
import { isLosslessNumber, parse, stringify } from 'lossless-json';

/** Digits of a JSON integer: no fraction, no exponent. */
const JSON_INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

/**
 * A JSON number in an `N` position that is not an integer literal (`1.5`, `1e3`). It is
 * kept as its source text so that a server can reject it by name and a client can report it.
 */
export class NonIntegerNumber {
  constructor(readonly text: string) {}

  toJSON(): number {
    return Number(this.text);
  }
}

/**
 * Parses a DS Data JSON body. The `N` member of every attribute value becomes a `bigint`
 * (or a `NonIntegerNumber` when its literal is not an integer); all other numbers become
 * `number`. Throws `SyntaxError` on malformed JSON.
 */
export function parseJson(text: string): unknown {
  return parse(text, (key: string, value: unknown): unknown => {
    if (!isLosslessNumber(value)) {
      return value;
    }
    // `N` is a member name only of AttributeValue in this API, so the key alone decides.
    if (key === 'N') {
      return JSON_INTEGER.test(value.value) ? BigInt(value.value) : new NonIntegerNumber(value.value);
    }
    return Number(value.value);
  });
}

/** Serializes a request or response body; `bigint` values are written as JSON integers. */
export function stringifyJson(value: unknown): string {
  const text = stringify(value);
  if (text === undefined) {
    throw new TypeError('A DS Data body must be a JSON object; got undefined.');
  }
  return text;
}

/** True when `value` fits in a signed 64-bit integer, the range of a Smithy `long`. */
export function isInt64(value: bigint): boolean {
  return value >= INT64_MIN && value <= INT64_MAX;
}
