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
import { pino, type Logger } from 'pino';

import { serializeRequest } from '../logging.js';

/** Member of every request's log lines that carries the request id. */
export const REQUEST_ID_LOG_LABEL = 'requestId';

const COMPLETED_MESSAGE = 'request completed';
const INFO_LEVEL = 30;

const { chindingsSym, endSym, hooksSym, lsCacheSym, messageKeySym, mixinSym, needsMetadataGsym, streamSym, timeSym } = pino.symbols;

/** The logger's stream, as pino's `write` uses it. */
interface PinoStream {
  write(line: string): unknown;
}

/**
 * Writes the `request completed` line of a successful request straight to the logger's
 * stream. The line is byte for byte what `logger.info({ req, statusCode, responseTimeMs },
 * 'request completed')` writes (a test compares them). pino's general path runs the
 * redaction formatter, the serializer lookup and a key-by-key stringify for every line, and
 * in CPU profiles of the gateway under load it was among the largest costs of a request.
 * This line needs none of it: its members have fixed names that are never redacted, and
 * `req` goes through the same serializer.
 * Returns false, having written nothing, when the logger uses a pino feature that this
 * path does not reproduce (a mixin, a stream-write hook, a multistream or another message key).
 */
export function writeCompletedLine(logger: Logger, request: FastifyRequest, statusCode: number, responseTimeMs: number): boolean {
  // Members that `pino.symbols` names for integrations with pino.
  const internals = logger as unknown as Record<symbol, unknown>;
  const stream = internals[streamSym] as PinoStream & Record<symbol, unknown>;
  const hooks = internals[hooksSym] as { streamWrite?: unknown };
  if (
    internals[mixinSym] ||
    hooks.streamWrite ||
    stream[needsMetadataGsym] === true ||
    internals[messageKeySym] !== 'msg' ||
    !Number.isFinite(responseTimeMs)
  ) {
    return false;
  }

  const levelPrefix = (internals[lsCacheSym] as Record<number, string>)[INFO_LEVEL] as string;
  const time = (internals[timeSym] as () => string).call(logger);
  const line =
    `${levelPrefix}${time}${internals[chindingsSym] as string}` +
    `,"req":${JSON.stringify(serializeRequest(request))},"statusCode":${statusCode},"responseTimeMs":${responseTimeMs}` +
    `,"msg":"${COMPLETED_MESSAGE}"${internals[endSym] as string}`;
  stream.write(line);
  return true;
}

class GatewayLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const responseTimeMs = Math.round(reply.elapsedTime * 100) / 100;
    if (error) {
      reply.log.error({ req: request, statusCode: reply.statusCode, responseTimeMs, err: error }, 'request errored');
      return;
    }

    const logger = reply.log as unknown as Logger;
    if (!logger.isLevelEnabled('info')) {
      return;
    }
    if (!writeCompletedLine(logger, request, reply.statusCode, responseTimeMs)) {
      logger.info({ req: request, statusCode: reply.statusCode, responseTimeMs }, COMPLETED_MESSAGE);
    }
  }
}

/** Creates the log controller to pass as Fastify's `logController` option. */
export function createRequestLogController(): LogController {
  return new GatewayLogController({ requestIdLogLabel: REQUEST_ID_LOG_LABEL });
}
