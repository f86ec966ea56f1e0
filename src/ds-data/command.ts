/**
 * Base class of the 17 DS Data commands. A command stores its input, and `client.send` runs it
 * through the client's middleware pipeline with a context that carries the operation name
 * and the per-call options (abort signal, scheduling hints).
 */
import { Command } from '@smithy/smithy-client';
import {
  SMITHY_CONTEXT_KEY,
  type Handler,
  type MetadataBearer,
  type MiddlewareStack,
} from '@smithy/types';

import { linkAbortSignal } from './abort-link.js';
import type { ResolvedClientConfig } from './config.js';
import type { CallContext, SendOptions } from './middleware.js';
import { resolveOrderedStack } from './middleware-order.js';
import { SERVICE, type OperationName } from './operations.js';

export abstract class DirectoryServiceDataCommand<Input extends object, Output extends MetadataBearer> extends Command<
  Input,
  Output,
  ResolvedClientConfig,
  object,
  MetadataBearer
> {
  abstract readonly operation: OperationName;

  constructor(readonly input: Input) {
    super();
  }

  resolveMiddleware(
    clientStack: MiddlewareStack<object, MetadataBearer>,
    config: ResolvedClientConfig,
    options: SendOptions | undefined,
  ): Handler<Input, Output> {
    // The call listens on its own linked signal, so concurrent calls on one caller's signal
    // add one listener to it in total. The call-record middleware releases the link.
    const link = options?.abortSignal === undefined ? undefined : linkAbortSignal(options.abortSignal);
    // Absent members are undefined rather than spread in, which allocates less on every call.
    const context: CallContext = {
      clientName: 'DirectoryServiceDataClient',
      commandName: `${this.operation}Command`,
      [SMITHY_CONTEXT_KEY]: { service: SERVICE.sdkId, operation: this.operation },
      dsData: {
        operation: this.operation,
        options: options ?? {},
        signal: link?.signal,
        link,
        attempts: 0,
        totalRetryDelayMs: 0,
      },
    };
    // The HTTP handler reads only `aborted`, `reason` and the abort listeners of the signal,
    // and falls back to its own timeout when `requestTimeout` is undefined.
    const handlerOptions = {
      abortSignal: link?.signal as unknown as AbortSignal | undefined,
      requestTimeout: config.requestTimeout,
    };
    const terminal = (args: { request: unknown }) => config.requestHandler.handle(args.request as never, handlerOptions);

    // Middleware added to this command, or a stack that logs itself on each resolution, takes
    // Smithy's full path. Every other call reuses the client stack's order.
    if (clientStack.identifyOnResolve() || this.middlewareStack.identify().length > 0) {
      return clientStack.concat(this.middlewareStack).resolve(terminal, context) as unknown as Handler<Input, Output>;
    }
    return resolveOrderedStack(clientStack, terminal, context) as unknown as Handler<Input, Output>;
  }
}
