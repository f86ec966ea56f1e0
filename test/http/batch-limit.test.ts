import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BatchRejectedError, checkBatchSize, registerBatchLimitedJsonParser } from '../../src/http/batch-limit.js';
import { createBodyErrorHandler } from '../../src/http/body-errors.js';

const MAX_BODY_BYTES = 1024;

/** A server with the gateway's body error handler and JSON parser, and two routes that echo what they parsed. */
async function startServer(maxBatchSize: number) {
  const app = Fastify({ bodyLimit: MAX_BODY_BYTES });
  app.setErrorHandler(createBodyErrorHandler(MAX_BODY_BYTES));
  registerBatchLimitedJsonParser(app, { maxBatchSize, graphqlPath: '/graphql' });
  const echo = (request: { body: unknown }) => ({ received: Array.isArray(request.body) ? request.body.length : 'single' });
  app.post('/graphql', echo);
  app.post('/other', echo);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const post = (body: unknown, { path = '/graphql', contentType = 'application/json' } = {}) =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { app, post };
}

describe('checkBatchSize', () => {
  it('accepts sizes within the bound', () => {
    expect(checkBatchSize(1, 3)).toBeUndefined();
    expect(checkBatchSize(3, 3)).toBeUndefined();
  });

  it('describes a rejected batch', () => {
    const error = checkBatchSize(4, 3);
    expect(error).toBeInstanceOf(BatchRejectedError);
    expect(error).toMatchObject({ size: 4, maxBatchSize: 3, statusCode: 400 });
    expect(error?.message).toBe('The batch has 4 operations, more than the maximum of 3 (MAX_BATCH_SIZE). Split it into smaller batches.');
  });
});

describe('registerBatchLimitedJsonParser', () => {
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
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    // Fastify closes the connection after any body error, this one included.
    expect(response.headers.get('connection')).toBe('close');
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
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'The batch is empty: send at least one operation.',
          extensions: { code: 'BAD_REQUEST', limit: 'batch', value: 0, max: 2 },
        },
      ],
    });
  });

  it('rejects every batch when off', async () => {
    const response = await off.post([operation]);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toBe('Batched requests are turned off (MAX_BATCH_SIZE=0): send one operation per request.');
  });

  it('checks JSON with a charset parameter', async () => {
    const response = await off.post([operation], { contentType: 'application/json; charset=utf-8' });
    expect(response.status).toBe(400);
  });

  it('ignores arrays on other routes', async () => {
    const response = await off.post([operation, operation], { path: '/other' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 2 });
  });

  it('keeps Fastify errors for unreadable bodies', async () => {
    const invalid = await bounded.post('{"query": ');
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({
      errors: [
        {
          message: 'The request body is not valid JSON. Send a JSON object such as {"query": "{ __typename }"}.',
          extensions: { code: 'BAD_REQUEST', fastifyCode: 'FST_ERR_CTP_INVALID_JSON_BODY' },
        },
      ],
    });

    const empty = await bounded.post('');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { errors: Array<{ extensions: { fastifyCode: string } }> }).errors[0]?.extensions.fastifyCode).toBe(
      'FST_ERR_CTP_EMPTY_JSON_BODY',
    );

    const tooLarge = await bounded.post({ query: 'x'.repeat(MAX_BODY_BYTES) });
    expect(tooLarge.status).toBe(413);
  });

  it('rejects prototype poisoning', async () => {
    const response = await bounded.post('{"query": "{ __typename }", "__proto__": {"polluted": true}}');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ extensions: { fastifyCode: string } }> }).errors[0]?.extensions.fastifyCode).toBe(
      'FST_ERR_CTP_INVALID_JSON_BODY',
    );
  });
});
