import { describe, expect, it } from 'vitest';

import { QuotaWaitExceededError, type ScheduledCall } from '../../src/ds-data/call-scheduler.js';
import { QuotaScheduler, type SchedulerMetrics } from '../../src/ds-data/scheduler.js';
import { InMemoryQuotaState, SlidingWindowLog } from '../../src/ds-data/scheduler-state.js';
import { flushPromises, ManualClock } from './support/manual-clock.js';

const DIRECTORY = 'd-1234567890';
const OTHER_DIRECTORY = 'd-abcdef0123';

interface Start {
  readonly id: string;
  readonly at: number;
}

/** Records when each attempt starts; `untilReleased` attempts stay in flight until `release`. */
function attempts(clock: ManualClock) {
  const starts: Start[] = [];
  const inFlight = new Map<string, (value: string) => void>();

  return {
    starts,
    startedIds: () => starts.map((start) => start.id),
    instant: (id: string) => () => {
      starts.push({ id, at: clock.now() });
      return Promise.resolve(id);
    },
    untilReleased: (id: string) => () => {
      starts.push({ id, at: clock.now() });
      return new Promise<string>((resolve) => inFlight.set(id, resolve));
    },
    release: (id: string) => {
      inFlight.get(id)?.(id);
      inFlight.delete(id);
    },
  };
}

function read(overrides: Partial<ScheduledCall> = {}): ScheduledCall {
  return { directoryId: DIRECTORY, operation: 'DescribeUser', kind: 'read', ...overrides };
}

function write(overrides: Partial<ScheduledCall> = {}): ScheduledCall {
  return { directoryId: DIRECTORY, operation: 'UpdateUser', kind: 'write', ...overrides };
}

/** Returns the largest number of starts in any window of `windowMs` that begins at a start. */
function maxStartsPerWindow(starts: readonly Start[], windowMs: number): number {
  const times = starts.map((start) => start.at).sort((a, b) => a - b);
  let max = 0;
  for (const [index, from] of times.entries()) {
    const inWindow = times.slice(index).filter((at) => at < from + windowMs).length;
    max = Math.max(max, inWindow);
  }
  return max;
}

