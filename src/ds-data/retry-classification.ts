/**
 * Retry classification of failed DS Data attempts, in the error types of the AWS retry
 * strategies: `THROTTLING` and `TRANSIENT` are retried, and anything else surfaces at once.
 *
 * Retried:
 * - `ThrottlingException` and any 429,
 * - `InternalServerException` and any 5xx,
 * - `DirectoryUnavailableException`, unless its reason will not clear by waiting,
 * - request and connection timeouts, connection resets and refusals, temporary DNS failures.
 *
 * Not retried: every other client error, a success body that cannot be read, an abort,
 * and a quota-wait refusal.
 */
import type { DirectoryUnavailableReason } from './types.js';

/** Reasons that describe the directory's state or setup rather than its load: retrying cannot help. */
const PERSISTENT_UNAVAILABLE_REASONS: ReadonlySet<DirectoryUnavailableReason> = new Set([
  'INVALID_DIRECTORY_STATE',
  'NO_DISK_SPACE',
  'TRUST_AUTH_FAILURE',
]);

/** Node.js error codes of a connection that broke or could not be opened, and of a temporary DNS failure. */
const TRANSIENT_CONNECTION_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN']);

export type RetryableErrorType = 'THROTTLING' | 'TRANSIENT';

interface ErrorFields {
  name?: unknown;
  code?: unknown;
  Reason?: unknown;
  RetryAfterSeconds?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** Returns the retry error type of a failed attempt, or undefined when it must not be retried. */
export function isRetryableError(error: unknown): RetryableErrorType | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const fields = error as ErrorFields;
  const status = typeof fields.$metadata?.httpStatusCode === 'number' ? fields.$metadata.httpStatusCode : undefined;

  if (fields.name === 'ThrottlingException' || status === 429) {
    return 'THROTTLING';
  }
  if (fields.name === 'DirectoryUnavailableException') {
    return PERSISTENT_UNAVAILABLE_REASONS.has(fields.Reason as DirectoryUnavailableReason) ? undefined : 'TRANSIENT';
  }
  if (fields.name === 'InternalServerException' || (status !== undefined && status >= 500)) {
    return 'TRANSIENT';
  }
  if (status !== undefined) {
    return undefined;
  }

  // No HTTP response: a timeout or a broken connection, possibly wrapped by the HTTP handler.
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 3; depth += 1) {
    const cause = current as Error & { code?: unknown };
    if (cause.name === 'TimeoutError' || TRANSIENT_CONNECTION_CODES.has(String(cause.code))) {
      return 'TRANSIENT';
    }
    current = cause.cause;
  }
  return undefined;
}

/** Milliseconds a throttled caller was asked to wait (`Retry-After`), or undefined when not stated. */
export function retryAfterMs(error: unknown): number | undefined {
  const seconds = (error as ErrorFields | null)?.RetryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
