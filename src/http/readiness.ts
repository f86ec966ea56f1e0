/**
 * Readiness: the configuration is valid (the process would not have started otherwise)
 * and AWS Directory Service Data responds for the configured directory.
 *
 * Every probe of AWS spends one read of the directory's small quota, so the result is
 * cached: however often a load balancer asks, AWS is called at most once per interval.
 */
import type { Logger } from 'pino';
import { ListUsersCommand, type DirectoryServiceDataClient } from '../ds-data/index.js';

/** Milliseconds between two upstream probes. */
export const READINESS_INTERVAL_MS = 10_000;

export interface ReadinessState {
  readonly ready: boolean;
  /** Reason the gateway is not ready, for operators; never a sensitive value. */
  readonly reason?: string;
  readonly checkedAt: string;
}

export interface ReadinessProbe {
  check(): Promise<ReadinessState>;
}

export interface ReadinessOptions {
  readonly client: DirectoryServiceDataClient;
  readonly directoryId: string;
  readonly logger: Logger;
  readonly intervalMs?: number;
  readonly now?: () => number;
}

/** Errors that prove AWS responded: the upstream is reachable even though this call failed. */
const REACHABLE_ERRORS = new Set(['ThrottlingException', 'ValidationException']);

export function createReadinessProbe(options: ReadinessOptions): ReadinessProbe {
  const interval = options.intervalMs ?? READINESS_INTERVAL_MS;
  const now = options.now ?? Date.now;
  let last: { at: number; state: Promise<ReadinessState> } | undefined;

  const probe = async (): Promise<ReadinessState> => {
    const checkedAt = new Date(now()).toISOString();
    try {
      await options.client.send(new ListUsersCommand({ DirectoryId: options.directoryId, MaxResults: 1 }));
      return { ready: true, checkedAt };
    } catch (error) {
      const name = (error as { name?: string }).name ?? 'Error';
      if (REACHABLE_ERRORS.has(name)) {
        return { ready: true, checkedAt };
      }
      // A network failure names its cause in `code` (ECONNREFUSED, ...); AWS errors in `name`.
      const code = (error as { code?: unknown }).code;
      const cause = typeof code === 'string' ? `${name} (${code})` : name;
      options.logger.warn({ errorName: name, errorCode: code, directoryId: options.directoryId }, 'readiness probe failed');
      return { ready: false, reason: `DS Data call for directory ${options.directoryId} failed: ${cause}`, checkedAt };
    }
  };

  return {
    check() {
      if (!last || now() - last.at >= interval) {
        last = { at: now(), state: probe() };
      }
      return last.state;
    },
  };
}
