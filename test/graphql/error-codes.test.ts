/**
 * Every public error code of the README's table, each produced by the condition that
 * causes it in the real emulator (or, for the gateway's own faults, by the mapping itself).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoSeed } from '../../src/emulator/index.js';
import { toGraphQLError } from '../../src/graphql/errors.js';
import { startHarness, type Harness } from '../support/harness.js';

const DISABLED_DIRECTORY_ID = 'd-00000000dd';
const UNKNOWN_DIRECTORY_ID = 'd-0000000001';

const UPDATE_TITLE = /* GraphQL */ `
  mutation ($name: String!, $type: UpdateType, $directoryId: String) {
    updateUser(input: { directoryId: $directoryId, samAccountName: $name, updateType: $type, otherAttributes: [{ name: "department", value: { S: "Sales" } }] }) {
      clientToken
    }
  }
`;
const CREATE_USER = /* GraphQL */ `
  mutation ($name: UserName!) { createUser(input: { samAccountName: $name }) { sid clientToken } }
`;
const READ_USER = /* GraphQL */ `
  query ($directoryId: String) { user(directoryId: $directoryId, samAccountName: "jdoe") { givenName } }
`;

type ErrorBody = { message: string; path?: unknown[]; extensions?: Record<string, unknown> };

let harness: Harness;

beforeAll(async () => {
  const seed = demoSeed();
  harness = await startHarness({
    env: {
      DS_DATA_MAX_ATTEMPTS: '1',
      DS_DATA_REQUEST_TIMEOUT_MS: '5000',
      ALLOWED_DIRECTORY_IDS: `d-1234567890,${DISABLED_DIRECTORY_ID},${UNKNOWN_DIRECTORY_ID}`,
    },
    emulator: {
      seed: {
        directories: [
          ...seed.directories,
          { directoryId: DISABLED_DIRECTORY_ID, realm: 'lab.example.com', dataAccess: 'Disabled' },
        ],
      },
    },
  });
});

afterAll(async () => {
  await harness.close();
});

beforeEach(() => {
  harness.emulator.setFaults({});
  harness.resetCalls();
});

function firstError(body: { errors?: ErrorBody[] }): ErrorBody {
  const error = body.errors?.[0];
  if (!error) {
    throw new Error(`Expected an error, got ${JSON.stringify(body)}`);
  }
  return error;
}

