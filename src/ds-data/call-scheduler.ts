/**
 * The contract between the DS Data client and a quota-aware scheduler.
 *
 * The client hands every HTTP attempt (first tries and retries alike, since each one spends
 * quota) to `schedule`, which runs it when the directory's read or write rate and its
 * concurrency cap allow. When AWS throttles anyway, the client reports it through
 * `onThrottled` so that the whole directory backs off, not only the call that was refused.
 */
import type { CallAbortSignal } from './abort-link.js';
import type { OperationName } from './operations.js';

export interface ScheduledCall {
  readonly directoryId: string;
  readonly operation: OperationName;
  /** Read operations draw on the read rate, writes on the write rate. */
  readonly kind: 'read' | 'write';
  /** Who is asking, so that one caller's burst cannot starve the others. */
  readonly callerId?: string | undefined;
  /** Epoch milliseconds after which the call is useless to its caller. */
  readonly deadline?: number | undefined;
  /** Aborts the call while it is queued; a Node.js `AbortSignal` will do. */
  readonly signal?: CallAbortSignal | undefined;
}

export interface CallScheduler {
  /**
   * Runs `attempt` when the quota allows. Rejects with `QuotaWaitExceededError` when the call
   * cannot start before its deadline, and with the signal's reason when it is aborted while queued.
   */
  schedule<T>(call: ScheduledCall, attempt: () => Promise<T>): Promise<T>;

  /** Records that AWS throttled a call to this directory and asked to wait `retryAfterMs`. */
  onThrottled(directoryId: string, retryAfterMs: number): void;
}

/** A scheduler that runs every call at once: the default when no quota is configured. */
export const UNSCHEDULED: CallScheduler = {
  schedule: (_call, attempt) => attempt(),
  onThrottled: () => {},
};

/** Raised when a queued call cannot start before its deadline without breaking the quota. */
export class QuotaWaitExceededError extends Error {
  override readonly name = 'QuotaWaitExceededError';

  constructor(
    readonly directoryId: string,
    readonly operation: OperationName,
    /** Milliseconds the call would have had to wait. */
    readonly requiredWaitMs: number,
  ) {
    super(
      `The ${operation} call to directory ${directoryId} would have to wait ${requiredWaitMs} ms for ` +
        'the directory request quota, which is past the request deadline.',
    );
  }
}
