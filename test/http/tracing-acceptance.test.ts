/**
 * Tracing of the running gateway, exported over OTLP/HTTP to a collector on 127.0.0.1:
 * one span per GraphQL operation with its AWS calls as children, and no variable values.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from '../support/harness.js';

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
}

const exported: ExportedSpan[] = [];
const rawBodies: string[] = [];
let collector: Server;
let harness: Harness;

beforeAll(async () => {
  collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      rawBodies.push(body);
      const payload = JSON.parse(body) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: ExportedSpan[] }> }> };
      for (const resource of payload.resourceSpans) {
        for (const scope of resource.scopeSpans) {
          exported.push(...scope.spans);
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const { port } = collector.address() as AddressInfo;
  harness = await startHarness({ env: { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${port}/v1/traces` } });
});

afterAll(async () => {
  await harness?.close();
  await new Promise<void>((resolve) => collector.close(() => resolve()));
});

async function waitForSpan(name: string, timeoutMs: number): Promise<ExportedSpan | undefined> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const span = exported.find((candidate) => candidate.name === name);
    if (span !== undefined) {
      return span;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

describe('tracing through the gateway', () => {
  it('exports the operation span with its AWS call', async () => {
    const response = await harness.graphql('query UserCard($name: String!) { user(samAccountName: $name) { samAccountName } }', { name: 'jdoe' });
    expect(response.body.errors).toBeUndefined();

    // The batch span processor exports every 5 s by default.
    const operation = await waitForSpan('query UserCard', 8000);
    const call = await waitForSpan('DirectoryServiceData.DescribeUser', 1000);

    expect(operation).toBeDefined();
    expect(call?.parentSpanId).toBe(operation?.spanId);
    expect(call?.traceId).toBe(operation?.traceId);
    expect(call?.attributes).toContainEqual({ key: 'aws.directory_id', value: { stringValue: 'd-1234567890' } });
    expect(rawBodies.join('\n')).not.toContain('jdoe');
  }, 15_000);
});
