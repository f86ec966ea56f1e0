import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';

import { SupportedOperationTypesRule } from '../../src/graphql/operation-types.js';
import { startHarness, type Harness } from '../support/harness.js';

const schema = buildSchema('type Query { ok: Boolean } type Mutation { touch: Boolean }');

function errorsOf(document: string): string[] {
  return validate(schema, parse(document), [...specifiedRules, SupportedOperationTypesRule]).map((error) => error.message);
}

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('SupportedOperationTypesRule', () => {
  it('accepts queries and mutations', () => {
    expect(errorsOf('{ ok }')).toEqual([]);
    expect(errorsOf('mutation { touch }')).toEqual([]);
  });

  it('rejects a subscription', () => {
    expect(errorsOf('subscription Watch { ok }')).toEqual([
      'The schema has no subscription type, because the gateway serves queries and mutations only. Send a query or a mutation.',
    ]);
  });

  it('rejects a subscription over HTTP as a client error', async () => {
    harness = await startHarness({ env: { NODE_ENV: 'production' } });

    const response = await harness.graphql('subscription { users { totalCount } }');

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        message: 'The schema has no subscription type, because the gateway serves queries and mutations only. Send a query or a mutation.',
        locations: [{ line: 1, column: 1 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
    expect(harness.logLines.join('\n')).not.toContain('unexpected error');
  });
});
