import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness.close();
});

async function post(body: string, contentType = 'application/json') {
  const response = await fetch(harness.url, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: response.status, body: (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> } };
}

describe('unreadable request bodies', () => {
  it('answers invalid JSON with a GraphQL error body', async () => {
    const response = await post('{"query": ');

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        message: 'The request body is not valid JSON. Send a JSON object such as {"query": "{ __typename }"}.',
        extensions: { code: 'BAD_REQUEST', fastifyCode: 'FST_ERR_CTP_INVALID_JSON_BODY' },
      },
    ]);
    expect(harness.awsCalls()).toEqual([]);
  });

  it('answers an empty JSON body with a GraphQL error body', async () => {
    const response = await post('');

    expect(response.status).toBe(400);
    expect(response.body.errors[0]?.message).toBe('The request body is empty. Send a JSON object such as {"query": "{ __typename }"}.');
  });
});
