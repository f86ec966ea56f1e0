import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  DescribeUserCommand,
  ListUsersCommand,
  paginateListUsers,
  QuotaWaitExceededError,
  UpdateUserCommand,
  type CallRecord,
  type CallScheduler,
  type DirectoryServiceDataClient,
  type ScheduledCall,
} from '../../src/ds-data/index.js';
import { QuotaScheduler } from '../../src/ds-data/scheduler.js';
import { LightAbortSignal } from '../../src/ds-data/abort-link.js';
import { createTestClient } from './support/client.js';
import { startScriptedServer, type ScriptedServer } from './support/scripted-server.js';

const DIRECTORY_ID = 'd-1234567890';

let server: ScriptedServer;
let client: DirectoryServiceDataClient;

beforeAll(async () => {
  server = await startScriptedServer();
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  client?.destroy();
  server.requests.length = 0;
  server.script({ status: 200, body: '{}' });
});

/** Creates a scheduler that runs attempts at once and records what the client handed it. */
function recordingScheduler() {
  const calls: ScheduledCall[] = [];
  const throttled: [string, number][] = [];
  const scheduler: CallScheduler = {
    schedule: (call, attempt) => {
      calls.push(call);
      return attempt();
    },
    onThrottled: (directoryId, retryAfterMs) => {
      throttled.push([directoryId, retryAfterMs]);
    },
  };
  return { scheduler, calls, throttled };
}

describe('scheduler integration', () => {
  it('schedules every attempt with the call hints', async () => {
    const { scheduler, calls, throttled } = recordingScheduler();
    client = createTestClient(server.url, { scheduler });
    server.script(
      {
        status: 429,
        headers: { 'x-amzn-errortype': 'ThrottlingException', 'retry-after': '0' },
        body: '{"Message":"Slow down."}',
      },
      { status: 200, body: '{}' },
    );
    const controller = new AbortController();

    await client.send(new UpdateUserCommand({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'twhitlock', GivenName: 'T' }), {
      abortSignal: controller.signal,
      scheduling: { callerId: 'user-7', deadline: 4_102_444_800_000 },
    });

    expect(calls).toHaveLength(2);
    expect(calls[0]).toEqual({
      directoryId: DIRECTORY_ID,
      operation: 'UpdateUser',
      kind: 'write',
      callerId: 'user-7',
      deadline: 4_102_444_800_000,
      signal: expect.any(LightAbortSignal),
    });
    expect(calls[1]).toEqual(calls[0]);
    expect(calls[0]!.signal!.aborted).toBe(false);
    controller.abort(new Error('caller left'));
    expect(calls[0]!.signal!.aborted).toBe(false);
    expect(throttled).toEqual([[DIRECTORY_ID, 0]]);
  });

  it('reports a throttle without Retry-After as a 1 s wait', async () => {
    const { scheduler, throttled } = recordingScheduler();
    client = createTestClient(server.url, { scheduler, maxAttempts: 1 });
    server.script({ status: 429, headers: { 'x-amzn-errortype': 'ThrottlingException' }, body: '{"Message":"x"}' });

    await client.send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID })).catch(() => undefined);

    expect(throttled).toEqual([[DIRECTORY_ID, 1000]]);
  });

  it('reports an unnamed 429 as a throttle', async () => {
    const { scheduler, throttled } = recordingScheduler();
    client = createTestClient(server.url, { scheduler, maxAttempts: 1 });
    server.script({ status: 429, headers: { 'content-type': 'text/plain' }, body: 'Too Many Requests' });

    await client.send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID })).catch(() => undefined);

    expect(throttled).toEqual([[DIRECTORY_ID, 1000]]);
  });

  it('marks read operations as reads', async () => {
    const { scheduler, calls } = recordingScheduler();
    client = createTestClient(server.url, { scheduler });

    await client.send(new DescribeUserCommand({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'twhitlock' }));

    expect(calls.map((call) => [call.operation, call.kind])).toEqual([['DescribeUser', 'read']]);
  });

  it('surfaces QuotaWaitExceededError unchanged and without retrying', async () => {
    const scheduler = new QuotaScheduler({ directories: { [DIRECTORY_ID]: { readsPerSecond: 1 } } });
    const records: CallRecord[] = [];
    client = createTestClient(server.url, { scheduler, onCall: (record) => records.push(record) });
    const deadline = Date.now() + 200;
    const describe = () =>
      client.send(new DescribeUserCommand({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'twhitlock' }), {
        scheduling: { deadline },
      });

    await describe();
    const error = await describe().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(QuotaWaitExceededError);
    expect((error as QuotaWaitExceededError).directoryId).toBe(DIRECTORY_ID);
    expect((error as QuotaWaitExceededError).operation).toBe('DescribeUser');
    expect(Object.hasOwn(error as object, '$metadata')).toBe(false);
    expect(server.requests).toHaveLength(1);
    expect(records.map((record) => [record.attempts, record.errorName])).toEqual([
      [1, undefined],
      [0, 'QuotaWaitExceededError'],
    ]);
  });
});

