import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import { runOpenLoop } from '../../bench/lib/open-loop.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Starts a server on 127.0.0.1 that responds to each POST with `status` and `body`, and counts the requests. */
async function startServer(status: number, body: string): Promise<{ url: string; received: () => number }> {
  let received = 0;
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received += 1;
      response.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, received: () => received };
}

describe('runOpenLoop', () => {
  it('sends rate × duration timed requests', async () => {
    const target = await startServer(200, '{"data":{"ok":true}}');

    const result = await runOpenLoop({ url: target.url, body: '{}', rate: 200, durationSeconds: 0.5, maxConnections: 4 });

    expect(result.requests).toBe(100);
    expect(target.received()).toBe(100);
    expect(result.errors).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.mismatches).toBe(0);
    expect(result.latencyP50Ms).toBeGreaterThan(0);
    expect(result.latencyP99Ms).toBeGreaterThanOrEqual(result.latencyP50Ms);
    expect(result.latencyMaxMs).toBeGreaterThanOrEqual(result.latencyP99Ms);
  });

  it('counts errors apart from latency', async () => {
    const failing = await startServer(503, '{}');
    const failed = await runOpenLoop({ url: failing.url, body: '{}', rate: 100, durationSeconds: 0.2, maxConnections: 2 });
    expect(failed.non2xx).toBe(20);
    expect(Number.isNaN(failed.latencyP99Ms)).toBe(true);

    await new Promise<void>((resolve) => server?.close(() => resolve()));
    const wrong = await startServer(200, '{"errors":[]}');
    const mismatched = await runOpenLoop({
      url: wrong.url,
      body: '{}',
      rate: 100,
      durationSeconds: 0.2,
      maxConnections: 2,
      verifyBody: (text) => !text.includes('"errors"'),
    });
    expect(mismatched.mismatches).toBe(20);
  });

  it('rejects a target other than 127.0.0.1', async () => {
    await expect(
      runOpenLoop({ url: 'http://localhost:1/graphql', body: '{}', rate: 1, durationSeconds: 1, maxConnections: 1 }),
    ).rejects.toThrow('Load is sent only to 127.0.0.1, got localhost.');
  });

  it('rejects a rate that is not positive', async () => {
    await expect(
      runOpenLoop({ url: 'http://127.0.0.1:1/graphql', body: '{}', rate: 0, durationSeconds: 1, maxConnections: 1 }),
    ).rejects.toThrow('rate and durationSeconds must be positive, got 0 and 1.');
  });
});
