/**
 * The per-request context every resolver receives.
 */
import type { Logger } from 'pino';
import type { DirectoryServiceDataClient, LightAbortSignal } from '../ds-data/index.js';
import type { Principal } from '../http/auth.js';
import type { AuditLog } from './audit.js';
import type { AuthorizationPolicy } from './authorization.js';
import type { CursorCodec } from './cursors.js';
import type { Loaders } from './loaders.js';

export type { Principal };

export interface GatewayContext {
  readonly client: DirectoryServiceDataClient;
  /** Directory used when an operation names none. */
  readonly defaultDirectoryId: string;
  readonly loaders: Loaders;
  readonly cursors: CursorCodec;
  readonly principal: Principal;
  readonly policy: AuthorizationPolicy;
  readonly audit: AuditLog;
  readonly requestId: string;
  readonly logger: Logger;
  /** Aborted when the client disconnects or the query times out; passed to every AWS call. */
  readonly signal: LightAbortSignal;
  /** Epoch milliseconds after which upstream calls are useless to this request. */
  readonly deadline: number;
  /** Request ids of the AWS calls made for this request so far, in order, for audit records. */
  readonly awsRequestIds: string[];
}

/** Name of the abort reason when the client closed its connection; the query timeout aborts with `TimeoutError`. */
export const CLIENT_CLOSED_REASON_NAME = 'AbortError';

/** Returns whether the request was aborted because its client closed the connection before the response. */
export function wasClosedByClient(context: { readonly signal?: LightAbortSignal }): boolean {
  const signal = context.signal;
  return signal?.aborted === true && (signal.reason as { name?: unknown } | undefined)?.name === CLIENT_CLOSED_REASON_NAME;
}
