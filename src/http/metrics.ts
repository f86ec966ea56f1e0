/**
 * Prometheus metrics of the gateway, served at `/metrics` in the text exposition format.
 *
 * - GraphQL operations by type, name and outcome, with a latency histogram (Apollo plugin).
 * - AWS calls by operation, directory and HTTP status, with latency, retries and throttles
 *   (fed by the DS Data client's `onCall` hook).
 * - Scheduler queue depth and queue wait per directory and call kind (fed by the scheduler).
 * - The prom-client default process metrics (CPU, memory, event loop lag).
 *
 * Label values come from bounded sets only: client-chosen operation names are capped, and
 * error codes outside the gateway's list are counted as `OTHER`.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import { Kind, type DocumentNode } from 'graphql';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

import type { CallRecord } from '../ds-data/config.js';
import type { SchedulerMetrics } from '../ds-data/scheduler.js';
import { wasClosedByClient } from '../graphql/context.js';
import { CounterFamily, HistogramFamily } from './metric-families.js';
import { requestHooksPlugin, type RequestHooks } from './request-hooks.js';

/** Error codes kept as label values; any other code is counted as `OTHER`. */
const KNOWN_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'DIRECTORY_UNAVAILABLE',
  'UPSTREAM_ERROR',
  'UPSTREAM_TIMEOUT',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/** Outcome of a request whose client closed the connection before the response, named after nginx's status 499. */
export const CLIENT_CLOSED_OUTCOME = 'CLIENT_CLOSED_REQUEST';

/** Distinct operation names recorded before further names are counted as `other`, which bounds the series count. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Latency buckets in seconds, from a cached read (5 ms) to a request near the default 15 s timeout. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];

export interface GatewayMetrics {
  readonly registry: Registry;
  /** Apollo Server plugin that records every request that reaches Apollo Server's request pipeline. */
  readonly apolloPlugin: ApolloServerPlugin;
  /** The same recording as request hooks, for `requestHooksPlugin` to merge with others. */
  readonly requestHooks: RequestHooks<BaseContext>;
  /** Records one AWS call; pass it as the DS Data client's `onCall` hook. */
  recordCall(record: CallRecord): void;
  /**
   * Counts one throttled HTTP response, retried or not. Call it from the scheduler's
   * `onThrottled`, which the client invokes for every throttled attempt.
   */
  recordThrottle(directoryId: string): void;
  /** Sink for the quota scheduler's `metrics` option. */
  readonly schedulerMetrics: SchedulerMetrics;
  /** Returns the metrics in the Prometheus text format. */
  render(): Promise<string>;
}

export interface CreateMetricsOptions {
  /** Also collect the prom-client default process metrics; defaults to true. Tests turn it off. */
  readonly collectDefault?: boolean;
}

