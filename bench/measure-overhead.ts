/**
 * Gateway overhead: throughput and latency of a `user` query through the whole gateway,
 * beside a bare Apollo server that makes the same `DescribeUser` call (baseline a) and one
 * that returns a constant (baseline b). All three run in the same benchmark against one
 * emulator with no quota and no added latency.
 */
import { startChild, type ChildHandle } from './lib/child.js';
import { runLoad, type LoadResult } from './lib/load.js';
import { runOpenLoop, type OpenLoopResult } from './lib/open-loop.js';
import type { Section } from './lib/report.js';
import { percentile, round } from './lib/stats.js';
import { SUITE_DIRECTORY_ID } from './query-suite.js';

export const USER_QUERY = 'query { user(samAccountName: "jdoe") { samAccountName sid givenName surname enabled } }';

/** Quota settings that keep the scheduler of the gateway and of baseline a on but never binding, since the emulator enforces no quota here. */
export const UNBOUND_SCHEDULER_ENV = {
  DS_DATA_QUOTA_OVERRIDES: `${SUITE_DIRECTORY_ID}:reads=10000,writes=10000,concurrent=10000`,
  DS_DATA_ACCOUNT_RPS: '10000',
};

export interface OverheadSettings {
  readonly connections: number;
  /**
   * Load before the peak rounds. At peak, V8 went on optimizing functions of the gateway
   * for 20 to 25 s, and of baseline a for 10 to 15 s (`--trace-opt`). A shorter warm-up
   * leaves compilation in the first rounds, and the gateway pays more of it.
   */
  readonly warmupSeconds: number;
  /** Load before the latency runs of each fresh process pair. */
  readonly latencyWarmupSeconds: number;
  readonly peakSeconds: number;
  readonly latencySeconds: number;
  /** Peak runs per server, interleaved, so that each round compares the servers under the same machine load. */
  readonly rounds: number;
  /** Rounds at half the gateway's peak, each on a fresh gateway and baseline a. The median over them counts. */
  readonly latencyRounds: number;
}

export interface OverheadOutcome {
  readonly section: Section;
  /** Peak requests per second of the gateway, which the memory run reuses. */
  readonly gatewayPeak: number;
}

const BODY = JSON.stringify({ query: USER_QUERY });
const MIB = 1024 * 1024;

/** Returns whether a response carries the user and no GraphQL error. */
export function isUserAnswer(body: string): boolean {
  return body.includes('"samAccountName":"jdoe"') && !body.includes('"errors"');
}

