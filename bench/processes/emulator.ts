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
  });

  return {
    url: emulator.url,
    close: () => emulator.close(),
    requests: {
      // The emulator keeps every request for tests; a long load run must drop them.
      clearRequests: () => {
        const count = emulator.requests.length;
        emulator.clearRequests();
        return count;
      },
    },
  };
});