describe('abort', () => {
  it('rejects at once when the signal is already aborted', async () => {
    client = createTestClient(server.url);
    const controller = new AbortController();
    controller.abort(new Error('client went away'));

    const error = (await client
      .send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }), { abortSignal: controller.signal })
      .catch((caught: unknown) => caught)) as Error & { $metadata?: Record<string, unknown> };

    expect(error.name).toBe('AbortError');
    expect(error.message).toBe('The ListUsers call was aborted.');
    expect((error.cause as Error).message).toBe('client went away');
    expect(error.$metadata).toEqual({ attempts: 0, totalRetryDelay: 0 });
    expect(server.requests).toHaveLength(0);
  });

  it('aborts a request in flight without retrying', async () => {
    client = createTestClient(server.url);
    server.script({ stall: true });
    const controller = new AbortController();

    const sent = client
      .send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }), { abortSignal: controller.signal })
      .catch((caught: unknown) => caught);
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    const error = (await sent) as Error & { $metadata?: Record<string, unknown> };

    expect(error.name).toBe('AbortError');
    expect(error.message).toBe('The ListUsers call was aborted.');
    expect(error.$metadata).toEqual({ attempts: 1, totalRetryDelay: 0 });
    expect(server.requests).toHaveLength(1);
  });

  it('aborts the wait before a retry', async () => {
    client = createTestClient(server.url);
    server.script({
      status: 429,
      headers: { 'x-amzn-errortype': 'ThrottlingException', 'retry-after': '10' },
      body: '{"Message":"Slow down."}',
    });
    const controller = new AbortController();

    const started = performance.now();
    const sent = client
      .send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }), { abortSignal: controller.signal })
      .catch((caught: unknown) => caught);
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    const error = (await sent) as Error;

    expect(error.name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });
});

describe('shared abort signal', () => {
  it('adds no listener warning for many concurrent calls', async () => {
    client = createTestClient(server.url);
    const target = client;
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    const controller = new AbortController();

    try {
      await Promise.all(
        Array.from({ length: 30 }, () =>
          target.send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }), { abortSignal: controller.signal }),
        ),
      );
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }

    expect(warnings).toEqual([]);
    expect(server.requests).toHaveLength(30);
  });

  it('releases the caller link after each call', async () => {
    client = createTestClient(server.url, { maxAttempts: 1 });
    const caller = new LightAbortSignal();
    server.script({ status: 200, body: '{"Users":[]}' });
    await client.send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }), { abortSignal: caller });
    expect(caller.linked?.size).toBe(0);

    server.script({ status: 400, headers: { 'x-amzn-errortype': 'ValidationException' }, body: '{"Message":"bad"}' });
    const error = (await client
      .send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }), { abortSignal: caller })
      .catch((caught: unknown) => caught)) as Error;

    expect(error.name).toBe('ValidationException');
    expect(caller.linked?.size).toBe(0);
  });

  it('aborts every call in flight on one signal', async () => {
    client = createTestClient(server.url);
    const target = client;
    server.script({ stall: true });
    const controller = new AbortController();

    const sent = Array.from({ length: 12 }, () =>
      target
        .send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }), { abortSignal: controller.signal })
        .then(
          () => new Error('the call was expected to abort'),
          (caught: unknown) => caught as Error,
        ),
    );
    await vi.waitFor(() => expect(server.requests).toHaveLength(12));
    controller.abort(new Error('client went away'));
    const errors = await Promise.all(sent);

    expect(errors.map((error) => error.name)).toEqual(Array(12).fill('AbortError'));
    expect(errors.map((error) => (error.cause as Error).message)).toEqual(Array(12).fill('client went away'));
  });
});

