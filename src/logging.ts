/**
 * The gateway's pino logger and its redaction rules.
 *
 * AWS marks names, e-mail addresses, DNs, UPNs, every attribute value, `NextToken` and
 * `SearchString` as sensitive, and the gateway also handles bearer tokens and AWS
 * credentials. None of them may reach a log line, so every record passes through
 * `redactSensitive`, which replaces the value of any member with a sensitive name, at any
 * depth, before pino writes it.
 */
import { pino, type Bindings, type ChildLoggerOptions, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/** Replacement for a removed value; fixed, so a reader can tell redaction from an empty value. */
export const REDACTED = '[Redacted]';

/**
 * Member names whose values are withheld from logs, compared case-insensitively. The list
 * covers every sensitive member of the DS Data model and the GraphQL cursors that wrap
 * `NextToken`. It also covers the GraphQL `query` and `variables`, because they may carry any
 * of these values inline, and the usual names of tokens, cookies and secrets.
 */
export const REDACTED_KEYS: readonly string[] = [
  // Sensitive members of the DS Data model, AWS spelling.
  'GivenName',
  'Surname',
  'EmailAddress',
  'DistinguishedName',
  'UserPrincipalName',
  'NextToken',
  'SearchString',
  'OtherAttributes',
  'Attributes',
  'S',
  'N',
  'BOOL',
  'SS',
  // GraphQL cursors, which carry a NextToken, and GraphQL documents and variables. The GraphQL
  // spelling of the members above differs only in case, so the case-insensitive match covers it.
  'after',
  'before',
  'cursor',
  'startCursor',
  'endCursor',
  'query',
  'variables',
  // Credentials and secrets.
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'token',
  'accessToken',
  'idToken',
  'refreshToken',
  'bearer',
  'jwt',
  'sessionToken',
  'secretAccessKey',
  'credentials',
  'password',
  'NewPassword',
  'clientSecret',
  'apiKey',
  'privateKey',
];

const REDACTED_KEY_SET = new Set(REDACTED_KEYS.map((key) => key.toLowerCase()));

/** Name fragments that mark a member as secret even when its exact name is not listed. */
const SECRET_NAME_FRAGMENTS = ['password', 'secret', 'passphrase', 'privatekey'];

/**
 * Decisions of `isRedactedKey` by exact member name. Log records use a small, fixed set of
 * names, and every record is checked, so each name is lower-cased and matched only once.
 * The bound keeps records with client-chosen member names from growing the map.
 */
const KEY_DECISIONS = new Map<string, boolean>();
const MAX_KEY_DECISIONS = 2000;

/** Returns whether a member with this name must not be logged. */
export function isRedactedKey(key: string): boolean {
  let redacted = KEY_DECISIONS.get(key);
  if (redacted === undefined) {
    const lower = key.toLowerCase();
    redacted = REDACTED_KEY_SET.has(lower) || SECRET_NAME_FRAGMENTS.some((fragment) => lower.includes(fragment));
    if (KEY_DECISIONS.size < MAX_KEY_DECISIONS) {
      KEY_DECISIONS.set(key, redacted);
    }
  }
  return redacted;
}

/** Nesting depth past which values are replaced wholesale; log records are shallow, so this only stops runaway objects. */
const MAX_REDACTION_DEPTH = 10;

/**
 * Returns a copy of `value` in which every member with a redacted name is `REDACTED`.
 * Errors are left to the `err` serializer; cycles and objects nested deeper than
 * `MAX_REDACTION_DEPTH` become `REDACTED` as well, because they cannot be checked.
 */
export function redactSensitive(value: unknown): unknown {
  return redactValue(value, 0, new Set());
}

/** `seen` contains the objects already copied, so that a cycle or a repeated object ends as `REDACTED`. */
function redactValue(value: unknown, depth: number, seen: Set<object>): unknown {
  if (value === null || typeof value !== 'object' || !isPlainRecordOrArray(value)) {
    return value;
  }
  if (seen.has(value) || depth > MAX_REDACTION_DEPTH) {
    return REDACTED;
  }
  seen.add(value);

  if (Array.isArray(value)) {
    return value.map((item) => redactValue(item, depth + 1, seen));
  }

  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const member = record[key];
    if (isRedactedKey(key)) {
      copy[key] = REDACTED;
    } else if (typeof member === 'object') {
      copy[key] = redactValue(member, depth + 1, seen);
    } else {
      copy[key] = member;
    }
  }
  return copy;
}

/**
 * Only plain records and arrays are walked. Class instances (errors, Fastify requests and
 * replies) pass unchanged, because pino applies the serializers below after this step and a
 * copy would lose their prototype getters.
 * NOTE: a class instance logged under a member name without a serializer is written unredacted,
 * as pino stringifies it. Log plain records, or add a serializer for the member.
 */
