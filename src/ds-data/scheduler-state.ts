/**
 * The quota state behind the scheduler: how many calls each directory started recently,
 * how many are in flight, and until when AWS asked it to pause.
 *
 * The scheduler keeps its queues to itself and queries this state only for whether a call may start
 * now. One gateway replica uses `InMemoryQuotaState`. Replicas that share a directory need
 * a state backed by a shared store; such a state can keep these methods synchronous by
 * leasing small batches of starts from the store in the background, so it plugs in here
 * without changes to the scheduler.
 */
import { ACCOUNT_REQUESTS_PER_SECOND, rateFor, type DirectoryQuota } from './quota-limits.js';

export type CallKind = 'read' | 'write';

/** Outcome of `tryStart`: the limit that blocked the call and the earliest epoch ms worth trying again. */
export type StartDecision =
  | { readonly started: true }
  | { readonly started: false; readonly blockedBy: 'pause' | 'rate' | 'account'; readonly retryAt: number }
  /** Only a finishing call frees a slot, so there is no time to retry at. */
  | { readonly started: false; readonly blockedBy: 'concurrency' };

export interface QuotaState {
  /**
   * Starts a call if the directory is not paused, its rate for `kind` and the account rate
   * allow one more start in the current window, and fewer than `quota.maxConcurrent` calls
   * are in flight. A started call keeps its concurrency slot until `finish`.
   */
  tryStart(directoryId: string, kind: CallKind, quota: DirectoryQuota, now: number): StartDecision;

  /** Releases the concurrency slot of a call that `tryStart` started. */
  finish(directoryId: string): void;

  /** Stops new starts on the directory until `until` (epoch ms); an earlier `until` never shortens a pause. */
  pause(directoryId: string, until: number): void;

  /** Epoch ms until which the directory is paused, or 0 when it is not. */
  pausedUntil(directoryId: string, now: number): number;

  /**
   * Returns the earliest epoch ms at which each of the next `count` calls of `kind` could
   * start if nothing else started in between. The values are lower bounds: they ignore the
   * concurrency cap and calls to other directories that share the account rate.
   */
  projectStarts(directoryId: string, kind: CallKind, quota: DirectoryQuota, now: number, count: number): number[];
}

/**
 * Start times of the calls in the last window, oldest first. A call may start while fewer
 * than `limit` starts fall in the window that ends now, so no window of `windowMs` contains
 * more than `limit` starts. A token bucket would allow up to twice its rate in a window that
 * begins with a full bucket.
 */
export class SlidingWindowLog {
  private readonly starts: number[] = [];

  constructor(private readonly windowMs: number) {}

  get size(): number {
    return this.starts.length;
  }

  /** Drops starts that no window ending at `now` or later contains. */
  prune(now: number): void {
    const oldest = now - this.windowMs;
    while (this.starts.length > 0 && (this.starts[0] as number) <= oldest) {
      this.starts.shift();
    }
  }

  /** Returns `now` when a start fits under `limit`, else the epoch ms when the oldest blocking start leaves the window. */
  nextStartAt(limit: number, now: number): number {
    this.prune(now);
    const blocking = this.starts.length - limit;
    if (blocking < 0) {
      return now;
    }
    return (this.starts[blocking] as number) + this.windowMs;
  }

  record(now: number): void {
    this.starts.push(now);
  }

  /** Returns the earliest start of each of the next `count` calls under `limit`, starting at `now`. */
  project(limit: number, now: number, count: number): number[] {
    this.prune(now);
    const timeline = [...this.starts];
    const projected: number[] = [];

    for (let k = 0; k < count; k += 1) {
      // The next call must wait until the start `limit` places before it leaves the window.
      const blocker = timeline.length - limit;
      const at = blocker >= 0 ? Math.max(now, (timeline[blocker] as number) + this.windowMs) : now;
      timeline.push(at);
      projected.push(at);
    }
    return projected;
  }
}

interface DirectoryRecord {
  readonly reads: SlidingWindowLog;
  readonly writes: SlidingWindowLog;
  inFlight: number;
  pausedUntil: number;
}

