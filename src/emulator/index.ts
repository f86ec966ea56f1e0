/**
 * A local emulator of AWS Directory Service Data that speaks the real wire protocol
 * (restJson1 over HTTP, SigV4), for offline runs and integration tests.
 */
import type { AddressInfo } from 'node:net';

import { pino } from 'pino';

import { demoSeed } from './demo-seed.js';
import { Emulator } from './emulator.js';
import { createDirectoryView, type DirectoryView } from './inspection.js';
import type { EmulatorOptions, RunningEmulator } from './options.js';
import { readStateFile } from './persistence.js';
import { buildDirectories } from './seed.js';
import { createHttpServer } from './server.js';

export { demoSeed, DEMO_DIRECTORY_ID, DEMO_REALM, DEMO_TRUSTED_REALM } from './demo-seed.js';
export type { EmulatorOptions, FaultKind, FaultOptions, QuotaOptions, RecordedRequest, RunningEmulator } from './options.js';
export type { DirectoryView, GroupSnapshot, MemberSnapshot, UserSnapshot } from './inspection.js';
export type { ComputerSeed, DirectorySeed, EmulatorSeed, GroupSeed, RealmSeed, UserSeed } from './seed.js';
export type { Credential } from './sigv4.js';
export { readSeedFile } from './persistence.js';

/** Starts an emulator on a loopback port and resolves once it accepts connections. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = options.clock ?? Date.now;
  const savedState = options.stateFile === undefined ? undefined : readStateFile(options.stateFile);
  const directories = buildDirectories(savedState ?? options.seed ?? demoSeed(), clock());
  const emulator = new Emulator(directories, options);
  if (!savedState) {
    emulator.saveState();
  }
  const logger =
    options.logger === false ? undefined : (options.logger ?? pino({ name: 'ds-data-emulator' }, pino.destination(2)));

  const server = createHttpServer(emulator, logger);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger?.info({ url, directories: [...directories.keys()] }, 'emulator started');

  const views = new Map<string, DirectoryView>();
  return {
    url,
    port,
    get requests() {
      // A copy, because the list inside grows to twice the limit between trims.
      emulator.trimRequests();
      return emulator.requests.slice();
    },
    clearRequests: () => {
      emulator.requests.length = 0;
    },
    directory: (id) => {
      const directory = directories.get(id);
      if (!directory) {
        throw new Error(`The emulator serves no directory ${id}; it serves ${[...directories.keys()].join(', ')}.`);
      }
      let view = views.get(id);
      if (!view) {
        view = createDirectoryView(directory.state);
        views.set(id, view);
      }
      return view;
    },
    setFaults: (faults) => emulator.faults.configure(faults),
    setQuota: (quota) => emulator.quota.configure(quota),
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
      emulator.saveState();
      logger?.info({ url }, 'emulator stopped');
    },
  };
}
