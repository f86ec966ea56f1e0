import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { callOperation, send, signedRequest } from './support/signed-request.js';

const DIRECTORY_ID = 'd-1234567890';
const NOW = Date.parse('2026-12-04T12:00:00Z');

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({
    quota: false,
    logger: false,
    clock: () => NOW,
    credentials: [
      { accessKeyId: 'test', secretAccessKey: 'test' },
      { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'other-secret' },
    ],
  });
});

afterAll(async () => {
  await emulator.close();
});

const describeJdoe = { DirectoryId: DIRECTORY_ID, SAMAccountName: 'jdoe' };
const signingDate = new Date(NOW);

describe('SigV4 verification', () => {
  it('accepts a request signed with test/test in any region', async () => {
    const response = await callOperation(emulator.url, 'DescribeUser', describeJdoe, { signingDate, region: 'eu-west-3' });

    expect(response.status).toBe(200);
  });

  it('accepts a second configured credential', async () => {
    const response = await callOperation(emulator.url, 'DescribeUser', describeJdoe, {
      signingDate,
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'other-secret',
    });

    expect(response.status).toBe(200);
  });

  it('rejects a wrong secret with InvalidSignatureException', async () => {
    const response = await callOperation(emulator.url, 'DescribeUser', describeJdoe, { signingDate, secretAccessKey: 'wrong' });

    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    expect(response.body.Message).toBe(
      'The request signature we calculated does not match the signature you provided. Check your AWS secret access key and signing method.',
    );
  });

  it('rejects an unknown access key with UnrecognizedClientException', async () => {
    const response = await callOperation(emulator.url, 'DescribeUser', describeJdoe, { signingDate, accessKeyId: 'nobody' });

    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnrecognizedClientException');
  });

  it('rejects a signature scoped to another service', async () => {
    const response = await callOperation(emulator.url, 'DescribeUser', describeJdoe, { signingDate, service: 'ds' });

    expect(response.status).toBe(403);
    expect(response.body.Message).toBe("Credential should be scoped to the correct service: 'ds-data', not 'ds'.");
  });

  it('rejects a signature older than 5 minutes', async () => {
    const response = await callOperation(emulator.url, 'DescribeUser', describeJdoe, {
      signingDate: new Date(NOW - 5 * 60 * 1000 - 1000),
    });

    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    expect(response.body.Message).toMatch(/^Signature expired: /);
  });

  it('accepts a signature 4 minutes in the future', async () => {
    const response = await callOperation(emulator.url, 'DescribeUser', describeJdoe, { signingDate: new Date(NOW + 4 * 60 * 1000) });

    expect(response.status).toBe(200);
  });

  it('rejects a body changed after signing', async () => {
    const request = await signedRequest(emulator.url, '/Users/DescribeUser', DIRECTORY_ID, '{"SAMAccountName":"jdoe"}', { signingDate });
    request.body = '{"SAMAccountName":"jroe"}';

    const response = await send(emulator.url, request);

    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
  });

  it('rejects a query changed after signing', async () => {
    const request = await signedRequest(emulator.url, '/Users/DescribeUser', DIRECTORY_ID, '{"SAMAccountName":"jdoe"}', { signingDate });
    request.query = { DirectoryId: 'd-0000000000' };

    const response = await send(emulator.url, request);

    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
  });

  it('rejects an unsigned request with MissingAuthenticationTokenException', async () => {
    const response = await fetch(`${emulator.url}/Users/DescribeUser?DirectoryId=${DIRECTORY_ID}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"SAMAccountName":"jdoe"}',
    });

    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });

  it('rejects a malformed Authorization header with IncompleteSignatureException', async () => {
    const response = await fetch(`${emulator.url}/Users/DescribeUser?DirectoryId=${DIRECTORY_ID}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer abc' },
      body: '{"SAMAccountName":"jdoe"}',
    });

    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('IncompleteSignatureException');
  });
});