describe('error codes driven by the emulator', () => {
  it('maps ValidationException to BAD_USER_INPUT with the AWS reason', async () => {
    // ADD on an attribute that already has a value: AD refuses it.
    const response = await harness.graphql(UPDATE_TITLE, { name: 'jdoe', type: 'ADD' });

    const error = firstError(response.body);
    expect(error.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(error.extensions?.['aws']).toMatchObject({
      exception: 'ValidationException',
      reason: 'ATTRIBUTE_EXISTS',
      httpStatus: 400,
      retryable: false,
      retryAfterSeconds: null,
    });
    expect((error.extensions?.['aws'] as { requestId: string }).requestId).toBe(harness.emulator.requests.at(-1)?.requestId);
    expect(error.message).toMatch(/^AWS rejected the request as invalid \(ATTRIBUTE_EXISTS\): /);
    expect(error.path).toEqual(['updateUser']);
  });

  it('maps AccessDeniedException for an unknown directory to FORBIDDEN, never NOT_FOUND', async () => {
    const response = await harness.graphql(READ_USER, { directoryId: UNKNOWN_DIRECTORY_ID });

    const error = firstError(response.body);
    expect(error.extensions?.['code']).toBe('FORBIDDEN');
    expect(error.extensions?.['aws']).toMatchObject({ exception: 'AccessDeniedException', httpStatus: 403 });
    expect(response.body).toMatchObject({ data: { user: null } });
  });

  it('tells the operator to enable data access when AWS says DATA_DISABLED', async () => {
    const response = await harness.graphql(READ_USER, { directoryId: DISABLED_DIRECTORY_ID });

    const error = firstError(response.body);
    expect(error.extensions?.['code']).toBe('FORBIDDEN');
    expect(error.extensions?.['aws']).toMatchObject({ exception: 'AccessDeniedException', reason: 'DATA_DISABLED' });
    expect(error.message).toBe(
      'Data access is not enabled for this directory. An operator must enable it with ' +
        '`aws ds enable-directory-data-access --directory-id <id>` (or in the AWS Directory Service console), then retry.',
    );
  });

  it('maps ResourceNotFoundException to NOT_FOUND', async () => {
    const response = await harness.graphql(UPDATE_TITLE, { name: 'nosuchuser', type: 'REPLACE' });

    const error = firstError(response.body);
    expect(error.extensions?.['code']).toBe('NOT_FOUND');
    expect(error.extensions?.['aws']).toMatchObject({ exception: 'ResourceNotFoundException', httpStatus: 404 });
  });

  it('returns null, not an error, for a user that does not exist', async () => {
    const response = await harness.graphql(`{ user(samAccountName: "nosuchuser") { givenName } }`);

    expect(response.body).toEqual({ data: { user: null } });
  });

  it('maps ConflictException for a duplicate create to CONFLICT', async () => {
    const response = await harness.graphql(CREATE_USER, { name: 'jdoe' });

    const error = firstError(response.body);
    expect(error.extensions?.['code']).toBe('CONFLICT');
    expect(error.extensions?.['aws']).toMatchObject({ exception: 'ConflictException', httpStatus: 409, retryable: false });
  });

  it('maps ThrottlingException to RATE_LIMITED with the Retry-After hint', async () => {
    harness.emulator.setFaults({ next: ['throttle'] });
    const response = await harness.graphql(READ_USER, {});

    const error = firstError(response.body);
    expect(error.extensions?.['code']).toBe('RATE_LIMITED');
    expect(error.extensions?.['aws']).toMatchObject({ exception: 'ThrottlingException', httpStatus: 429, retryable: true });
    expect((error.extensions?.['aws'] as { retryAfterSeconds: unknown }).retryAfterSeconds).toEqual(expect.any(Number));
  });

  it('maps DirectoryUnavailableException to DIRECTORY_UNAVAILABLE', async () => {
    harness.emulator.setFaults({ next: ['unavailable'] });
    const response = await harness.graphql(READ_USER, {});

    const error = firstError(response.body);
    expect(error.extensions?.['code']).toBe('DIRECTORY_UNAVAILABLE');
    expect(error.extensions?.['aws']).toMatchObject({ exception: 'DirectoryUnavailableException', httpStatus: 400, retryable: true });
  });

  it('maps InternalServerException to UPSTREAM_ERROR', async () => {
    harness.emulator.setFaults({ next: ['internalError'] });
    const response = await harness.graphql(READ_USER, {});

    const error = firstError(response.body);
    expect(error.extensions?.['code']).toBe('UPSTREAM_ERROR');
    expect(error.extensions?.['aws']).toMatchObject({ exception: 'InternalServerException', httpStatus: 500 });
    expect(error.message).toBe('AWS Directory Service Data failed to process the request (InternalServerException). Retry later.');
  });

  it('maps a dropped connection to UPSTREAM_TIMEOUT', async () => {
    harness.emulator.setFaults({ next: ['dropConnection'] });
    const response = await harness.graphql(READ_USER, {});

    const error = firstError(response.body);
    expect(error.extensions?.['code']).toBe('UPSTREAM_TIMEOUT');
    expect(response.status).toBe(200);
  });
});

describe('UPSTREAM_TIMEOUT for a slow upstream', () => {
  let slow: Harness;

  beforeAll(async () => {
    slow = await startHarness({
      env: { DS_DATA_MAX_ATTEMPTS: '1', DS_DATA_REQUEST_TIMEOUT_MS: '200' },
      emulator: { latencyMs: 1500 },
    });
  });

  afterAll(async () => {
    await slow.close();
  });

  it('fails the field with UPSTREAM_TIMEOUT after the request timeout', async () => {
    const response = await slow.graphql(READ_USER, {});

    const error = firstError(response.body);
    expect(error.extensions?.['code']).toBe('UPSTREAM_TIMEOUT');
    expect(error.message).toBe(
      'AWS Directory Service Data did not answer in time or the connection failed. The call may or may not have been ' +
        'applied: retry a mutation with the same clientToken.',
    );
  });
});

describe('UNAUTHENTICATED', () => {
  let jwks: Server;
  let secured: Harness;

  beforeAll(async () => {
    jwks = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"keys":[]}');
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const port = (jwks.address() as AddressInfo).port;
    secured = await startHarness({
      env: {
        AUTH_MODE: 'jwt',
        AUTH_ISSUER: 'https://issuer.test',
        AUTH_AUDIENCE: 'ds-data-gateway',
        AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
      },
    });
  });

  afterAll(async () => {
    await secured.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  it('answers 401 with WWW-Authenticate and no AWS call when the token is missing', async () => {
    const response = await secured.graphql(READ_USER, {});

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="/);
    expect(firstError(response.body).extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(secured.awsCalls()).toEqual([]);
  });
});

describe('INTERNAL_SERVER_ERROR', () => {
  it('is kept for faults of the gateway itself', () => {
    const error = toGraphQLError(new TypeError('Cannot read properties of undefined'));

    expect(error.extensions['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).toBe('Unexpected error in the gateway.');
  });

  it('is not used for an AWS error name the gateway does not know', () => {
    const unknown = Object.assign(new Error('bad signature'), {
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 403, requestId: 'r-1' },
      $fault: 'client',
    });

    const error = toGraphQLError(unknown);
    expect(error.extensions['code']).toBe('UPSTREAM_ERROR');
    expect(error.extensions['aws']).toMatchObject({ exception: 'InvalidSignatureException', httpStatus: 403, requestId: 'r-1' });
  });
});

describe('credentials that AWS rejects', () => {
  let rejected: Harness;

  beforeAll(async () => {
    // The emulator accepts other credentials than the gateway signs with.
    rejected = await startHarness({
      env: { DS_DATA_MAX_ATTEMPTS: '1' },
      emulator: { credentials: [{ accessKeyId: 'AKIDOTHER', secretAccessKey: 'other-secret' }] },
    });
  });

  afterAll(async () => {
    await rejected.close();
  });

  it('says that retrying will not help', async () => {
    const response = await rejected.graphql(READ_USER, {});

    const error = firstError(response.body);
    expect(error.extensions?.['code']).toBe('UPSTREAM_ERROR');
    expect(error.extensions?.['aws']).toMatchObject({ httpStatus: 403, retryable: false });
    const exception = (error.extensions?.['aws'] as { exception: string }).exception;
    expect(error.message).toBe(
      `AWS rejected the gateway's credentials (${exception}). Retrying will not help: an operator must check the ` +
        "gateway's AWS credentials, their expiry and the machine's clock.",
    );
  });
});

describe('conflict message', () => {
  it('ends the AWS message before adding advice', () => {
    const conflict = Object.assign(new Error('User jdoe already exists.'), {
      name: 'ConflictException',
      Message: 'User jdoe already exists.',
      $metadata: { httpStatusCode: 409, requestId: 'r-2' },
    });

    expect(toGraphQLError(conflict).message).toBe(
      'Conflict: User jdoe already exists. The object or membership may already exist, or the clientToken was used ' +
        'within the last 8 hours for a request with other parameters.',
    );
  });
});
