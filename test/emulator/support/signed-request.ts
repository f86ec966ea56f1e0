/**
 * Sends DS Data requests to a local emulator, signed with `@smithy/signature-v4` as an AWS
 * SDK signs them. Credentials are pinned to test/test and the endpoint to 127.0.0.1, so no
 * request can leave the machine.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

import { parseJson, stringifyJson } from '../../../src/ds-data/json.js';
import { OPERATIONS, type OperationName } from '../../../src/ds-data/operations.js';

export interface SignOptions {
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  readonly region?: string;
  readonly service?: string;
  readonly signingDate?: Date;
}

export interface WireResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed with the lossless codec: `N` values are bigint. */
  readonly body: Record<string, unknown>;
}

/** Signs and sends one operation; `input` contains every member, `DirectoryId` included. */
export async function callOperation(
  baseUrl: string,
  operation: OperationName,
  input: Record<string, unknown>,
  options: SignOptions = {},
): Promise<WireResponse> {
  const { DirectoryId, ...bodyMembers } = input;
  const request = await signedRequest(baseUrl, OPERATIONS[operation].path, DirectoryId as string | undefined, stringifyJson(bodyMembers), options);
  return send(baseUrl, request);
}

/** Builds a signed request for a raw path and body. */
export async function signedRequest(
  baseUrl: string,
  path: string,
  directoryId: string | undefined,
  body: string,
  options: SignOptions = {},
): Promise<HttpRequest> {
  const url = new URL(baseUrl);
  if (url.hostname !== '127.0.0.1') {
    throw new Error(`Test requests go to 127.0.0.1 only, not ${url.hostname}.`);
  }
  const request = new HttpRequest({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path,
    query: directoryId === undefined ? {} : { DirectoryId: directoryId },
    headers: { host: url.host, 'content-type': 'application/json' },
    body,
  });
  const signer = new SignatureV4({
    credentials: { accessKeyId: options.accessKeyId ?? 'test', secretAccessKey: options.secretAccessKey ?? 'test' },
    region: options.region ?? 'us-east-1',
    service: options.service ?? 'ds-data',
    sha256: Sha256,
  });
  return (await signer.sign(request, options.signingDate ? { signingDate: options.signingDate } : {})) as HttpRequest;
}

export async function send(baseUrl: string, request: HttpRequest): Promise<WireResponse> {
  const query = new URLSearchParams(request.query as Record<string, string>).toString();
  const headers = { ...request.headers };
  delete headers.host;
  const response = await fetch(`${baseUrl}${request.path}${query ? `?${query}` : ''}`, {
    method: request.method,
    headers,
    body: request.body as string,
  });
  const text = await response.text();
  const body = text === '' ? {} : (parseJson(text) as Record<string, unknown>);
  return { status: response.status, headers: response.headers, text, body };
}