export interface InMemoryQuotaStateOptions {
  /** Requests per second across all directories of the account; default 100. */
  readonly accountRequestsPerSecond?: number;
  /** Length of a rate window in ms; default 1000 (the quotas are per second). */
  readonly windowMs?: number;
}

/** Quota state of a single gateway process. */
export class InMemoryQuotaState implements QuotaState {
  private readonly directories = new Map<string, DirectoryRecord>();
  private readonly account: SlidingWindowLog;
  private readonly accountLimit: number;
  private readonly windowMs: number;
  private lastSweep = 0;

  constructor(options: InMemoryQuotaStateOptions = {}) {
    this.windowMs = options.windowMs ?? 1000;
    this.accountLimit = options.accountRequestsPerSecond ?? ACCOUNT_REQUESTS_PER_SECOND;
    this.account = new SlidingWindowLog(this.windowMs);
  }

  /** Number of directories with recorded state, for tests that check idle state is dropped. */
  get directoryCount(): number {
    return this.directories.size;
  }

  tryStart(directoryId: string, kind: CallKind, quota: DirectoryQuota, now: number): StartDecision {
    this.sweep(now);
    const record = this.record(directoryId);

    if (record.pausedUntil > now) {
      return { started: false, blockedBy: 'pause', retryAt: record.pausedUntil };
    }
    if (record.inFlight >= quota.maxConcurrent) {
      return { started: false, blockedBy: 'concurrency' };
    }

    const window = kind === 'read' ? record.reads : record.writes;
    const rateAt = window.nextStartAt(rateFor(quota, kind), now);
    if (rateAt > now) {
      return { started: false, blockedBy: 'rate', retryAt: rateAt };
    }
    const accountAt = this.account.nextStartAt(this.accountLimit, now);
    if (accountAt > now) {
      return { started: false, blockedBy: 'account', retryAt: accountAt };
    }

    window.record(now);
    this.account.record(now);
    record.inFlight += 1;
    return { started: true };
  }

  finish(directoryId: string): void {
    const record = this.directories.get(directoryId);
    if (record && record.inFlight > 0) {
      record.inFlight -= 1;
    }
  }

  pause(directoryId: string, until: number): void {
    const record = this.record(directoryId);
    record.pausedUntil = Math.max(record.pausedUntil, until);
  }

  pausedUntil(directoryId: string, now: number): number {
    const until = this.directories.get(directoryId)?.pausedUntil ?? 0;
    return until > now ? until : 0;
  }

  projectStarts(directoryId: string, kind: CallKind, quota: DirectoryQuota, now: number, count: number): number[] {
    const record = this.directories.get(directoryId);
    const notBefore = Math.max(now, record?.pausedUntil ?? 0);
    const window = kind === 'read' ? record?.reads : record?.writes;

    const byDirectory = window
      ? window.project(rateFor(quota, kind), notBefore, count)
      : new SlidingWindowLog(this.windowMs).project(rateFor(quota, kind), notBefore, count);
    const byAccount = this.account.project(this.accountLimit, notBefore, count);
    return byDirectory.map((at, index) => Math.max(at, byAccount[index] as number));
  }

  private record(directoryId: string): DirectoryRecord {
    let record = this.directories.get(directoryId);
    if (!record) {
      record = {
        reads: new SlidingWindowLog(this.windowMs),
        writes: new SlidingWindowLog(this.windowMs),
        inFlight: 0,
        pausedUntil: 0,
      };
      this.directories.set(directoryId, record);
    }
    return record;
  }

  /** Drops directories with nothing in flight, no pause and no start in the window, at most once per window. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) {
      return;
    }
    this.lastSweep = now;

    for (const [directoryId, record] of this.directories) {
      record.reads.prune(now);
      record.writes.prune(now);
      const idle = record.inFlight === 0 && record.pausedUntil <= now && record.reads.size === 0 && record.writes.size === 0;
      if (idle) {
        this.directories.delete(directoryId);
      }
    }
  }
}
