import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  AccessDeniedException,
  ConflictException,
  DescribeUserCommand,
  DirectoryServiceDataServiceException,
  DirectoryUnavailableException,
  InternalServerException,
  ResourceNotFoundException,
  ThrottlingException,
  UpdateUserCommand,
  ValidationException,
  type DirectoryServiceDataClient,
} from '../../src/ds-data/index.js';
import { createTestClient } from './support/client.js';
import { startScriptedServer, type ScriptedServer } from './support/scripted-server.js';

const DIRECTORY_ID = 'd-1234567890';
const MAX_ATTEMPTS = 3;

let server: ScriptedServer;
let client: DirectoryServiceDataClient;

beforeAll(async () => {
  server = await startScriptedServer();
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  client?.destroy();
  server.requests.length = 0;
});

function errorResponse(status: number, name: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': name, 'x-amzn-requestid': 'req-err', ...headers },
    body: JSON.stringify(body),
  };
}

async function describeUserError(): Promise<unknown> {
  return client
    .send(new DescribeUserCommand({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'twhitlock' }))
    .catch((caught: unknown) => caught);
}

describe('modeled errors', () => {
  const cases = [
    {
      response: errorResponse(403, 'AccessDeniedException', { Message: 'Denied.', Reason: 'IAM_AUTH' }),
      type: AccessDeniedException,
      fault: 'client',
      retryable: undefined,
      attempts: 1,
      fields: { Reason: 'IAM_AUTH' },
    },
    {
      response: errorResponse(409, 'ConflictException', { Message: 'Exists.' }),
      type: ConflictException,
      fault: 'client',
      retryable: undefined,
      attempts: 1,
      fields: {},
    },
    {
      response: errorResponse(400, 'DirectoryUnavailableException', { Message: 'Busy.', Reason: 'DIRECTORY_TIMEOUT' }),
      type: DirectoryUnavailableException,
      fault: 'client',
      retryable: {},
      attempts: MAX_ATTEMPTS,
      fields: { Reason: 'DIRECTORY_TIMEOUT' },
    },
    {
      response: errorResponse(500, 'InternalServerException', { Message: 'Oops.' }),
      type: InternalServerException,
      fault: 'server',
      retryable: {},
      attempts: MAX_ATTEMPTS,
      fields: {},
    },
    {
      response: errorResponse(404, 'ResourceNotFoundException', { Message: 'Missing.' }),
      type: ResourceNotFoundException,
      fault: 'client',
      retryable: undefined,
      attempts: 1,
      fields: {},
    },
    {
      response: errorResponse(429, 'ThrottlingException', { Message: 'Slow down.' }),
      type: ThrottlingException,
      fault: 'client',
      retryable: { throttling: true },
      attempts: MAX_ATTEMPTS,
      fields: { RetryAfterSeconds: undefined },
    },
    {
      response: errorResponse(400, 'ValidationException', { Message: 'Bad.', Reason: 'INVALID_REALM' }),
      type: ValidationException,
      fault: 'client',
      retryable: undefined,
      attempts: 1,
      fields: { Reason: 'INVALID_REALM' },
    },
  ] as const;

  it.each(cases)('raises $type.name with its fields', async ({ response, type, fault, retryable, attempts, fields }) => {
    client = createTestClient(server.url, { maxAttempts: MAX_ATTEMPTS });
    server.script(response);

    const error = await describeUserError();

    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(DirectoryServiceDataServiceException);
    const exception = error as DirectoryServiceDataServiceException & Record<string, unknown>;
    const body = JSON.parse(response.body) as { Message: string };
    expect(exception.name).toBe(type.name);
    expect(exception.message).toBe(body.Message);
    expect(exception['Message']).toBe(body.Message);
    expect(exception.$fault).toBe(fault);
    expect(exception.$retryable).toEqual(retryable);
    for (const [member, value] of Object.entries(fields)) {
      expect(exception[member]).toBe(value);
    }
    expect(exception.$metadata.httpStatusCode).toBe(response.status);
    expect(exception.$metadata.requestId).toBe('req-err');
    expect(exception.$metadata.attempts).toBe(attempts);
    expect(server.requests).toHaveLength(attempts);
  });

  it('reads Retry-After into RetryAfterSeconds and waits for it', async () => {
    client = createTestClient(server.url, { maxAttempts: 2 });
    server.script(errorResponse(429, 'ThrottlingException', { Message: 'Slow down.' }, { 'retry-after': '1' }));

    const error = (await describeUserError()) as ThrottlingException;

    expect(error).toBeInstanceOf(ThrottlingException);
    expect(error.RetryAfterSeconds).toBe(1);
    expect(error.$metadata.attempts).toBe(2);
    expect(error.$metadata.totalRetryDelay).toBeGreaterThanOrEqual(990);
    expect(error.$metadata.totalRetryDelay).toBeLessThan(3000);
  });

  it('waits a Retry-After longer than the strategy allows', async () => {
    // The standard strategy waits at most 5 s above its backoff; the client waits the rest.
    client = createTestClient(server.url, { maxAttempts: 2 });
    server.script(
      errorResponse(429, 'ThrottlingException', { Message: 'Slow down.' }, { 'retry-after': '6' }),
      { status: 200, body: '{}' },
    );

    const output = await client.send(new DescribeUserCommand({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'twhitlock' }));

    expect(output.$metadata.attempts).toBe(2);
    expect(output.$metadata.totalRetryDelay).toBeGreaterThanOrEqual(5990);
    expect(output.$metadata.totalRetryDelay).toBeLessThan(8000);
  });

  it.each(['INVALID_DIRECTORY_STATE', 'NO_DISK_SPACE', 'TRUST_AUTH_FAILURE'])(
    'does not retry DirectoryUnavailableException for %s',
    async (reason) => {
      client = createTestClient(server.url, { maxAttempts: MAX_ATTEMPTS });
      server.script(errorResponse(400, 'DirectoryUnavailableException', { Message: 'Unavailable.', Reason: reason }));

      const error = (await describeUserError()) as DirectoryUnavailableException;

      expect(error).toBeInstanceOf(DirectoryUnavailableException);
      expect(error.Reason).toBe(reason);
      expect(error.$metadata.attempts).toBe(1);
      expect(server.requests).toHaveLength(1);
    },
  );

  it('tells ValidationException from DirectoryUnavailableException by name, not status', async () => {
    client = createTestClient(server.url, { maxAttempts: 1 });
    server.script({
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: '{"code":"DirectoryUnavailableException","Message":"Unavailable."}',
    });

    const error = await describeUserError();

    expect(error).toBeInstanceOf(DirectoryUnavailableException);
    expect(error).not.toBeInstanceOf(ValidationException);
  });
});

