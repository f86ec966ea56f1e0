/**
 * A bounded, seeded fuzz run against a local emulator: random members with awkward values
 * for every operation, random raw bodies and random Authorization headers. The emulator
 * must respond to each with a modeled or protocol error or a success, and never fail
 * internally (500) or drop the connection.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { INPUT_MEMBERS } from '../../src/ds-data/constraints.js';
import { OPERATION_NAMES, OPERATIONS } from '../../src/ds-data/operations.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { callOperation, send, signedRequest } from './support/signed-request.js';

const DIRECTORY_ID = 'd-1234567890';
// FUZZ_REQUESTS and FUZZ_SEED run a longer or different fuzz run by hand; the defaults keep CI fast.
const REQUESTS_PER_RUN = Number(process.env.FUZZ_REQUESTS ?? 400);
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261204);

let emulator: RunningEmulator;

beforeAll(async () => {
  // FUZZ_DEBUG=1 prints the emulator's error log lines, with stack traces, to stdout.
  const logger = process.env.FUZZ_DEBUG ? pino({ level: 'error' }, pino.destination(1)) : false;
  emulator = await startEmulator({ quota: false, logger });
});

afterAll(async () => {
  await emulator.close();
});

/** Mulberry32: a small seeded generator, so that a failing run can be replayed. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const AWKWARD_STRINGS = [
  '', 'jdoe', 'JDOE', 'Domain Users', 'Pat Candella', 'constructor', '__proto__', 'toString', 'hasOwnProperty',
  'corp.example.com', 'europe.example.com', 'CORP.EXAMPLE.COM.', 'a'.repeat(300), '😀'.repeat(70), 'é', '\u0000',
  'x\ny', '*', 'ADD', 'REPLACE', 'REMOVE', 'Global', 'Security', 'BuiltinLocal', 'department', 'mail', 'sn',
  'd-1234567890', 'DevOps', 'Engineering', 'All Staff', '../../etc', '%00', '"', '\\',
];

function randomValue(random: () => number, depth = 0): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  switch (Math.floor(random() * (depth > 2 ? 5 : 9))) {
    case 0:
    case 1:
      return pick(AWKWARD_STRINGS);
    case 2:
      return pick([0, 1, -1, 250, 251, 1.5, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER]);
    case 3:
      return pick([true, false, null]);
    case 4:
      return pick([9_223_372_036_854_775_807n, -9_223_372_036_854_775_809n, 0n]);
    case 5:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    case 6:
      return { [pick(AWKWARD_STRINGS)]: { [pick(['S', 'N', 'BOOL', 'SS', 'X'])]: randomValue(random, depth + 1) } };
    case 7:
      return { department: { S: pick(AWKWARD_STRINGS) }, title: { SS: [pick(AWKWARD_STRINGS)] } };
    default:
      return Object.fromEntries([[pick(AWKWARD_STRINGS), randomValue(random, depth + 1)]]);
  }
}

const ACCEPTED_STATUSES = new Set([200, 400, 403, 404, 409]);

describe('fuzzing', () => {
  it('answers random inputs without internal errors', async () => {
    const random = randomSource(FUZZ_SEED);
    const failures: string[] = [];

    for (let index = 0; index < REQUESTS_PER_RUN; index += 1) {
      const operation = OPERATION_NAMES[Math.floor(random() * OPERATION_NAMES.length)] ?? 'ListUsers';
      const input: Record<string, unknown> = { DirectoryId: random() < 0.9 ? DIRECTORY_ID : randomValue(random) };
      for (const member of Object.keys(INPUT_MEMBERS[operation])) {
        if (member !== 'DirectoryId' && random() < 0.6) {
          input[member] = randomValue(random);
        }
      }
      if (typeof input.DirectoryId !== 'string') {
        delete input.DirectoryId;
      }

      const response = await callOperation(emulator.url, operation, input);
      if (!ACCEPTED_STATUSES.has(response.status) || (response.status !== 200 && typeof response.body.Message !== 'string')) {
        failures.push(`#${index} ${operation} -> ${response.status} ${response.text.slice(0, 200)}`);
      }
    }

    expect(failures).toEqual([]);
  }, 30_000 + REQUESTS_PER_RUN * 50);

  it('answers random raw bodies without internal errors', async () => {
    const random = randomSource(7);
    const bodies = ['', '{', '[]', '"text"', '1', 'null', '{"SAMAccountName":', '{"N":1e400}', '{"OtherAttributes":{"a":{"N":1.5}}}', '\u0000\u0001'];
    const failures: string[] = [];

    for (let index = 0; index < 60; index += 1) {
      const operation = OPERATION_NAMES[Math.floor(random() * OPERATION_NAMES.length)] ?? 'ListUsers';
      const body = bodies[Math.floor(random() * bodies.length)] ?? '';
      const request = await signedRequest(emulator.url, OPERATIONS[operation].path, DIRECTORY_ID, body);

      const response = await send(emulator.url, request).catch((error: unknown) => ({ status: -1, text: String(error) }));
      if (![200, 400, 404].includes(response.status)) {
        failures.push(`${operation} ${JSON.stringify(body)} -> ${response.status} ${response.text.slice(0, 200)}`);
      }
    }

    expect(failures).toEqual([]);
  });

  it('rejects random Authorization headers with 403', async () => {
    const headers = [
      'AWS4-HMAC-SHA256 Credential=test/20261204/us-east-1/ds-data/aws4_request, SignedHeaders=constructor;host;x-amz-date, Signature=' + '0'.repeat(64),
      'AWS4-HMAC-SHA256 Credential=test/20261204/us-east-1/ds-data/aws4_request, SignedHeaders=host, Signature=' + 'f'.repeat(64),
      'AWS4-HMAC-SHA256 Credential=/20261204/x/ds-data/aws4_request, SignedHeaders=host;x-amz-date, Signature=' + 'a'.repeat(64),
      'AWS4-HMAC-SHA256',
      'Basic dGVzdDp0ZXN0',
      'AWS4-HMAC-SHA256 Credential=test/2026/us-east-1/ds-data/aws4_request, SignedHeaders=host;x-amz-date, Signature=zz',
    ];
    const statuses: number[] = [];

    for (const authorization of headers) {
      const response = await fetch(`${emulator.url}/Users/ListUsers?DirectoryId=${DIRECTORY_ID}`, {
        method: 'POST',
        headers: { authorization, 'x-amz-date': '20261204T000000Z', 'content-type': 'application/json' },
        body: '{}',
      });
      statuses.push(response.status);
    }

    expect(statuses).toEqual(headers.map(() => 403));
  });

  it('keeps serving after the fuzz runs', async () => {
    const response = await callOperation(emulator.url, 'DescribeUser', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'jdoe' });

    expect(response.status).toBe(200);
    expect(emulator.requests.filter((request) => request.status === 500)).toEqual([]);
  });
});
