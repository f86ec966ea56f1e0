/**
 * Quota behaviour: a burst of concurrent `user` queries against an emulator that enforces
 * the Standard edition limits with 20-40 ms of latency per call, through the gateway with
 * its default quota scheduler.
 */
import { startChild, type ChildHandle } from './lib/child.js';
import { postGraphql } from './lib/load.js';
import { startRecordingProxy } from './lib/recording-proxy.js';
import type { Section } from './lib/report.js';
import { maxPerWindow, round } from './lib/stats.js';
import { SUITE_DIRECTORY_ID } from './query-suite.js';

/** Demo directory users that the burst cycles through. */
const USERS = ['jdoe', 'jroe', 'sjohnson', 'dmiller', 'akim', 'kthomas', 'asmith', 'nwolf'];

/** Standard edition reads per second, the limit the emulator enforces here. */
const READS_PER_SECOND = 8;
const LATENCY_MS: [number, number] = [20, 40];

export async function measureQuota(burstSize: number, gatewayEnv: Record<string, string>): Promise<Section> {
  const emulator = await startChild('emulator', { quota: {}, latencyMs: LATENCY_MS });
  const proxy = await startRecordingProxy(emulator.url);
  let gateway: ChildHandle | undefined;

  try {
    gateway = await startChild('server', { endpoint: proxy.url, directoryId: SUITE_DIRECTORY_ID, kind: 'gateway', gatewayEnv }, [], { quiet: true });
    const url = gateway.url;
    // Warm up the gateway (compiled code paths, open connections to the emulator), then wait
    // until those calls left every one-second window, so that the burst starts from a full quota.
    await Promise.all(USERS.map((name) => postGraphql(url, `query { user(samAccountName: "${name}") { samAccountName } }`)));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    proxy.reset();

    const startedAt = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: burstSize }, async (_, index) => {
        const name = USERS[index % USERS.length] as string;
        const response = await postGraphql(url, `query { user(samAccountName: "${name}") { samAccountName givenName } }`);
        return { finishedAt: Date.now(), codes: (response.errors ?? []).map((error) => error.extensions?.code ?? 'NO_CODE') };
      }),
    );
    const completionMs = Math.max(...outcomes.map((outcome) => outcome.finishedAt)) - startedAt;

    const arrivals = proxy.calls.map((call) => call.arrivedAt);
    const throttled = proxy.calls.filter((call) => call.status === 429).length;
    const errorCodes = outcomes.flatMap((outcome) => outcome.codes);
    const rateLimited = errorCodes.filter((code) => code === 'RATE_LIMITED').length;
    const maxInWindow = maxPerWindow(arrivals, 1000);
    // The n-th call cannot start before floor((n - 1) / 8) s, and it then takes at least the minimum latency.
    const lowerBoundMs = Math.floor((burstSize - 1) / READS_PER_SECOND) * 1000 + LATENCY_MS[0];
    const overBound = completionMs / lowerBoundMs - 1;

    // Where the time above the bound goes: the gateway's intake of the burst before the first
    // call, and the spacing between a call and the one a quota's width later.
    const sortedArrivals = [...arrivals].sort((a, b) => a - b);
    const firstCallMs = (sortedArrivals[0] ?? startedAt) - startedAt;
    const spacings = sortedArrivals.slice(READS_PER_SECOND).map((at, index) => at - (sortedArrivals[index] as number));
    const meanSpacingMs = spacings.reduce((sum, spacing) => sum + spacing, 0) / Math.max(1, spacings.length);

    const perSecond = countPerSecond(arrivals, startedAt);
    const table = [['second after the burst', 'DS Data calls that reached the emulator'], ...perSecond.map((count, second) => [String(second), String(count)])];

    return {
      title: 'Quota behaviour',
      method:
        `After a warm-up of ${USERS.length} queries and a 2 s pause, ${burstSize} \`user\` queries are sent at once. ` +
        'Each needs one `DescribeUser` and goes through the gateway ' +
        `with its default quota scheduler (Standard edition) to an emulator that enforces the Standard ` +
        `edition limits (${READS_PER_SECOND} reads/s, 10 concurrent) and adds ${LATENCY_MS[0]}-${LATENCY_MS[1]} ms per call. ` +
        'A proxy in front of the emulator records when each call arrives and its status. The lower bound ' +
        `is floor((${burstSize} - 1) / ${READS_PER_SECOND}) s plus the minimum latency, when the last call could start ` +
        'if no one-second window holds more than the quota. The scheduler counts a call until one ' +
        'second after its response, because only then is its arrival at the service certain, so ' +
        'each step of a quota\'s width costs one second plus one call latency.',
      table,
      figures: [
        { name: 'burst size', value: burstSize, unit: 'queries' },
        { name: 'DS Data calls', value: proxy.calls.length, unit: 'calls' },
        { name: 'max calls in any one-second window', value: maxInWindow, unit: 'calls' },
        { name: 'read quota', value: READS_PER_SECOND, unit: 'calls/s' },
        { name: 'ThrottlingException from the emulator', value: throttled, unit: 'responses' },
        { name: 'RATE_LIMITED errors seen by clients', value: rateLimited, unit: 'errors' },
        { name: 'all GraphQL errors seen by clients', value: errorCodes.length, unit: 'errors' },
        { name: 'completion time', value: completionMs, unit: 'ms' },
        { name: 'quota lower bound', value: lowerBoundMs, unit: 'ms' },
        { name: 'completion above the lower bound', value: round(overBound * 100, 1), unit: '%' },
        { name: 'first DS Data call after the burst was sent', value: firstCallMs, unit: 'ms' },
        { name: `mean time between the n-th and (n+${READS_PER_SECOND})-th call`, value: round(meanSpacingMs, 1), unit: 'ms' },
      ],
      targets: [
        {
          target: 'no throttling error reaches a client',
          measured: `${throttled} throttled upstream, ${rateLimited} RATE_LIMITED, ${errorCodes.length} errors in all`,
          met: throttled === 0 && errorCodes.length === 0,
        },
        {
          target: `upstream rate ≤ ${READS_PER_SECOND}/s in every one-second window`,
          measured: `max ${maxInWindow} in a sliding window`,
          met: maxInWindow <= READS_PER_SECOND,
        },
        {
          target: 'completion within 10% of the quota lower bound',
          measured: `${completionMs} ms against ${lowerBoundMs} ms (+${round(overBound * 100, 1)}%)`,
          met: overBound <= 0.1,
        },
      ],
    };
  } finally {
    await gateway?.close();
    await proxy.close();
    await emulator.close();
  }
}

/** Counts arrivals in consecutive one-second windows from `startedAt`. */
function countPerSecond(arrivals: readonly number[], startedAt: number): number[] {
  const counts: number[] = [];
  for (const arrivedAt of arrivals) {
    const second = Math.floor((arrivedAt - startedAt) / 1000);
    while (counts.length <= second) {
      counts.push(0);
    }
    counts[second] = (counts[second] as number) + 1;
  }
  return counts;
}
