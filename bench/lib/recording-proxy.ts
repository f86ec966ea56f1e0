/**
 * An HTTP proxy between a gateway and the emulator that records every DS Data call: its
 * operation, when it arrived and the status the emulator returned. The call counts and the
 * upstream rate in the benchmark come from here, so they measure what reached the service
 * rather than what the gateway believes it sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  readonly operation: string;
  /** Epoch ms at which the request reached the proxy. */
  readonly arrivedAt: number;
  readonly status: number;
}

export interface RecordingProxy {
  readonly url: string;
  readonly calls: RecordedCall[];
  /** Forgets the recorded calls, for example between two queries of a suite. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 that forwards every request to `target` (an http://127.0.0.1 URL). */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  if (upstream.hostname !== '127.0.0.1') {
    throw new Error(`The recording proxy forwards only to 127.0.0.1, got ${upstream.hostname}.`);
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const calls: RecordedCall[] = [];

  const server = http.createServer((request, response) => {
    const arrivedAt = Date.now();
    const operation = (request.url ?? '').split('?')[0]?.split('/').at(-1) ?? '';
    const forwarded = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
        agent,
      },
      (upstreamResponse) => {
        calls.push({ operation, arrivedAt, status: upstreamResponse.statusCode ?? 0 });
        response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(response);
      },
    );
    forwarded.on('error', (error) => {
      calls.push({ operation, arrivedAt, status: 502 });
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`Recording proxy could not reach the emulator: ${error.message}`);
    });
    request.pipe(forwarded);
  });
  server.keepAliveTimeout = 60_000;

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    reset: () => {
      calls.length = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
