/**
 * Fastify's own log lines about requests, as the gateway writes them. Each request gets one
 * `request completed` line at `info` with the request id, method, path, client address,
 * status and time in ms. The path has no query string, because a GET request carries the
 * GraphQL document and variables there.
 *
 * Fastify's default also writes a line when each request arrives. Here that line is at
 * `debug`, because a log line is among the largest costs the gateway adds to a request.
 */
import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { pino, type Bindings, type ChildLoggerOptions, type Logger } from 'pino';

import { isRedactedKey, serializeRequest } from '../logging.js';

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
    `,"req":${JSON.stringify(serializeRequest(request))},"statusCode":${statusCode},"responseTimeMs":${formatMilliseconds(responseTimeMs)}` +
    `,"msg":"${COMPLETED_MESSAGE}"${internals[endSym] as string}`;
  stream.write(line);
  return true;
}

/** Fastify's `childLoggerFactory` option (its type is not exported by name). */
type ChildLoggerFactory = NonNullable<FastifyServerOptions['childLoggerFactory']>;

/** Limit below which `formatMilliseconds` is exact, in hundredths of a ms. Response times stay far below it. */
const MAX_EXACT_HUNDREDTHS = 1e14;

/**
 * Writes a time in ms with at most two decimals, as `String(ms)` would (`12`, `1.5`, `0.07`),
 * without V8's general number formatting, which takes its slow path for every fraction.
 * Under 1e12 ms, two numbers with at most two decimals are more than a double's spacing
 * apart, so the digits of `hundredths` are the shortest form of `ms`, which `String` writes.
 */
export function formatMilliseconds(ms: number): string {
  const hundredths = Math.round(ms * 100);
  if (!(hundredths >= 0 && hundredths < MAX_EXACT_HUNDREDTHS) || hundredths / 100 !== ms) {
    return String(ms);
  }
  const whole = Math.floor(hundredths / 100);
  const fraction = hundredths - whole * 100;
  if (fraction === 0) {
    return `${whole}`;
  }
  return fraction % 10 === 0 ? `${whole}.${fraction / 10}` : `${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/**
 * Creates Fastify's `childLoggerFactory`, which gives each request its logger. Fastify passes
 * child options on every request, empty or not, so pino's `child` rebuilds its formatters and
 * checks each option, and the gateway's `child` first redacts the bindings: together, one of
 * the larger costs of a request. A request whose only binding is its id, with no options, gets
 * a lighter logger instead. It extends a template child of the same parent, made once through
 * the usual path, and appends the id to the template's bindings as pino writes them.
 * The request id label is not a redacted member name, which the factory checks when it is created.
 */
export function createRequestChildLoggerFactory(): ChildLoggerFactory {
  if (isRedactedKey(REQUEST_ID_LOG_LABEL)) {
    throw new Error(`Invalid request id label "${REQUEST_ID_LOG_LABEL}": it is a redacted member name, so request loggers would write its value. Use a label outside REDACTED_KEYS.`);
  }
  const templates = new WeakMap<object, Logger>();

  return function requestChildLogger(logger, bindings: Bindings, options: ChildLoggerOptions) {
    const parent = logger as unknown as Logger;
    const requestId: unknown = bindings[REQUEST_ID_LOG_LABEL];
    if (typeof requestId !== 'string' || !hasOnlyKey(bindings, REQUEST_ID_LOG_LABEL) || !hasNoKeys(options)) {
      return parent.child(bindings, options) as unknown as ReturnType<ChildLoggerFactory>;
    }

    let template = templates.get(parent);
    if (!template) {
      template = parent.child({});
      templates.set(parent, template);
    }
    const templateBindings = (template as unknown as Record<symbol, unknown>)[chindingsSym];
    if (typeof templateBindings !== 'string') {
      // Not a pino logger: nothing to append to.
      return parent.child(bindings, options) as unknown as ReturnType<ChildLoggerFactory>;
    }
    const child = Object.create(template) as Record<symbol, unknown>;
    child[chindingsSym] = `${templateBindings},"${REQUEST_ID_LOG_LABEL}":${JSON.stringify(requestId)}`;
    return child as unknown as ReturnType<ChildLoggerFactory>;
  };
}

function hasOnlyKey(record: object, key: string): boolean {
  for (const name in record) {
    if (name !== key) {
      return false;
    }
  }
  return true;
}

function hasNoKeys(record: object): boolean {
  for (const _name in record) {
    return false;
  }
  return true;
}

class GatewayLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  /**
   * Fastify's own line names the whole URL, whose query string may carry a GraphQL document
   * and its variables, so this line gives the method and path through the `req` serializer.
   */
  override routeNotFound(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) {
      return;
    }
    request.log.info({ req: request }, 'route not found');
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
