/**
 * Memory: heap used after a forced full garbage collection, and RSS, of the gateway process,
 * sampled at a fixed interval during a sustained load, with the slope of a linear fit.
 */
import { startChild, type ChildHandle } from './lib/child.js';
import { runLoad } from './lib/load.js';
import type { Section } from './lib/report.js';
import { linearFit, round } from './lib/stats.js';
import { UNBOUND_SCHEDULER_ENV, USER_QUERY } from './measure-overhead.js';
import { SUITE_DIRECTORY_ID } from './query-suite.js';

export interface MemorySettings {
  /** Load before sampling starts, so that the JIT compiler's code is mostly in place. */
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
  readonly sampleEverySeconds: number;
  readonly requestsPerSecond: number;
  readonly connections: number;
}

/**
 * A heap slope counts as zero within noise when the 95% confidence interval of the fitted
 * slope contains zero, or when the slope is under 0.5 MiB per minute. That floor is 1 MiB
 * over a two-minute run, a few per cent of the gateway's heap.
 */
const NOISE_FLOOR_MIB_PER_MINUTE = 0.5;

const MIB = 2 ** 20;

interface Sample {
  readonly seconds: number;
  readonly heapUsedBytes: number;
  readonly rssBytes: number;
}

export async function measureMemory(settings: MemorySettings, gatewayEnv: Record<string, string>): Promise<Section> {
  const emulator = await startChild('emulator', { quota: false });
  let gateway: ChildHandle | undefined;

  try {
    gateway = await startChild(
      'server',
      { endpoint: emulator.url, directoryId: SUITE_DIRECTORY_ID, kind: 'gateway', gatewayEnv: { ...gatewayEnv, ...UNBOUND_SCHEDULER_ENV } },
      ['--expose-gc'],
      { quiet: true },
    );
    const target = gateway;

    const loadFor = (durationSeconds: number) =>
      runLoad({
        url: target.url,
        body: JSON.stringify({ query: USER_QUERY }),
        connections: settings.connections,
        durationSeconds,
        overallRate: settings.requestsPerSecond,
      });
    // Without a warm-up the fit mostly measures V8 compiling hot functions: heap snapshots of an
    // unwarmed run showed the growth to be optimized code and its metadata, not objects.
    await loadFor(settings.warmupSeconds);

    const samples: Sample[] = [];
    const startedAt = Date.now();
    const load = loadFor(settings.durationSeconds);

    // Sample until the load ends; the first sample is taken after one interval of load.
    let loadDone = false;
    void load.finally(() => (loadDone = true));
    while (!loadDone) {
      await new Promise((resolve) => setTimeout(resolve, settings.sampleEverySeconds * 1000));
      if (loadDone) {
        break;
      }
      const memory = await target.request<{ heapUsedBytes: number; rssBytes: number }>('memory');
      samples.push({ seconds: (Date.now() - startedAt) / 1000, ...memory });
    }
    const result = await load;

    const minutes = samples.map((sample) => sample.seconds / 60);
    const heapFit = linearFit(minutes, samples.map((sample) => sample.heapUsedBytes / MIB));
    const rssFit = linearFit(minutes, samples.map((sample) => sample.rssBytes / MIB));
    const halfWidth = 1.96 * heapFit.slopeStandardError;
    const withinNoise = Math.abs(heapFit.slope) <= halfWidth || Math.abs(heapFit.slope) < NOISE_FLOOR_MIB_PER_MINUTE;

    const table = [
      ['seconds', 'heap after GC (MiB)', 'RSS (MiB)'],
      ...samples.map((sample) => [
        String(round(sample.seconds, 0)),
        String(round(sample.heapUsedBytes / MIB, 2)),
        String(round(sample.rssBytes / MIB, 1)),
      ]),
    ];

    return {
      title: 'Memory',
      method:
        `The gateway process runs with \`--expose-gc\` under ${settings.requestsPerSecond} \`user\` queries per second ` +
        `for ${settings.warmupSeconds} s of warm-up and then ${settings.durationSeconds} s against an emulator with ` +
        `no quota. During the second part, every ${settings.sampleEverySeconds} s ` +
        'it runs a full garbage collection and reports heap used and RSS. The slopes are least-squares fits ' +
        `over the samples. The heap slope counts as zero within noise when its 95% confidence interval ` +
        `contains zero or it is under ${NOISE_FLOOR_MIB_PER_MINUTE} MiB/min.`,
      table,
      figures: [
        { name: 'queries sent after the warm-up', value: result.requests, unit: 'requests' },
        { name: 'samples', value: samples.length, unit: 'samples' },
        { name: 'heap after GC, first sample', value: round((samples[0]?.heapUsedBytes ?? 0) / MIB), unit: 'MiB' },
        { name: 'heap after GC, last sample', value: round((samples.at(-1)?.heapUsedBytes ?? 0) / MIB), unit: 'MiB' },
        { name: 'heap slope', value: round(heapFit.slope, 3), unit: 'MiB/min' },
        { name: 'heap slope 95% half-width', value: round(halfWidth, 3), unit: 'MiB/min' },
        { name: 'RSS, last sample', value: round((samples.at(-1)?.rssBytes ?? 0) / MIB, 1), unit: 'MiB' },
        { name: 'RSS slope', value: round(rssFit.slope, 3), unit: 'MiB/min' },
      ],
      targets: [
        {
          target: `heap slope within noise of zero (95% CI contains 0, or |slope| < ${NOISE_FLOOR_MIB_PER_MINUTE} MiB/min)`,
          measured: `${round(heapFit.slope, 3)} ± ${round(halfWidth, 3)} MiB/min over ${settings.durationSeconds} s`,
          met: withinNoise,
        },
      ],
    };
  } finally {
    await gateway?.close();
    await emulator.close();
  }
}
