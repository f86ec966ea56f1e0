/**
 * Error responses for request bodies that Fastify cannot read (too large, not JSON, or of
 * an unsupported media type) and for batches that break `MAX_BATCH_SIZE`. The body is shaped
 * like a GraphQL error response, so clients handle every error in one place, and its message
 * names the limit or the problem and the fix. Status codes stay those Fastify chose (413,
 * 400, 415), and a rejected batch gets 400.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

import { BatchRejectedError } from './batch-limit.js';

/** Fastify error codes of a request body the server could not read. */
function describeBodyError(error: FastifyError, maxBodyBytes: number): string | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return (
        `The request body is larger than the limit of ${maxBodyBytes} bytes (MAX_BODY_BYTES). ` +
        'Send a shorter document or fewer variables.'
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The request body is not valid JSON. Send a JSON object such as {"query": "{ __typename }"}.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is empty. Send a JSON object such as {"query": "{ __typename }"}.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'The content type of the request is not supported. Send the operation as application/json.';
    default:
      return undefined;
  }
}

/** Creates the Fastify error handler. Errors other than unreadable bodies keep Fastify's default response. */
export function createBodyErrorHandler(maxBodyBytes: number) {
  return function handleBodyError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof BatchRejectedError) {
      request.log.info({ batchSize: error.size, maxBatchSize: error.maxBatchSize }, 'batched request rejected');
      return reply
        .code(error.statusCode)
        .header('content-type', 'application/json; charset=utf-8')
        .send({
          errors: [
            { message: error.message, extensions: { code: 'BAD_REQUEST', limit: 'batch', value: error.size, max: error.maxBatchSize } },
          ],
        });
    }
    const message = describeBodyError(error, maxBodyBytes);
    if (message === undefined) {
      return reply.send(error);
    }
    request.log.info({ errorCode: error.code, statusCode: error.statusCode }, 'request body rejected');
    return reply
      .code(error.statusCode ?? 400)
      .header('content-type', 'application/json; charset=utf-8')
      .send({ errors: [{ message, extensions: { code: 'BAD_REQUEST', fastifyCode: error.code } }] });
  };
}
