/**
 * The HTTP front end of the emulator: restJson1 over HTTP/1.1 on a loopback port.
 *
 * Each request passes the steps of the AWS front end in order: injected faults, operation
 * lookup by path, SigV4 verification, request quota, body parsing, input validation,
 * directory lookup, idempotency, and finally the operation. Every request is recorded with
 * its outcome for tests, and logged with operation, status, latency and request id only.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import type { Logger } from 'pino';

import { parseJson, stringifyJson } from '../ds-data/json.js';
import { OPERATIONS, operationForPath, type OperationSpec } from '../ds-data/operations.js';
import type { Emulator } from './emulator.js';
import type { RecordedRequest } from './options.js';
import { checkRequest } from './request-validation.js';
import { ServiceError, accessDenied } from './service-error.js';
import { verifySignature } from './sigv4.js';

/** Bodies above this size are rejected; the largest valid DS Data request is far smaller. */
const MAX_BODY_BYTES = 1024 * 1024;

export function createHttpServer(emulator: Emulator, logger: Logger | undefined): Server {
  const server = createServer((request, response) => {
    handleRequest(emulator, logger, request, response).catch((error: unknown) => {
      // handleRequest sends a response for every failure itself, so reaching this point is a bug in the emulator.
      logger?.error({ err: error }, 'emulator request handler failed');
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json' });
      }
      response.end('{"Message":"The emulator failed unexpectedly."}');
    });
  });
  server.keepAliveTimeout = 5_000;
  return server;
}

interface Exchange {
  readonly requestId: string;
  readonly receivedAt: number;
  readonly started: number;
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  rawBody: string;
  operation?: OperationSpec;
  directoryId?: string;
}

async function handleRequest(
  emulator: Emulator,
  logger: Logger | undefined,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const exchange: Exchange = {
    requestId: randomUUID(),
    receivedAt: emulator.clock(),
    started: performance.now(),
    method: request.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: flattenHeaders(request),
    rawBody: '',
  };

  const finish = (status: number, body: string, extraHeaders: Record<string, string> = {}, errorName?: string): void => {
    response.writeHead(status, {
      'content-type': 'application/json',
      'x-amzn-requestid': exchange.requestId,
      ...extraHeaders,
    });
    response.end(body);
    record(emulator, logger, exchange, status, errorName);
  };
  const fail = (error: ServiceError): void => {
    const headers: Record<string, string> = { 'x-amzn-errortype': error.errorName };
    if (error.retryAfterSeconds !== undefined) {
      headers['retry-after'] = String(error.retryAfterSeconds);
    }
    finish(error.status, JSON.stringify(error.toBody()), headers, error.errorName);
  };

  let body: Buffer;
  try {
    body = await readBody(request);
  } catch (error) {
    if (error instanceof ServiceError) {
      fail(error);
      return;
    }
    throw error;
  }
  exchange.rawBody = body.toString('utf8');
  exchange.operation = request.method === 'POST' ? operationForPath(url.pathname) : undefined;
  const directoryId = url.searchParams.get('DirectoryId');
  if (directoryId !== null) {
    exchange.directoryId = directoryId;
  }

  let release: (() => void) | undefined;
  try {
    const fault = emulator.faults.draw(exchange.operation?.name);
    if (fault === 'dropConnection') {
      request.socket.destroy();
      record(emulator, logger, exchange, 0, 'ConnectionDropped');
      return;
    }

    const operation = exchange.operation;
    if (!operation) {
      throw new ServiceError(
        'UnknownOperationException',
        `No operation is served at ${request.method} ${url.pathname}. DS Data operations are POST requests to paths such as ${OPERATIONS.DescribeUser.path}.`,
      );
    }
    await verifySignature(
      { method: exchange.method, path: url.pathname, query: exchange.query, headers: exchange.headers, body },
      emulator.credentials,
      emulator.clock(),
    );

    if (fault) {
      throw emulator.faults.errorFor(fault);
    }
    release = emulator.quota.acquire(directoryId ?? '', operation.readonly ? 'read' : 'write');
    // Added latency counts as time in flight, so it occupies the concurrency cap as slow AWS calls do.
    await emulator.delay();

    const input = parseBody(exchange.rawBody);
    // DirectoryId is bound to the query string; a body member of that name is not the input.
    delete input.DirectoryId;
    if (directoryId !== null) {
      input.DirectoryId = directoryId;
    }
    const invalid = checkRequest(operation.name, input);
    if (invalid) {
      throw invalid;
    }

    const directory = emulator.directories.get(directoryId ?? '');
    if (!directory) {
      throw accessDenied(
        `You are not authorized to access directory ${directoryId}: it does not exist or is not shared with this account. ` +
          `This emulator serves ${[...emulator.directories.keys()].join(', ') || 'no directories'}.`,
      );
    }
    if (!directory.dataAccessEnabled) {
      throw accessDenied('DS Data feature is not enabled for this directory.', 'DATA_DISABLED');
    }

    const result = emulator.execute(operation, directory.state, input);
    finish(200, stringifyJson(result));
  } catch (error) {
    if (error instanceof ServiceError) {
      fail(error);
      return;
    }
    logger?.error({ err: error, requestId: exchange.requestId, operation: exchange.operation?.name }, 'operation failed');
    fail(new ServiceError('InternalServerException', `The emulator failed while running the operation (request id ${exchange.requestId}).`));
  } finally {
    release?.();
  }
}

function parseBody(text: string): Record<string, unknown> {
  if (text.trim() === '') {
    return {};
  }
  let value: unknown;
  try {
    value = parseJson(text);
  } catch {
    throw new ServiceError('SerializationException', 'The request body is not valid JSON. Send a JSON object of the input members.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ServiceError('SerializationException', 'The request body must be a JSON object of the input members.');
  }
  return value as Record<string, unknown>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new ServiceError('SerializationException', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function flattenHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
    }
  }
  return headers;
}

function record(emulator: Emulator, logger: Logger | undefined, exchange: Exchange, status: number, errorName?: string): void {
  if (emulator.recordsRequests) {
    emulator.recordRequest(recordedRequest(exchange, status, errorName));
  }

  // Only non-sensitive fields: no body, no headers, no names or attribute values.
  logger?.info(
    {
      requestId: exchange.requestId,
      operation: exchange.operation?.name ?? 'unknown',
      status,
      latencyMs: Math.round(performance.now() - exchange.started),
      ...(errorName ? { errorName } : {}),
    },
    'request',
  );
}

function recordedRequest(exchange: Exchange, status: number, errorName: string | undefined): RecordedRequest {
  return {
    requestId: exchange.requestId,
    ...(exchange.operation ? { operation: exchange.operation.name } : {}),
    ...(exchange.directoryId !== undefined ? { directoryId: exchange.directoryId } : {}),
    method: exchange.method,
    path: exchange.path,
    query: exchange.query,
    headers: exchange.headers,
    rawBody: exchange.rawBody,
    status,
    ...(errorName ? { errorName } : {}),
    receivedAt: exchange.receivedAt,
  };
}
