/**
 * A `CallScheduler` that keeps the gateway inside the AWS Directory Service Data quotas.
 *
 * Each directory has a read rate, a write rate and a concurrency cap, and all directories
 * share the account rate. A call that does not fit waits in a queue instead of going out to
 * be throttled. Queues are kept per caller and served round robin, so one caller's burst of
 * calls cannot delay another caller's single call by more than one turn. When AWS throttles
 * anyway, `onThrottled` pauses the whole directory for the requested time. A queued call
 * whose deadline falls before the earliest moment it could start is rejected with
 * `QuotaWaitExceededError` as soon as that is known, so the caller gets its error at once.
 */
import { QuotaWaitExceededError, UNSCHEDULED, type CallScheduler, type ScheduledCall } from './call-scheduler.js';
import { EDITION_QUOTAS, type DirectoryEdition, type DirectoryQuota } from './quota-limits.js';
import { InMemoryQuotaState, type CallKind, type QuotaState } from './scheduler-state.js';

/** Time source and timers, injectable so that tests can drive time by hand. */
export interface SchedulerClock {
  /** Epoch milliseconds, the unit of `ScheduledCall.deadline`. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Receiver of the scheduler's metrics, for example Prometheus gauges and histograms. */
export interface SchedulerMetrics {
  /** Time in ms that a call waited in the queue before it started. */
  observeWait(directoryId: string, kind: CallKind, ms: number): void;
  /** Number of calls of `kind` queued for the directory, sent on every change. */
  setQueueDepth(directoryId: string, kind: CallKind, depth: number): void;
}

export interface QuotaSchedulerOptions {
  /** Edition whose documented quotas apply to directories without an override; default `standard`. */
  readonly edition?: DirectoryEdition;
  /** Limits per directory id; fields left out come from the edition. */
  readonly directories?: Readonly<Record<string, Partial<DirectoryQuota>>>;
  /** Requests per second across all directories; default 100. Ignored when `state` is given. */
  readonly accountRequestsPerSecond?: number;
  /**
   * Length of a rate window in ms; default 1000. A call counts from its start until one
   * window after its response returned, so that the service never receives more than the quota
   * in any window of this length. Ignored when `state` is given.
   */
  readonly windowMs?: number;
  /** Pause in ms applied when a throttled response carries no usable `Retry-After`; default 1000. */
  readonly defaultRetryAfterMs?: number;
  readonly state?: QuotaState;
  readonly clock?: SchedulerClock;
  readonly metrics?: SchedulerMetrics;
}

/** Default rate window: the quotas are per second. */
export const DEFAULT_WINDOW_MS = 1000;

interface QueuedCall {
  readonly call: ScheduledCall;
  readonly kind: CallKind;
  readonly enqueuedAt: number;
  /** Runs the attempt; `finish` records its end in the quota state. */
  readonly start: (finish: (now: number) => void) => void;
  readonly reject: (reason: unknown) => void;
  /** Removes the abort listener once the call has left the queue. */
  detach: () => void;
}

/** The queues of one kind in one directory: one FIFO per caller, served round robin. */
class FairQueue {
  /** Map order is the round-robin order: a caller that was served moves to the back. */
  private readonly byCaller = new Map<string, QueuedCall[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(callerId: string, entry: QueuedCall): void {
    const queue = this.byCaller.get(callerId);
    if (queue) {
      queue.push(entry);
    } else {
      this.byCaller.set(callerId, [entry]);
    }
    this.count += 1;
  }

  /** Removes and returns the head of the next caller's queue in round-robin order. */
  shift(): QueuedCall | undefined {
    const next = this.byCaller.entries().next();
    if (next.done) {
      return undefined;
    }

    const [callerId, queue] = next.value;
    const entry = queue.shift();
    this.byCaller.delete(callerId);
    if (queue.length > 0) {
      this.byCaller.set(callerId, queue);
    }
    this.count -= 1;
    return entry;
  }

  remove(entry: QueuedCall): boolean {
    const callerId = entry.call.callerId ?? '';
    const queue = this.byCaller.get(callerId);
    const index = queue?.indexOf(entry) ?? -1;
    if (!queue || index < 0) {
      return false;
    }

    queue.splice(index, 1);
    if (queue.length === 0) {
      this.byCaller.delete(callerId);
    }
    this.count -= 1;
    return true;
  }

  /** Lists the queued calls in the order `shift` would return them. */
  serviceOrder(): QueuedCall[] {
    // Round r takes the r-th call of every caller that still has one, in rotation order.
    const rounds: QueuedCall[][] = [];
    for (const queue of this.byCaller.values()) {
      queue.forEach((entry, round) => {
        (rounds[round] ??= []).push(entry);
      });
    }
    return rounds.flat();
  }
}

interface DirectoryQueues {
  readonly read: FairQueue;
  readonly write: FairQueue;
  timer?: unknown;
  timerAt?: number;
  /** Kind tried first on the next dispatch, alternated so neither kind monopolises free slots. */
  firstKind: CallKind;
}

export class QuotaScheduler implements CallScheduler {
  private readonly edition: DirectoryEdition;
  private readonly overrides: Readonly<Record<string, Partial<DirectoryQuota>>>;
  private readonly defaultRetryAfterMs: number;
  private readonly state: QuotaState;
  private readonly clock: SchedulerClock;
  private readonly metrics: SchedulerMetrics | undefined;
  private readonly directories = new Map<string, DirectoryQueues>();
  /** Limits by directory id, worked out once; the overrides do not change. */
  private readonly quotas = new Map<string, DirectoryQuota>();
  private readonly dispatching = new Set<string>();
  /** Directories whose next call waits for a call in flight anywhere to leave the account window. */
  private readonly waitingOnAccount = new Set<string>();

