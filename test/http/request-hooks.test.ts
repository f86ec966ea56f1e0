import { ApolloServer, type GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';

import { requestHooksPlugin, type RequestHooks } from '../../src/http/request-hooks.js';

const TYPE_DEFS = 'type Query { ok: Boolean, fails: Boolean }';
const RESOLVERS = {
  Query: {
    ok: () => true,
    fails: () => {
      throw new GraphQLError('resolver failed', { extensions: { code: 'UPSTREAM_ERROR' } });
    },
  },
};

/** Hooks that append `label:hook` to `calls` for each stage they see. */
function recordingHooks(label: string, calls: string[]): RequestHooks<object> {
  return {
    onRequestStart: () => {
      calls.push(`${label}:start`);
    },
    listener: {
      didResolveSource: () => {
        calls.push(`${label}:didResolveSource`);
        return Promise.resolve();
      },
      didResolveOperation: () => {
        calls.push(`${label}:didResolveOperation`);
        return Promise.resolve();
      },
      didEncounterErrors: ({ errors }) => {
        calls.push(`${label}:didEncounterErrors:${errors.map((error) => error.message).join('|')}`);
        return Promise.resolve();
      },
      willSendResponse: () => {
        calls.push(`${label}:willSendResponse`);
        return Promise.resolve();
      },
    },
  };
}

async function startServer(hooks: ReadonlyArray<RequestHooks<object>>): Promise<ApolloServer> {
  const server = new ApolloServer({ typeDefs: TYPE_DEFS, resolvers: RESOLVERS, plugins: [requestHooksPlugin(hooks)] });
  await server.start();
  return server;
}

describe('requestHooksPlugin', () => {
  it('runs every hook in order', async () => {
    const calls: string[] = [];
    const server = await startServer([recordingHooks('a', calls), recordingHooks('b', calls)]);

    const response = await server.executeOperation({ query: '{ ok }' });

    expect(response.body).toMatchObject({ kind: 'single', singleResult: { data: { ok: true } } });
    expect(calls).toEqual([
      'a:start',
      'b:start',
      'a:didResolveSource',
      'b:didResolveSource',
      'a:didResolveOperation',
      'b:didResolveOperation',
      'a:willSendResponse',
      'b:willSendResponse',
    ]);
    await server.stop();
  });

  it('passes errors to every listener', async () => {
    const calls: string[] = [];
    const server = await startServer([recordingHooks('a', calls), recordingHooks('b', calls)]);

    await server.executeOperation({ query: '{ fails }' });

    expect(calls.filter((call) => call.includes('didEncounterErrors'))).toEqual([
      'a:didEncounterErrors:resolver failed',
      'b:didEncounterErrors:resolver failed',
    ]);
    await server.stop();
  });

  it('fails the request when a hook rejects', async () => {
    const calls: string[] = [];
    const rejecting: RequestHooks<object> = {
      listener: {
        didResolveOperation: () => Promise.reject(new GraphQLError('too costly', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })),
      },
    };
    const server = await startServer([rejecting, recordingHooks('b', calls)]);

    const response = await server.executeOperation({ query: '{ ok }' });

    expect(response.body).toMatchObject({
      kind: 'single',
      singleResult: { errors: [{ message: 'too costly', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
    });
    expect(calls).toEqual([
      'b:start',
      'b:didResolveSource',
      'b:didResolveOperation',
      'b:didEncounterErrors:too costly',
      'b:willSendResponse',
    ]);
    await server.stop();
  });

  it('shares one listener between requests', async () => {
    const plugin = requestHooksPlugin([recordingHooks('a', [])]);
    const requestContext = {} as never;

    const first = await plugin.requestDidStart?.(requestContext);
    const second = await plugin.requestDidStart?.(requestContext);

    expect(first).toBeDefined();
    expect(second).toBe(first);
  });

  it('rejects a hook that returns a value', () => {
    const listener = { executionDidStart: () => Promise.resolve({}) } as GraphQLRequestListener<object>;

    expect(() => requestHooksPlugin([{ listener }])).toThrow(
      new TypeError(
        'Invalid request hook "executionDidStart": only didResolveSource, didResolveOperation, didEncounterErrors, willSendResponse can be merged. ' +
          'Register a listener with "executionDidStart" as a plugin of its own.',
      ),
    );
  });
});
