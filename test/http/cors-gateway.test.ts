import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from '../support/harness.js';

const SANDBOX_ORIGIN = 'https://studio.apollographql.com';
const FRONTEND_ORIGIN = 'http://localhost:5173';

/** Sends the preflight that Chromium sends before a public page POSTs JSON to a private address. */
function privateNetworkPreflight(url: string, origin: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,authorization',
      'access-control-request-private-network': 'true',
    },
  });
}

describe('gateway CORS in development', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ env: { CORS_ORIGINS: `${SANDBOX_ORIGIN},${FRONTEND_ORIGIN}` } });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('grants the Sandbox private network access', async () => {
    const response = await privateNetworkPreflight(harness.url, SANDBOX_ORIGIN);

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(SANDBOX_ORIGIN);
    expect(response.headers.get('access-control-allow-private-network')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('grants a listed dev server', async () => {
    const response = await privateNetworkPreflight(harness.url, FRONTEND_ORIGIN);

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(FRONTEND_ORIGIN);
  });

  it('gives an unlisted origin no grant', async () => {
    const response = await privateNetworkPreflight(harness.url, 'https://evil.example.net');

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-private-network')).toBeNull();
    expect(harness.awsCalls()).toEqual([]);
  });

  it('answers the Sandbox query with CORS headers', async () => {
    const response = await fetch(harness.url, {
      method: 'POST',
      headers: { origin: SANDBOX_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ user(samAccountName: "jdoe") { givenName } }' }),
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(SANDBOX_ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toBe('x-request-id, retry-after, www-authenticate');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.json()).toEqual({ data: { user: { givenName: 'Jane' } } });
  });
});

describe('gateway CORS in production', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ env: { NODE_ENV: 'production', AUTH_MODE: 'off' } });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('grants no origin by default', async () => {
    const response = await privateNetworkPreflight(harness.url, SANDBOX_ORIGIN);

    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-private-network')).toBeNull();
  });

  it('serves no landing page or explorer', async () => {
    const landing = await fetch(harness.url, { headers: { accept: 'text/html' } });
    const explorer = await fetch(harness.url.replace(/\/graphql$/, '/explorer'));

    expect(landing.status).toBe(400);
    expect(await landing.text()).not.toContain('<html');
    expect(explorer.status).toBe(404);
  });

  it('rejects introspection', async () => {
    const response = await harness.graphql('{ __schema { queryType { name } } }');

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
