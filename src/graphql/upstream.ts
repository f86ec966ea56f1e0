/**
 * Sends DS Data commands on behalf of a GraphQL request: with the request's abort signal,
 * deadline and caller id for the quota scheduler, and with AWS errors mapped to coded
 * GraphQL errors.
 */
import type { MetadataBearer } from '@smithy/types';
import type { DirectoryServiceDataCommand } from '../ds-data/index.js';
import type { GatewayContext } from './context.js';
import { toGraphQLError } from './errors.js';

export type UpstreamContext = Pick<GatewayContext, 'client' | 'signal' | 'deadline' | 'principal' | 'awsRequestIds'>;

/**
 * Sends `command` and returns its output, or throws a GraphQL error with a public code.
 * Written with `then` rather than `async`: every resolver's AWS call goes through here,
 * and an async function costs more promises and microtasks.
 */
export function sendCommand<Input extends object, Output extends MetadataBearer>(
  context: UpstreamContext,
  command: DirectoryServiceDataCommand<Input, Output>,
): Promise<Output> {
  let sent: Promise<Output>;
  try {
    sent = context.client.send(command, {
      abortSignal: context.signal,
      scheduling: { callerId: context.principal.subject, deadline: context.deadline },
    });
  } catch (error) {
    return Promise.reject(toGraphQLError(error));
  }
  return sent.then(
    (output) => {
      noteRequestId(context, output.$metadata?.requestId);
      return output;
    },
    (error: unknown) => {
      noteRequestId(context, (error as Partial<MetadataBearer>).$metadata?.requestId);
      throw toGraphQLError(error);
    },
  );
}

/** Returns the AWS request id of a command output, for audit records and mutation steps. */
export function requestIdOf(output: unknown): string | null {
  const metadata = (output as { $metadata?: { requestId?: string } } | undefined)?.$metadata;
  return metadata?.requestId ?? null;
}

function noteRequestId(context: UpstreamContext, requestId: string | undefined): void {
  if (requestId) {
    context.awsRequestIds.push(requestId);
  }
}
