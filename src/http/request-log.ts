/**
 * Fastify's own log lines about requests, as the gateway writes them: one `request completed`
 * line per request at `info`, with the request id, method, path (no query string, since a
 * GET request carries the GraphQL document and variables there), client address, status and
 * time in ms. Fastify's default writes a second line when each request arrives; here that
 * line is at `debug`, as a line per request costs the gateway more than any other feature
 * that runs on every request.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** Member of every request's log lines that carries the request id. */
export const REQUEST_ID_LOG_LABEL = 'requestId';

class GatewayLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const fields = { req: request, statusCode: reply.statusCode, responseTimeMs: Math.round(reply.elapsedTime * 100) / 100 };
    if (error) {
      reply.log.error({ ...fields, err: error }, 'request errored');
    } else {
      reply.log.info(fields, 'request completed');
    }
  }
}

/** Creates the log controller to pass as Fastify's `logController` option. */
export function createRequestLogController(): LogController {
  return new GatewayLogController({ requestIdLogLabel: REQUEST_ID_LOG_LABEL });
}
