/**
 * Abusive requests against the real gateway: each is rejected with a 4xx status and a
 * message that names the limit, before any AWS call. Limits are the defaults (depth 10,
 * 15 aliases, 10 directives, 2000 tokens, cost 50, 100 KiB bodies, batching off).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from '../support/harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

beforeEach(() => {
  harness.resetCalls();
});

/** Nests `levels` group-membership levels below one user. */
function deepQuery(levels: number): string {
  let inner = '... on User { samAccountName }';
  for (let level = 0; level < levels; level += 1) {
    inner = `... on Group { members(first: 1) { nodes { ${inner} } } }`;
  }
  return `{ user(samAccountName: "jdoe") { groups(first: 1) { nodes { members(first: 1) { nodes { ${inner} } } } } } }`;
}

async function post(body: string, contentType = 'application/json') {
  const response = await fetch(harness.url, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
}

const abusiveQueries: Array<[string, () => string, number, string]> = [
  [
    'a deep query',
    () => deepQuery(4),
    400,
    'The operation is nested 14 fields deep, more than the maximum depth of 10 (MAX_QUERY_DEPTH). Query fewer nested levels, or fetch the inner data in a second request.',
  ],
  [
    'an aliased query',
    () => `{ ${Array.from({ length: 16 }, (_, index) => `a${index}: user(samAccountName: "jdoe") { samAccountName }`).join(' ')} }`,
    400,
    'The document uses 16 aliases, more than the maximum of 15 (MAX_QUERY_ALIASES). Use fewer aliases, or split the request.',
  ],
  [
    'a wide query',
    () => '{ users(first: 250) { nodes { samAccountName distinguishedName userPrincipalName emailAddress } } }',
    400,
    'The operation can cause up to 251 AWS calls, more than the maximum cost of 50 (MAX_QUERY_COST). Request smaller pages (`first`), fewer nested lists, or fewer fields that need a Describe call per item.',
  ],
  [
    'a costly nested query',
    () => '{ users(first: 20) { nodes { groups(first: 20) { nodes { members(first: 5) { nodes { __typename } } } } } } }',
    400,
    'The operation can cause up to 421 AWS calls, more than the maximum cost of 50 (MAX_QUERY_COST). Request smaller pages (`first`), fewer nested lists, or fewer fields that need a Describe call per item.',
  ],
  [
    'a query with many directives',
    () => `{ user(samAccountName: "jdoe") { ${Array.from({ length: 11 }, () => 'samAccountName @include(if: true)').join(' ')} } }`,
    400,
    'The document uses 11 directives, more than the maximum of 10 (MAX_QUERY_DIRECTIVES). Remove repeated @include or @skip directives.',
  ],
  [
    'a query with too many tokens',
    () => `{ user(samAccountName: "jdoe") { ${'samAccountName '.repeat(2100)} } }`,
    400,
    'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.',
  ],
];

describe('abusive queries', () => {
  it.each(abusiveQueries)('rejects %s', async (_name, makeQuery, status, message) => {
    const response = await post(JSON.stringify({ query: makeQuery() }));

    expect(response.status).toBe(status);
    expect(response.json().errors?.map((error) => error.message)).toContain(message);
    expect(harness.awsCalls()).toEqual([]);
  });

  it('rejects an oversized body', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(200 * 1024) } }));

    expect(response.status).toBe(413);
    expect(response.json().errors?.map((error) => error.message)).toEqual([
      'The request body is larger than the limit of 102400 bytes (MAX_BODY_BYTES). Send a shorter document or fewer variables.',
    ]);
    expect(harness.awsCalls()).toEqual([]);
  });

  it('rejects a batch while batching is off', async () => {
    const operation = { query: '{ user(samAccountName: "jdoe") { samAccountName } }' };
    const response = await post(JSON.stringify([operation, operation]));

    expect(response.status).toBe(400);
    expect(response.json().errors?.map((error) => error.message)).toEqual([
      'Batched requests are turned off (MAX_BATCH_SIZE=0): send one operation per request.',
    ]);
    expect(harness.awsCalls()).toEqual([]);
  });

  it('serves a query within every limit', async () => {
    const response = await post(JSON.stringify({ query: deepQuery(1) }));

    expect(response.status).toBe(200);
    expect(response.json().errors).toBeUndefined();
    expect(harness.awsCalls().length).toBeGreaterThan(0);
  });
});
