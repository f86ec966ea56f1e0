/**
 * Authorization and audit around resolvers. Every check here runs before any AWS call.
 *
 * Reads: the caller needs the read role and the directory must be on the allow-list.
 * Mutations: the caller needs the write role, the directory must be allowed, every
 * attribute written must be writable for the caller's roles, and the object must not be
 * protected. Each attempt, denied or not, writes one audit record.
 */
import type { GraphQLError, GraphQLResolveInfo } from 'graphql';
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
    throw audited(denial);
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
    throw audited(failure);
  }
}

/** Errors that `guardMutation` has already written an audit record for. */
const AUDITED_ERRORS = new WeakSet<Error>();

function audited(error: GraphQLError): GraphQLError {
  AUDITED_ERRORS.add(error);
  return error;
}

/** The AWS operation and object kind of each mutation field, for audit records. */
const MUTATION_TARGETS: Readonly<Record<string, { operation: OperationName; objectKind: AuditEntry['objectKind'] }>> = {
  createUser: { operation: 'CreateUser', objectKind: 'user' },
  updateUser: { operation: 'UpdateUser', objectKind: 'user' },
  disableUser: { operation: 'DisableUser', objectKind: 'user' },
  deleteUser: { operation: 'DeleteUser', objectKind: 'user' },
  createGroup: { operation: 'CreateGroup', objectKind: 'group' },
  updateGroup: { operation: 'UpdateGroup', objectKind: 'group' },
  deleteGroup: { operation: 'DeleteGroup', objectKind: 'group' },
  addGroupMember: { operation: 'AddGroupMember', objectKind: 'membership' },
  removeGroupMember: { operation: 'RemoveGroupMember', objectKind: 'membership' },
};

type MutationResolver = (root: unknown, args: never, context: GatewayContext, info: GraphQLResolveInfo) => unknown;

/**
 * Wraps every mutation resolver so that an attempt rejected before `guardMutation` runs,
 * such as one with invalid input, is audited too. Its record names no object, because the
 * rejected input may hold anything, including values that must not reach a log.
 */
export function auditEveryAttempt<Resolvers extends Record<string, unknown>>(resolvers: Resolvers): Resolvers {
  const wrapped: Record<string, unknown> = {};
  for (const [mutation, resolver] of Object.entries(resolvers)) {
    const target = MUTATION_TARGETS[mutation];
    if (!target || typeof resolver !== 'function') {
      throw new Error(`Mutation "${mutation}" has no audit target: add it to MUTATION_TARGETS.`);
    }
    wrapped[mutation] = async (root: unknown, args: never, context: GatewayContext, info: GraphQLResolveInfo) => {
      try {
        return await (resolver as MutationResolver)(root, args, context, info);
      } catch (error) {
        if (error instanceof Error && AUDITED_ERRORS.has(error)) {
          throw error;
        }
        const failure = toGraphQLError(error);
        context.audit.record({
          subject: context.principal.subject,
          operation: target.operation,
          mutation,
          directoryId: undefined,
          objectKind: target.objectKind,
          samAccountName: undefined,
          clientToken: undefined,
          awsRequestIds: [],
          outcome: 'failed',
          errorCode: String(failure.extensions.code),
          requestId: context.requestId,
        });
        throw failure;
      }
    };
  }
  return wrapped as Resolvers;
}
