/**
 * Response deserialization for the restJson1 protocol of AWS Directory Service Data.
 *
 * A 2xx response is a JSON object of output members (an empty body counts as `{}`). Any other
 * status is an error whose name comes from the `X-Amzn-ErrorType` header or the body's
 * `code` / `__type`, with a `namespace#` prefix and a `:` suffix stripped. A modeled name
 * becomes its exception class, and any other name the base service exception with that
 * name. A response without a name (an empty 500, a proxy's HTML 502) becomes a base
 * exception named `UnknownError` that still carries the status and request id.
 */
import type { HttpResponse } from '@smithy/protocol-http';
import type { ResponseMetadata } from '@smithy/types';

import { isModeledErrorName } from './error-names.js';
import { DirectoryServiceDataServiceException, EXCEPTION_CLASSES } from './errors.js';
import { NonIntegerNumber, parseJson } from './json.js';
import type { OperationName } from './operations.js';

/** Reads the response metadata that every output and every service exception carries. */
export function responseMetadata(response: HttpResponse): ResponseMetadata {
  const metadata: ResponseMetadata = { httpStatusCode: response.statusCode };
  const requestId = header(response, 'x-amzn-requestid') ?? header(response, 'x-amz-request-id');
  if (requestId !== undefined) {
    metadata.requestId = requestId;
  }
  const extendedRequestId = header(response, 'x-amz-id-2');
  if (extendedRequestId !== undefined) {
    metadata.extendedRequestId = extendedRequestId;
  }
  const cfId = header(response, 'x-amz-cf-id');
  if (cfId !== undefined) {
    metadata.cfId = cfId;
  }
  return metadata;
}

/**
 * Turns a 2xx response into the operation output. A body that is not a JSON object, or an
 * `N` that is not an integer, raises a `DirectoryServiceDataServiceException` named
 * `DeserializationError` with `$fault: 'server'`, because the call may have taken effect
 * and the output cannot be trusted.
 */
