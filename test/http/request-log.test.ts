import { afterEach, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from '../support/harness.js';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

interface LogRecord {
  readonly level: number;
  readonly msg: string;
  readonly requestId?: string;
  readonly req?: { method: string; path: string; remoteAddress: string };
  readonly statusCode?: number;
  readonly responseTimeMs?: number;
}

function requestLines(lines: readonly string[], requestId: string): LogRecord[] {
  return lines.map((line) => JSON.parse(line) as LogRecord).filter((record) => record.requestId === requestId);
}

describe('request log', () => {
  it('writes one line per request', async () => {
    harness = await startHarness();
    const query = encodeURIComponent('{ user(samAccountName: "jdoe") { givenName } }');
    const response = await fetch(`${harness.url}?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true', 'x-request-id': 'trace-42' },
    });
    expect(response.status).toBe(200);
    await response.text();

    const records = requestLines(harness.logLines, 'trace-42');
    expect(records).toHaveLength(1);
    const [record] = records as [LogRecord];
    expect(record).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'GET', path: '/graphql', remoteAddress: '127.0.0.1' },
      statusCode: 200,
    });
    expect(record.responseTimeMs).toBeGreaterThan(0);
    expect(harness.logLines.join('\n')).not.toContain('jdoe');
  });

  it('logs the status of a rejected request', async () => {
    harness = await startHarness();
    const response = await fetch(harness.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad-body' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    await response.text();

    expect(requestLines(harness.logLines, 'bad-body').map((record) => [record.msg, record.statusCode])).toContainEqual([
      'request completed',
      400,
    ]);
  });

  it('also writes a line when the request arrives at debug level', async () => {
    harness = await startHarness({ env: { LOG_LEVEL: 'debug' } });
    const response = await harness.graphql('{ __typename }', undefined, { 'x-request-id': 'with-debug' });
    expect(response.status).toBe(200);

    expect(requestLines(harness.logLines, 'with-debug').map((record) => record.msg)).toEqual(
      expect.arrayContaining(['incoming request', 'request completed']),
    );
  });
});
