/**
 * Counters and histograms for the per-request metrics, served through a prom-client registry.
 *
 * prom-client checks and hashes the label object on every `inc` and `observe`, and keys a
 * histogram's buckets by the bound turned into a string. A CPU profile of the gateway put
 * that at about 16 µs per `user` query, over several calls. Here the series of a label set
 * is looked up once per call in nested maps, one level per label, and recording is a loop
 * over the bucket bounds. The registry formats these families exactly as it formats its own
 * counters and histograms (test/http/metric-families.test.ts compares the text).
 */
import type { Registry } from 'prom-client';

/** One sample as prom-client's `get()` returns it; the registry formats these. */
interface Sample {
  readonly value: number;
  readonly labels: Record<string, string | number>;
  readonly metricName?: string;
}

/** Snapshot of a metric, which the registry reads to render the text format. */
interface MetricSnapshot {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'histogram';
  readonly values: Sample[];
  readonly aggregator: 'sum';
}

interface FamilyOptions<Label extends string> {
  readonly name: string;
  readonly help: string;
  /** Label names in the order the samples show them. */
  readonly labelNames: readonly Label[];
  readonly registers: readonly Registry[];
}

/** Series by label values, with one map level per label. The last level contains the series. */
class SeriesIndex<Series> {
  private readonly root = new Map<string, unknown>();
  /** Every series in the order it first appeared, which is the order of the samples. */
  readonly all: Array<{ readonly labels: Record<string, string>; readonly series: Series }> = [];

  constructor(
    private readonly metricName: string,
    private readonly labelNames: readonly string[],
    private readonly create: () => Series,
  ) {}

  get(values: readonly string[]): Series {
    if (values.length !== this.labelNames.length) {
      throw new TypeError(
        `Invalid label values for ${this.metricName}: expected ${this.labelNames.length} (${this.labelNames.join(', ')}), got ${values.length}.`,
      );
    }

    let level = this.root;
    const last = values.length - 1;
    for (let index = 0; index < last; index += 1) {
      const value = values[index] as string;
      let next = level.get(value) as Map<string, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }

    const key = last >= 0 ? (values[last] as string) : '';
    let series = level.get(key) as Series | undefined;
    if (series === undefined) {
      series = this.create();
      level.set(key, series);
      const labels: Record<string, string> = {};
      this.labelNames.forEach((name, index) => {
        labels[name] = values[index] as string;
      });
      this.all.push({ labels, series });
    }
    return series;
  }

  clear(): void {
    this.root.clear();
    this.all.length = 0;
  }
}

interface CounterSeries {
  value: number;
}

/** Name, help text, series and registration, which counters and histograms share. */
abstract class MetricFamily<Series> {
  readonly name: string;
  readonly help: string;
  readonly aggregator = 'sum' as const;
  abstract readonly type: MetricSnapshot['type'];
  protected readonly index: SeriesIndex<Series>;

  constructor(options: FamilyOptions<string>, createSeries: () => Series) {
    this.name = options.name;
    this.help = options.help;
    this.index = new SeriesIndex(options.name, options.labelNames, createSeries);
    for (const registry of options.registers) {
      // The registry needs only name, help, type, aggregator, get() and reset() of a metric.
      registry.registerMetric(this as unknown as Parameters<Registry['registerMetric']>[0]);
    }
  }

  abstract get(): Promise<MetricSnapshot>;

  reset(): void {
    this.index.clear();
  }

  protected snapshot(values: Sample[]): Promise<MetricSnapshot> {
    return Promise.resolve({ name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator });
  }
}

/** A counter whose series are found by label values, in `labelNames` order. */
export class CounterFamily<Label extends string> extends MetricFamily<CounterSeries> {
  readonly type = 'counter' as const;

  constructor(options: FamilyOptions<Label>) {
    super(options, () => ({ value: 0 }));
  }

  /** Adds `amount` (1 by default, never negative) to the series of `labelValues`. */
  inc(labelValues: readonly string[], amount = 1): void {
    if (!(amount >= 0) || !Number.isFinite(amount)) {
      throw new TypeError(`Invalid increment ${amount} for counter ${this.name}: use a finite amount of 0 or more.`);
    }
    this.index.get(labelValues).value += amount;
  }

  get(): Promise<MetricSnapshot> {
    return this.snapshot(this.index.all.map(({ labels, series }) => ({ value: series.value, labels })));
  }
}

interface HistogramSeries {
  /** Observations per bucket, not cumulative. The last slot counts those above every bound. */
  readonly counts: Float64Array;
  sum: number;
  count: number;
}

/** A histogram whose series are found by label values, in `labelNames` order. */
export class HistogramFamily<Label extends string> extends MetricFamily<HistogramSeries> {
  readonly type = 'histogram' as const;
  private readonly bounds: Float64Array;

  constructor(options: FamilyOptions<Label> & { readonly buckets: readonly number[] }) {
    if (options.labelNames.includes('le' as Label)) {
      throw new TypeError(`Invalid label name "le" for histogram ${options.name}: the buckets use it, so rename the label.`);
    }
    const bounds = Float64Array.from([...options.buckets].sort((a, b) => a - b));
    super(options, () => ({ counts: new Float64Array(bounds.length + 1), sum: 0, count: 0 }));
    this.bounds = bounds;
  }

  /** Records `value` in the series of `labelValues`. */
  observe(labelValues: readonly string[], value: number): void {
    if (!Number.isFinite(value)) {
      throw new TypeError(`Invalid observation ${value} for histogram ${this.name}: use a finite number.`);
    }
    const series = this.index.get(labelValues);
    const bounds = this.bounds;
    let bucket = 0;
    while (bucket < bounds.length && value > (bounds[bucket] as number)) {
      bucket += 1;
    }
    series.counts[bucket] = (series.counts[bucket] as number) + 1;
    series.sum += value;
    series.count += 1;
  }

  get(): Promise<MetricSnapshot> {
    const values: Sample[] = [];
    const bucketName = `${this.name}_bucket`;
    for (const { labels, series } of this.index.all) {
      let cumulative = 0;
      this.bounds.forEach((bound, index) => {
        cumulative += series.counts[index] as number;
        values.push({ value: cumulative, labels: { le: bound, ...labels }, metricName: bucketName });
      });
      values.push({ value: series.count, labels: { le: '+Inf', ...labels }, metricName: bucketName });
      values.push({ value: series.sum, labels, metricName: `${this.name}_sum` });
      values.push({ value: series.count, labels, metricName: `${this.name}_count` });
    }
    return this.snapshot(values);
  }
}
