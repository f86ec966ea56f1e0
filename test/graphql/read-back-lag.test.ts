/**
 * Read-back after a write tolerates replication lag: a just-created object that a domain
 * controller does not show yet is read again a few times before the payload gives up.
 * The emulator has no replication lag, so this unit test stubs the loader.
 */
import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../../src/graphql/context.js';
import { describeUserRef, type DescribeOptions } from '../../src/graphql/objects.js';
import { LightAbortSignal } from '../../src/ds-data/index.js';

const schema = buildSchema(`
  type User { givenName: String attributes(names: [String!]!): [String] }
  type Query { user: User }
`);

/** Runs `{ user { givenName } }` with a loader that misses `misses` times before it finds the user. */
async function readBack(misses: number, options: DescribeOptions) {
  let loads = 0;
  let clears = 0;
  const context = {
    signal: new LightAbortSignal(),
    loaders: {
      users: {
        load: async () => {
          loads += 1;
          return loads > misses ? { SAMAccountName: 'newuser', SID: 'S-1-5-21-1-2-3-1200', GivenName: 'New' } : null;
        },
        clear: () => {
          clears += 1;
        },
      },
    },
  } as unknown as GatewayContext;

  const result = await graphql({
    schema,
    source: '{ user { givenName } }',
    rootValue: {
      user: async (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
        const ref = await describeUserRef(context, { directoryId: 'd-1234567890', realm: undefined, samAccountName: 'newuser' }, info, options);
        return ref ? { givenName: ref.known.GivenName } : null;
      },
    },
  });
  return { result, loads, clears };
}

describe('read-back after a write', () => {
  it('reads again until the new user is visible', async () => {
    const { result, loads, clears } = await readBack(2, { tolerateReplicationLag: true });

    expect(result).toEqual({ data: { user: { givenName: 'New' } } });
    expect(loads).toBe(3);
    expect(clears).toBe(2);
  });

  it('gives up with null after its retries', async () => {
    const { result, loads } = await readBack(10, { tolerateReplicationLag: true });

    expect(result).toEqual({ data: { user: null } });
    expect(loads).toBe(5);
  });

  it('reads once for a plain query', async () => {
    const { result, loads } = await readBack(1, {});

    expect(result).toEqual({ data: { user: null } });
    expect(loads).toBe(1);
  });
});