describe('onCall hook', () => {
  it('reports a successful call without values', async () => {
    const records: CallRecord[] = [];
    client = createTestClient(server.url, { onCall: (record) => records.push(record) });
    server.script({ status: 200, headers: { 'x-amzn-requestid': 'req-ok' }, body: '{"SAMAccountName":"twhitlock"}' });

    await client.send(new DescribeUserCommand({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'twhitlock' }));

    expect(records).toEqual([
      {
        operation: 'DescribeUser',
        directoryId: DIRECTORY_ID,
        httpStatusCode: 200,
        requestId: 'req-ok',
        attempts: 1,
        totalRetryDelayMs: 0,
        latencyMs: expect.any(Number),
      },
    ]);
    expect(JSON.stringify(records)).not.toContain('twhitlock');
  });

  it('reports latency to 0.01 ms', async () => {
    const records: CallRecord[] = [];
    client = createTestClient(server.url, { onCall: (record) => records.push(record) });
    for (let call = 0; call < 5; call += 1) {
      server.script({ status: 200, body: '{"SAMAccountName":"twhitlock"}' });
      await client.send(new DescribeUserCommand({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'twhitlock' }));
    }

    const latencies = records.map((record) => record.latencyMs);
    expect(latencies).toHaveLength(5);
    for (const latency of latencies) {
      expect(latency).toBeGreaterThan(0);
      expect(Math.abs(latency * 100 - Math.round(latency * 100))).toBeLessThan(1e-6);
    }
    // Whole milliseconds for five calls in a row would mean the fraction was rounded away.
    expect(latencies.some((latency) => !Number.isInteger(latency))).toBe(true);
  });

  it('reports a failed call with its error name and attempts', async () => {
    const records: CallRecord[] = [];
    client = createTestClient(server.url, { onCall: (record) => records.push(record), maxAttempts: 2 });
    server.script({
      status: 500,
      headers: { 'x-amzn-errortype': 'InternalServerException', 'x-amzn-requestid': 'req-fail' },
      body: '{"Message":"Oops."}',
    });

    await client.send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID })).catch(() => undefined);

    expect(records).toEqual([
      {
        operation: 'ListUsers',
        directoryId: DIRECTORY_ID,
        httpStatusCode: 500,
        requestId: 'req-fail',
        attempts: 2,
        totalRetryDelayMs: expect.any(Number),
        latencyMs: expect.any(Number),
        errorName: 'InternalServerException',
      },
    ]);
  });

  it('ignores a hook that throws', async () => {
    client = createTestClient(server.url, {
      onCall: () => {
        throw new Error('logger is broken');
      },
    });

    const output = await client.send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }));

    expect(output.$metadata.httpStatusCode).toBe(200);
  });
});

describe('paginateListUsers', () => {
  it('follows NextToken until it is missing', async () => {
    client = createTestClient(server.url);
    server.script(
      { status: 200, body: '{"Users":[{"SID":"S-1","SAMAccountName":"a","Enabled":true}],"NextToken":"t1"}' },
      { status: 200, body: '{"Users":[{"SID":"S-2","SAMAccountName":"b","Enabled":true}],"NextToken":"t2"}' },
      { status: 200, body: '{"Users":[{"SID":"S-3","SAMAccountName":"c","Enabled":false}]}' },
    );

    const names: string[] = [];
    for await (const page of paginateListUsers({ client, pageSize: 1 }, { DirectoryId: DIRECTORY_ID })) {
      names.push(...(page.Users ?? []).map((user) => user.SAMAccountName ?? ''));
    }

    expect(names).toEqual(['a', 'b', 'c']);
    expect(server.requests.map((request) => request.body)).toEqual([
      '{"MaxResults":1}',
      '{"NextToken":"t1","MaxResults":1}',
      '{"NextToken":"t2","MaxResults":1}',
    ]);
  });

  it('stops when the service repeats the token it was sent', async () => {
    client = createTestClient(server.url);
    server.script({ status: 200, body: '{"Users":[],"NextToken":"same"}' });

    let pages = 0;
    for await (const _page of paginateListUsers({ client, startingToken: 'same' }, { DirectoryId: DIRECTORY_ID })) {
      pages += 1;
    }

    expect(pages).toBe(1);
    expect(server.requests).toHaveLength(1);
  });
});

describe('middleware', () => {
  const describeUser = () => new DescribeUserCommand({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'jdoe' });

  /** Returns a build-step middleware that sets `header` on each request. */
  function headerMiddleware(header: string) {
    return (next: (args: any) => Promise<any>) => async (args: any) => {
      args.request.headers[header] = 'yes';
      return next(args);
    };
  }

  it('applies client middleware added later', async () => {
    client = createTestClient(server.url);
    server.script({ status: 200, body: '{"SAMAccountName":"jdoe"}' });

    await client.send(describeUser());
    client.middlewareStack.add(headerMiddleware('x-added-later'), { step: 'build', name: 'addedLater' });
    await client.send(describeUser());

    expect(server.requests.map((request) => request.headers['x-added-later'])).toEqual([undefined, 'yes']);
  });

  it('applies middleware added through a saved add', async () => {
    client = createTestClient(server.url);
    server.script({ status: 200, body: '{"SAMAccountName":"jdoe"}' });
    const add = client.middlewareStack.add.bind(client.middlewareStack);

    await client.send(describeUser());
    add(headerMiddleware('x-saved-add'), { step: 'build', name: 'savedAdd' });
    await client.send(describeUser());

    expect(server.requests.map((request) => request.headers['x-saved-add'])).toEqual([undefined, 'yes']);
  });

  it('applies command middleware to that command', async () => {
    client = createTestClient(server.url);
    server.script({ status: 200, body: '{"SAMAccountName":"jdoe"}' });

    const command = describeUser();
    command.middlewareStack.add(headerMiddleware('x-command'), { step: 'build', name: 'commandOnly' });
    await client.send(command);
    await client.send(describeUser());

    expect(server.requests.map((request) => request.headers['x-command'])).toEqual(['yes', undefined]);
  });
});
