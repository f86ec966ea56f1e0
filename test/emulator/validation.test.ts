import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { callOperation, send, signedRequest } from './support/signed-request.js';

const DIRECTORY_ID = 'd-1234567890';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ quota: false, logger: false });
});

afterAll(async () => {
  await emulator.close();
});

describe('request validation', () => {
  it('names the member, the value and the rule', async () => {
    const response = await callOperation(emulator.url, 'CreateUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'has space' });

    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(response.body).toEqual({
      Message:
        "1 validation error detected: the value \"has space\" of SAMAccountName must contain only ASCII letters, digits, '_', '-' and '.'.",
    });
  });

  it('hides sensitive values', async () => {
    const response = await callOperation(emulator.url, 'CreateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'ok-name',
      GivenName: 'x'.repeat(65),
    });

    expect(response.status).toBe(400);
    expect(response.body.Message).toBe(
      '1 validation error detected: the value of GivenName must be at most 64 characters long (value not shown: it is sensitive).',
    );
    expect(response.text).not.toContain('xxxxxxxx');
  });

  it('reports every violation at once', async () => {
    const response = await callOperation(emulator.url, 'CreateUser', { DirectoryId: 'd-XYZ' });

    expect(response.status).toBe(400);
    expect(response.body.Message).toBe(
      "2 validation errors detected: the value \"d-XYZ\" of DirectoryId must be 'd-' followed by 10 lowercase hexadecimal digits, for example d-1234567890; SAMAccountName is required.",
    );
  });

  it('sets INVALID_ATTRIBUTE_VALUE for an empty string value', async () => {
    const response = await callOperation(emulator.url, 'CreateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'ok-name',
      OtherAttributes: { department: { S: '' } },
    });

    expect(response.status).toBe(400);
    expect(response.body.Reason).toBe('INVALID_ATTRIBUTE_VALUE');
  });

  it('counts lengths in code points', async () => {
    // 64 emoji are 128 UTF-16 code units but 64 code points: valid for GivenName.
    const response = await callOperation(emulator.url, 'CreateUser', {
      DirectoryId: DIRECTORY_ID,
      SAMAccountName: 'emoji-name',
      GivenName: '😀'.repeat(64),
    });

    expect(response.status).toBe(200);
  });

  it('rejects a body that is not JSON with SerializationException', async () => {
    const request = await signedRequest(emulator.url, '/Users/DescribeUser', DIRECTORY_ID, '{not json');

    const response = await send(emulator.url, request);

    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('SerializationException');
    expect(response.body.Message).toBe('The request body is not valid JSON. Send a JSON object of the input members.');
  });
});
