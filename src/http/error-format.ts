/**
 * The last step before an error reaches a client: unexpected errors are masked outside
 * development (no stack trace, no upstream body, no internal host name), and logged once
 * with their cause so an operator can find them.
 */
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { GatewayContext } from '../graphql/context.js';

export interface FormatOptions {
  readonly development: boolean;
  readonly logger: Logger;
}

/** Error codes that describe the gateway's own fault, not the client's or AWS's. */
const UNEXPECTED_CODES = new Set(['INTERNAL_SERVER_ERROR', undefined]);

const UNEXPECTED_ERROR_MESSAGE = 'unexpected error in a GraphQL operation';

/** Errors already logged with their request, which `formatGatewayError` does not log again. */
const loggedWithRequest = new WeakSet<object>();

/**
 * Logs the unexpected errors of a GraphQL request with the request's logger, so that each
 * line carries the `requestId` the client received. `formatGatewayError` gets no request,
 * so it logs only the errors that arise before a request has one, such as a failed context.
 */
export function createUnexpectedErrorLogPlugin(): ApolloServerPlugin<GatewayContext> {
  const started = Promise.resolve(createUnexpectedErrorLogListener());
  return { requestDidStart: () => started };
}

/** Returns the request listener of `createUnexpectedErrorLogPlugin`, which every request shares. */
export function createUnexpectedErrorLogListener(): GraphQLRequestListener<GatewayContext> {
  return {
    didEncounterErrors({ errors, contextValue }) {
      for (const error of errors) {
        if (UNEXPECTED_CODES.has(error.extensions?.code as string | undefined)) {
          contextValue.logger.error({ err: error.originalError ?? error, path: error.path }, UNEXPECTED_ERROR_MESSAGE);
          loggedWithRequest.add(error);
        }
      }
      return Promise.resolve();
    },
  };
}

export function formatGatewayError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: FormatOptions,
): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (!UNEXPECTED_CODES.has(code)) {
    return formatted;
  }

  if (typeof error !== 'object' || error === null || !loggedWithRequest.has(error)) {
    const original = (error as { originalError?: unknown } | undefined)?.originalError ?? error;
    options.logger.error({ err: original, path: formatted.path }, UNEXPECTED_ERROR_MESSAGE);
  }
  if (options.development) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
  }
  return {
    message: 'Unexpected error in the gateway. It has been logged; retry, and report it if it persists.',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
