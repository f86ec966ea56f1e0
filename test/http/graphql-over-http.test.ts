import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { auditServer, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from '../support/harness.js';

/**
 * Audit checks that are not "ok" on purpose, by id. docs/graphql-over-http.md explains
 * each of them; a change to this list needs a change there.
 */
const EXPECTED_WARNINGS = ['572B', 'FDE2', '7B9B'];
const EXPECTED_NOTICES = ['5A70', 'D6D5', '6A70'];

/** The notices above, which the audit raises only because its GET requests lack a CSRF header. */
const GET_CHECKS_BLOCKED_BY_CSRF = ['5A70', 'D6D5', '6A70'];

function idsWithStatus(results: AuditResult[], status: AuditResult['status']): string[] {
  return results.filter((result) => result.status === status).map((result) => result.id);
}

function describeFailures(results: AuditResult[]): string[] {
  return results
    .filter((result) => result.status === 'error')
    .map((result) => `${result.id} ${result.name}: ${'reason' in result ? result.reason : ''}`);
}

describe('GraphQL-over-HTTP audit', () => {
  let harness: Harness;
  let results: AuditResult[];

  beforeAll(async () => {
    harness = await startHarness();
    results = await auditServer({ url: harness.url });
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('runs every audit', () => {
    expect(results.length).toBeGreaterThanOrEqual(61);
  });

  it('has no failures', () => {
    expect(describeFailures(results)).toEqual([]);
  });

  it('has only the documented warnings', () => {
    expect(idsWithStatus(results, 'warn')).toEqual(EXPECTED_WARNINGS);
  });

  it('has only the documented notices', () => {
    expect(idsWithStatus(results, 'notice')).toEqual(EXPECTED_NOTICES);
  });

  it('explains each warning and notice in the docs', async () => {
    const docs = await readFile(resolve(import.meta.dirname, '../../docs/graphql-over-http.md'), 'utf8');

    for (const id of [...EXPECTED_WARNINGS, ...EXPECTED_NOTICES]) {
      expect(docs, id).toContain(`**${id}**`);
    }
  });

  it('passes the GET checks with the CSRF header', async () => {
    const withHeader = await auditServer({
      url: harness.url,
      fetchFn: (input: string | URL | Request, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        headers.set('apollo-require-preflight', 'true');
        return fetch(input, { ...init, headers });
      },
    });
    const getChecks = withHeader.filter((result) => GET_CHECKS_BLOCKED_BY_CSRF.includes(result.id));

    expect(getChecks.map((result) => `${result.id} ${result.status}`)).toEqual(GET_CHECKS_BLOCKED_BY_CSRF.map((id) => `${id} ok`));
  }, 60_000);
});
