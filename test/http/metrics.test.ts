import { ApolloServer } from '@apollo/server';
import Fastify from 'fastify';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';

import { createMetrics, registerMetricsRoute } from '../../src/http/metrics.js';

/** Returns the sample lines of `text` that start with `prefix`. */
function samples(text: string, prefix: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(prefix));
}

describe('createMetrics', () => {
  it('records AWS calls, retries and throttles', async () => {
    const metrics = createMetrics({ collectDefault: false });
    metrics.recordCall({ operation: 'ListUsers', directoryId: 'd-1234567890', httpStatusCode: 200, requestId: 'r1', attempts: 1, totalRetryDelayMs: 0, latencyMs: 40 });
    metrics.recordCall({
      operation: 'ListUsers',
      directoryId: 'd-1234567890',
      httpStatusCode: 429,
      attempts: 3,
      totalRetryDelayMs: 300,
      latencyMs: 700,
      errorName: 'ThrottlingException',
    });
    metrics.recordCall({ operation: 'DescribeUser', directoryId: 'd-1234567890', attempts: 1, totalRetryDelayMs: 0, latencyMs: 5000, errorName: 'TimeoutError' });
    const text = await metrics.render();

    expect(samples(text, 'gateway_aws_calls_total')).toEqual([
      'gateway_aws_calls_total{operation="ListUsers",directory_id="d-1234567890",status="200"} 1',
      'gateway_aws_calls_total{operation="ListUsers",directory_id="d-1234567890",status="429"} 1',
      'gateway_aws_calls_total{operation="DescribeUser",directory_id="d-1234567890",status="none"} 1',
    ]);
    expect(samples(text, 'gateway_aws_retries_total')).toEqual(['gateway_aws_retries_total{operation="ListUsers",directory_id="d-1234567890"} 2']);
    expect(samples(text, 'gateway_aws_throttled_calls_total')).toEqual([
      'gateway_aws_throttled_calls_total{operation="ListUsers",directory_id="d-1234567890"} 1',
    ]);
    expect(samples(text, 'gateway_aws_call_duration_seconds_count{operation="ListUsers"')).toEqual([
      'gateway_aws_call_duration_seconds_count{operation="ListUsers",directory_id="d-1234567890"} 2',
    ]);
    expect(samples(text, 'gateway_aws_call_duration_seconds_bucket{le="0.05",operation="ListUsers"')).toEqual([
      'gateway_aws_call_duration_seconds_bucket{le="0.05",operation="ListUsers",directory_id="d-1234567890"} 1',
    ]);
  });

  it('records scheduler depth, waits and throttles', async () => {
    const metrics = createMetrics({ collectDefault: false });
    metrics.schedulerMetrics.setQueueDepth('d-1234567890', 'read', 4);
    metrics.schedulerMetrics.setQueueDepth('d-1234567890', 'read', 2);
    metrics.schedulerMetrics.observeWait('d-1234567890', 'write', 250);
    metrics.recordThrottle('d-1234567890');
    metrics.recordThrottle('d-1234567890');
    const text = await metrics.render();

    expect(samples(text, 'gateway_scheduler_queue_depth')).toEqual(['gateway_scheduler_queue_depth{directory_id="d-1234567890",kind="read"} 2']);
    expect(samples(text, 'gateway_aws_throttle_responses_total')).toEqual(['gateway_aws_throttle_responses_total{directory_id="d-1234567890"} 2']);
    expect(samples(text, 'gateway_scheduler_wait_seconds_sum')).toEqual(['gateway_scheduler_wait_seconds_sum{directory_id="d-1234567890",kind="write"} 0.25']);
  });

  it('records GraphQL operations by outcome', async () => {
    const metrics = createMetrics({ collectDefault: false });
    const server = new ApolloServer({
      typeDefs: 'type Query { ok: Boolean, denied: Boolean, broken: Boolean }',
      resolvers: {
        Query: {
          ok: () => true,
          denied: () => {
            throw new GraphQLError('denied', { extensions: { code: 'FORBIDDEN' } });
          },
          broken: () => {
            throw new GraphQLError('odd', { extensions: { code: 'SOMETHING_ELSE' } });
          },
        },
      },
      plugins: [metrics.apolloPlugin],
    });

    await server.executeOperation({ query: 'query Good { ok }' });
    await server.executeOperation({ query: 'query Good { ok }' });
    await server.executeOperation({ query: 'query Denied { denied }' });
    await server.executeOperation({ query: '{ broken }' });
    await server.executeOperation({ query: 'query Bad { missing }' });
    await server.executeOperation({ query: 'query Weird_Name_ { ok }', operationName: 'Weird_Name_' });
    const text = await metrics.render();

    expect(samples(text, 'gateway_graphql_requests_total')).toEqual([
      'gateway_graphql_requests_total{operation_type="query",operation_name="Good",outcome="success"} 2',
      'gateway_graphql_requests_total{operation_type="query",operation_name="Denied",outcome="FORBIDDEN"} 1',
      'gateway_graphql_requests_total{operation_type="query",operation_name="anonymous",outcome="OTHER"} 1',
      'gateway_graphql_requests_total{operation_type="unknown",operation_name="Bad",outcome="GRAPHQL_VALIDATION_FAILED"} 1',
      'gateway_graphql_requests_total{operation_type="query",operation_name="Weird_Name_",outcome="success"} 1',
    ]);
    expect(samples(text, 'gateway_graphql_request_duration_seconds_count{operation_type="query",operation_name="Good"}')).toEqual([
      'gateway_graphql_request_duration_seconds_count{operation_type="query",operation_name="Good"} 2',
    ]);
  });

  it('times GraphQL operations in seconds', async () => {
    const metrics = createMetrics({ collectDefault: false });
    const server = new ApolloServer({
      typeDefs: 'type Query { slow: Boolean }',
      resolvers: { Query: { slow: () => new Promise((resolve) => setTimeout(() => resolve(true), 60)) } },
      plugins: [metrics.apolloPlugin],
    });

    await server.executeOperation({ query: 'query Slow { slow }' });
    const text = await metrics.render();

    const series = 'operation_type="query",operation_name="Slow"';
    expect(samples(text, `gateway_graphql_request_duration_seconds_bucket{le="0.05",${series}}`)).toEqual([
      `gateway_graphql_request_duration_seconds_bucket{le="0.05",${series}} 0`,
    ]);
    expect(samples(text, `gateway_graphql_request_duration_seconds_bucket{le="0.5",${series}}`)).toEqual([
      `gateway_graphql_request_duration_seconds_bucket{le="0.5",${series}} 1`,
    ]);
    const sum = Number(samples(text, `gateway_graphql_request_duration_seconds_sum{${series}}`)[0]?.split(' ')[1]);
    expect(sum).toBeGreaterThanOrEqual(0.055);
    expect(sum).toBeLessThan(0.5);
  });

  it('caps client-chosen operation names', async () => {
    const metrics = createMetrics({ collectDefault: false });
    const server = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } }, plugins: [metrics.apolloPlugin] });

    for (let index = 0; index < 205; index += 1) {
      await server.executeOperation({ query: `query Op${index} { ok }` });
    }
    const text = await metrics.render();

    expect(samples(text, 'gateway_graphql_requests_total')).toHaveLength(201);
    expect(samples(text, 'gateway_graphql_requests_total{operation_type="query",operation_name="other"')).toEqual([
      'gateway_graphql_requests_total{operation_type="query",operation_name="other",outcome="success"} 5',
    ]);
  });
});

describe('registerMetricsRoute', () => {
  it('serves the Prometheus text format over HTTP', async () => {
    const metrics = createMetrics();
    const app = Fastify();
    registerMetricsRoute(app, metrics);
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = app.server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      const text = await response.text();

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(text).toContain('# TYPE gateway_aws_calls_total counter');
      expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    } finally {
      await app.close();
    }
  });
});
