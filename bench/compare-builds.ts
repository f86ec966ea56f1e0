/**
 * `npm run bench:compare -- OTHER_CHECKOUT [--rounds N]`: CPU time per request of this
 * checkout's gateway beside another checkout's, measured in one run on one machine.
 *
 * Separate `npm run bench` runs differ by a few percent on a shared machine, which hides a
 * change of that size. Here both gateways and baseline a run at the same time against one
 * emulator, and each round measures them back to back in a rotating order, so other work on
 * the machine disturbs all three alike. The figure that decides is the median over the
 * rounds of this checkout's CPU per request minus the other's.
 *
 * Both checkouts must be built (`npm run build` writes `dist/`). The result goes to
 * `bench/results/compare-latest.json`, which git ignores: it describes two local trees, not
 * the project.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { PACKAGE_ROOT } from '../src/package-root.js';
import { SAFE_AWS_ENV, type ChildHandle } from './lib/child.js';
import { runLoad } from './lib/load.js';
import { describeMachine, revisionOf } from './lib/machine.js';
import { percentile, round } from './lib/stats.js';
import { checkClean, isUserAnswer, UNBOUND_SCHEDULER_ENV, USER_QUERY } from './measure-overhead.js';
import { SUITE_DIRECTORY_ID } from './query-suite.js';

export interface CompareOptions {
  /** Root of the other checkout. */
  readonly otherRoot: string;
  readonly rounds: number;
}

export const DEFAULT_ROUNDS = 10;
const MIN_ROUNDS = 3;
const MAX_ROUNDS = 50;
const USAGE = 'Usage: npm run bench:compare -- OTHER_CHECKOUT [--rounds N]';

/** Reads the command-line arguments. A bad argument throws an error that names it and the fix. */
export function parseCompareArgs(args: readonly string[]): CompareOptions {
  let otherRoot: string | undefined;
  let rounds = DEFAULT_ROUNDS;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--rounds') {
      const value = args[index + 1];
      const parsed = Number(value);
      if (value === undefined || !Number.isInteger(parsed) || parsed < MIN_ROUNDS || parsed > MAX_ROUNDS) {
        throw new Error(`--rounds must be a whole number from ${MIN_ROUNDS} to ${MAX_ROUNDS}, got ${value ?? 'nothing'}. ${USAGE}`);
      }
      rounds = parsed;
      index += 1;
    } else if (arg.startsWith('--')) {
      throw new Error(`Unknown option ${arg}. ${USAGE}`);
    } else if (otherRoot === undefined) {
      otherRoot = arg;
    } else {
      throw new Error(`Only one other checkout can be compared, got ${otherRoot} and ${arg}. ${USAGE}`);
    }
  }
  if (otherRoot === undefined) {
    throw new Error(`The other checkout is missing. ${USAGE}`);
  }
  return { otherRoot: resolve(otherRoot), rounds };
}

export interface PairedSummary {
  readonly currentMedian: number;
  readonly otherMedian: number;
  /** Median over the rounds of current minus other. */
  readonly medianDifference: number;
  /** Rounds in which the current value was lower than the other. */
  readonly roundsCurrentLower: number;
  readonly rounds: number;
}

/** Summarizes per-round values of the two builds, where `current[i]` and `other[i]` come from the same round. */
export function summarizePairs(current: readonly number[], other: readonly number[]): PairedSummary {
  if (current.length !== other.length || current.length === 0) {
    throw new Error(`Expected one value per build in every round, got ${current.length} and ${other.length}.`);
  }
  const differences = current.map((value, index) => value - (other[index] as number));
  return {
    currentMedian: percentile(current, 50),
    otherMedian: percentile(other, 50),
    medianDifference: percentile(differences, 50),
    roundsCurrentLower: differences.filter((difference) => difference < 0).length,
    rounds: current.length,
  };
}

interface ChildModule {
  startChild(name: string, options: unknown, execArgv?: readonly string[], settings?: { quiet?: boolean }): Promise<ChildHandle>;
}

/** Loads a checkout's benchmark process launcher from its build. */
async function loadLauncher(root: string): Promise<ChildModule> {
  if (!existsSync(join(root, 'package.json'))) {
    throw new Error(`${root} is not a checkout of this project (it has no package.json). Give the path of one, such as a git worktree.`);
  }
  const launcher = join(root, 'dist', 'bench', 'lib', 'child.js');
  if (!existsSync(launcher)) {
    throw new Error(
      `${launcher} does not exist. Build that checkout first (cd ${root} && npm ci && npm run build). ` +
        'A checkout from before the benchmarks were added cannot be compared.',
    );
  }
  return (await import(pathToFileURL(launcher).href)) as ChildModule;
}

const PEAK_SECONDS = 4;
/** Load before the rounds. V8 goes on optimizing the gateway's functions for 20 to 25 s at peak, and compilation in the rounds would add noise. */
const WARMUP_SECONDS = 30;
const CONNECTIONS = 16;
const BODY = JSON.stringify({ query: USER_QUERY });

