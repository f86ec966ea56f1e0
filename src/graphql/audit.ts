/**
 * The audit trail of directory changes: one structured log record per mutation attempt,
 * whether it was denied, failed or succeeded.
 *
 * A record names who acted, on which directory and object, with which idempotency token and
 * which AWS request ids. It carries attribute names but never attribute values, because those
 * are sensitive: `record` copies only the members listed in `AuditEntry`.
 */
import type { Logger } from 'pino';

import type { OperationName } from '../ds-data/operations.js';

export type AuditOutcome = 'succeeded' | 'failed' | 'denied';

export interface AuditEntry {
  /** `sub` of the caller's token, or `local` when authentication is off. */
  readonly subject: string;
  /** AWS operation the mutation maps to. */
  readonly operation: OperationName;
  /** GraphQL mutation field, when it differs from the operation name. */
  readonly mutation?: string;
  readonly directoryId: string | undefined;
  readonly objectKind: 'user' | 'group' | 'membership';
  /** SAM account name of the user or group changed (for memberships, the group). */
  readonly samAccountName: string | undefined;
  /** Member added or removed, for membership changes. */
  readonly memberName?: string;
  /** Realm of the member, when it is outside the directory's own domain. */
  readonly memberRealm?: string;
  /** LDAP display names written; never their values. */
  readonly attributeNames?: readonly string[];
  readonly clientToken: string | undefined;
  /** Request ids of every AWS call made for the attempt, retries included; empty when none was made. */
  readonly awsRequestIds: readonly string[];
  readonly outcome: AuditOutcome;
  /** Public GraphQL error code for `failed` and `denied` outcomes. */
  readonly errorCode?: string;
  /** Gateway request id, to join the record with the request's other log lines. */
  readonly requestId?: string;
}

export interface AuditLog {
  /** Writes one audit record for a mutation attempt. */
  record(entry: AuditEntry): void;
}

/** Message of every audit record; operators filter on it, or on `audit: true`. */
export const AUDIT_MESSAGE = 'directory mutation audit';

/** Creates an audit log that writes through `logger`; denied and failed attempts are logged at `warn`, successes at `info`. */
export function createAuditLog(logger: Logger): AuditLog {
  return {
    record(entry) {
      const record = {
        audit: true,
        subject: entry.subject,
        operation: entry.operation,
        mutation: entry.mutation,
        directoryId: entry.directoryId,
        objectKind: entry.objectKind,
        samAccountName: entry.samAccountName,
        memberName: entry.memberName,
        memberRealm: entry.memberRealm,
        attributeNames: entry.attributeNames ? [...entry.attributeNames] : undefined,
        clientToken: entry.clientToken,
        awsRequestIds: [...entry.awsRequestIds],
        outcome: entry.outcome,
        errorCode: entry.errorCode,
        requestId: entry.requestId,
      };

      if (entry.outcome === 'succeeded') {
        logger.info(record, AUDIT_MESSAGE);
      } else {
        logger.warn(record, AUDIT_MESSAGE);
      }
    },
  };
}
