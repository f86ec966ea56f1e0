import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';

import type { GatewayContext } from '../../src/graphql/context.js';
import { createUnexpectedErrorLogPlugin, formatGatewayError } from '../../src/http/error-format.js';
import { captureLogger } from '../support/capture-logger.js';

/** Runs the plugin's `didEncounterErrors` for one request, as Apollo Server would. */
async function encounter(plugin: ReturnType<typeof createUnexpectedErrorLogPlugin>, errors: GraphQLError[], logger: GatewayContext['logger']) {
  const listener = await plugin.requestDidStart?.({} as never);
  await listener?.didEncounterErrors?.({ errors, contextValue: { logger } } as never);
}

describe('unexpected error logging', () => {
  it('logs a request error once, with the request id', async () => {
    const { logger, records } = captureLogger();
    const requestLogger = logger.child({ requestId: 'req-1' });
    const error = new GraphQLError('broken', { originalError: new TypeError('x is not a function') });

    await encounter(createUnexpectedErrorLogPlugin(), [error], requestLogger);
    formatGatewayError({ message: 'broken', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error, { development: false, logger });

    expect(records()).toEqual([
      expect.objectContaining({ msg: 'unexpected error in a GraphQL operation', requestId: 'req-1', err: expect.objectContaining({ type: 'TypeError', message: 'x is not a function' }) }),
    ]);
  });

  it('leaves coded errors to the client', async () => {
    const { logger, records } = captureLogger();
    const error = new GraphQLError('No such user.', { extensions: { code: 'NOT_FOUND' } });

    await encounter(createUnexpectedErrorLogPlugin(), [error], logger);
    formatGatewayError({ message: 'No such user.', extensions: { code: 'NOT_FOUND' } }, error, { development: false, logger });

    expect(records()).toEqual([]);
  });

  it('logs an error that never reached a request', () => {
    const { logger, records } = captureLogger();

    const formatted = formatGatewayError({ message: 'context failed' }, new RangeError('context failed'), { development: false, logger });

    expect(formatted).toEqual({
      message: 'Unexpected error in the gateway. It has been logged; retry, and report it if it persists.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(records()).toEqual([
      expect.objectContaining({ msg: 'unexpected error in a GraphQL operation', err: expect.objectContaining({ type: 'RangeError', message: 'context failed' }) }),
    ]);
  });
});
