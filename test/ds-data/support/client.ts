/**
 * Client settings for tests: fixed test credentials, a fixed region and an explicit
 * 127.0.0.1 endpoint, so that no test consults the default credential chain, a profile or
 * the instance-metadata address.
 */
import { HttpRequest } from '@smithy/protocol-http';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { RetryStrategyV2 } from '@smithy/types';
import { StandardRetryStrategy } from '@smithy/core/retry';

import { DirectoryServiceDataClient, type DirectoryServiceDataClientConfig } from '../../../src/ds-data/index.js';
import type { RecordedRequest } from './scripted-server.js';

export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
export const TEST_REGION = 'us-west-2';

/** A standard retry strategy whose backoff is 1 ms, so retry tests run fast; delays from Retry-After still apply. */
export function fastRetryStrategy(maxAttempts: number): RetryStrategyV2 {
  return new StandardRetryStrategy({
    maxAttempts,
    backoff: { computeNextBackoffDelay: () => 1, setDelayBase: () => {} },
  });
}

export function createTestClient(
  endpoint: string,
  config: DirectoryServiceDataClientConfig = {},
): DirectoryServiceDataClient {
  return new DirectoryServiceDataClient({
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
    endpoint,
    retryStrategy: fastRetryStrategy(config.maxAttempts ?? 3),
    ...config,
  });
}

/**
 * Recomputes the SigV4 signature of a recorded request with the test credentials and the
 * date the client signed with, and returns the `authorization` header it should carry.
 */
export async function expectedAuthorization(recorded: RecordedRequest, host: string): Promise<string> {
  const url = new URL(recorded.url, `http://${host}`);
  // Only the headers the client signed: Node adds others (connection, content-length) on the way out.
  const authorization = String(recorded.headers['authorization']);
  const signedNames = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  const headers: Record<string, string> = {};
  for (const name of signedNames) {
    headers[name] = String(recorded.headers[name]);
  }
  const query: Record<string, string> = {};
  url.searchParams.forEach((value, key) => (query[key] = value));
  const request = new HttpRequest({
    method: recorded.method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query,
    headers,
    body: recorded.body,
  });
  const amzDate = headers['x-amz-date']!;
  const signingDate = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const signer = new SignatureV4({
    service: 'ds-data',
    region: TEST_REGION,
    credentials: TEST_CREDENTIALS,
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await signer.sign(request, { signingDate });
  return signed.headers['authorization']!;
}
