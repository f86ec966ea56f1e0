/**
 * Bound on batched GraphQL HTTP requests (a JSON array of operations in one POST).
 *
 * Apollo Server either rejects every batch (`allowBatchedHttpRequests: false`, the default
 * here) or accepts batches of any length. The gateway checks the length where the body is
 * parsed: its JSON parser is Fastify's own, followed by the check for bodies of the GraphQL
 * route. A batch longer than `MAX_BATCH_SIZE` fails with 400 before any operation runs, and
 * `createBodyErrorHandler` writes the response. As with Fastify's other body errors, Fastify
 * then closes the connection.
 *
 * The check sits in the parser rather than in a `preValidation` hook because the parser runs
 * anyway, while a hook sends every request of every route through one more pass of Fastify's
 * hook runner.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Error for a batch that `MAX_BATCH_SIZE` rejects: empty, too long, or sent while batching is off. */
export class BatchRejectedError extends Error {
  override readonly name = 'BatchRejectedError';
  readonly statusCode = 400;

  constructor(
    /** Operations in the batch. */
    readonly size: number,
    /** The configured `MAX_BATCH_SIZE`. */
    readonly maxBatchSize: number,
  ) {
    super(describeRejectedBatch(size, maxBatchSize));
  }
}

/** Returns the error for a batch of `size` operations, or undefined when the batch may run. */
export function checkBatchSize(size: number, maxBatchSize: number): BatchRejectedError | undefined {
  return size > 0 && size <= maxBatchSize ? undefined : new BatchRejectedError(size, maxBatchSize);
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

export interface BatchLimitOptions {
  readonly maxBatchSize: number;
  /** Route whose JSON arrays are batches. Other routes parse JSON as Fastify does. */
  readonly graphqlPath: string;
}

/**
 * Replaces the app's `application/json` parser with Fastify's default one (same limits and
 * prototype-poisoning checks) plus the batch check. Register it on the root instance, before
 * the routes, so every route uses it.
 */
export function registerBatchLimitedJsonParser(app: FastifyInstance, options: BatchLimitOptions): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request: FastifyRequest, body: string | Buffer, done: (error: Error | null, parsed?: unknown) => void) => {
      parseJson(request, body as string, (error: Error | null, parsed?: unknown) => {
        if (error) {
          done(error, undefined);
          return;
        }
        const isBatch = Array.isArray(parsed) && request.routeOptions.url === options.graphqlPath;
        const rejection = isBatch ? checkBatchSize(parsed.length, options.maxBatchSize) : undefined;
        if (rejection) {
          done(rejection, undefined);
          return;
        }
        done(null, parsed);
      });
    },
  );
}