describe('unmodeled responses', () => {
  it('keeps an unknown error name on the base exception', async () => {
    client = createTestClient(server.url, { maxAttempts: MAX_ATTEMPTS });
    server.script(errorResponse(400, 'aws.protocols#UnknownOperationException', { message: 'No such operation.' }));

    const error = (await describeUserError()) as DirectoryServiceDataServiceException;

    expect(error).toBeInstanceOf(DirectoryServiceDataServiceException);
    expect(error).not.toBeInstanceOf(ValidationException);
    expect(error.name).toBe('UnknownOperationException');
    expect(error.message).toBe('No such operation.');
    expect(error.$fault).toBe('client');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.$metadata.attempts).toBe(1);
  });

  it('raises UnknownError for an empty 500 body after retrying', async () => {
    client = createTestClient(server.url, { maxAttempts: MAX_ATTEMPTS });
    server.script({ status: 500, headers: { 'x-amzn-requestid': 'req-500' }, body: '' });

    const error = (await describeUserError()) as DirectoryServiceDataServiceException;

    expect(error).toBeInstanceOf(DirectoryServiceDataServiceException);
    expect(error.name).toBe('UnknownError');
    expect(error.message).toBe('The service returned HTTP 500 without an error name (content-type none, 0 characters).');
    expect(error.$fault).toBe('server');
    expect(error.$metadata.httpStatusCode).toBe(500);
    expect(error.$metadata.requestId).toBe('req-500');
    expect(error.$metadata.attempts).toBe(MAX_ATTEMPTS);
    expect(server.requests).toHaveLength(MAX_ATTEMPTS);
  });

  it('raises UnknownError for an HTML 502 body after retrying', async () => {
    client = createTestClient(server.url, { maxAttempts: MAX_ATTEMPTS });
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    server.script({ status: 502, headers: { 'content-type': 'text/html' }, body: html });

    const error = (await describeUserError()) as DirectoryServiceDataServiceException;

    expect(error).toBeInstanceOf(DirectoryServiceDataServiceException);
    expect(error.name).toBe('UnknownError');
    expect(error.message).toBe(
      `The service returned HTTP 502 without an error name (content-type text/html, ${html.length} characters).`,
    );
    expect(error.$fault).toBe('server');
    expect(error.$metadata.httpStatusCode).toBe(502);
    expect(error.$metadata.attempts).toBe(MAX_ATTEMPTS);
    expect(server.requests).toHaveLength(MAX_ATTEMPTS);
  });

  it('raises DeserializationError for a 200 body that is not JSON, without retrying', async () => {
    client = createTestClient(server.url, { maxAttempts: MAX_ATTEMPTS });
    server.script({ status: 200, headers: { 'x-amzn-requestid': 'req-bad' }, body: '<html>' });

    const error = (await describeUserError()) as DirectoryServiceDataServiceException;

    expect(error).toBeInstanceOf(DirectoryServiceDataServiceException);
    expect(error.name).toBe('DeserializationError');
    expect(error.message).toMatch(/^The DescribeUser response \(HTTP 200\) could not be read: the body is not valid JSON \(/);
    expect(error.$fault).toBe('server');
    expect(error.$metadata.httpStatusCode).toBe(200);
    expect(error.$metadata.requestId).toBe('req-bad');
    expect(error.$metadata.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('raises DeserializationError for a non-integer N', async () => {
    client = createTestClient(server.url, { maxAttempts: 1 });
    server.script({ status: 200, body: '{"SAMAccountName":"x","OtherAttributes":{"pwdLastSet":{"N":1.5}}}' });

    const error = (await describeUserError()) as DirectoryServiceDataServiceException;

    expect(error.name).toBe('DeserializationError');
    expect(error.message).toBe(
      'The DescribeUser response (HTTP 200) could not be read: attribute pwdLastSet has an N value that is not an integer.',
    );
  });
});

describe('transport failures', () => {
  it('retries a connection reset, then raises it with metadata', async () => {
    client = createTestClient(server.url, { maxAttempts: MAX_ATTEMPTS });
    server.script({ reset: true });

    const error = (await describeUserError()) as Error & { code?: string; $metadata?: Record<string, unknown> };

    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(DirectoryServiceDataServiceException);
    // @smithy/node-http-handler renames resets, broken pipes and ETIMEDOUT to TimeoutError.
    expect(error.name).toBe('TimeoutError');
    expect(error.code).toBe('ECONNRESET');
    expect(error.$metadata).toEqual({ attempts: MAX_ATTEMPTS, totalRetryDelay: expect.any(Number) });
    expect(server.requests).toHaveLength(MAX_ATTEMPTS);
  });

  it('retries after a reset and succeeds', async () => {
    client = createTestClient(server.url, { maxAttempts: MAX_ATTEMPTS });
    server.script({ reset: true }, { status: 200, body: '{"SAMAccountName":"twhitlock"}' });

    const output = await client.send(new DescribeUserCommand({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'twhitlock' }));

    expect(output.SAMAccountName).toBe('twhitlock');
    expect(output.$metadata.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a refused connection, then raises it', async () => {
    const closed = await startScriptedServer();
    const closedUrl = closed.url;
    await closed.close();
    client = createTestClient(closedUrl, { maxAttempts: MAX_ATTEMPTS });

    const error = (await describeUserError()) as Error & { code?: string; $metadata?: Record<string, unknown> };

    expect(error.name).toBe('Error');
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.$metadata).toEqual({ attempts: MAX_ATTEMPTS, totalRetryDelay: expect.any(Number) });
  });

  it('retries a request timeout, then raises TimeoutError', async () => {
    client = createTestClient(server.url, { maxAttempts: MAX_ATTEMPTS, requestTimeout: 150 });
    server.script({ stall: true });

    const error = (await describeUserError()) as Error & { code?: string; $metadata?: Record<string, unknown> };

    expect(error.name).toBe('TimeoutError');
    expect(error.code).toBe('ETIMEDOUT');
    expect(error.$metadata).toEqual({ attempts: MAX_ATTEMPTS, totalRetryDelay: expect.any(Number) });
    expect(server.requests).toHaveLength(MAX_ATTEMPTS);
  });
});

describe('retried mutations', () => {
  it('send the same ClientToken on every attempt', async () => {
    client = createTestClient(server.url, { maxAttempts: 4 });
    server.script(
      errorResponse(500, 'InternalServerException', { Message: 'Oops.' }),
      { reset: true },
      errorResponse(429, 'ThrottlingException', { Message: 'Slow down.' }),
      { status: 200, body: '{}' },
    );

    const output = await client.send(
      new UpdateUserCommand({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'twhitlock', GivenName: 'Terry' }),
    );

    expect(output.$metadata.attempts).toBe(4);
    expect(server.requests).toHaveLength(4);
    const tokens = server.requests.map((request) => JSON.parse(request.body).ClientToken as string);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toMatch(/^[0-9a-f-]{36}$/);
    const attemptHeaders = server.requests.map((request) => request.headers['amz-sdk-request']);
    expect(attemptHeaders).toEqual(['attempt=1; max=4', 'attempt=2; max=4', 'attempt=3; max=4', 'attempt=4; max=4']);
    const invocationIds = server.requests.map((request) => request.headers['amz-sdk-invocation-id']);
    expect(new Set(invocationIds).size).toBe(1);
  });
});
