/**
 * Load generation with autocannon against a GraphQL endpoint on 127.0.0.1, with latency
 * taken from every response (sub-millisecond) rather than autocannon's whole-ms histogram.
 */
import autocannon from 'autocannon';

import { percentile } from './stats.js';

export interface LoadOptions {
  /** GraphQL endpoint, for example http://127.0.0.1:4000/graphql. */
  readonly url: string;
  /** JSON body of every POST. */
  readonly body: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Requests per second across all connections; unset sends as fast as responses return. */
  readonly overallRate?: number;
  /** Returns whether a response body is the expected result. Failures count as `mismatches`. */
  readonly verifyBody?: (body: string) => boolean;
}

export interface LoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  readonly non2xx: number;
  /** 2xx responses whose body failed `verifyBody`, such as a GraphQL error with status 200. */
  readonly mismatches: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  if (target.hostname !== '127.0.0.1') {
    throw new Error(`Load is sent only to 127.0.0.1, got ${target.hostname}.`);
  }

  const latencies: number[] = [];
  // NOTE: @types/autocannon 7.12 lacks `verifyBody`, which autocannon 9 supports, hence the cast.
  const settings = {
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: options.body,
    connections: options.connections,
    duration: options.durationSeconds,
    ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
    ...(options.verifyBody === undefined ? {} : { verifyBody: options.verifyBody }),
  } as autocannon.Options;

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(settings, (error: unknown, finished: autocannon.Result) => {
      if (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      } else {
        resolve(finished);
      }
    });
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      if (statusCode >= 200 && statusCode < 300) {
        latencies.push(responseTimeMs);
      }
    });
  });

  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / result.duration,
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    errors: result.errors,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
  };
}

/** Posts one GraphQL request and returns the parsed response body. */
export async function postGraphql(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlResponse;
}

export interface GraphqlResponse {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: ReadonlyArray<{ message: string; extensions?: { code?: string } }>;
}
