/** Child process: the DS Data emulator with the demo directory, for the benchmarks. */
import { startEmulator, type QuotaOptions } from '../../src/emulator/index.js';
import { serveChild } from '../lib/child.js';

export interface EmulatorProcessOptions {
  /** `false` serves every request; an object enforces those limits (empty: the Standard edition figures). */
  readonly quota: false | QuotaOptions;
  /** Added latency per request in ms, fixed or a [min, max] range. */
  readonly latencyMs?: number | [number, number];
}

await serveChild<EmulatorProcessOptions>(async (options) => {
  const emulator = await startEmulator({
    quota: options.quota,
    ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
    logger: false,
    // No benchmark reads the emulator's requests, and keeping thousands of them per second
    // would add garbage collection in the emulator to the latency of the servers under test.
    keepRequests: 0,
  });

  return { url: emulator.url, close: () => emulator.close() };
});
