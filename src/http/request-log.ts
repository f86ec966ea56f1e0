/**
 * Fastify's own log lines about requests, as the gateway writes them. Each request gets one
 * `request completed` line at `info` with the request id, method, path, client address,
 * status and time in ms. The path has no query string, because a GET request carries the
 * GraphQL document and variables there.
 *
 * Fastify's default also writes a line when each request arrives. Here that line is at
 * `debug`, because a log line is among the largest costs the gateway adds to a request.
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