/** Runs the comparison and returns the figures for the results file. */
export async function compareBuilds(options: CompareOptions, log: (message: string) => void): Promise<Record<string, unknown>> {
  const current = await loadLauncher(PACKAGE_ROOT);
  const other = await loadLauncher(options.otherRoot);
  const gatewayOptions = (endpoint: string) => ({
    kind: 'gateway',
    endpoint,
    directoryId: SUITE_DIRECTORY_ID,
    gatewayEnv: { ...UNBOUND_SCHEDULER_ENV },
  });

  const emulator = await current.startChild('emulator', { quota: false });
  const servers: Array<[name: string, handle: ChildHandle]> = [];
  try {
    const baselineOptions = { ...gatewayOptions(emulator.url), kind: 'describe' };
    servers.push(['baseline a', await current.startChild('server', baselineOptions, [], { quiet: true })]);
    servers.push(['current', await current.startChild('server', gatewayOptions(emulator.url), [], { quiet: true })]);
    servers.push(['other', await other.startChild('server', gatewayOptions(emulator.url), [], { quiet: true })]);

    const measure = async ([name, server]: [string, ChildHandle], durationSeconds: number) => {
      const cpuBefore = await server.request<number>('cpu');
      const result = await runLoad({ url: server.url, body: BODY, connections: CONNECTIONS, durationSeconds, verifyBody: isUserAnswer });
      const cpuAfter = await server.request<number>('cpu');
      checkClean(name, result);
      return { cpuMs: (cpuAfter - cpuBefore) / result.requests, requestsPerSecond: result.requestsPerSecond };
    };

    log(`warm-up, ${WARMUP_SECONDS} s per server`);
    for (const server of servers) {
      await measure(server, WARMUP_SECONDS);
    }
    const cpu: Record<string, number[]> = {};
    const throughput: Record<string, number[]> = {};
    for (let roundIndex = 0; roundIndex < options.rounds; roundIndex += 1) {
      log(`round ${roundIndex + 1} of ${options.rounds}`);
      // The first server rotates, so each server takes each place in a round equally often.
      for (let offset = 0; offset < servers.length; offset += 1) {
        const server = servers[(roundIndex + offset) % servers.length] as [string, ChildHandle];
        const figures = await measure(server, PEAK_SECONDS);
        (cpu[server[0]] ??= []).push(figures.cpuMs);
        (throughput[server[0]] ??= []).push(figures.requestsPerSecond);
      }
    }

    const cpuSummary = summarizePairs(cpu['current'] ?? [], cpu['other'] ?? []);
    const baselineCpu = percentile(cpu['baseline a'] ?? [], 50);
    return {
      command: `npm run bench:compare -- ${options.otherRoot} --rounds ${options.rounds}`,
      date: new Date().toISOString(),
      machine: describeMachine(),
      current: { root: PACKAGE_ROOT, revision: revisionOf(PACKAGE_ROOT) },
      other: { root: options.otherRoot, revision: revisionOf(options.otherRoot) },
      settings: { connections: CONNECTIONS, peakSeconds: PEAK_SECONDS, rounds: options.rounds, query: USER_QUERY },
      perRound: { cpuPerRequestMs: cpu, throughputRequestsPerSecond: throughput },
      figures: [
        { name: 'current gateway CPU per request (median)', value: round(cpuSummary.currentMedian, 4), unit: 'ms' },
        { name: 'other gateway CPU per request (median)', value: round(cpuSummary.otherMedian, 4), unit: 'ms' },
        { name: 'current minus other, CPU per request (median of the rounds)', value: round(cpuSummary.medianDifference, 4), unit: 'ms' },
        { name: 'rounds in which current used less CPU', value: cpuSummary.roundsCurrentLower, unit: `of ${cpuSummary.rounds}` },
        { name: 'baseline a CPU per request (median)', value: round(baselineCpu, 4), unit: 'ms' },
        { name: 'baseline a / current gateway CPU per request', value: round(baselineCpu / cpuSummary.currentMedian, 3), unit: 'ratio' },
        { name: 'baseline a / other gateway CPU per request', value: round(baselineCpu / cpuSummary.otherMedian, 3), unit: 'ratio' },
        { name: 'current gateway throughput (median)', value: round(percentile(throughput['current'] ?? [], 50), 1), unit: 'req/s' },
        { name: 'other gateway throughput (median)', value: round(percentile(throughput['other'] ?? [], 50), 1), unit: 'req/s' },
      ],
    };
  } finally {
    for (const [, server] of servers) {
      await server.close();
    }
    await emulator.close();
  }
}

/** Runs from the command line: `node dist/bench/compare-builds.js OTHER_CHECKOUT [--rounds N]`. */
async function main(): Promise<void> {
  Object.assign(process.env, SAFE_AWS_ENV);
  const options = parseCompareArgs(process.argv.slice(2));
  const log = (message: string) => process.stderr.write(`[bench:compare] ${message}\n`);
  const results = await compareBuilds(options, log);
  const directory = join(PACKAGE_ROOT, 'bench', 'results');
  await mkdir(directory, { recursive: true });
  const path = join(directory, 'compare-latest.json');
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
  for (const figure of results['figures'] as Array<{ name: string; value: number; unit: string }>) {
    process.stdout.write(`${figure.name}: ${figure.value} ${figure.unit}\n`);
  }
  log(`wrote ${path}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`[bench:compare] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