/** Creates a registry of its own with every gateway metric. */
export function createMetrics(options: CreateMetricsOptions = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.collectDefault ?? true) {
    collectDefaultMetrics({ register: registry });
  }

  const graphqlRequests = new CounterFamily({
    name: 'gateway_graphql_requests_total',
    help: 'GraphQL requests by operation type, operation name and outcome (`success`, the first error code, or `CLIENT_CLOSED_REQUEST` when the client disconnected first).',
    labelNames: ['operation_type', 'operation_name', 'outcome'] as const,
    registers: [registry],
  });
  const graphqlDuration = new HistogramFamily({
    name: 'gateway_graphql_request_duration_seconds',
    help: 'Time from the start of a GraphQL request to its response, in seconds.',
    labelNames: ['operation_type', 'operation_name'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const awsCalls = new CounterFamily({
    name: 'gateway_aws_calls_total',
    help: 'AWS Directory Service Data calls by operation, directory and final HTTP status (`none` when no response arrived).',
    labelNames: ['operation', 'directory_id', 'status'] as const,
    registers: [registry],
  });
  const awsDuration = new HistogramFamily({
    name: 'gateway_aws_call_duration_seconds',
    help: 'Duration of AWS calls including retries and retry delays, in seconds.',
    labelNames: ['operation', 'directory_id'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const awsRetries = new CounterFamily({
    name: 'gateway_aws_retries_total',
    help: 'HTTP attempts beyond the first, by AWS operation and directory.',
    labelNames: ['operation', 'directory_id'] as const,
    registers: [registry],
  });
  const awsThrottles = new CounterFamily({
    name: 'gateway_aws_throttled_calls_total',
    help: 'AWS calls that ended with ThrottlingException after all retries, by operation and directory.',
    labelNames: ['operation', 'directory_id'] as const,
    registers: [registry],
  });
  const throttleResponses = new CounterFamily({
    name: 'gateway_aws_throttle_responses_total',
    help: 'ThrottlingException responses from AWS, retried ones included, by directory.',
    labelNames: ['directory_id'] as const,
    registers: [registry],
  });
  const queueDepth = new Gauge({
    name: 'gateway_scheduler_queue_depth',
    help: 'AWS calls waiting in the quota scheduler, by directory and kind (read or write).',
    labelNames: ['directory_id', 'kind'] as const,
    registers: [registry],
  });
  const queueWait = new HistogramFamily({
    name: 'gateway_scheduler_wait_seconds',
    help: 'Time AWS calls waited in the quota scheduler before starting, in seconds.',
    labelNames: ['directory_id', 'kind'] as const,
    buckets: [0, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [registry],
  });

  const operationNames = new Set<string>();
  function operationNameLabel(name: string | null | undefined): string {
    if (name === null || name === undefined || name === '') {
      return 'anonymous';
    }
    if (!OPERATION_NAME.test(name)) {
      return 'other';
    }
    if (!operationNames.has(name)) {
      if (operationNames.size >= MAX_OPERATION_NAMES) {
        return 'other';
      }
      operationNames.add(name);
    }
    return name;
  }

  const recordRequest = (requestContext: GraphQLRequestContextWillSendResponse<BaseContext>, started: [number, number]): void => {
    const operationType = requestContext.operation?.operation ?? 'unknown';
    const operationName = operationNameLabel(
      requestContext.operationName ?? requestContext.request.operationName ?? soleOperationName(requestContext.document),
    );
    const body = requestContext.response.body;
    const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
    const firstCode = errors?.[0]?.extensions?.code;
    let outcome = 'success';
    if (errors !== undefined && errors.length > 0) {
      // A client that went away never reads the errors of its aborted calls, and counting them
      // as UPSTREAM_TIMEOUT would report an AWS problem that did not happen.
      outcome = wasClosedByClient(requestContext.contextValue) ? CLIENT_CLOSED_OUTCOME : errorCodeLabel(firstCode);
    }

    graphqlRequests.inc([operationType, operationName, outcome]);
    const [seconds, nanoseconds] = process.hrtime(started);
    graphqlDuration.observe([operationType, operationName], seconds + nanoseconds / 1e9);
  };

  // The start time goes in Apollo Server's per-request metrics (where its usage reporting puts
  // it too), so one listener serves all requests. A WeakMap by request cost 0.35 µs more.
  const requestHooks: RequestHooks<BaseContext> = {
    onRequestStart: (requestContext) => {
      requestContext.metrics.startHrTime ??= process.hrtime();
    },
    listener: {
      willSendResponse: (requestContext) => {
        const started = requestContext.metrics.startHrTime;
        if (started !== undefined) {
          recordRequest(requestContext, started);
        }
        return Promise.resolve();
      },
    },
  };
  const apolloPlugin = requestHooksPlugin([requestHooks]);

  function recordCall(record: CallRecord): void {
    const series = [record.operation, record.directoryId];
    const status = record.httpStatusCode === undefined ? 'none' : String(record.httpStatusCode);
    awsCalls.inc([record.operation, record.directoryId, status]);
    awsDuration.observe(series, record.latencyMs / 1000);
    if (record.attempts > 1) {
      awsRetries.inc(series, record.attempts - 1);
    }
    // A throttled attempt that a retry recovered from is not visible in a CallRecord, so this
    // counts only calls that stayed throttled. `recordThrottle` counts every throttled response.
    if (record.errorName === 'ThrottlingException') {
      awsThrottles.inc(series);
    }
  }

  const schedulerMetrics: SchedulerMetrics = {
    observeWait: (directoryId, kind, ms) => queueWait.observe([directoryId, kind], ms / 1000),
    setQueueDepth: (directoryId, kind, depth) => queueDepth.set({ directory_id: directoryId, kind }, depth),
  };

  const recordThrottle = (directoryId: string) => throttleResponses.inc([directoryId]);

  return { registry, apolloPlugin, requestHooks, recordCall, recordThrottle, schedulerMetrics, render: () => registry.metrics() };
}

/** Name of the only operation in a document that failed validation before Apollo resolved the operation. */
function soleOperationName(document: DocumentNode | undefined): string | undefined {
  const operations = document?.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION) ?? [];
  return operations.length === 1 ? operations[0]?.name?.value : undefined;
}

function errorCodeLabel(code: unknown): string {
  return typeof code === 'string' && KNOWN_ERROR_CODES.has(code) ? code : 'OTHER';
}

/** Registers `GET /metrics` (or `path`) on a Fastify app. */
export function registerMetricsRoute(app: FastifyInstance, metrics: GatewayMetrics, path = '/metrics'): void {
  app.get(path, async (_request, reply) => {
    const text = await metrics.render();
    return reply.header('content-type', metrics.registry.contentType).send(text);
  });
}
