/**
 * Per-directory request quotas, enforced the way AWS documents them: a rate of read calls
 * and a rate of write calls per directory, a cap on concurrent calls per directory, and a
 * rate across all directories of the account.
 *
 * Rates are token buckets that hold one second of requests, so a burst up to the per-second
 * figure passes at once and the bucket refills continuously. AWS does not document its burst
 * size, so this one is an estimate. A request over a limit gets
 * ThrottlingException with `Retry-After` set to the whole seconds until a token is free.
 */
import { ACCOUNT_REQUESTS_PER_SECOND, EDITION_QUOTAS } from '../ds-data/quota-limits.js';
import type { QuotaOptions } from './options.js';
import type { DirectoryEdition } from './seed.js';
import { ServiceError } from './service-error.js';

class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  /** One second of requests, and at least one, so that a rate below 1 per second still admits a request. */
  private readonly capacity: number;

  constructor(
    private readonly ratePerSecond: number,
    now: number,
  ) {
    this.capacity = Math.max(1, ratePerSecond);
    this.tokens = this.capacity;
    this.updatedAt = now;
  }

  /** Milliseconds until a token is free; 0 means one was taken. */
  take(now: number): number {
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.ratePerSecond) / 1000);
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond);
  }
}

interface DirectoryLimits {
  readonly reads: TokenBucket;
  readonly writes: TokenBucket;
  inFlight: number;
}

export class QuotaEnforcer {
  private options: false | QuotaOptions;
  private readonly directories = new Map<string, DirectoryLimits>();
  private account: TokenBucket | undefined;

  constructor(
    options: false | QuotaOptions,
    private readonly clock: () => number,
    private readonly editionOf: (directoryId: string) => DirectoryEdition,
  ) {
    this.options = options;
  }

  /** Replaces the limits and starts every bucket full. */
  configure(options: false | QuotaOptions): void {
    this.options = options;
    this.directories.clear();
    this.account = undefined;
  }

  /**
   * Admits one request or throws ThrottlingException. The returned function ends the
   * request's share of the concurrency cap; calls after the first do nothing.
   */
  acquire(directoryId: string, kind: 'read' | 'write'): () => void {
    if (this.options === false) {
      return () => {};
    }
    const now = this.clock();
    const limits = this.limitsFor(directoryId, now);
    const maxConcurrent = this.options.maxConcurrent ?? EDITION_QUOTAS[this.editionOf(directoryId)].maxConcurrent;
    if (limits.inFlight >= maxConcurrent) {
      throw throttled(`Too many concurrent requests for directory ${directoryId}: the limit is ${maxConcurrent}.`, 1000);
    }

    const bucket = kind === 'read' ? limits.reads : limits.writes;
    const directoryWait = bucket.take(now);
    if (directoryWait > 0) {
      throw throttled(`Rate exceeded: too many ${kind} requests per second for directory ${directoryId}.`, directoryWait);
    }
    this.account ??= new TokenBucket(this.options.accountRequestsPerSecond ?? ACCOUNT_REQUESTS_PER_SECOND, now);
    const accountWait = this.account.take(now);
    if (accountWait > 0) {
      throw throttled('Rate exceeded: too many requests per second across the directories of this account.', accountWait);
    }

    limits.inFlight += 1;
    let released = false;
    return () => {
      if (!released) {
        released = true;
        limits.inFlight -= 1;
      }
    };
  }

  private limitsFor(directoryId: string, now: number): DirectoryLimits {
    let limits = this.directories.get(directoryId);
    if (!limits) {
      const defaults = EDITION_QUOTAS[this.editionOf(directoryId)];
      const options = this.options === false ? {} : this.options;
      limits = {
        reads: new TokenBucket(options.readsPerSecond ?? defaults.readsPerSecond, now),
        writes: new TokenBucket(options.writesPerSecond ?? defaults.writesPerSecond, now),
        inFlight: 0,
      };
      this.directories.set(directoryId, limits);
    }
    return limits;
  }
}

function throttled(message: string, waitMs: number): ServiceError {
  return new ServiceError('ThrottlingException', `${message} Retry after the Retry-After delay.`, undefined, Math.max(1, Math.ceil(waitMs / 1000)));
}
