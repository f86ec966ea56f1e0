/**
 * A `node:http` server on 127.0.0.1 that records every request and responds from a script,
 * for client tests that need exact control over status, headers, body and connection
 * behaviour (reset, stall). It is not the emulator: it knows nothing of DS Data semantics.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query string exactly as received. */
  url: string;
  headers: IncomingHttpHeaders;
  /** Body text exactly as received, so number tokens can be compared as text. */
  body: string;
}

/** One scripted response: a plain response, a dropped connection, or a response that never comes. */
export type ScriptedResponse =
  | { status: number; headers?: Record<string, string>; body?: string }
  | { reset: true }
  | { stall: true };

export interface ScriptedServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** TCP connections accepted so far. */
  readonly connectionCount: number;
  /** TCP connections open now. */
  readonly openConnectionCount: number;
  /** Sets the responses, used in order; the last one repeats once the script runs out. */
  script(...responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}

export interface ScriptedServerOptions {
  /** Idle time in ms after which the server closes a keep-alive connection. Default: 60 s. */
  keepAliveTimeoutMs?: number;
}

export async function startScriptedServer(options: ScriptedServerOptions = {}): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  let responses: ScriptedResponse[] = [{ status: 200, body: '{}' }];
  const sockets = new Set<Socket>();
  let connectionCount = 0;
  const stalled: ServerResponse[] = [];

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const scripted = responses.length > 1 ? responses.shift()! : responses[0]!;
      if ('reset' in scripted) {
        request.socket.resetAndDestroy();
        return;
      }
      if ('stall' in scripted) {
        stalled.push(response);
        return;
      }
      response.writeHead(scripted.status, scripted.headers ?? { 'content-type': 'application/json' });
      response.end(scripted.body ?? '');
    });
  });
  // Node closes idle keep-alive connections after 5 s by default. Tests that wait longer
  // between attempts would then race the close and see a reset they did not script.
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 60_000;
  server.on('connection', (socket) => {
    connectionCount += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get connectionCount() {
      return connectionCount;
    },
    get openConnectionCount() {
      return sockets.size;
    },
    script(...next: ScriptedResponse[]) {
      responses = next;
    },
    async close() {
      for (const response of stalled) {
        response.destroy();
      }
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
