import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  CreateUserCommand,
  DescribeUserCommand,
  DirectoryServiceDataServiceException,
  ResourceNotFoundException,
  UpdateUserCommand,
  ValidationException,
  type DirectoryServiceDataClient,
} from '../../src/ds-data/index.js';
import { createTestClient, expectedAuthorization } from './support/client.js';
import { startScriptedServer, type ScriptedServer } from './support/scripted-server.js';

const DIRECTORY_ID = 'd-12233abcde';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let server: ScriptedServer;
let client: DirectoryServiceDataClient;

beforeAll(async () => {
  server = await startScriptedServer();
  client = createTestClient(server.url);
});

afterAll(async () => {
  client.destroy();
  await server.close();
});

afterEach(() => {
  server.requests.length = 0;
  server.script({ status: 200, body: '{}' });
});

describe('CreateUserCommand', () => {
  it('sends the documented request as signed restJson1', async () => {
    server.script({
      status: 200,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'req-create-1' },
      body: '{"DirectoryId":"d-12233abcde","SAMAccountName":"pcandella","SID":"S-1-5-99-789"}',
    });

    const output = await client.send(
      new CreateUserCommand({
        ClientToken: '550e8400-e29b-41d4-a716-446655440000',
        DirectoryId: DIRECTORY_ID,
        EmailAddress: 'pcandella@exampledomain.com',
        GivenName: 'Pat Candella',
        OtherAttributes: { department: { S: 'HR' }, homePhone: { S: '212-555-0100' } },
        SAMAccountName: 'pcandella',
        Surname: 'Candella',
      }),
    );

    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/Users/CreateUser?DirectoryId=d-12233abcde');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toBe(
      '{"ClientToken":"550e8400-e29b-41d4-a716-446655440000","EmailAddress":"pcandella@exampledomain.com",' +
        '"GivenName":"Pat Candella","OtherAttributes":{"department":{"S":"HR"},"homePhone":{"S":"212-555-0100"}},' +
        '"SAMAccountName":"pcandella","Surname":"Candella"}',
    );
    expect(request.headers['authorization']).toMatch(
      /^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/us-west-2\/ds-data\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/,
    );
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(String(request.headers['authorization']))?.[1]?.split(';');
    expect(signedHeaders).toEqual(expect.arrayContaining(['content-type', 'host', 'x-amz-date']));
    expect(request.headers['authorization']).toBe(expectedAuthorization(request));

    expect(output.DirectoryId).toBe(DIRECTORY_ID);
    expect(output.SAMAccountName).toBe('pcandella');
    expect(output.SID).toBe('S-1-5-99-789');
    expect(output.$metadata.httpStatusCode).toBe(200);
    expect(output.$metadata.requestId).toBe('req-create-1');
    expect(output.$metadata.attempts).toBe(1);
  });

  it('fills a missing ClientToken with a UUID v4', async () => {
    const input = { DirectoryId: DIRECTORY_ID, SAMAccountName: 'jstiles' };
    await client.send(new CreateUserCommand(input));
    await client.send(new CreateUserCommand(input));

    const tokens = server.requests.map((request) => JSON.parse(request.body).ClientToken as string);
    expect(tokens[0]).toMatch(UUID_V4);
    expect(tokens[1]).toMatch(UUID_V4);
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(input).toEqual({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'jstiles' });
  });

  it('omits members that are undefined', async () => {
    await client.send(
      new CreateUserCommand({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'jstiles', ClientToken: 't-1', GivenName: undefined }),
    );

    expect(server.requests[0]!.body).toBe('{"SAMAccountName":"jstiles","ClientToken":"t-1"}');
  });

  it('rejects a missing DirectoryId before sending', async () => {
    const send = client.send(new CreateUserCommand({ DirectoryId: undefined, SAMAccountName: 'jstiles' }));

    await expect(send).rejects.toThrow(
      new TypeError('CreateUser input is invalid: DirectoryId is missing; set it to the directory id, for example d-1234567890.'),
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe('DescribeUserCommand', () => {
  it('reads 64-bit N values exactly', async () => {
    server.script({
      status: 200,
      body:
        '{"DirectoryId":"d-12233abcde","SAMAccountName":"twhitlock","Enabled":true,"OtherAttributes":{' +
        '"pwdLastSet":{"N":133497907200000000},"accountExpires":{"N":9223372036854775807},' +
        '"lowest":{"N":-9223372036854775808},"zero":{"N":0},"department":{"S":"communications"}}}',
    });

    const output = await client.send(
      new DescribeUserCommand({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'twhitlock', OtherAttributes: ['pwdLastSet'] }),
    );

    expect(server.requests[0]!.url).toBe('/Users/DescribeUser?DirectoryId=d-12233abcde');
    expect(server.requests[0]!.body).toBe('{"SAMAccountName":"twhitlock","OtherAttributes":["pwdLastSet"]}');
    expect(output.Enabled).toBe(true);
    expect(output.OtherAttributes).toEqual({
      pwdLastSet: { N: 133497907200000000n },
      accountExpires: { N: 9223372036854775807n },
      lowest: { N: -9223372036854775808n },
      zero: { N: 0n },
      department: { S: 'communications' },
    });
  });

  it('raises ResourceNotFoundException from the X-Amzn-ErrorType header', async () => {
    server.script({
      status: 404,
      headers: {
        'content-type': 'application/json',
        'x-amzn-errortype': 'ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.directoryservicedata/',
        'x-amzn-requestid': 'req-404',
      },
      body: '{"Message":"The user was not found."}',
    });

    const error = await client
      .send(new DescribeUserCommand({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'nobody' }))
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toBeInstanceOf(DirectoryServiceDataServiceException);
    const notFound = error as ResourceNotFoundException;
    expect(notFound.name).toBe('ResourceNotFoundException');
    expect(notFound.message).toBe('The user was not found.');
    expect(notFound.Message).toBe('The user was not found.');
    expect(notFound.$fault).toBe('client');
    expect(notFound.$retryable).toBeUndefined();
    expect(notFound.$metadata.httpStatusCode).toBe(404);
    expect(notFound.$metadata.requestId).toBe('req-404');
    expect(notFound.$metadata.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });
});

describe('UpdateUserCommand', () => {
  it('writes 64-bit N values as bare JSON integers', async () => {
    await client.send(
      new UpdateUserCommand({
        DirectoryId: DIRECTORY_ID,
        SAMAccountName: 'twhitlock',
        ClientToken: 'token-1',
        UpdateType: 'REPLACE',
        OtherAttributes: {
          accountExpires: { N: 9223372036854775807n },
          lowest: { N: -9223372036854775808n },
          pwdLastSet: { N: 133497907200000000n },
        },
      }),
    );

    expect(server.requests[0]!.url).toBe('/Users/UpdateUser?DirectoryId=d-12233abcde');
    expect(server.requests[0]!.body).toBe(
      '{"SAMAccountName":"twhitlock","ClientToken":"token-1","UpdateType":"REPLACE","OtherAttributes":{' +
        '"accountExpires":{"N":9223372036854775807},"lowest":{"N":-9223372036854775808},' +
        '"pwdLastSet":{"N":133497907200000000}}}',
    );
  });

  it('returns an empty output with metadata', async () => {
    server.script({ status: 200, headers: { 'x-amzn-requestid': 'req-update' }, body: '' });

    const output = await client.send(
      new UpdateUserCommand({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'twhitlock', GivenName: 'Terry' }),
    );

    expect(output).toEqual({
      $metadata: { httpStatusCode: 200, requestId: 'req-update', attempts: 1, totalRetryDelay: 0 },
    });
  });

  it('rejects an N that is a number', async () => {
    const send = client.send(
      new UpdateUserCommand({
        DirectoryId: DIRECTORY_ID,
        SAMAccountName: 'twhitlock',
        OtherAttributes: { pwdLastSet: { N: 5 as unknown as bigint } },
      }),
    );

    await expect(send).rejects.toThrow(
      new TypeError(
        'UpdateUser input OtherAttributes.pwdLastSet.N is invalid: N must be a bigint so that no digit is lost, ' +
          'got number; write it as BigInt("123") or 123n.',
      ),
    );
    expect(server.requests).toHaveLength(0);
  });

  it('rejects an N outside the 64-bit range', async () => {
    const send = client.send(
      new UpdateUserCommand({
        DirectoryId: DIRECTORY_ID,
        SAMAccountName: 'twhitlock',
        OtherAttributes: { pwdLastSet: { N: 2n ** 63n } },
      }),
    );

    await expect(send).rejects.toThrow(
      'UpdateUser input OtherAttributes.pwdLastSet.N is invalid: N must be between -9223372036854775808 and ' +
        '9223372036854775807 (a signed 64-bit integer).',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('raises ValidationException with its Reason from a namespaced __type', async () => {
    server.script({
      status: 400,
      headers: { 'content-type': 'application/json' },
      body:
        '{"__type":"com.amazonaws.directoryservicedata#ValidationException",' +
        '"Message":"Attribute is read-only.","Reason":"INVALID_ATTRIBUTE_FOR_MODIFY"}',
    });

    const error = await client
      .send(new UpdateUserCommand({ DirectoryId: DIRECTORY_ID, SAMAccountName: 'twhitlock', Surname: 'W' }))
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ValidationException);
    const validation = error as ValidationException;
    expect(validation.name).toBe('ValidationException');
    expect(validation.Reason).toBe('INVALID_ATTRIBUTE_FOR_MODIFY');
    expect(validation.message).toBe('Attribute is read-only.');
    expect(validation.$metadata.httpStatusCode).toBe(400);
    expect(server.requests).toHaveLength(1);
  });
});