export async function measureOverhead(settings: OverheadSettings, gatewayEnv: Record<string, string>): Promise<OverheadOutcome> {
  const emulator = await startChild('emulator', { quota: false });
  const servers: Record<'gateway' | 'describe' | 'constant', ChildHandle | undefined> = {
    gateway: undefined,
    describe: undefined,
    constant: undefined,
  };

  try {
    const common = { endpoint: emulator.url, directoryId: SUITE_DIRECTORY_ID };
    // `--expose-gc` only adds the `gc` function, so that the live heap can be read after the warm-up.
    const serverEnv = { ...gatewayEnv, ...UNBOUND_SCHEDULER_ENV };
    // Baseline a builds its DS Data client from the same configuration as the gateway.
    const startServer = (kind: 'gateway' | 'describe') =>
      startChild('server', { ...common, kind, gatewayEnv: serverEnv }, ['--expose-gc'], { quiet: true });
    servers.gateway = await startServer('gateway');
    servers.describe = await startServer('describe');
    servers.constant = await startChild('server', { ...common, kind: 'constant' }, [], { quiet: true });

    const load = (server: ChildHandle, durationSeconds: number, overallRate?: number) =>
      runLoad({
        url: server.url,
        body: BODY,
        connections: settings.connections,
        durationSeconds,
        verifyBody: isUserAnswer,
        ...(overallRate === undefined ? {} : { overallRate }),
      });

    for (const server of Object.values(servers)) {
      await load(server as ChildHandle, settings.warmupSeconds);
    }
    // A full collection marks every live object, so a larger live heap means more marking work.
    const liveHeapMiB = async (server: ChildHandle) => (await server.request<{ heapUsedBytes: number }>('memory')).heapUsedBytes / MIB;
    const gatewayHeap = await liveHeapMiB(servers.gateway);
    const describeHeap = await liveHeapMiB(servers.describe);

    const runs: Record<string, LoadResult[]> = {};
    const cpuPerRequest: Record<string, number[]> = {};
    for (let round = 0; round < settings.rounds; round += 1) {
      for (const [name, server] of Object.entries(servers)) {
        const cpuBefore = await (server as ChildHandle).request<number>('cpu');
        const result = await load(server as ChildHandle, settings.peakSeconds);
        const cpuAfter = await (server as ChildHandle).request<number>('cpu');
        checkClean(name, result);
        (cpuPerRequest[name] ??= []).push((cpuAfter - cpuBefore) / result.requests);
        (runs[name] ??= []).push(result);
      }
    }
    const gatewayRuns = runs['gateway'] ?? [];
    const describeRuns = runs['describe'] ?? [];
    const gateway = best(gatewayRuns);
    const describe = best(describeRuns);
    const constant = best(runs['constant'] ?? []);

    // The peak-run servers are done. Closing them leaves the CPUs to the latency rounds.
    for (const name of Object.keys(servers) as Array<keyof typeof servers>) {
      await servers[name]?.close();
      servers[name] = undefined;
    }

    // Latency at half the gateway's peak, the same offered rate for the gateway and baseline a,
    // sent open-loop at a steady pace (see bench/lib/open-loop.ts for why not autocannon's rate).
    const halfRate = Math.max(1, Math.floor(gateway.requestsPerSecond / 2));
    const openLoop = async (name: string, server: ChildHandle) => {
      const result = await runOpenLoop({
        url: server.url,
        body: BODY,
        rate: halfRate,
        durationSeconds: settings.latencySeconds,
        maxConnections: settings.connections * 2,
        verifyBody: isUserAnswer,
      });
      checkClean(`${name} at half rate`, result);
      return result;
    };
    const atHalf: Record<'gateway' | 'describe', OpenLoopResult[]> = { gateway: [], describe: [] };
    for (let round = 0; round < settings.latencyRounds; round += 1) {
      // Each round runs on a fresh pair of processes. V8 chooses per process which allocation
      // sites to pretenure, so processes of one build differ in their full collections, and a
      // median over the rounds of one process pair measures that pair only.
      const pair = { gateway: await startServer('gateway'), describe: await startServer('describe') };
      try {
        for (const server of Object.values(pair)) {
          await load(server, settings.latencyWarmupSeconds);
        }
        // One unrecorded run per process first. In trial runs, the first open-loop run after
        // peak load was much slower than later ones, above all for the gateway (p99 of 22 to 96 ms).
        await openLoop('gateway', pair.gateway);
        await openLoop('describe', pair.describe);
        // The order alternates, so that neither server always runs right after the other.
        const order = round % 2 === 0 ? (['gateway', 'describe'] as const) : (['describe', 'gateway'] as const);
        for (const name of order) {
          atHalf[name].push(await openLoop(name, pair[name]));
        }
      } finally {
        await pair.gateway.close();
        await pair.describe.close();
      }
    }
    const gatewayAtHalf = medianBy(atHalf.gateway, (result) => result.latencyP99Ms);
    const describeAtHalf = medianBy(atHalf.describe, (result) => result.latencyP99Ms);

    // Each round runs the servers back to back, so other work on the shared CPUs disturbs the
    // ratio within a round least. The median over the rounds counts.
    const roundRatios = gatewayRuns.map((run, index) => run.requestsPerSecond / (describeRuns[index] as LoadResult).requestsPerSecond);
    const ratioToDescribe = median(roundRatios);
    const bestRatioToDescribe = gateway.requestsPerSecond / describe.requestsPerSecond;
    const gatewayCpu = median(cpuPerRequest['gateway'] ?? []);
    const describeCpu = median(cpuPerRequest['describe'] ?? []);
    const constantCpu = median(cpuPerRequest['constant'] ?? []);
    // A single-threaded server saturates at about 1 / (CPU time per request), so this ratio
    // estimates the throughput ratio without the noise of other work on the machine.
    const cpuRatioToDescribe = describeCpu / gatewayCpu;
    const ratioToConstant = gateway.requestsPerSecond / constant.requestsPerSecond;
    // Stalls of tens of ms on the shared vCPUs set most p99 values, and they differ from run to
    // run. Each round runs both servers back to back, so the median of the differences within
    // a round compares them under the most similar conditions.
    const p99Differences = atHalf.gateway.map((result, index) => result.latencyP99Ms - (atHalf.describe[index] as OpenLoopResult).latencyP99Ms);
    const addedP99 = median(p99Differences);

    // Every round's values, so that each median above can be recomputed from the results file.
    const roundCount = Math.max(gatewayRuns.length, p99Differences.length);
    const cellOf = (value: number | undefined, digits: number) => (value === undefined ? '–' : String(round(value, digits)));
    const table = [
      [
        'round',
        'gateway req/s at peak',
        'baseline a req/s at peak',
        'throughput ratio',
        'gateway p99 at half peak (ms)',
        'baseline a p99 at half peak (ms)',
        'p99 added (ms)',
      ],
      ...Array.from({ length: roundCount }, (_, index) => [
        String(index + 1),
        cellOf(gatewayRuns[index]?.requestsPerSecond, 1),
        cellOf(describeRuns[index]?.requestsPerSecond, 1),
        cellOf(roundRatios[index], 3),
        cellOf(atHalf.gateway[index]?.latencyP99Ms, 2),
        cellOf(atHalf.describe[index]?.latencyP99Ms, 2),
        cellOf(p99Differences[index], 2),
      ]),
    ];

    const figures = [
      ...serverFigures('gateway', gateway),
      ...serverFigures('baseline a (bare Apollo + DescribeUser)', describe),
      ...serverFigures('baseline b (bare Apollo, constant)', constant),
      { name: 'gateway / baseline a throughput (median of the rounds)', value: round(ratioToDescribe, 3), unit: 'ratio' },
      { name: "gateway / baseline a throughput (each server's fastest run)", value: round(bestRatioToDescribe, 3), unit: 'ratio' },
      { name: 'gateway / baseline b throughput', value: round(ratioToConstant, 3), unit: 'ratio' },
      { name: 'gateway CPU per request (median of runs)', value: round(gatewayCpu, 3), unit: 'ms' },
      { name: 'baseline a CPU per request (median of runs)', value: round(describeCpu, 3), unit: 'ms' },
      { name: 'baseline b CPU per request (median of runs)', value: round(constantCpu, 3), unit: 'ms' },
      { name: 'baseline a / gateway CPU per request', value: round(cpuRatioToDescribe, 3), unit: 'ratio' },
      { name: 'offered rate for the latency runs', value: halfRate, unit: 'req/s' },
      { name: 'gateway p50 at half peak', value: round(gatewayAtHalf.latencyP50Ms), unit: 'ms' },
      { name: 'gateway p99 at half peak (its run with the median p99)', value: round(gatewayAtHalf.latencyP99Ms), unit: 'ms' },
      { name: 'baseline a p50 at half peak', value: round(describeAtHalf.latencyP50Ms), unit: 'ms' },
      { name: 'baseline a p99 at half peak (its run with the median p99)', value: round(describeAtHalf.latencyP99Ms), unit: 'ms' },
      { name: 'p99 added by the gateway at half peak (median of the per-round differences)', value: round(addedP99), unit: 'ms' },
      { name: 'p99 added by the gateway at half peak, smallest round', value: round(Math.min(...p99Differences)), unit: 'ms' },
      { name: 'p99 added by the gateway at half peak, largest round', value: round(Math.max(...p99Differences)), unit: 'ms' },
      { name: 'gateway heap after warm-up and a forced full GC', value: round(gatewayHeap), unit: 'MiB' },
      { name: 'baseline a heap after warm-up and a forced full GC', value: round(describeHeap), unit: 'MiB' },
      { name: 'gateway slowest response at half peak', value: round(gatewayAtHalf.latencyMaxMs), unit: 'ms' },
      { name: 'baseline a slowest response at half peak', value: round(describeAtHalf.latencyMaxMs), unit: 'ms' },
    ];

    return {
      gatewayPeak: gateway.requestsPerSecond,
      section: {
        title: 'Gateway overhead',
        method:
          `The query \`${USER_QUERY}\` goes through the gateway and through two bare Apollo Server 5 ` +
          'servers on Fastify. Baseline a resolves it with one `DescribeUser` call through the same ' +
          'DS Data client to the same emulator. Its client is built from the gateway\'s configuration: the same ' +
          'timeouts, retries and quota scheduler, whose limits are raised out of reach here as for the gateway. ' +
          'Baseline b returns a constant, which shows what Apollo Server and Fastify cost without an upstream call. The emulator runs in ' +
          'its own process with its quota off and no added latency. Every process runs the compiled ' +
          'build in `dist/`, as `npm start` does. autocannon sends from the ' +
          `benchmark process with ${settings.connections} connections. Each server gets ${settings.warmupSeconds} s of ` +
          'warm-up at peak. V8 went on optimizing functions of the gateway for 20 to 25 s of such load, and of baseline a ' +
          `for 10 to 15 s. Then come ${settings.rounds} rounds of ${settings.peakSeconds} s peak runs, one per server in turn. ` +
          "Peak throughput, p50 and p99 are those of each server's fastest run. For the throughput ratio, each round divides the " +
          "gateway's throughput by baseline a's, and the median of these ratios over the rounds counts. " +
          `Then the gateway and baseline a get ${settings.latencyRounds} rounds of one ${settings.latencySeconds} s run each at half the ` +
          "gateway's peak, sent open-loop. Requests leave at a steady pace whether or not earlier ones have returned. " +
          `Each round starts a fresh gateway and baseline a process and gives each the same ${settings.latencyWarmupSeconds} s of warm-up at peak ` +
          'and one unrecorded run before the recorded one. The order of the recorded runs alternates between rounds. ' +
          'Fresh processes matter because V8 decides per process which allocation sites to pretenure (allocate directly in ' +
          'old space), so processes of the same build differ in how much garbage reaches old space and how often they run ' +
          'full collections. With one process per server for all rounds, the median added p99 of four runs of the same code ' +
          'ranged from -1.5 to +5.1 ms. ' +
          'Latency runs from when a request was due, so waiting for a connection counts. Each server\'s p50 and p99 are those of its ' +
          'run with the median p99. The added p99 is the median over the rounds of the gateway\'s p99 minus baseline a\'s in the same round, ' +
          'so it may differ from the difference of the two p99 figures. ' +
          'On a shared 2-vCPU machine, stalls of tens of ms set most p99 values, so the rounds spread widely (see the smallest and largest ' +
          'round), and a negative difference means that baseline a had the larger stall in that round. ' +
          'Peak runs are closed-loop (each connection sends its next request when the last one returns), so their latencies are not ' +
          'comparable with those at half peak. ' +
          'CPU per request is ' +
          "the server process's user and system CPU time over a peak run divided by its requests; " +
          'it is less sensitive than throughput to other work on the machine. A server on one thread saturates at about ' +
          '1 / (CPU time per request), so the ratio of the two servers\' CPU per request estimates their throughput ratio. ' +
          'The heap figures are read after the warm-up with a forced full collection; full collections take longer on a larger heap, ' +
          'and in trial runs at half peak they caused the longest stalls.',
        figures,
        table,
        targets: [
          {
            target: 'gateway throughput ≥ 80% of baseline a (bare Apollo making the same DescribeUser call)',
            measured: `${round(ratioToDescribe * 100, 1)}% (median of the rounds; fastest runs ${round(bestRatioToDescribe * 100, 1)}%)`,
            met: ratioToDescribe >= 0.8,
          },
          {
            target: 'gateway throughput ≥ 80% of baseline a, estimated from CPU per request',
            measured: `${round(cpuRatioToDescribe * 100, 1)}%`,
            met: cpuRatioToDescribe >= 0.8,
          },
          {
            target: "p99 added latency < 5 ms at half the gateway's peak rate",
            measured: `${round(addedP99)} ms (median of ${p99Differences.length} rounds; from ${round(Math.min(...p99Differences))} to ${round(Math.max(...p99Differences))} ms)`,
            met: addedP99 < 5,
          },
        ],
      },
    };
  } finally {
    for (const server of Object.values(servers)) {
      await server?.close();
    }
    await emulator.close();
  }
}

