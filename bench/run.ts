/**
 * `npm run bench`: runs the four benchmarks and writes `bench/results/latest.json` and
 * `docs/benchmarks.md`. Everything runs on 127.0.0.1 with fixed local credentials, and the
 * whole run takes about 11 minutes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';

import { PACKAGE_ROOT } from '../src/package-root.js';
import { SAFE_AWS_ENV } from './lib/child.js';
import { describeMachine, revisionOf } from './lib/machine.js';
import { round } from './lib/stats.js';
import { renderMarkdown, type BenchResults, type Section } from './lib/report.js';
import { measureEconomy } from './measure-economy.js';
import { measureMemory } from './measure-memory.js';
import { measureOverhead } from './measure-overhead.js';
import { measureQuota } from './measure-quota.js';

Object.assign(process.env, SAFE_AWS_ENV);

/** Gateway variables on top of the defaults in `bench/gateway.ts`, shared by every run. */
const GATEWAY_ENV: Record<string, string> = {};

const startedAt = Date.now();
const revision = revisionOf(PACKAGE_ROOT);
const loadAverageAtStart = os.loadavg();
const sections: Section[] = [];
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

log('gateway overhead (about 8.5 minutes)');
const overhead = await measureOverhead(
  { connections: 16, warmupSeconds: 30, latencyWarmupSeconds: 10, peakSeconds: 4, rounds: 8, latencySeconds: 6, latencyRounds: 7 },
  GATEWAY_ENV,
);
sections.push(overhead.section);

log('call economy');
sections.push(await measureEconomy(GATEWAY_ENV));

log('quota behaviour (about 10 seconds)');
sections.push(await measureQuota(80, GATEWAY_ENV));

log('memory (about 2.5 minutes)');
sections.push(
  await measureMemory(
    {
      warmupSeconds: 30,
      durationSeconds: 120,
      sampleEverySeconds: 5,
      requestsPerSecond: Math.max(1, Math.floor(overhead.gatewayPeak / 2)),
      connections: 16,
    },
    GATEWAY_ENV,
  ),
);

const results: BenchResults = {
  command: 'npm run bench',
  date: new Date(startedAt).toISOString(),
  revision,
  machine: describeMachine(),
  nodeVersion: process.version,
  loadAverage: { start: loadAverageAtStart.map((value) => round(value)), end: os.loadavg().map((value) => round(value)) },
  durationSeconds: Math.round((Date.now() - startedAt) / 1000),
  sections,
};

// From the package root, because this script runs from the build in dist/bench/.
const resultsDirectory = join(PACKAGE_ROOT, 'bench', 'results');
const docsDirectory = join(PACKAGE_ROOT, 'docs');
await mkdir(resultsDirectory, { recursive: true });
await mkdir(docsDirectory, { recursive: true });
await writeFile(join(resultsDirectory, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
await writeFile(join(docsDirectory, 'benchmarks.md'), renderMarkdown(results));

for (const section of sections) {
  for (const check of section.targets) {
    log(`${check.met ? 'met    ' : 'MISSED '} ${section.title}: ${check.target}: ${check.measured}`);
  }
}
log(`wrote bench/results/latest.json and docs/benchmarks.md in ${results.durationSeconds} s`);