  constructor(options: QuotaSchedulerOptions = {}) {
    this.edition = options.edition ?? 'standard';
    this.overrides = options.directories ?? {};
    this.defaultRetryAfterMs = options.defaultRetryAfterMs ?? 1000;
    this.state =
      options.state ??
      new InMemoryQuotaState({
        windowMs: options.windowMs ?? DEFAULT_WINDOW_MS,
        ...(options.accountRequestsPerSecond === undefined ? {} : { accountRequestsPerSecond: options.accountRequestsPerSecond }),
      });
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.metrics = options.metrics;
  }

  /** Returns the limits that apply to a directory: its override over its edition's defaults. */
  quotaFor(directoryId: string): DirectoryQuota {
    let quota = this.quotas.get(directoryId);
    if (quota === undefined) {
      quota = { ...EDITION_QUOTAS[this.edition], ...this.overrides[directoryId] };
      this.quotas.set(directoryId, quota);
    }
    return quota;
  }

  /** Returns the number of calls queued for a directory, both kinds together. */
  queuedCount(directoryId: string): number {
    const queues = this.directories.get(directoryId);
    return queues ? queues.read.size + queues.write.size : 0;
  }

  schedule<T>(call: ScheduledCall, attempt: () => Promise<T>): Promise<T> {
    if (call.signal?.aborted) {
      return Promise.reject(call.signal.reason);
    }

    // With nothing queued for the directory, a call that the quota allows now would be the
    // first and only one that dispatch starts, so it starts here without a queue entry.
    if (!this.directories.has(call.directoryId)) {
      const now = this.clock.now();
      const decision = this.state.tryStart(call.directoryId, call.kind, this.quotaFor(call.directoryId), now);
      if (decision.started) {
        this.metrics?.observeWait(call.directoryId, call.kind, 0);
        return this.runStarted(call.directoryId, decision.finish, attempt);
      }
    }

    return new Promise<T>((resolve, reject) => {
      const entry: QueuedCall = {
        call,
        kind: call.kind,
        enqueuedAt: this.clock.now(),
        start: (finish) => {
          this.runStarted(call.directoryId, finish, attempt).then(resolve, reject);
        },
        reject,
        detach: () => {},
      };

      if (call.signal) {
        const signal = call.signal;
        const onAbort = () => this.abort(entry, signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        entry.detach = () => signal.removeEventListener('abort', onAbort);
      }

      const queues = this.queuesOf(call.directoryId);
      queues[call.kind].push(call.callerId ?? '', entry);
      this.publishDepth(call.directoryId, call.kind, queues);
      this.dispatch(call.directoryId);
    });
  }

  onThrottled(directoryId: string, retryAfterMs: number): void {
    const pauseMs = Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? retryAfterMs : this.defaultRetryAfterMs;
    this.state.pause(directoryId, this.clock.now() + pauseMs);

    // Calls already queued must now wait out the pause, which may push some past their deadline.
    if (this.directories.has(directoryId)) {
      this.dispatch(directoryId);
    }
  }

  private abort(entry: QueuedCall, reason: unknown): void {
    const directoryId = entry.call.directoryId;
    const queues = this.directories.get(directoryId);
    if (!queues?.[entry.kind].remove(entry)) {
      return;
    }

    entry.reject(reason);
    this.publishDepth(directoryId, entry.kind, queues);
    this.dispatch(directoryId);
  }

  /** Starts every queued call of the directory that the quota allows now, then plans the next wake-up. */
  private dispatch(directoryId: string): void {
    // An attempt runs synchronously inside `start` and may abort other queued calls, whose
    // listeners dispatch again; the dispatch already running covers what they free.
    if (this.dispatching.has(directoryId)) {
      return;
    }
    this.dispatching.add(directoryId);
    try {
      this.dispatchImpl(directoryId);
    } finally {
      this.dispatching.delete(directoryId);
    }
  }

  private dispatchImpl(directoryId: string): void {
    const queues = this.directories.get(directoryId);
    if (!queues) {
      return;
    }
    const quota = this.quotaFor(directoryId);
    const now = this.clock.now();
    const retryAt: number[] = [];

    // Start calls, alternating kinds, until both kinds are blocked or empty.
    const blocked = new Set<CallKind>();
    let kind = queues.firstKind;
    queues.firstKind = other(kind);
    while (blocked.size < 2) {
      if (blocked.has(kind) || !this.startNext(directoryId, kind, quota, now, queues, blocked, retryAt)) {
        blocked.add(kind);
      }
      kind = other(kind);
    }

    const deadlineWake = this.rejectLateCalls(directoryId, quota, now, queues);
    this.planWake(directoryId, queues, [...retryAt, ...deadlineWake]);

    if (queues.read.size === 0 && queues.write.size === 0) {
      this.clearWake(queues);
      this.directories.delete(directoryId);
    }
  }

  /** Starts the next call of `kind` when the state allows; returns whether one started. */
  private startNext(
    directoryId: string,
    kind: CallKind,
    quota: DirectoryQuota,
    now: number,
    queues: DirectoryQueues,
    blocked: Set<CallKind>,
    retryAt: number[],
  ): boolean {
    if (queues[kind].size === 0) {
      return false;
    }

    const decision = this.state.tryStart(directoryId, kind, quota, now);
    if (!decision.started) {
      if (decision.blockedBy === 'concurrency') {
        // Neither kind can start until a call finishes, and a finishing call dispatches again.
        blocked.add(other(kind));
      } else if (decision.blockedBy === 'account' && !Number.isFinite(decision.retryAt)) {
        // Only a call of some other directory may free the account window, so its end must wake this one.
        this.waitingOnAccount.add(directoryId);
      } else {
        retryAt.push(decision.retryAt);
      }
      return false;
    }

    const entry = queues[kind].shift() as QueuedCall;
    entry.detach();
    this.publishDepth(directoryId, kind, queues);
    this.metrics?.observeWait(directoryId, kind, now - entry.enqueuedAt);
    entry.start(decision.finish);
    return true;
  }

  /**
   * Runs an attempt that the state has started. When it settles, the call leaves its
   * concurrency slot (before the caller sees the result) and the calls it held back get
   * their chance.
   */
  private runStarted<T>(directoryId: string, finish: (now: number) => void, attempt: () => Promise<T>): Promise<T> {
    const settled = runAttempt(attempt);
    const onSettled = (): void => {
      finish(this.clock.now());
      if (this.directories.has(directoryId)) {
        this.dispatch(directoryId);
      }
      if (this.waitingOnAccount.size > 0) {
        this.dispatchAccountWaiters();
      }
    };
    settled.then(onSettled, onSettled);
    return settled;
  }

  /**
   * Rejects every queued call whose earliest possible start falls after its deadline, and
   * returns the deadlines still ahead, so that a call blocked by the concurrency cap is
   * rejected when its deadline passes.
   */
  private rejectLateCalls(directoryId: string, quota: DirectoryQuota, now: number, queues: DirectoryQueues): number[] {
    const upcomingDeadlines: number[] = [];

    for (const kind of ['read', 'write'] as const) {
      const order = queues[kind].serviceOrder();
      if (!order.some((entry) => entry.call.deadline !== undefined)) {
        continue;
      }

      const earliest = this.state.projectStarts(directoryId, kind, quota, now, order.length);
      let position = 0;
      for (const entry of order) {
        const startAt = earliest[position] as number;
        const deadline = entry.call.deadline;
        // A call still queued at its deadline, after this dispatch tried to start it, is late too.
        if (deadline !== undefined && (startAt > deadline || now >= deadline)) {
          // A rejected call frees its place, so the next call inherits its projected start.
          queues[kind].remove(entry);
          entry.detach();
          // A call that reached its deadline queued would have had to wait at least a little longer.
          const requiredWaitMs = Math.ceil(Math.max(startAt, now + 1) - entry.enqueuedAt);
          entry.reject(new QuotaWaitExceededError(directoryId, entry.call.operation, requiredWaitMs));
          continue;
        }
        if (deadline !== undefined) {
          upcomingDeadlines.push(deadline);
        }
        position += 1;
      }
      this.publishDepth(directoryId, kind, queues);
    }
    return upcomingDeadlines;
  }

  private dispatchAccountWaiters(): void {
    const waiting = [...this.waitingOnAccount];
    this.waitingOnAccount.clear();
    for (const directoryId of waiting) {
      this.dispatch(directoryId);
    }
  }

  /** Sets the directory's single timer to the earliest of `candidates`, or clears it when there is none. */
  private planWake(directoryId: string, queues: DirectoryQueues, candidates: number[]): void {
    if (queues.read.size === 0 && queues.write.size === 0) {
      return;
    }
    // An infinite candidate waits on a call in flight, whose end dispatches anyway.
    const finite = candidates.filter((candidate) => Number.isFinite(candidate));
    const wakeAt = finite.length > 0 ? Math.min(...finite) : undefined;
    if (wakeAt === queues.timerAt) {
      return;
    }

    this.clearWake(queues);
    if (wakeAt === undefined) {
      return;
    }
    queues.timerAt = wakeAt;
    queues.timer = this.clock.setTimeout(
      () => {
        queues.timer = undefined;
        queues.timerAt = undefined;
        this.dispatch(directoryId);
      },
      Math.max(0, wakeAt - this.clock.now()),
    );
  }

  private clearWake(queues: DirectoryQueues): void {
    if (queues.timer !== undefined) {
      this.clock.clearTimeout(queues.timer);
    }
    queues.timer = undefined;
    queues.timerAt = undefined;
  }

  private queuesOf(directoryId: string): DirectoryQueues {
    let queues = this.directories.get(directoryId);
    if (!queues) {
      queues = { read: new FairQueue(), write: new FairQueue(), firstKind: 'read' };
      this.directories.set(directoryId, queues);
    }
    return queues;
  }

  private publishDepth(directoryId: string, kind: CallKind, queues: DirectoryQueues): void {
    this.metrics?.setQueueDepth(directoryId, kind, queues[kind].size);
  }
}

/** Creates the scheduler for parsed settings: a `QuotaScheduler`, or `UNSCHEDULED` when `enabled` is false. */
export function createCallScheduler(settings: QuotaSchedulerOptions & { readonly enabled: boolean }): CallScheduler {
  const { enabled, ...options } = settings;
  return enabled ? new QuotaScheduler(options) : UNSCHEDULED;
}

function other(kind: CallKind): CallKind {
  return kind === 'read' ? 'write' : 'read';
}

/** Runs an attempt so that a synchronous throw becomes a rejection. */
function runAttempt<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return Promise.resolve(attempt());
  } catch (error) {
    return Promise.reject(error);
  }
}