function serverFigures(label: string, result: LoadResult) {
  return [
    { name: `${label} throughput`, value: round(result.requestsPerSecond, 1), unit: 'req/s' },
    { name: `${label} p50 latency at peak`, value: round(result.latencyP50Ms), unit: 'ms' },
    { name: `${label} p99 latency at peak`, value: round(result.latencyP99Ms), unit: 'ms' },
  ];
}

/** Fails the benchmark when a run had errors, since its throughput would then mean nothing. */
export function checkClean(name: string, result: Pick<LoadResult, 'errors' | 'non2xx' | 'mismatches'>): void {
  if (result.errors > 0 || result.non2xx > 0 || result.mismatches > 0) {
    throw new Error(
      `The ${name} run is not clean: ${result.errors} connection errors, ${result.non2xx} non-2xx responses, ` +
        `${result.mismatches} responses without the expected user.`,
    );
  }
}

function median(values: readonly number[]): number {
  return percentile(values, 50);
}

function best(results: readonly LoadResult[]): LoadResult {
  return results.reduce((top, result) => (result.requestsPerSecond > top.requestsPerSecond ? result : top));
}

/** Returns the result whose `key` is the median (the lower middle one for an even count). */
function medianBy<T>(results: readonly T[], key: (result: T) => number): T {
  const sorted = [...results].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)] as T;
}
