/**
 * ClientToken idempotency of the eight write operations.
 *
 * AWS documents that a token stays valid for 8 hours after the request that used it
 * completes: a repeat with the same parameters inside that window returns the first result
 * without applying the change again and keeps the token for another 8 hours, and a repeat
 * with any parameter changed is rejected with ConflictException. Only successful results are kept, so
 * a retry after a failure runs the operation again. Tokens are case-sensitive.
 */
import { createHash } from 'node:crypto';

import { stringifyJson } from '../ds-data/json.js';
import { conflict } from './service-error.js';

export const IDEMPOTENCY_WINDOW_MS = 8 * 60 * 60 * 1000;

interface StoredResult {
  readonly operation: string;
  readonly fingerprint: string;
  readonly result: Record<string, unknown>;
  expiresAt: number;
}

export class IdempotencyStore {
  private readonly results = new Map<string, StoredResult>();

  constructor(private readonly clock: () => number) {}

  /**
   * Runs `apply` once per token: returns the stored result of an earlier identical request
   * inside the window, rejects a changed one, and otherwise runs and stores the result.
   */
  run(
    directoryId: string,
    operation: string,
    input: Readonly<Record<string, unknown>>,
    apply: () => Record<string, unknown>,
  ): Record<string, unknown> {
    const token = input.ClientToken;
    if (typeof token !== 'string') {
      return apply();
    }

    const key = `${directoryId}\u0000${token}`;
    const fingerprint = fingerprintOf(operation, input);
    const now = this.clock();
    const stored = this.results.get(key);
    if (stored && stored.expiresAt > now) {
      if (stored.fingerprint !== fingerprint) {
        throw conflict(
          `ClientToken was already used with different parameters${stored.operation === operation ? '' : ` (by ${stored.operation})`} ` +
            'within the last 8 hours. Send a new token for a new request.',
        );
      }
      stored.expiresAt = now + IDEMPOTENCY_WINDOW_MS;
      return structuredClone(stored.result);
    }

    const result = apply();
    this.prune(now);
    this.results.set(key, {
      operation,
      fingerprint,
      result: structuredClone(result),
      expiresAt: this.clock() + IDEMPOTENCY_WINDOW_MS,
    });
    return result;
  }

  private prune(now: number): void {
    for (const [key, stored] of this.results) {
      if (stored.expiresAt <= now) {
        this.results.delete(key);
      }
    }
  }
}

/** Digest of the operation and every input member but the token, independent of member order. */
function fingerprintOf(operation: string, input: Readonly<Record<string, unknown>>): string {
  const { ClientToken: _token, ...parameters } = input;
  return createHash('sha256').update(operation).update('\u0000').update(stringifyJson(sortKeys(parameters))).digest('hex');
}

/** Copies a JSON value with object keys in sorted order, at every depth. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (typeof value === 'object' && value !== null) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}
