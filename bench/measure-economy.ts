/**
 * Call economy: DS Data calls per operation of the query suite, counted at a recording
 * proxy in front of the emulator, for the gateway and for the naive gateway.
 */
import { startChild, type ChildHandle } from './lib/child.js';
import { postGraphql } from './lib/load.js';
import { startRecordingProxy, type RecordingProxy } from './lib/recording-proxy.js';
import type { Section } from './lib/report.js';
import { countByOperation, QUERY_SUITE, SUITE_DIRECTORY_ID, totalCalls, type SuiteQuery } from './query-suite.js';

export interface SuiteCount {
  readonly query: SuiteQuery;
  readonly calls: Record<string, number>;
  /** GraphQL error messages of the response, if any. */
  readonly errors: string[];
}

/** Runs each suite query once through `server` and returns the calls that reached the proxy. */
export async function countSuiteCalls(server: ChildHandle | { url: string }, proxy: RecordingProxy): Promise<SuiteCount[]> {
  const counts: SuiteCount[] = [];
  for (const query of QUERY_SUITE) {
    proxy.reset();
    const response = await postGraphql(server.url, query.query, query.variables);
    counts.push({
      query,
      calls: countByOperation(proxy.calls.map((call) => call.operation)),
      errors: (response.errors ?? []).map((error) => `${error.extensions?.code ?? 'no code'}: ${error.message}`),
    });
  }
  return counts;
}

/** Formats a call map as `DescribeUser 1, ListUsers 1`, or `none`. */
export function formatCalls(calls: Readonly<Partial<Record<string, number>>>): string {
  const parts = Object.entries(calls)
    .filter(([, count]) => (count ?? 0) > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([operation, count]) => `${operation} ${count}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** Returns whether two call maps name the same operations with the same counts. */
export function sameCalls(a: Readonly<Partial<Record<string, number>>>, b: Readonly<Partial<Record<string, number>>>): boolean {
  return formatCalls(a) === formatCalls(b);
}

export async function measureEconomy(gatewayEnv: Record<string, string>): Promise<Section> {
  const emulator = await startChild('emulator', { quota: false });
  const proxy = await startRecordingProxy(emulator.url);
  const common = { endpoint: proxy.url, directoryId: SUITE_DIRECTORY_ID };
  let gateway: ChildHandle | undefined;
  let naive: ChildHandle | undefined;

  try {
    gateway = await startChild('server', { ...common, kind: 'gateway', gatewayEnv }, [], { quiet: true });
    naive = await startChild('server', { ...common, kind: 'naive' }, [], { quiet: true });
    const gatewayCounts = await countSuiteCalls(gateway, proxy);
    const naiveCounts = await countSuiteCalls(naive, proxy);

    const table: string[][] = [['query', 'minimum calls', 'gateway', 'naive gateway', 'gateway errors']];
    let atMinimum = 0;
    let gatewayTotal = 0;
    let naiveTotal = 0;
    let minimumTotal = 0;
    for (const [index, counted] of gatewayCounts.entries()) {
      const naiveCounted = naiveCounts[index] as SuiteCount;
      const matches = sameCalls(counted.calls, counted.query.minimumCalls) && counted.errors.length === 0;
      atMinimum += matches ? 1 : 0;
      gatewayTotal += totalCalls(counted.calls);
      naiveTotal += totalCalls(naiveCounted.calls);
      minimumTotal += totalCalls(counted.query.minimumCalls);
      table.push([
        counted.query.name,
        `${formatCalls(counted.query.minimumCalls)} (${counted.query.reason})`,
        `${formatCalls(counted.calls)}${matches ? '' : ' **≠ minimum**'}`,
        formatCalls(naiveCounted.calls),
        counted.errors.length > 0 ? counted.errors.join('; ') : 'none',
      ]);
    }

    return {
      title: 'Call economy',
      method:
        'Each query of the suite in `bench/query-suite.ts` is sent once to the gateway and once to ' +
        'the naive gateway in `bench/naive-gateway.ts` (one resolver and one AWS call per field, no ' +
        'loaders). A proxy in front of the emulator counts the DS Data calls that reach it. ' +
        '`test/bench/query-suite.test.ts` asserts the same counts, so a change that adds a call fails CI.',
      table,
      figures: [
        { name: 'suite queries', value: QUERY_SUITE.length, unit: 'queries' },
        { name: 'queries at the documented minimum', value: atMinimum, unit: 'queries' },
        { name: 'documented minimum, whole suite', value: minimumTotal, unit: 'calls' },
        { name: 'gateway, whole suite', value: gatewayTotal, unit: 'calls' },
        { name: 'naive gateway, whole suite', value: naiveTotal, unit: 'calls' },
      ],
      targets: [
        {
          target: 'AWS calls equal to the documented minimum for every suite query',
          measured: `${atMinimum} of ${QUERY_SUITE.length} queries (${gatewayTotal} calls against a minimum of ${minimumTotal})`,
          met: atMinimum === QUERY_SUITE.length,
        },
      ],
    };
  } finally {
    await gateway?.close();
    await naive?.close();
    await proxy.close();
    await emulator.close();
  }
}
