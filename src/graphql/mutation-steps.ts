/**
 * Running a mutation as one or more AWS calls ("steps") and reporting each one.
 *
 * AWS applies one update type per call, so a mutation may need an `ADD` call and a
 * `REPLACE` call. Each step gets its own `ClientToken`, derived from the mutation's token
 * and the step's shape (operation, update type, attribute names). Retrying the whole
 * mutation with the same token therefore sends each step again with its old token. AWS
 * applies a step at most once, and reports a conflict if its values changed in between.
 */
import { createHash, randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { StepRecord } from './model.js';
import { requestIdOf } from './upstream.js';

export interface PlannedStep {
  readonly operation: string;
  readonly updateType: 'ADD' | 'REPLACE' | 'REMOVE' | null;
  /** LDAP names of the attributes this call writes. */
  readonly attributes: readonly string[];
  readonly clientToken: string;
  /** Sends the call with the step's token. */
  readonly send: (clientToken: string) => Promise<unknown>;
}

/** Returns the mutation's token: the client's own, or a new UUID. */
export function mutationToken(given: string | null | undefined): string {
  return given ?? randomUUID();
}

/**
 * Derives a step token from the mutation's token: the same inputs always give the same
 * UUID-shaped token, 36 ASCII characters, within the 128 that AWS allows.
 */
export function deriveClientToken(mutationToken: string, step: Pick<PlannedStep, 'operation' | 'updateType' | 'attributes'>): string {
  const signature = [step.operation, step.updateType ?? '', ...[...step.attributes].map((name) => name.toLowerCase()).sort()].join('\u0000');
  const hex = createHash('sha256').update(mutationToken).update('\u0000').update(signature).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Runs the steps in order. If the first step fails, nothing changed and its error is
 * thrown. If a later step fails, the records show which steps were applied, which one
 * failed (with its error) and which were not attempted. The caller returns them in the payload.
 */
export async function runSteps(steps: readonly PlannedStep[]): Promise<StepRecord[]> {
  const records: StepRecord[] = steps.map((step) => ({
    operation: step.operation,
    updateType: step.updateType,
    attributes: step.attributes,
    clientToken: step.clientToken,
    status: 'NOT_ATTEMPTED',
    requestId: null,
    error: null,
  }));

  for (const [index, step] of steps.entries()) {
    const record = records[index]!;
    try {
      const output = await step.send(step.clientToken);
      record.status = 'APPLIED';
      record.requestId = requestIdOf(output);
    } catch (error) {
      if (index === 0) {
        throw error;
      }
      record.status = 'FAILED';
      record.error = error instanceof Error ? error : new Error(String(error));
      const aws = (error as GraphQLError).extensions?.aws as { requestId?: string | null } | undefined;
      record.requestId = aws?.requestId ?? null;
      break;
    }
  }
  return records;
}
