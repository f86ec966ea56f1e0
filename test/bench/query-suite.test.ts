import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { countByOperation, QUERY_SUITE } from '../../bench/query-suite.js';
import { startHarness, type Harness } from '../support/harness.js';

// The benchmark suite's documented minimum call counts, asserted exactly, so that a change
// that adds a DS Data call to any suite query fails here before it shows in a benchmark.
describe('benchmark query suite', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  it.each(QUERY_SUITE.map((entry) => [entry.name, entry] as const))('makes the minimum calls: %s', async (_name, entry) => {
    harness.resetCalls();

    const response = await harness.graphql(entry.query, entry.variables);

    expect(response.body.errors).toBeUndefined();
    expect(countByOperation(harness.awsCalls())).toEqual(entry.minimumCalls);
  });
});
