/**
 * The quota state behind the scheduler: which calls of each directory count against its
 * rates, how many are in flight, and until when AWS asked it to pause.
 *
 * The scheduler keeps its queues to itself and queries this state only for whether a call
 * may start now. One gateway replica uses `InMemoryQuotaState`. Replicas that share a
 * directory need a state backed by a shared store. Such a state can keep these methods
 * synchronous by leasing small batches of calls from the store in the background, so it
 * plugs in here without changes to the scheduler.
 */
import { ACCOUNT_REQUESTS_PER_SECOND, rateFor, type DirectoryQuota } from './quota-limits.js';

export type CallKind = 'read' | 'write';

/** Outcome of `tryStart`: the limit that blocked the call and the earliest epoch ms worth trying again. */
export type StartDecision =
  | {
      readonly started: true;
      /** Records that the call's response returned at `now` (epoch ms) and frees its concurrency slot. Later calls do nothing. */
      readonly finish: (now: number) => void;
    }
  /** `retryAt` is `Infinity` when only calls in flight can free the window; their `finish` comes first. */
  | { readonly started: false; readonly blockedBy: 'pause' | 'rate' | 'account'; readonly retryAt: number }
  /** Only a finishing call frees a slot, so there is no time to retry at. */
  | { readonly started: false; readonly blockedBy: 'concurrency' };

export interface QuotaState {
  /**
   * Starts a call if the directory is not paused, its rate for `kind` and the account rate
   * allow one more call in the window, and fewer than `quota.maxConcurrent` calls are in
   * flight. A started call keeps its concurrency slot until its `finish`.
   */
  tryStart(directoryId: string, kind: CallKind, quota: DirectoryQuota, now: number): StartDecision;

  /** Stops new starts on the directory until `until` (epoch ms); an earlier `until` never shortens a pause. */
  pause(directoryId: string, until: number): void;

  /** Epoch ms until which the directory is paused, or 0 when it is not. */
  pausedUntil(directoryId: string, now: number): number;

  /**
   * Returns the earliest epoch ms at which each of the next `count` calls of `kind` could
   * start if nothing else started in between. The values are lower bounds: they assume that
   * calls in flight finish now and new calls take no time, and they ignore the concurrency
   * cap and calls to other directories that share the account rate.
   */
  projectStarts(directoryId: string, kind: CallKind, quota: DirectoryQuota, now: number, count: number): number[];
}

/**
 * The calls that count against one rate: each from its start until `windowMs` after its
 * response returned. The service receives a request after we start it and before its
 * response returns. So when a new call starts only after an old one has left this window,
 * the service receives the two at least `windowMs` apart. At most `limit` calls in the
 * window here therefore means at most `limit` calls in any `windowMs` at the service,
 * however long the network takes. Counting starts alone would not do: a request delayed on the way can
 * reach the service in the same second as the next batch.
 */
export class SlidingWindowLog {
  private inFlight = 0;
  /**
   * Finish times in ascending order, in a ring of doubles: `count` of them from `head` on.
   * A typed array stores each time without a heap object, and the ring never copies on
   * removal. Both matter, because every call adds a time that stays for a whole window.
   */
  private finishedAt = new Float64Array(64);
  private head = 0;
  private count = 0;

  constructor(private readonly windowMs: number) {}

  /** Number of calls in the window, in flight or finished less than one window ago. */
  get size(): number {
    return this.inFlight + this.count;
  }

  /** Drops calls that finished at least one window before `now`. */
  prune(now: number): void {
    while (this.count > 0 && this.finishTime(0) + this.windowMs <= now) {
      this.head = (this.head + 1) % this.finishedAt.length;
      this.count -= 1;
    }
  }

  /**
   * Returns `now` when one more call fits under `limit`. Otherwise returns the epoch ms at
   * which enough calls leave the window, or `Infinity` when that waits on calls in flight.
   */
  nextStartAt(limit: number, now: number): number {
    this.prune(now);
    const excess = this.size - limit;
    if (excess < 0) {
      return now;
    }
    // Finished calls leave in finish order; calls in flight leave after all of them.
    return excess < this.count ? this.finishTime(excess) + this.windowMs : Infinity;
  }

  /** Adds a call that starts now and returns the function that records when it finished. */
  record(): (now: number) => void {
    this.inFlight += 1;
    let finished = false;
    return (now) => {
      if (finished) {
        return;
      }
      finished = true;
      this.inFlight -= 1;
      // A clock that steps back must not break the order; a later time only keeps the call longer.
      this.append(this.count > 0 ? Math.max(now, this.finishTime(this.count - 1)) : now);
    };
  }

  /** Returns the earliest start of each of the next `count` calls under `limit`, from `now`. */
  project(limit: number, now: number, count: number): number[] {
    this.prune(now);
    // Calls in flight are assumed to finish now, and new calls at their start: a lower bound.
    // Both parts are in ascending order, because every finished call finished by `now`.
    const existing: number[] = [];
    for (let index = 0; index < this.count; index += 1) {
      existing.push(this.finishTime(index) + this.windowMs);
    }
    for (let index = 0; index < this.inFlight; index += 1) {
      existing.push(now + this.windowMs);
    }
    const added: number[] = [];
    let nextExisting = 0;
    let nextAdded = 0;
    const projected: number[] = [];

    for (let k = 0; k < count; k += 1) {
      // Wait for the earliest leavers until the window has room. A new call leaves one window
      // after a call that left before it, so taking leavers in merged order stays sorted.
      let startAt = now;
      while (existing.length - nextExisting + (added.length - nextAdded) >= limit) {
        const fromExisting = existing[nextExisting] ?? Infinity;
        const fromAdded = added[nextAdded] ?? Infinity;
        if (fromExisting <= fromAdded) {
          nextExisting += 1;
          startAt = Math.max(startAt, fromExisting);
        } else {
          nextAdded += 1;
          startAt = Math.max(startAt, fromAdded);
        }
      }
      added.push(startAt + this.windowMs);
      projected.push(startAt);
    }
    return projected;
  }

  /** Returns the `index`-th oldest finish time still in the window. */
  private finishTime(index: number): number {
    return this.finishedAt[(this.head + index) % this.finishedAt.length] as number;
  }

  private append(finishedAt: number): void {
    if (this.count === this.finishedAt.length) {
      // Full: copy the ring in order into one twice as large.
      const grown = new Float64Array(this.finishedAt.length * 2);
      for (let index = 0; index < this.count; index += 1) {
        grown[index] = this.finishTime(index);
      }
      this.finishedAt = grown;
      this.head = 0;
    }
    this.finishedAt[(this.head + this.count) % this.finishedAt.length] = finishedAt;
    this.count += 1;
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
  /** Length of a rate window in ms; default 1000, since the quotas are per second. */
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

    const finishInWindow = window.record();
    const finishInAccount = this.account.record();
    record.inFlight += 1;
    let finished = false;
    return {
      started: true,
      finish: (finishedAt) => {
        if (finished) {
          return;
        }
        finished = true;
        finishInWindow(finishedAt);
        finishInAccount(finishedAt);
        record.inFlight -= 1;
      },
    };
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

  /** Drops directories with nothing in flight, no pause and no call in the window; runs at most once per window. */
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
