/**
 * Bound on batched GraphQL HTTP requests (a JSON array of operations in one POST).
 *
 * Apollo Server either rejects every batch (`allowBatchedHttpRequests: false`, the default
 * here) or accepts batches of any length. When batching is on, this Fastify `preValidation`
 * hook rejects arrays longer than `MAX_BATCH_SIZE` with 400 before any operation runs.
 */
import type { preValidationHookHandler } from 'fastify';

/**
 * Creates the hook; with `maxBatchSize` 0 it rejects every batch itself, with a message naming
 * the setting. The hook takes Fastify's `done` callback rather than returning a promise,
 * because it runs on every request and most requests are not batches.
 */
export function createBatchLimitHook(maxBatchSize: number): preValidationHookHandler {
  return function limitBatchSize(request, reply, done) {
    const size = Array.isArray(request.body) ? request.body.length : undefined;
    if (size === undefined || (size <= maxBatchSize && size > 0)) {
      done();
      return;
    }

    const message = describeRejectedBatch(size, maxBatchSize);
    reply
      .code(400)
      .header('content-type', 'application/json; charset=utf-8')
      .send({ errors: [{ message, extensions: { code: 'BAD_REQUEST', limit: 'batch', value: size, max: maxBatchSize } }] });
  };
}

function describeRejectedBatch(size: number, maxBatchSize: number): string {
  if (maxBatchSize === 0) {
    return 'Batched requests are turned off (MAX_BATCH_SIZE=0): send one operation per request.';
  }
  if (size === 0) {
    return 'The batch is empty: send at least one operation.';
  }
  return `The batch has ${size} operations, more than the maximum of ${maxBatchSize} (MAX_BATCH_SIZE). Split it into smaller batches.`;
}
