import { afterEach, describe, expect, it, vi } from 'vitest';

import { ListUsersCommand, type DirectoryServiceDataClient } from '../../src/ds-data/index.js';
import { createTestClient } from './support/client.js';
import { startScriptedServer, type ScriptedServer } from './support/scripted-server.js';

const DIRECTORY_ID = 'd-1234567890';

let server: ScriptedServer | undefined;
let client: DirectoryServiceDataClient | undefined;

afterEach(async () => {
  client?.destroy();
  await server?.close();
});

describe('connection pool', () => {
  it('reuses at most maxSockets connections', async () => {
    server = await startScriptedServer();
    client = createTestClient(server.url, { maxSockets: 4 });
    const target = client;

    const outputs = await Promise.all(
      Array.from({ length: 100 }, () => target.send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }))),
    );

    expect(outputs.every((output) => output.$metadata.httpStatusCode === 200)).toBe(true);
    expect(server.requests).toHaveLength(100);
    expect(server.connectionCount).toBeLessThanOrEqual(4);
  });

  it('keeps a connection open between calls', async () => {
    server = await startScriptedServer();
    client = createTestClient(server.url);

    await client.send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }));
    await client.send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }));

    expect(server.connectionCount).toBe(1);
    expect(server.requests[0]!.headers['connection']).toBe('keep-alive');
  });

  it('drops an idle socket before the server times it out', async () => {
    // The server announces `Keep-Alive: timeout=2` and closes idle sockets after 2 s. The
    // client must drop its idle socket 1 s earlier instead of racing the server's close.
    server = await startScriptedServer({ keepAliveTimeoutMs: 2000 });
    client = createTestClient(server.url);
    await client.send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }));
    expect(server.openConnectionCount).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 1500));

    expect(server.openConnectionCount).toBe(0);
    const output = await client.send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }));
    expect(output.$metadata.attempts).toBe(1);
    expect(server.connectionCount).toBe(2);
  });

  it('closes pooled sockets on destroy', async () => {
    server = await startScriptedServer();
    client = createTestClient(server.url);
    await client.send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }));
    expect(server.openConnectionCount).toBe(1);

    client.destroy();

    const running = server;
    await vi.waitFor(() => expect(running.openConnectionCount).toBe(0));
  });

  it('opens a new connection after destroy', async () => {
    server = await startScriptedServer();
    client = createTestClient(server.url);
    await client.send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }));
    client.destroy();

    const output = await client.send(new ListUsersCommand({ DirectoryId: DIRECTORY_ID }));

    expect(output.$metadata.httpStatusCode).toBe(200);
    expect(server.connectionCount).toBe(2);
  });
});
