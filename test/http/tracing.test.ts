import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DISABLED_TRACING, loadTracing } from '../../src/http/gateway-tracing.js';
import { createTracing, type GatewayTracing } from '../../src/http/tracing.js';

describe('createTracing', () => {
  const exporter = new InMemorySpanExporter();
  const tracing = createTracing({ exporter: 'console', serviceName: 'gateway-test' }, { exporter });
  const app = Fastify();
  let url: string;

  beforeAll(async () => {
    const apollo = new ApolloServer({
      typeDefs: 'type Query { user(name: String!): String }',
      resolvers: {
        Query: {
          user: async () => {
            // Stands in for the DS Data client's onCall hook, which runs in the resolver's async context.
            await new Promise((resolve) => setTimeout(resolve, 5));
            tracing.recordCall({
              operation: 'DescribeUser',
              directoryId: 'd-1234567890',
              httpStatusCode: 200,
              requestId: 'aws-req-1',
              attempts: 1,
              totalRetryDelayMs: 0,
              latencyMs: 3,
            });
            return 'jdoe';
          },
        },
      },
      plugins: [tracing.apolloPlugin],
    });
    await apollo.start();
    app.addHook('onRequest', tracing.onRequest);
    app.addHook('onResponse', tracing.onResponse);
    app.route({ url: '/graphql', method: ['GET', 'POST'], handler: fastifyApolloHandler(apollo) });
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    await app.close();
    await tracing.shutdown();
  });

  it('nests the AWS call span in the operation span', async () => {
    exporter.reset();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query UserCard($name: String!) { user(name: $name) }', variables: { name: 'canary-name' } }),
    });
    expect(response.status).toBe(200);

    const spans = exporter.getFinishedSpans();
    const request = spans.find((span) => span.name === 'query UserCard');
    const call = spans.find((span) => span.name === 'DirectoryServiceData.DescribeUser');

    expect(spans).toHaveLength(2);
    expect(request?.attributes).toEqual({
      'http.request.method': 'POST',
      'url.path': '/graphql',
      'graphql.operation.type': 'query',
      'graphql.operation.name': 'UserCard',
      'http.response.status_code': 200,
    });
    expect(call?.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
    expect(call?.spanContext().traceId).toBe(request?.spanContext().traceId);
    expect(call?.attributes['aws.request_id']).toBe('aws-req-1');
    expect(call?.attributes['aws.directory_id']).toBe('d-1234567890');
    expect(request?.resource.attributes['service.name']).toBe('gateway-test');
    expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain('canary');
  });

  it('names other requests after their route', async () => {
    exporter.reset();
    await fetch(url.replace('/graphql', '/healthz'));

    const [span] = exporter.getFinishedSpans();
    expect(span?.name).toBe('GET /healthz');
    expect(span?.attributes['http.response.status_code']).toBe(404);
  });

  it('marks failed operations', async () => {
    exporter.reset();
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query Broken { missing }' }) });

    const [span] = exporter.getFinishedSpans();
    expect(span?.status).toEqual({ code: 2, message: 'GRAPHQL_VALIDATION_FAILED' });
    expect(span?.attributes['http.response.status_code']).toBe(400);
  });
});

describe('createTracing when off', () => {
  it('returns no-op hooks', async () => {
    const tracing = createTracing({ exporter: 'none', serviceName: 'x' });
    expect(tracing.enabled).toBe(false);
    expect(tracing.apolloPlugin).toEqual({});
    await expect(tracing.shutdown()).resolves.toBeUndefined();
  });
});

describe('loadTracing', () => {
  it('returns the no-op tracing without an exporter', async () => {
    expect(await loadTracing({ exporter: 'none', serviceName: 'x' })).toBe(DISABLED_TRACING);
  });

  it('loads OpenTelemetry for an exporter', async () => {
    const tracing = await loadTracing({ exporter: 'console', serviceName: 'x' });
    expect(tracing.enabled).toBe(true);
    await tracing.shutdown();
  });
});

describe('createTracing with OTLP', () => {
  let tracing: GatewayTracing;
  const received: Array<{ path: string; contentType: string; body: string }> = [];
  const collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', contentType: request.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    tracing = createTracing({ exporter: 'otlp', otlpEndpoint: new URL(`http://127.0.0.1:${port}/v1/traces`), serviceName: 'gateway-test' });
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => collector.close(() => resolve()));
  });

  it('exports spans to the local collector on shutdown', async () => {
    tracing.recordCall({ operation: 'ListUsers', directoryId: 'd-1234567890', attempts: 1, totalRetryDelayMs: 0, latencyMs: 1 });
    await tracing.shutdown();

    expect(received).toHaveLength(1);
    expect(received[0]?.path).toBe('/v1/traces');
    expect(received[0]?.contentType).toBe('application/json');
    expect(received[0]?.body).toContain('"name":"DirectoryServiceData.ListUsers"');
    expect(received[0]?.body).toContain('"stringValue":"gateway-test"');
  });
});
