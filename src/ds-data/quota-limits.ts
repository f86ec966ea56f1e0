/**
 * Request quotas that AWS Directory Service Data enforces, per directory and per account.
 *
 * The figures are the Directory Service Data quotas documented by AWS in the Directory Service
 * administration guide. Standard edition allows 8 reads and 4 writes per second, Enterprise 16
 * and 8, and both allow 10 concurrent requests per directory. An account may send 100 requests
 * per second across all its directories.
 */

export type DirectoryEdition = 'standard' | 'enterprise';

/** The limits that apply to one directory. */
export interface DirectoryQuota {
  /** Read operations (describe, list, search) started per second. */
  readonly readsPerSecond: number;
  /** Write operations (create, update, delete, membership changes) started per second. */
  readonly writesPerSecond: number;
  /** Requests in flight at once, reads and writes together. */
  readonly maxConcurrent: number;
}

export const EDITION_QUOTAS: Readonly<Record<DirectoryEdition, DirectoryQuota>> = {
  standard: { readsPerSecond: 8, writesPerSecond: 4, maxConcurrent: 10 },
  enterprise: { readsPerSecond: 16, writesPerSecond: 8, maxConcurrent: 10 },
};

/** Requests per second that one AWS account may send across all its directories. */
export const ACCOUNT_REQUESTS_PER_SECOND = 100;

/** Returns the per-second rate of `kind` from a directory quota. */
export function rateFor(quota: DirectoryQuota, kind: 'read' | 'write'): number {
  return kind === 'read' ? quota.readsPerSecond : quota.writesPerSecond;
}