export async function deserializeOutput(operation: OperationName, response: HttpResponse): Promise<Record<string, unknown>> {
  const $metadata = responseMetadata(response);
  const text = await readBodyText(response.body);
  if (text.trim() === '') {
    return { $metadata };
  }

  let parsed: unknown;
  try {
    parsed = parseJson(text);
  } catch (error) {
    throw deserializationError(operation, $metadata, `the body is not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw deserializationError(operation, $metadata, 'the body is not a JSON object');
  }

  try {
    normalizeAttributeMaps(parsed as Record<string, unknown>);
  } catch (error) {
    throw deserializationError(operation, $metadata, (error as Error).message);
  }
  // The parsed object is this response's own, so it takes the metadata in place.
  const output = parsed as Record<string, unknown>;
  output['$metadata'] = $metadata;
  return output;
}

/** Turns a non-2xx response into the matching exception. */
export async function deserializeError(response: HttpResponse): Promise<DirectoryServiceDataServiceException> {
  const $metadata = responseMetadata(response);
  const text = await readBodyText(response.body);

  let body: Record<string, unknown> = {};
  if (text.trim() !== '') {
    try {
      const parsed = parseJson(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        body = parsed as Record<string, unknown>;
      }
    } catch {
      // A proxy or load balancer returned HTML or plain text, so only the status is kept.
    }
  }

  const errorName = readErrorName(response, body);
  const bodyMessage = stringMember(body, 'Message') ?? stringMember(body, 'message');

  if (errorName !== undefined && isModeledErrorName(errorName)) {
    const message = bodyMessage ?? `${errorName} (HTTP ${response.statusCode}) with no message.`;
    const reason = stringMember(body, 'Reason');
    const common = { $metadata, message, Message: bodyMessage };
    switch (errorName) {
      case 'ThrottlingException':
        return new EXCEPTION_CLASSES.ThrottlingException({
          ...common,
          Message: bodyMessage,
          RetryAfterSeconds: parseRetryAfterSeconds(header(response, 'retry-after')),
        });
      case 'AccessDeniedException':
        return new EXCEPTION_CLASSES.AccessDeniedException({ ...common, Reason: reason as never });
      case 'DirectoryUnavailableException':
        return new EXCEPTION_CLASSES.DirectoryUnavailableException({ ...common, Reason: reason as never });
      case 'ValidationException':
        return new EXCEPTION_CLASSES.ValidationException({ ...common, Reason: reason as never });
      default:
        return new EXCEPTION_CLASSES[errorName](common);
    }
  }

  const name = errorName ?? 'UnknownError';
  const message =
    bodyMessage ??
    (errorName === undefined
      ? `The service returned HTTP ${response.statusCode} without an error name ` +
        `(content-type ${header(response, 'content-type') ?? 'none'}, ${text.length} characters).`
      : `${errorName} (HTTP ${response.statusCode}) with no message.`);
  const exception = new DirectoryServiceDataServiceException({
    name,
    $fault: response.statusCode >= 500 ? 'server' : 'client',
    $metadata,
    message,
  });
  const reason = stringMember(body, 'Reason');
  if (reason !== undefined) {
    Object.assign(exception, { Reason: reason });
  }
  return exception;
}

/** Reads the error name from the header, then the body, in the order restJson1 clients use. */
function readErrorName(response: HttpResponse, body: Record<string, unknown>): string | undefined {
  const raw = header(response, 'x-amzn-errortype') ?? stringMember(body, 'code') ?? stringMember(body, '__type');
  if (raw === undefined) {
    return undefined;
  }
  let name = raw;
  const colon = name.indexOf(':');
  if (colon >= 0) {
    name = name.slice(0, colon);
  }
  const hash = name.lastIndexOf('#');
  if (hash >= 0) {
    name = name.slice(hash + 1);
  }
  name = name.trim();
  return name === '' ? undefined : name;
}

/** `Retry-After` for this service is a whole number of seconds; other forms are ignored. */
function parseRetryAfterSeconds(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) {
    return undefined;
  }
  return Number(value.trim());
}

/**
 * Rewrites every `Attributes` map in an output in place: a union member this client does not
 * know becomes `{ $unknown: [name, value] }`, and an `N` sent as a quoted integer becomes a
 * `bigint` like a bare one. Throws when an `N` is not an integer.
 */
function normalizeAttributeMaps(output: Record<string, unknown>): void {
  normalizeAttributes(output['OtherAttributes']);
  for (const listMember of ['Users', 'Groups'] as const) {
    const items = output[listMember];
    if (Array.isArray(items)) {
      for (const item of items) {
        if (typeof item === 'object' && item !== null) {
          normalizeAttributes((item as Record<string, unknown>)['OtherAttributes']);
        }
      }
    }
  }
}

const KNOWN_UNION_MEMBERS = new Set(['S', 'N', 'BOOL', 'SS']);
const INTEGER_TEXT = /^-?(?:0|[1-9][0-9]*)$/;

function normalizeAttributes(map: unknown): void {
  if (typeof map !== 'object' || map === null) {
    return;
  }
  const attributes = map as Record<string, unknown>;
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value !== 'object' || value === null) {
      continue;
    }
    const union = value as Record<string, unknown>;
    const keys = Object.keys(union);
    if (keys.length === 1 && !KNOWN_UNION_MEMBERS.has(keys[0]!)) {
      attributes[name] = { $unknown: [keys[0], union[keys[0]!]] };
      continue;
    }

    const number = union['N'];
    if (number instanceof NonIntegerNumber) {
      throw new Error(`attribute ${name} has an N value that is not an integer`);
    }
    if (typeof number === 'string') {
      if (!INTEGER_TEXT.test(number)) {
        throw new Error(`attribute ${name} has an N value that is not an integer`);
      }
      union['N'] = BigInt(number);
    }
  }
}

function deserializationError(
  operation: OperationName,
  $metadata: ResponseMetadata,
  detail: string,
): DirectoryServiceDataServiceException {
  return new DirectoryServiceDataServiceException({
    name: 'DeserializationError',
    $fault: 'server',
    $metadata,
    message: `The ${operation} response (HTTP ${$metadata.httpStatusCode}) could not be read: ${detail}.`,
  });
}

function header(response: HttpResponse, name: string): string | undefined {
  for (const [key, value] of Object.entries(response.headers)) {
    if (key.toLowerCase() === name) {
      return value;
    }
  }
  return undefined;
}

function stringMember(body: Record<string, unknown>, member: string): string | undefined {
  const value = body[member];
  return typeof value === 'string' ? value : undefined;
}

/** Collects a response body (a Node stream from the HTTP handler, or bytes in tests) as UTF-8 text. */
async function readBodyText(body: unknown): Promise<string> {
  if (body === undefined || body === null) {
    return '';
  }
  if (typeof body === 'string') {
    return body;
  }
  if (body instanceof Uint8Array) {
    return Buffer.from(body).toString('utf8');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
