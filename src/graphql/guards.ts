/**
 * Authorization and audit around resolvers. Every check here runs before any AWS call.
 *
 * Reads: the caller needs the read role and the directory must be on the allow-list.
 * Mutations: the caller needs the write role, the directory must be allowed, every
 * attribute written must be writable for the caller's roles, and the object must not be
 * protected; each attempt, denied or not, writes one audit record.
 */
import type { OperationName } from '../ds-data/operations.js';
import type { AuditEntry } from './audit.js';
import type { MutationTarget } from './authorization.js';
import type { GatewayContext } from './context.js';
import { toGraphQLError } from './errors.js';
import { checkField } from './input.js';
import type { StepRecord } from './model.js';

/** Validates a directory argument, checks read access and returns the directory to call. */
export function readableDirectory(context: GatewayContext, field: string, given: string | null | undefined): string {
  const directoryId = given === undefined || given === null ? undefined : checkField(field, 'DirectoryId', given);
  context.policy.requireRead(context.principal);
  return context.policy.checkDirectory(directoryId ?? context.defaultDirectoryId);
}

export interface GuardedMutation {
  readonly operation: OperationName;
  readonly mutation: string;
  readonly directoryId: string;
  readonly objectKind: AuditEntry['objectKind'];
  readonly userName?: string;
  readonly groupName?: string;
  readonly memberName?: string;
  readonly memberRealm?: string;
  readonly attributeNames?: readonly string[];
  readonly clientToken: string;
}

/**
 * Authorizes a mutation, runs it and audits the attempt. `run` returns the payload; when the
 * payload reports steps and one failed, the attempt is audited as failed with that step's code.
 */
export async function guardMutation<Payload extends object>(
  context: GatewayContext,
  target: GuardedMutation,
  run: () => Promise<Payload>,
): Promise<Payload> {
  const firstCall = context.awsRequestIds.length;
  const entry = {
    subject: context.principal.subject,
    operation: target.operation,
    mutation: target.mutation,
    directoryId: target.directoryId,
    objectKind: target.objectKind,
    samAccountName: target.userName ?? target.groupName,
    ...(target.memberName ? { memberName: target.memberName } : {}),
    ...(target.memberRealm ? { memberRealm: target.memberRealm } : {}),
    ...(target.attributeNames ? { attributeNames: target.attributeNames } : {}),
    clientToken: target.clientToken,
    requestId: context.requestId,
  };
  const callsSoFar = () => context.awsRequestIds.slice(firstCall);

  const policyTarget: MutationTarget = {
    operation: target.operation,
    directoryId: target.directoryId,
    ...(target.userName ? { userName: target.userName } : {}),
    ...(target.groupName ? { groupName: target.groupName } : {}),
    ...(target.memberName ? { memberName: target.memberName } : {}),
    ...(target.attributeNames ? { attributeNames: target.attributeNames } : {}),
  };
  try {
    context.policy.authorizeMutation(context.principal, policyTarget);
  } catch (error) {
    const denial = toGraphQLError(error);
    context.audit.record({ ...entry, awsRequestIds: [], outcome: 'denied', errorCode: String(denial.extensions.code) });
    throw denial;
  }

  try {
    const payload = await run();
    const steps = (payload as { steps?: readonly StepRecord[] }).steps;
    const failedStep = steps?.find((step) => step.status === 'FAILED');
    context.audit.record({
      ...entry,
      awsRequestIds: callsSoFar(),
      outcome: failedStep ? 'failed' : 'succeeded',
      ...(failedStep?.error ? { errorCode: String(toGraphQLError(failedStep.error).extensions.code) } : {}),
    });
    return payload;
  } catch (error) {
    const failure = toGraphQLError(error);
    context.audit.record({ ...entry, awsRequestIds: callsSoFar(), outcome: 'failed', errorCode: String(failure.extensions.code) });
    throw failure;
  }
}
