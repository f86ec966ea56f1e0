import type { FastifyRequest } from 'fastify';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { createRequestChildLoggerFactory, formatMilliseconds, writeCompletedLine } from '../../src/http/request-log.js';
import { captureLogger } from '../support/capture-logger.js';
import { startHarness, type Harness } from '../support/harness.js';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
  vi.useRealTimers();
});

/** A request as the log line reads it. Its query string must not reach the line. */
const REQUEST = { method: 'POST', url: '/graphql?query=%7B%20secret%20%7D', ip: '127.0.0.1', id: 'r-1' } as FastifyRequest;

function memoryStream(lines: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString('utf8'));
      callback();
    },
  });
}

describe('writeCompletedLine', () => {
  it('writes the line pino writes', () => {
    vi.useFakeTimers({ now: new Date('2026-12-05T08:10:15.282Z'), toFake: ['Date'] });
    const direct = captureLogger();
    const general = captureLogger();

    const written = writeCompletedLine(direct.logger.child({ requestId: 'r-1' }), REQUEST, 200, 1.23);
    general.logger.child({ requestId: 'r-1' }).info({ req: REQUEST, statusCode: 200, responseTimeMs: 1.23 }, 'request completed');

    expect(written).toBe(true);
    expect(direct.lines).toEqual(general.lines);
    expect(direct.lines).toEqual([
      '{"level":30,"time":"2026-12-05T08:10:15.282Z","service":"ds-data-gateway","requestId":"r-1",' +
        '"req":{"method":"POST","path":"/graphql","remoteAddress":"127.0.0.1"},"statusCode":200,"responseTimeMs":1.23,' +
        '"msg":"request completed"}',
    ]);
  });

  it('leaves a logger with a mixin to pino', () => {
    const lines: string[] = [];
    const logger = pino({ mixin: () => ({ zone: 'a' }) }, memoryStream(lines));

    expect(writeCompletedLine(logger, REQUEST, 200, 1.23)).toBe(false);
    expect(lines).toEqual([]);
  });

  it('leaves a multistream to pino', () => {
    const lines: string[] = [];
    const logger = pino({}, pino.multistream([{ stream: memoryStream(lines) }]));

    expect(writeCompletedLine(logger, REQUEST, 200, 1.23)).toBe(false);
    expect(lines).toEqual([]);
  });

  it('leaves another message key to pino', () => {
    const lines: string[] = [];
    const logger = pino({ messageKey: 'message' }, memoryStream(lines));

    expect(writeCompletedLine(logger, REQUEST, 200, 1.23)).toBe(false);
    expect(lines).toEqual([]);
  });
});

describe('formatMilliseconds', () => {
  it('writes every time with at most two decimals as String does', () => {
    const mismatches: string[] = [];
    for (let hundredths = 0; hundredths <= 300_000; hundredths += 1) {
      const ms = hundredths / 100;
      if (formatMilliseconds(ms) !== String(ms)) {
        mismatches.push(`${ms}: ${formatMilliseconds(ms)}`);
      }
    }
    for (const elapsed of [0.004, 0.005, 1.005, 12.345678, 999.999, 4_321_987.654321, 86_400_000.01]) {
      const ms = Math.round(elapsed * 100) / 100;
      if (formatMilliseconds(ms) !== String(ms)) {
        mismatches.push(`${ms}: ${formatMilliseconds(ms)}`);
      }
    }

    expect(mismatches).toEqual([]);
    expect([0, 0.07, 1.5, 12, 1.23].map(formatMilliseconds)).toEqual(['0', '0.07', '1.5', '12', '1.23']);
  });

  it('leaves other numbers to String', () => {
    expect([1.234, -1.5, -0, 1e13, 1e21, Number.NaN, Number.POSITIVE_INFINITY].map(formatMilliseconds)).toEqual([
      '1.234',
      '-1.5',
      '0',
      '10000000000000',
      '1e+21',
      'NaN',
      'Infinity',
    ]);
  });
});

describe('createRequestChildLoggerFactory', () => {
  /** Calls the factory as Fastify does, with the request's bindings and empty child options. */
  function requestChild(logger: ReturnType<typeof captureLogger>['logger'], bindings: Record<string, unknown>, options = {}) {
    const factory = createRequestChildLoggerFactory();
    return factory.call({} as never, logger as never, bindings, options, {} as never) as unknown as typeof logger;
  }

  it('writes the lines that pino child loggers write, grandchildren included', () => {
    vi.useFakeTimers({ now: new Date('2026-12-05T08:10:15.282Z'), toFake: ['Date'] });
    const fast = captureLogger();
    const general = captureLogger();
    const requestId = 'id "with" \\ quotes';

    const fastChild = requestChild(fast.logger, { requestId });
    fastChild.info({ statusCode: 200, token: 'secret-token' }, 'done');
    fastChild.child({ operation: 'DescribeUser', password: 'hunter2' }).warn('slow');
    const generalChild = general.logger.child({ requestId });
    generalChild.info({ statusCode: 200, token: 'secret-token' }, 'done');
    generalChild.child({ operation: 'DescribeUser', password: 'hunter2' }).warn('slow');

    expect(fast.lines).toEqual(general.lines);
    expect(fast.records()).toEqual([
      {
        level: 30,
        time: '2026-12-05T08:10:15.282Z',
        service: 'ds-data-gateway',
        requestId,
        statusCode: 200,
        token: '[Redacted]',
        msg: 'done',
      },
      {
        level: 40,
        time: '2026-12-05T08:10:15.282Z',
        service: 'ds-data-gateway',
        requestId,
        operation: 'DescribeUser',
        password: '[Redacted]',
        msg: 'slow',
      },
    ]);
  });

  it('gives each request its own id on the same parent', () => {
    const captured = captureLogger();

    requestChild(captured.logger, { requestId: 'first' }).info('one');
    requestChild(captured.logger, { requestId: 'second' }).info('two');

    expect(captured.records().map((record) => [record['requestId'], record['msg']])).toEqual([
      ['first', 'one'],
      ['second', 'two'],
    ]);
  });

  it('leaves child options and other bindings to pino and the redaction', () => {
    const captured = captureLogger();

    const quiet = requestChild(captured.logger, { requestId: 'with-level' }, { level: 'warn' });
    quiet.info('dropped');
    quiet.warn('kept');
    requestChild(captured.logger, { requestId: 'with-token', token: 'secret-token' }).info('bound');

    expect(captured.records().map((record) => [record['requestId'], record['token'], record['msg']])).toEqual([
      ['with-level', undefined, 'kept'],
      ['with-token', '[Redacted]', 'bound'],
    ]);
  });
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

  it('logs an unknown route without its query string', async () => {
    harness = await startHarness();
    const query = encodeURIComponent('query ($s: String!) { users(filter: $s) { totalCount } }');
    const variables = encodeURIComponent(JSON.stringify({ s: 'secret-search' }));
    const response = await fetch(`${harness.url}/?query=${query}&variables=${variables}`, { headers: { 'x-request-id': 'typo-1' } });
    expect(response.status).toBe(404);
    await response.text();

    const records = requestLines(harness.logLines, 'typo-1');
    expect(records.map((record) => [record.msg, record.req])).toEqual([
      ['route not found', { method: 'GET', path: '/graphql/', remoteAddress: '127.0.0.1' }],
      ['request completed', { method: 'GET', path: '/graphql/', remoteAddress: '127.0.0.1' }],
    ]);
    expect(harness.logLines.join('\n')).not.toContain('secret-search');
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
