/**
 * Bounded fuzzing of response handling: random statuses, error-name headers and bodies
 * (valid JSON, truncated JSON, HTML, odd N values) from a local server. Every call must end
 * in an output or a `DirectoryServiceDataServiceException`, never in a raw parser error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  DescribeUserCommand,
  DirectoryServiceDataServiceException,
  type DirectoryServiceDataClient,
} from '../../src/ds-data/index.js';
import { createTestClient } from './support/client.js';
import { startScriptedServer, type ScriptedServer } from './support/scripted-server.js';
import { seededRandom } from './support/seeded-random.js';

const ITERATIONS = 300;
const SEED = 20261204;

const STATUSES = [200, 200, 200, 400, 403, 404, 409, 429, 500, 502, 503];
const NAMES = [
  undefined,
  'ValidationException',
  'aws.protocols#ThrottlingException:http://internal',
  'NewException',
  '#',
  ':',
  '',
];
const BODIES = [
  '',
  '{}',
  'null',
  '[]',
  '"text"',
  '42',
  '{"Message":"m"}',
  '{"message":"m","__type":"x#ConflictException"}',
  '{"OtherAttributes":{"a":{"N":9223372036854775807}}}',
  '{"OtherAttributes":{"a":{"N":1e400}}}',
  '{"OtherAttributes":{"a":{"N":"12"}}}',
  '{"OtherAttributes":{"a":{"N":"x"}}}',
  '{"OtherAttributes":{"a":{"Z":1}}}',
  '{"OtherAttributes":{"a":null}}',
  '{"OtherAttributes":[1,2]}',
  '{"Users":"none"}',
  '{"Users":[null,{"OtherAttributes":{"b":{"N":-1}}}]}',
  '{"SAMAccountName":',
  '<html>502</html>',
  '\u0000\uffff',
];

let server: ScriptedServer;
let client: DirectoryServiceDataClient;

beforeAll(async () => {
  server = await startScriptedServer();
  client = createTestClient(server.url, { maxAttempts: 1 });
});

afterAll(async () => {
  client.destroy();
  await server.close();
});

describe('response handling under fuzzing', () => {
  it('ends every call in an output or a service exception', async () => {
    const random = seededRandom(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const unexpected: string[] = [];

    for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
      const status = pick(STATUSES);
      const name = pick(NAMES);
      const body = pick(BODIES);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (name !== undefined) {
        headers['x-amzn-errortype'] = name;
      }
      server.script({ status, headers, body });

      try {
        const output = await client.send(new DescribeUserCommand({ DirectoryId: 'd-1234567890', SAMAccountName: 'u' }));
        if (status !== 200 || output.$metadata.httpStatusCode !== 200) {
          unexpected.push(`#${iteration}: status ${status} returned an output`);
        }
      } catch (error) {
        if (!(error instanceof DirectoryServiceDataServiceException)) {
          unexpected.push(`#${iteration}: status ${status}, name ${name}, body ${JSON.stringify(body)}: ${String(error)}`);
        } else if (error.$metadata.httpStatusCode !== status) {
          unexpected.push(`#${iteration}: status ${status} reported as ${error.$metadata.httpStatusCode}`);
        }
      }
    }

    expect(unexpected).toEqual([]);
    expect(server.requests).toHaveLength(ITERATIONS);
  });
});
