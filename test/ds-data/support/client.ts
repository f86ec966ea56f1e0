/**
 * Client settings for tests: fixed test credentials, a fixed region and an explicit
 * 127.0.0.1 endpoint, so that no test consults the default credential chain, a profile or
 * the instance-metadata address.
 */
import { StandardRetryStrategy } from '@smithy/core/retry';
import type { RetryStrategyV2 } from '@smithy/types';
import { createHash, createHmac } from 'node:crypto';

import { DirectoryServiceDataClient, type DirectoryServiceDataClientConfig } from '../../../src/ds-data/index.js';
import type { RecordedRequest } from './scripted-server.js';

export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
export const TEST_REGION = 'us-west-2';

/** Builds a standard retry strategy with a 1 ms backoff, so retry tests run fast. Retry-After waits still apply. */
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
 * Computes the SigV4 `authorization` header that a recorded request should carry, written
 * from the Signature Version 4 steps with `node:crypto` alone, so that it does not share a
 * mistake with `@smithy/signature-v4`, which both the client and the emulator use. It signs
 * the headers that the request lists in `SignedHeaders`, with the date of its `x-amz-date`.
 */
export function expectedAuthorization(recorded: RecordedRequest, region = TEST_REGION): string {
  const url = new URL(recorded.url, 'http://placeholder');
  const authorization = String(recorded.headers['authorization']);
  const signedNames = (/SignedHeaders=([^,]+)/.exec(authorization)?.[1] ?? '').split(';');
  const amzDate = String(recorded.headers['x-amz-date']);
  const date = amzDate.slice(0, 8);

  const query = [...url.searchParams.entries()]
    .map(([key, value]) => [encodeRfc3986(key), encodeRfc3986(value)] as const)
    // Code-unit order, as SigV4 sorts; each key appears once in these requests.
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const canonicalHeaders = signedNames
    .map((name) => `${name}:${String(recorded.headers[name]).trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonicalRequest = [
    recorded.method,
    url.pathname.split('/').map((segment) => encodeRfc3986(encodeRfc3986(decodeURIComponent(segment)))).join('/'),
    query,
    canonicalHeaders,
    signedNames.join(';'),
    sha256Hex(recorded.body),
  ].join('\n');

  const scope = `${date}/${region}/ds-data/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let key: Buffer = Buffer.from(`AWS4${TEST_CREDENTIALS.secretAccessKey}`);
  for (const part of [date, region, 'ds-data', 'aws4_request']) {
    key = createHmac('sha256', key).update(part).digest();
  }
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');

  return (
    `AWS4-HMAC-SHA256 Credential=${TEST_CREDENTIALS.accessKeyId}/${scope}, ` +
    `SignedHeaders=${signedNames.join(';')}, Signature=${signature}`
  );
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Percent-encodes everything but the unreserved characters of RFC 3986, as SigV4 requires. */
function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