describe('QuotaScheduler', () => {
  describe('rates', () => {
    it('starts at most 8 reads per one-second window by default', async () => {
      const clock = new ManualClock();
      const t0 = clock.now();
      const scheduler = new QuotaScheduler({ clock, windowMs: 1000 });
      const run = attempts(clock);

      const results = Array.from({ length: 20 }, (_, i) => scheduler.schedule(read(), run.instant(`r${i}`)));
      await clock.advance(5000);

      await expect(Promise.all(results)).resolves.toHaveLength(20);
      expect(run.starts.filter((start) => start.at === t0)).toHaveLength(8);
      expect(run.starts.filter((start) => start.at === t0 + 1000)).toHaveLength(8);
      expect(run.starts.filter((start) => start.at === t0 + 2000)).toHaveLength(4);
      expect(maxStartsPerWindow(run.starts, 1000)).toBe(8);
    });

    it('starts at most 4 writes per window, apart from reads', async () => {
      const clock = new ManualClock();
      const t0 = clock.now();
      const scheduler = new QuotaScheduler({ clock, windowMs: 1000 });
      const run = attempts(clock);

      for (let i = 0; i < 8; i += 1) {
        void scheduler.schedule(write(), run.instant(`w${i}`));
        void scheduler.schedule(read(), run.instant(`r${i}`));
      }
      await clock.advance(3000);

      const writes = run.starts.filter((start) => start.id.startsWith('w'));
      const reads = run.starts.filter((start) => start.id.startsWith('r'));
      expect(writes.map((start) => start.at - t0)).toEqual([0, 0, 0, 0, 1000, 1000, 1000, 1000]);
      expect(reads.map((start) => start.at - t0)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    });

    it('counts a call until one window after its response', async () => {
      const clock = new ManualClock();
      const t0 = clock.now();
      const scheduler = new QuotaScheduler({ clock });
      const run = attempts(clock);

      for (let i = 0; i < 8; i += 1) {
        void scheduler.schedule(read(), run.untilReleased(`r${i}`));
      }
      void scheduler.schedule(read(), run.instant('r8'));
      await clock.advance(1500);
      expect(run.starts).toHaveLength(8);

      // r0 took 1500 ms: the service may have received it just now, so r8 waits one more window.
      run.release('r0');
      await clock.advance(999);
      expect(run.starts).toHaveLength(8);

      await clock.advance(1);
      expect(run.starts.at(-1)).toEqual({ id: 'r8', at: t0 + 2500 });
    });

    it('applies enterprise rates and per-directory overrides', () => {
      const scheduler = new QuotaScheduler({
        edition: 'enterprise',
        directories: { [OTHER_DIRECTORY]: { readsPerSecond: 2 } },
      });

      expect(scheduler.quotaFor(DIRECTORY)).toEqual({ readsPerSecond: 16, writesPerSecond: 8, maxConcurrent: 10 });
      expect(scheduler.quotaFor(OTHER_DIRECTORY)).toEqual({ readsPerSecond: 2, writesPerSecond: 8, maxConcurrent: 10 });
      expect(new QuotaScheduler().quotaFor(DIRECTORY)).toEqual({ readsPerSecond: 8, writesPerSecond: 4, maxConcurrent: 10 });
    });

    it('caps the account at 100 starts per window across directories', async () => {
      const clock = new ManualClock();
      const t0 = clock.now();
      const scheduler = new QuotaScheduler({ clock, windowMs: 1000 });
      const run = attempts(clock);

      // 13 directories at 8 reads each ask for 104 starts at once.
      for (let d = 0; d < 13; d += 1) {
        const directoryId = `d-00000000${d.toString(16).padStart(2, '0')}`;
        for (let i = 0; i < 8; i += 1) {
          void scheduler.schedule(read({ directoryId }), run.instant(`${directoryId}/${i}`));
        }
      }
      await clock.advance(2000);

      expect(run.starts.filter((start) => start.at === t0)).toHaveLength(100);
      expect(run.starts.filter((start) => start.at === t0 + 1000)).toHaveLength(4);
    });
    it('wakes a directory when another frees the account', async () => {
      const clock = new ManualClock();
      const scheduler = new QuotaScheduler({ clock, accountRequestsPerSecond: 2, windowMs: 1000 });
      const run = attempts(clock);

      void scheduler.schedule(read(), run.untilReleased('a0'));
      void scheduler.schedule(read(), run.untilReleased('a1'));
      void scheduler.schedule(read({ directoryId: OTHER_DIRECTORY }), run.instant('b0'));
      await clock.advance(5000);
      expect(run.startedIds()).toEqual(['a0', 'a1']);

      // a0 finishes at +5000 and leaves the account window one second later.
      run.release('a0');
      await clock.advance(999);
      expect(run.startedIds()).toEqual(['a0', 'a1']);

      await clock.advance(1);
      expect(run.startedIds()).toEqual(['a0', 'a1', 'b0']);
    });
  });

  describe('concurrency', () => {
    it('keeps at most 10 calls in flight per directory', async () => {
      const clock = new ManualClock();
      const scheduler = new QuotaScheduler({ clock, directories: { [DIRECTORY]: { readsPerSecond: 100 } } });
      const run = attempts(clock);

      for (let i = 0; i < 12; i += 1) {
        void scheduler.schedule(read(), run.untilReleased(`r${i}`));
      }
      await flushPromises();
      expect(run.starts).toHaveLength(10);
      expect(scheduler.queuedCount(DIRECTORY)).toBe(2);

      run.release('r3');
      await flushPromises();
      expect(run.startedIds().slice(10)).toEqual(['r10']);
      expect(scheduler.queuedCount(DIRECTORY)).toBe(1);
    });

    it('shares the cap between reads and writes', async () => {
      const clock = new ManualClock();
      const scheduler = new QuotaScheduler({ clock, directories: { [DIRECTORY]: { maxConcurrent: 2 } } });
      const run = attempts(clock);

      void scheduler.schedule(read(), run.untilReleased('r0'));
      void scheduler.schedule(write(), run.untilReleased('w0'));
      void scheduler.schedule(write(), run.untilReleased('w1'));
      await flushPromises();
      expect(run.startedIds()).toEqual(['r0', 'w0']);

      run.release('r0');
      await flushPromises();
      expect(run.startedIds()).toEqual(['r0', 'w0', 'w1']);
    });

    it('releases the slot of a failed attempt', async () => {
      const clock = new ManualClock();
      const scheduler = new QuotaScheduler({ clock, directories: { [DIRECTORY]: { maxConcurrent: 1 } } });
      const run = attempts(clock);

      const failing = scheduler.schedule(read(), () => Promise.reject(new Error('upstream failed')));
      const throwing = scheduler.schedule(read(), () => {
        throw new Error('attempt threw');
      });
      const next = scheduler.schedule(read(), run.instant('r1'));

      await expect(failing).rejects.toThrow('upstream failed');
      await expect(throwing).rejects.toThrow('attempt threw');
      await expect(next).resolves.toBe('r1');
    });
  });

  describe('fairness', () => {
    it('serves two callers in turn', async () => {
      const clock = new ManualClock();
      const t0 = clock.now();
      const scheduler = new QuotaScheduler({ clock, windowMs: 1000 });
      const run = attempts(clock);

      for (let i = 0; i < 20; i += 1) {
        void scheduler.schedule(read({ callerId: 'bulk' }), run.instant(`bulk${i}`));
      }
      void scheduler.schedule(read({ callerId: 'small' }), run.instant('small0'));
      void scheduler.schedule(read({ callerId: 'small' }), run.instant('small1'));
      await clock.advance(3000);

      // The first window went to the bulk caller, which asked first; the second alternates.
      const secondWindow = run.starts.filter((start) => start.at === t0 + 1000).map((start) => start.id);
      expect(secondWindow).toEqual(['bulk8', 'small0', 'bulk9', 'small1', 'bulk10', 'bulk11', 'bulk12', 'bulk13']);
    });

    it('lets a late caller go before the rest of a backlog', async () => {
      const clock = new ManualClock();
      const t0 = clock.now();
      const scheduler = new QuotaScheduler({ clock, windowMs: 1000 });
      const run = attempts(clock);

      for (let i = 0; i < 40; i += 1) {
        void scheduler.schedule(read({ callerId: 'bulk' }), run.instant(`bulk${i}`));
      }
      await clock.advance(1500);
      void scheduler.schedule(read({ callerId: 'late' }), run.instant('late0'));
      await clock.advance(1000);

      expect(run.starts.find((start) => start.id === 'late0')).toEqual({ id: 'late0', at: t0 + 2000 });
    });
  });

  describe('throttling', () => {
    it('pauses the whole directory for Retry-After', async () => {
      const clock = new ManualClock();
      const t0 = clock.now();
      const scheduler = new QuotaScheduler({ clock });
      const run = attempts(clock);

      scheduler.onThrottled(DIRECTORY, 3000);
      void scheduler.schedule(read(), run.instant('r0'));
      void scheduler.schedule(write(), run.instant('w0'));
      void scheduler.schedule(read({ directoryId: OTHER_DIRECTORY }), run.instant('other'));
      await clock.advance(2999);
      expect(run.startedIds()).toEqual(['other']);

      await clock.advance(1);
      expect(run.starts.slice(1).map((start) => start.at)).toEqual([t0 + 3000, t0 + 3000]);
    });

    it('pauses 1000 ms when Retry-After is missing', async () => {
      const clock = new ManualClock();
      const scheduler = new QuotaScheduler({ clock });
      const run = attempts(clock);

      scheduler.onThrottled(DIRECTORY, Number.NaN);
      void scheduler.schedule(read(), run.instant('r0'));
      await clock.advance(999);
      expect(run.starts).toHaveLength(0);

      await clock.advance(1);
      expect(run.starts).toHaveLength(1);
    });

    it('never shortens a longer pause', async () => {
      const clock = new ManualClock();
      const scheduler = new QuotaScheduler({ clock });
      const run = attempts(clock);

      scheduler.onThrottled(DIRECTORY, 5000);
      scheduler.onThrottled(DIRECTORY, 1000);
      void scheduler.schedule(read(), run.instant('r0'));
      await clock.advance(4999);
      expect(run.starts).toHaveLength(0);

      await clock.advance(1);
      expect(run.starts).toHaveLength(1);
    });
  });

  describe('deadlines', () => {
    it('rejects at once a call that cannot start before its deadline', async () => {
      const clock = new ManualClock();
      const t0 = clock.now();
      const scheduler = new QuotaScheduler({ clock, windowMs: 1000 });
      const run = attempts(clock);

      for (let i = 0; i < 8; i += 1) {
        void scheduler.schedule(read(), run.instant(`r${i}`));
      }
      const late = scheduler.schedule(read({ deadline: t0 + 999 }), run.instant('late'));
      const inTime = scheduler.schedule(read({ deadline: t0 + 1000 }), run.instant('inTime'));

      const error = await late.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(QuotaWaitExceededError);
      expect(error).toMatchObject({ directoryId: DIRECTORY, operation: 'DescribeUser', requiredWaitMs: 1000 });
      expect((error as Error).message).toBe(
        'The DescribeUser call to directory d-1234567890 would have to wait 1000 ms for the directory ' +
          'request quota, which is past the request deadline.',
      );
      expect(clock.now()).toBe(t0);

      await clock.advance(1000);
      await expect(inTime).resolves.toBe('inTime');
    });

    it('rejects queued calls when a pause pushes them past the deadline', async () => {
      const clock = new ManualClock();
      const t0 = clock.now();
      const scheduler = new QuotaScheduler({ clock, windowMs: 1000 });
      const run = attempts(clock);

      for (let i = 0; i < 8; i += 1) {
        void scheduler.schedule(read(), run.instant(`r${i}`));
      }
      const queued = scheduler.schedule(read({ deadline: t0 + 1500 }), run.instant('queued'));
      await clock.advance(100);
      scheduler.onThrottled(DIRECTORY, 2000);

      await expect(queued).rejects.toMatchObject({ name: 'QuotaWaitExceededError', requiredWaitMs: 2100 });
      expect(clock.now()).toBe(t0 + 100);
    });

    it('rejects a call still queued at its deadline', async () => {
      const clock = new ManualClock();
      const t0 = clock.now();
      const scheduler = new QuotaScheduler({ clock, directories: { [DIRECTORY]: { maxConcurrent: 1 } } });
      const run = attempts(clock);

      void scheduler.schedule(read(), run.untilReleased('slow'));
      const waiting = scheduler.schedule(read({ deadline: t0 + 300 }), run.instant('waiting'));
      let settled = false;
      waiting.catch(() => {}).finally(() => (settled = true));

      await clock.advance(299);
      expect(settled).toBe(false);

      await clock.advance(1);
      await expect(waiting).rejects.toMatchObject({ name: 'QuotaWaitExceededError', requiredWaitMs: 301 });
      expect(run.startedIds()).toEqual(['slow']);
    });

    it('gives the place of a rejected call to the next one', async () => {
      const clock = new ManualClock();
      const t0 = clock.now();
      const scheduler = new QuotaScheduler({ clock, windowMs: 1000 });
      const run = attempts(clock);

      for (let i = 0; i < 15; i += 1) {
        void scheduler.schedule(read(), run.instant(`r${i}`));
      }
      const rejected = scheduler.schedule(read({ deadline: t0 + 500 }), run.instant('rejected'));
      // Ninth in line for the second window, this call fits only because the one before it left.
      const inherits = scheduler.schedule(read({ deadline: t0 + 1999 }), run.instant('inherits'));

      await expect(rejected).rejects.toBeInstanceOf(QuotaWaitExceededError);
      await clock.advance(1000);
      await expect(inherits).resolves.toBe('inherits');
      expect(run.starts.find((start) => start.id === 'inherits')).toEqual({ id: 'inherits', at: t0 + 1000 });
    });
  });

  describe('abort', () => {
    it('removes an aborted call from the queue', async () => {
      const clock = new ManualClock();
      const scheduler = new QuotaScheduler({ clock, windowMs: 1000 });
      const run = attempts(clock);
      const controller = new AbortController();

      for (let i = 0; i < 8; i += 1) {
        void scheduler.schedule(read(), run.instant(`r${i}`));
      }
      const aborted = scheduler.schedule(read({ signal: controller.signal }), run.instant('aborted'));
      expect(scheduler.queuedCount(DIRECTORY)).toBe(1);

      controller.abort(new Error('client went away'));
      await expect(aborted).rejects.toThrow('client went away');
      expect(scheduler.queuedCount(DIRECTORY)).toBe(0);

      await clock.advance(2000);
      expect(run.startedIds()).not.toContain('aborted');
      expect(clock.pendingTimers).toBe(0);
    });

    it('never starts a call whose signal is already aborted', async () => {
      const clock = new ManualClock();
      const scheduler = new QuotaScheduler({ clock });
      const run = attempts(clock);

      const aborted = scheduler.schedule(read({ signal: AbortSignal.abort(new Error('already aborted')) }), run.instant('r0'));

      await expect(aborted).rejects.toThrow('already aborted');
      expect(run.starts).toHaveLength(0);
    });

    it('ignores an abort after the call started', async () => {
      const clock = new ManualClock();
      const scheduler = new QuotaScheduler({ clock });
      const run = attempts(clock);
      const controller = new AbortController();

      const started = scheduler.schedule(read({ signal: controller.signal }), run.untilReleased('r0'));
      await flushPromises();
      controller.abort(new Error('too late'));
      run.release('r0');

      await expect(started).resolves.toBe('r0');
    });
  });

  describe('metrics', () => {
    it('reports queue depth and wait time', async () => {
      const clock = new ManualClock();
      const depths: string[] = [];
      const waits: string[] = [];
      const metrics: SchedulerMetrics = {
        observeWait: (directoryId, kind, ms) => waits.push(`${directoryId} ${kind} ${ms}`),
        setQueueDepth: (directoryId, kind, depth) => depths.push(`${directoryId} ${kind} ${depth}`),
      };
      const scheduler = new QuotaScheduler({ clock, metrics, windowMs: 1000 });
      const run = attempts(clock);

      for (let i = 0; i < 9; i += 1) {
        void scheduler.schedule(read(), run.instant(`r${i}`));
      }
      await clock.advance(1000);

      expect(waits).toEqual([...Array<string>(8).fill(`${DIRECTORY} read 0`), `${DIRECTORY} read 1000`]);
      expect(depths.at(-1)).toBe(`${DIRECTORY} read 0`);
      expect(Math.max(...depths.map((line) => Number(line.split(' ')[2])))).toBe(1);
    });
  });

  describe('state', () => {
    it('drops idle directories', async () => {
      const clock = new ManualClock();
      const state = new InMemoryQuotaState({ windowMs: 1000 });
      const scheduler = new QuotaScheduler({ clock, state });
      const run = attempts(clock);

      await scheduler.schedule(read(), run.instant('r0'));
      await scheduler.schedule(read({ directoryId: OTHER_DIRECTORY }), run.instant('r1'));
      expect(state.directoryCount).toBe(2);

      await clock.advance(1000);
      await scheduler.schedule(read({ directoryId: OTHER_DIRECTORY }), run.instant('r2'));
      expect(state.directoryCount).toBe(1);
      expect(clock.pendingTimers).toBe(0);
    });
  });
});

describe('SlidingWindowLog', () => {
  it('projects starts window by window', () => {
    const log = new SlidingWindowLog(1000);
    log.record()(0);
    log.record()(400);

    expect(log.project(2, 500, 5)).toEqual([1000, 1400, 2000, 2400, 3000]);
    expect(log.project(3, 500, 2)).toEqual([500, 1000]);
    expect(log.nextStartAt(2, 999)).toBe(1000);
    expect(log.nextStartAt(2, 1000)).toBe(1000);
  });

  it('keeps a call in flight in the window', () => {
    const log = new SlidingWindowLog(1000);
    log.record();

    expect(log.nextStartAt(1, 5000)).toBe(Infinity);
    expect(log.project(1, 5000, 2)).toEqual([6000, 7000]);
  });

  it('counts calls across ring growth', () => {
    const log = new SlidingWindowLog(1000);
    // 150 calls in the first window, then windows of 100 calls each that push the oldest out.
    for (let call = 0; call < 150; call += 1) {
      log.record()(call);
    }
    expect(log.size).toBe(150);
    expect(log.nextStartAt(150, 500)).toBe(1000);

    for (let second = 1; second <= 5; second += 1) {
      for (let call = 0; call < 100; call += 1) {
        const finishedAt = second * 1000 + 200 + call;
        log.prune(finishedAt);
        log.record()(finishedAt);
      }
      expect(log.size).toBe(100);
      expect(log.nextStartAt(100, second * 1000 + 300)).toBe(second * 1000 + 1200);
      expect(log.nextStartAt(101, second * 1000 + 300)).toBe(second * 1000 + 300);
    }
  });

  it('keeps finish times in order when the clock steps back', () => {
    const log = new SlidingWindowLog(1000);
    log.record()(500);
    log.record()(300);

    expect(log.nextStartAt(1, 600)).toBe(1500);
    expect(log.nextStartAt(2, 1499)).toBe(1500);
    expect(log.nextStartAt(2, 1500)).toBe(1500);
    expect(log.size).toBe(0);
  });
});
