import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { executeOperation, readJaneDoe, updateDepartment } from '../../examples/typed-operations.js';
import { UserByNameDocument } from '../../examples/generated/graphql.js';
import { startHarness, type Harness } from '../support/harness.js';

describe('examples/typed-operations against the gateway', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('reads jdoe', async () => {
    expect(await readJaneDoe(harness.url)).toBe('Jane Doe <jane.doe@corp.example.com>');
  });

  it('returns null data for a missing user', async () => {
    const result = await executeOperation(harness.url, UserByNameDocument, { samAccountName: 'nobody' });

    expect(result).toEqual({ data: { user: null } });
  });

  it('updates attributes through the @oneOf input', async () => {
    const result = await updateDepartment(harness.url, 'jdoe', 'Typed Examples', 'typed-example-token-1');

    expect(result.errors).toBeUndefined();
    expect(result.data?.updateUser.clientToken).toBe('typed-example-token-1');
    expect(result.data?.updateUser.steps.map((step) => step.status)).toEqual(['APPLIED']);
    expect(result.data?.updateUser.user?.attributes).toEqual([
      { name: 'department', value: { S: 'Typed Examples', N: null } },
      { name: 'accountExpires', value: { S: null, N: '135379296000000000' } },
    ]);
  });

  it('accepts a retry with the same token', async () => {
    await updateDepartment(harness.url, 'jdoe', 'Retried Once', 'typed-example-token-2');
    harness.resetCalls();
    const retry = await updateDepartment(harness.url, 'jdoe', 'Retried Once', 'typed-example-token-2');

    expect(retry.errors).toBeUndefined();
    expect(retry.data?.updateUser.clientToken).toBe('typed-example-token-2');
    expect(harness.awsCalls().filter((operation) => operation === 'UpdateUser')).toHaveLength(1);
  });
});
