/**
 * Per-subject rate limit: a token bucket per caller, refilled continuously at the
 * configured rate, checked in a Fastify `onRequest` hook after authentication.
 *
 * Each subject may send `burst` requests at once and then `requestsPerMinute` a minute.
 * A request over the limit gets 429 with `Retry-After` and a GraphQL-shaped body with the
 * code `RATE_LIMITED`. Buckets live in memory, so the limit applies per gateway process.
 *
 * Two entry points: a Fastify `onRequest` hook for servers that know the subject before the
 * handler runs, and `rateLimitedError` for servers that authenticate in the Apollo context
 * function, where throwing it makes Apollo Server send the same 429.
 */
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { GraphQLError } from 'graphql';

import type { RateLimitConfig } from '../config/security.js';

export type RateLimitDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface TokenBucketOptions extends RateLimitConfig {
  /** Clock in milliseconds; tests pass a fake one. */
  readonly now?: () => number;
  /** Buckets kept before idle (full) ones are dropped, which bounds memory when many subjects call once. */
  readonly maxBuckets?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Token buckets keyed by subject. */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly tokensPerMs: number;
  private readonly now: () => number;
  private readonly maxBuckets: number;

  constructor(private readonly options: TokenBucketOptions) {
    this.tokensPerMs = options.requestsPerMinute / 60_000;
    this.now = options.now ?? Date.now;
    this.maxBuckets = options.maxBuckets ?? 10_000;
  }

  /** Takes one token from `key`'s bucket, or returns how many seconds until one is available. */
  take(key: string): RateLimitDecision {
    if (this.options.requestsPerMinute === 0) {
      return { allowed: true };
    }

    const now = this.now();
    const bucket = this.buckets.get(key) ?? this.createBucket(key, now);
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + (now - bucket.updatedAt) * this.tokensPerMs);
    bucket.updatedAt = now;

    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const waitMs = (1 - bucket.tokens) / this.tokensPerMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Number of buckets held, for tests of the memory bound. */
  get size(): number {
    return this.buckets.size;
  }

  private createBucket(key: string, now: number): Bucket {
    if (this.buckets.size >= this.maxBuckets) {
      this.dropIdleBuckets(now);
    }
    const bucket = { tokens: this.options.burst, updatedAt: now };
    this.buckets.set(key, bucket);
    return bucket;
  }

  /** Drops buckets that have refilled completely, since a new bucket for the same key would be identical. */
  private dropIdleBuckets(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.tokensPerMs >= this.options.burst) {
        this.buckets.delete(key);
      }
    }
    // NOTE: when every bucket is still refilling, the map grows past maxBuckets. Every bucket
    // is full again after burst / rate (15 s by default), and the next new key sweeps them.
  }
}

export interface RateLimitHookOptions {
  readonly config: RateLimitConfig;
  /** Rate-limit key of a request: the authenticated subject, or the client address before authentication. */
  readonly keyFor: (request: FastifyRequest) => string;
  readonly limiter?: TokenBucketLimiter;
}

/** Creates a Fastify `onRequest` hook that responds 429 once a subject exceeds its rate. */
export function createRateLimitHook(options: RateLimitHookOptions): onRequestHookHandler {
  const limiter = options.limiter ?? new TokenBucketLimiter(options.config);

  return async function rateLimit(request: FastifyRequest, reply: FastifyReply) {
    const decision = limiter.take(options.keyFor(request));
    if (decision.allowed) {
      return;
    }

    request.log.warn({ retryAfterSeconds: decision.retryAfterSeconds }, 'rate limit exceeded');
    await reply
      .code(429)
      .header('retry-after', String(decision.retryAfterSeconds))
      .header('content-type', 'application/json; charset=utf-8')
      .send(rateLimitedBody(options.config, decision.retryAfterSeconds));
  };
}

/** Body of a 429 response, shaped like a GraphQL error response so clients handle it in one place. */
export function rateLimitedBody(config: RateLimitConfig, retryAfterSeconds: number) {
  return {
    errors: [
      {
        message: `Too many requests: the limit is ${config.requestsPerMinute} per minute with bursts of ${config.burst}. Retry after ${retryAfterSeconds} s.`,
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds },
      },
    ],
  };
}

/**
 * Creates the error to throw from an Apollo Server context function when `limiter.take`
 * rejects a request. Apollo Server sends it with status 429 and the `Retry-After` header.
 */
export function rateLimitedError(config: RateLimitConfig, retryAfterSeconds: number): GraphQLError {
  const [body] = rateLimitedBody(config, retryAfterSeconds).errors;
  return new GraphQLError(body?.message ?? 'Too many requests.', {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
