import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';

import { CounterFamily, HistogramFamily } from '../../src/http/metric-families.js';

const BUCKETS = [0.005, 0.05, 0.5, 1];
const AWKWARD_VALUE = 'quote " backslash \\ newline \n end';

describe('CounterFamily', () => {
  it('renders like a prom-client counter', async () => {
    const reference = new Registry();
    const ours = new Registry();
    const theirs = new Counter({ name: 'calls_total', help: 'Calls by operation and status.', labelNames: ['operation', 'status'], registers: [reference] });
    const family = new CounterFamily({ name: 'calls_total', help: 'Calls by operation and status.', labelNames: ['operation', 'status'], registers: [ours] });

    const increments: Array<[string, string, number]> = [
      ['ListUsers', '200', 1],
      ['DescribeUser', '404', 1],
      ['ListUsers', '200', 2.5],
      [AWKWARD_VALUE, 'none', 1],
      ['ListUsers', '429', 0],
    ];
    for (const [operation, status, amount] of increments) {
      theirs.inc({ operation, status }, amount);
      family.inc([operation, status], amount);
    }

    expect(await ours.metrics()).toBe(await reference.metrics());
    expect(await ours.metrics()).toContain('calls_total{operation="ListUsers",status="200"} 3.5\n');
  });

  it('keeps label values apart exactly', async () => {
    const registry = new Registry();
    const family = new CounterFamily({ name: 'pairs_total', help: 'Pairs.', labelNames: ['a', 'b'], registers: [registry] });
    family.inc(['x\u0000y', 'z']);
    family.inc(['x', 'y\u0000z']);

    const snapshot = await family.get();
    expect(snapshot.values).toEqual([
      { value: 1, labels: { a: 'x\u0000y', b: 'z' } },
      { value: 1, labels: { a: 'x', b: 'y\u0000z' } },
    ]);
  });

  it('rejects bad amounts and label counts', () => {
    const family = new CounterFamily({ name: 'calls_total', help: 'Calls.', labelNames: ['operation'], registers: [] });

    expect(() => family.inc(['ListUsers'], -1)).toThrow(new TypeError('Invalid increment -1 for counter calls_total: use a finite amount of 0 or more.'));
    expect(() => family.inc(['ListUsers'], Number.NaN)).toThrow(new TypeError('Invalid increment NaN for counter calls_total: use a finite amount of 0 or more.'));
    expect(() => family.inc(['ListUsers', '200'])).toThrow(new TypeError('Invalid label values for calls_total: expected 1 (operation), got 2.'));
  });

  it('forgets every series on reset', async () => {
    const registry = new Registry();
    const family = new CounterFamily({ name: 'calls_total', help: 'Calls.', labelNames: ['operation'], registers: [registry] });
    family.inc(['ListUsers']);
    registry.resetMetrics();
    family.inc(['DescribeUser']);

    expect((await family.get()).values).toEqual([{ value: 1, labels: { operation: 'DescribeUser' } }]);
  });
});

describe('HistogramFamily', () => {
  it('renders like a prom-client histogram', async () => {
    const reference = new Registry();
    const ours = new Registry();
    const options = { name: 'call_seconds', help: 'Call duration in seconds.', labelNames: ['operation', 'directory_id'] as const, buckets: BUCKETS };
    const theirs = new Histogram({ ...options, registers: [reference] });
    const family = new HistogramFamily({ ...options, registers: [ours] });

    // On a bound, between bounds, below the first, above the last, zero.
    const observations: Array<[string, string, number]> = [
      ['ListUsers', 'd-1234567890', 0.05],
      ['ListUsers', 'd-1234567890', 0.3],
      ['DescribeUser', 'd-1234567890', 0.001],
      ['ListUsers', 'd-1234567890', 12],
      [AWKWARD_VALUE, 'd-1234567890', 0],
      ['DescribeUser', 'd-1234567890', 1],
    ];
    for (const [operation, directoryId, value] of observations) {
      theirs.observe({ operation, directory_id: directoryId }, value);
      family.observe([operation, directoryId], value);
    }

    expect(await ours.metrics()).toBe(await reference.metrics());
    expect(await ours.metrics()).toContain('call_seconds_bucket{le="0.5",operation="ListUsers",directory_id="d-1234567890"} 2\n');
    expect(await ours.metrics()).toContain('call_seconds_bucket{le="+Inf",operation="ListUsers",directory_id="d-1234567890"} 3\n');
    expect(await ours.metrics()).toContain('call_seconds_sum{operation="ListUsers",directory_id="d-1234567890"} 12.35\n');
  });

  it('sorts the bucket bounds', async () => {
    const registry = new Registry();
    const family = new HistogramFamily({ name: 'call_seconds', help: 'Calls.', labelNames: [], buckets: [1, 0.05, 0.5], registers: [registry] });
    family.observe([], 0.3);

    expect((await registry.metrics()).split('\n').filter((line) => line.startsWith('call_seconds_bucket'))).toEqual([
      'call_seconds_bucket{le="0.05"} 0',
      'call_seconds_bucket{le="0.5"} 1',
      'call_seconds_bucket{le="1"} 1',
      'call_seconds_bucket{le="+Inf"} 1',
    ]);
  });

  it('rejects bad values and the le label', () => {
    const family = new HistogramFamily({ name: 'call_seconds', help: 'Calls.', labelNames: ['operation'], buckets: BUCKETS, registers: [] });

    expect(() => family.observe(['ListUsers'], Number.POSITIVE_INFINITY)).toThrow(
      new TypeError('Invalid observation Infinity for histogram call_seconds: use a finite number.'),
    );
    expect(() => new HistogramFamily({ name: 'bad_seconds', help: 'Bad.', labelNames: ['le'], buckets: BUCKETS, registers: [] })).toThrow(
      new TypeError('Invalid label name "le" for histogram bad_seconds: the buckets use it, so rename the label.'),
    );
  });
});