function isPlainRecordOrArray(value: object): boolean {
  if (Array.isArray(value)) {
    return true;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Error members that may be logged; everything else (response bodies, raw requests) is dropped. */
const LOGGED_ERROR_MEMBERS = ['name', 'code', 'reason', 'statusCode', 'retryable', '$fault', 'requestId'] as const;

/**
 * graphql-js coercion messages quote the rejected input (`Variable "$input" got invalid
 * value "..."; ...`), which may be a sensitive value; the quoted part is cut out.
 */
const ECHOED_VALUE_PATTERNS: readonly RegExp[] = [/(got invalid value )(.*?)(; |$)/s, /(, found )(.*?)(\.$|; |$)/s];

/**
 * Serializes an error for a log line: its name, message, stack, AWS metadata and cause,
 * and nothing else. AWS exception messages are withheld because AWS may echo request values
 * in them, and HTTP response bodies and raw requests are never copied.
 */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) {
    return { message: typeof error === 'string' ? '[non-Error value thrown]' : `[non-Error ${typeof error} thrown]` };
  }

  const fields = error as unknown as Record<string, unknown>;
  const serialized: Record<string, unknown> = { type: error.constructor.name };
  for (const member of LOGGED_ERROR_MEMBERS) {
    if (fields[member] !== undefined && typeof fields[member] !== 'object') {
      serialized[member] = fields[member];
    }
  }

  const metadata = fields.$metadata as { httpStatusCode?: unknown; requestId?: unknown; attempts?: unknown } | undefined;
  const isAwsException = metadata !== undefined || fields.$fault !== undefined;
  if (metadata !== undefined) {
    serialized.awsRequestId = metadata.requestId;
    serialized.httpStatusCode = metadata.httpStatusCode;
    serialized.attempts = metadata.attempts;
  }

  serialized.message = isAwsException ? '[AWS exception message withheld: it may echo request values]' : stripEchoedValues(error.message);
  serialized.stack = error.stack?.replace(error.message, String(serialized.message));

  if (error.cause !== undefined && depth < 3) {
    serialized.cause = serializeError(error.cause, depth + 1);
  }
  return serialized;
}

function stripEchoedValues(message: string): string {
  return ECHOED_VALUE_PATTERNS.reduce((text, pattern) => text.replace(pattern, `$1${REDACTED}$3`), message);
}

/**
 * Serializes a Fastify request as method, path and client address. The query string is
 * dropped because a GET request carries the GraphQL query and variables in it.
 */
export function serializeRequest(request: {
  method?: string;
  url?: string;
  ip?: string;
  id?: unknown;
}): Record<string, unknown> {
  const url = request.url ?? '';
  const queryStart = url.indexOf('?');
  return {
    method: request.method,
    path: queryStart === -1 ? url : url.slice(0, queryStart),
    remoteAddress: request.ip,
  };
}

export interface CreateLoggerOptions {
  /** pino level name; defaults to `info`. */
  readonly level?: string;
  /** Destination stream of the records; defaults to standard output. Tests pass a stream to read the lines back. */
  readonly destination?: DestinationStream;
  /** Members added to every record, for example `{ service: 'ds-data-gateway' }`. */
  readonly base?: Record<string, unknown>;
}

let cachedSecond = Number.NaN;
let cachedSecondPrefix = '';

/**
 * Formats epoch ms as `Date.prototype.toISOString` does, such as `2026-12-04T22:51:01.042Z`.
 * Every request writes a log line, so the part up to the second is formatted once per second.
 */
export function formatIsoTime(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedSecondPrefix = new Date(second * 1000).toISOString().slice(0, -4);
  }
  const ms = epochMs - second * 1000;
  return `${cachedSecondPrefix}${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
}

/** Bytes of log lines gathered before they are written to standard output in one system call. */
const LOG_BUFFER_BYTES = 4096;

/** Maximum time, in ms, that a line waits in the buffer when traffic is too low to fill it. */
const LOG_FLUSH_INTERVAL_MS = 1000;

/**
 * Standard output as the default log destination. Lines go out asynchronously, about 4 KiB
 * at a time or once a second, whichever comes first, because a write per line costs a
 * thread-pool round trip on every request at peak load. pino writes what is left
 * synchronously when the process exits, so a stopping or crashing gateway loses no line.
 * Only a process killed with SIGKILL loses up to a second of lines.
 */
function standardOutput(): DestinationStream {
  const stream = pino.destination({ dest: 1, sync: false, minLength: LOG_BUFFER_BYTES });
  // With a callback, flush reports a closed stream to it instead of throwing from the timer.
  const timer = setInterval(() => stream.flush(() => undefined), LOG_FLUSH_INTERVAL_MS);
  timer.unref();
  return stream;
}

/** Creates the gateway's logger: JSON lines, ISO timestamps, sensitive members redacted, errors serialized safely. */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const pinoOptions: LoggerOptions = {
    level: options.level ?? 'info',
    base: options.base ?? { service: 'ds-data-gateway' },
    timestamp: () => `,"time":"${formatIsoTime(Date.now())}"`,
    serializers: { err: serializeError, error: serializeError, req: serializeRequest },
    formatters: {
      log: (record) => redactSensitive(record) as Record<string, unknown>,
      bindings: (bindings) => redactSensitive(bindings) as Record<string, unknown>,
    },
    hooks: { logMethod: replaceErrorMessageAsLogMessage },
  };
  const logger = pino(pinoOptions, options.destination ?? standardOutput());

  // pino skips the bindings formatter for child loggers, so their bindings are redacted here.
  // Children inherit this method through their prototype, so grandchildren are covered too.
  const createChild = logger.child;
  logger.child = function childWithRedactedBindings(this: Logger, bindings: Bindings, childOptions?: ChildLoggerOptions) {
    return Reflect.apply(createChild, this, [redactSensitive(bindings), childOptions]) as Logger;
  } as unknown as Logger['child'];
  return logger;
}

/**
 * Replaces the log message of calls that pass an error but no message. pino would use the
 * error's message there, which bypasses `serializeError`, so the class name is used instead.
 */
function replaceErrorMessageAsLogMessage(this: Logger, args: Parameters<Logger['info']>, method: (...args: unknown[]) => void): void {
  const [first, second] = args as unknown[];
  if (typeof second === 'string' || first === null || typeof first !== 'object') {
    method.apply(this, args);
    return;
  }

  const error = first instanceof Error ? first : (first as { err?: unknown }).err;
  if (!(error instanceof Error)) {
    method.apply(this, args);
    return;
  }

  const record = first instanceof Error ? { err: first } : first;
  method.apply(this, [record, `${error.constructor.name} raised`]);
}
