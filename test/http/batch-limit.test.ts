import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createBatchLimitHook } from '../../src/http/batch-limit.js';

async function startServer(maxBatchSize: number) {
  const app = Fastify();
  app.addHook('preValidation', createBatchLimitHook(maxBatchSize));
  app.post('/graphql', (request) => ({ received: Array.isArray(request.body) ? request.body.length : 'single' }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const post = (body: unknown) =>
    fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { app, post };
}

describe('createBatchLimitHook', () => {
  let bounded: Awaited<ReturnType<typeof startServer>>;
  let off: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    bounded = await startServer(2);
    off = await startServer(0);
  });

  afterAll(async () => {
    await bounded.app.close();
    await off.app.close();
  });

  const operation = { query: '{ __typename }' };

  it('passes single operations', async () => {
    expect(await (await off.post(operation)).json()).toEqual({ received: 'single' });
  });

  it('passes a batch within the bound', async () => {
    expect(await (await bounded.post([operation, operation])).json()).toEqual({ received: 2 });
  });

  it('rejects a batch over the bound', async () => {
    const response = await bounded.post([operation, operation, operation]);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'The batch has 3 operations, more than the maximum of 2 (MAX_BATCH_SIZE). Split it into smaller batches.',
          extensions: { code: 'BAD_REQUEST', limit: 'batch', value: 3, max: 2 },
        },
      ],
    });
  });

  it('rejects an empty batch', async () => {
    const response = await bounded.post([]);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toBe('The batch is empty: send at least one operation.');
  });

  it('rejects every batch when off', async () => {
    const response = await off.post([operation]);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toBe('Batched requests are turned off (MAX_BATCH_SIZE=0): send one operation per request.');
  });
});
