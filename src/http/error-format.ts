/**
 * The last step before an error reaches a client: unexpected errors are masked outside
 * development (no stack trace, no upstream body, no internal host name), and logged once
 * with their cause so an operator can find them.
 */
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { serializeError } from '../logging.js';

export interface FormatOptions {
  readonly development: boolean;
  readonly logger: Logger;
}

/** Error codes that describe the gateway's own fault, not the client's or AWS's. */
const UNEXPECTED_CODES = new Set(['INTERNAL_SERVER_ERROR', undefined]);

export function formatGatewayError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: FormatOptions,
): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (!UNEXPECTED_CODES.has(code)) {
    return formatted;
  }

  const original = (error as { originalError?: unknown } | undefined)?.originalError ?? error;
  options.logger.error({ err: serializeError(original), path: formatted.path }, 'unexpected error in a GraphQL operation');
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
