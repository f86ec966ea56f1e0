/**
 * OpenTelemetry tracing: one span per GraphQL request and one child span per AWS call.
 * Off unless `OTEL_TRACES_EXPORTER` or an OTLP endpoint is configured, and then loaded by
 * `loadTracing` in `gateway-tracing.ts` only.
 *
 * The Fastify `onRequest` hook starts the request span and runs the rest of the request in
 * its context (AsyncLocalStorage), so spans started by resolvers become its children. The
 * Apollo plugin names the span after the operation (`query UserList`) and sets its status.
 * AWS calls are reported by the DS Data client's `onCall` hook after they finish, so each
 * call span is recorded with the call's measured start time and duration.
 *
 * Spans carry identifiers only (operation names, directory id, AWS request id, HTTP status),
 * never variables, inputs or error messages, because those may hold sensitive values.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { context, createContextKey, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

import type { TracingConfig } from '../config/security.js';
import type { CallRecord } from '../ds-data/config.js';
import { DISABLED_TRACING, type GatewayTracing } from './gateway-tracing.js';

export type { GatewayTracing };

export interface CreateTracingOptions {
  /** Exporter that replaces the configured one; tests pass an `InMemorySpanExporter`. */
  readonly exporter?: SpanExporter;
}

/** Marks a context whose active span was started by `onRequest`, so the Apollo plugin does not start a second one. */
const REQUEST_SPAN = createContextKey('ds-data-gateway request span');
const SPANS_BY_REQUEST = new WeakMap<FastifyRequest, Span>();

let contextManagerRegistered = false;

/** Creates tracing from `config`; when the exporter is `none` every hook is a no-op. */
export function createTracing(config: TracingConfig, options: CreateTracingOptions = {}): GatewayTracing {
  const exporter = options.exporter ?? createExporter(config);
  if (exporter === undefined) {
    return DISABLED_TRACING;
  }

  registerContextManager();
  // Batching keeps export off the request path; the console and test exporters get each span at once.
  const processor: SpanProcessor =
    options.exporter !== undefined || config.exporter === 'console'
      ? new SimpleSpanProcessor({ exporter })
      : new BatchSpanProcessor({ exporter });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [processor],
  });
  const tracer = provider.getTracer('ds-data-gateway');

  return {
    enabled: true,
    onRequest: (request, _reply, done) => {
      // Named after the route until the Apollo plugin renames it after the GraphQL operation.
      const path = request.url.split('?', 1)[0] ?? '';
      const span = tracer.startSpan(`${request.method} ${path}`, {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': request.method, 'url.path': path },
      });
      SPANS_BY_REQUEST.set(request, span);
      const requestContext = trace.setSpan(context.active(), span).setValue(REQUEST_SPAN, true);
      context.with(requestContext, done);
    },
    onResponse: (request, reply, done) => {
      const span = SPANS_BY_REQUEST.get(request);
      if (span !== undefined) {
        span.setAttribute('http.response.status_code', reply.statusCode);
        if (reply.statusCode >= 500) {
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
        span.end();
        SPANS_BY_REQUEST.delete(request);
      }
      done();
    },
    apolloPlugin: createApolloTracingPlugin(tracer),
    recordCall: (record) => recordCallSpan(tracer, record),
    shutdown: () => provider.shutdown(),
  };
}

function createExporter(config: TracingConfig): SpanExporter | undefined {
  switch (config.exporter) {
    case 'none':
      return undefined;
    case 'console':
      return new ConsoleSpanExporter();
    case 'otlp':
      return new OTLPTraceExporter(config.otlpEndpoint ? { url: config.otlpEndpoint.href } : {});
  }
}

/** Registers the AsyncLocalStorage context manager once per process; OpenTelemetry allows only one. */
function registerContextManager(): void {
  if (!contextManagerRegistered) {
    contextManagerRegistered = context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  }
}

function createApolloTracingPlugin(tracer: Tracer): ApolloServerPlugin {
  return {
    requestDidStart: () => {
      // Without the Fastify hook (in tests, or other integrations) the plugin starts its own span.
      const ownSpan = context.active().getValue(REQUEST_SPAN) === true ? undefined : tracer.startSpan('graphql', { kind: SpanKind.SERVER });
      const span = ownSpan ?? trace.getActiveSpan();

      return Promise.resolve({
        didResolveOperation: ({ operation, operationName }) => {
          const type = operation?.operation ?? 'unknown';
          span?.updateName(operationName ? `${type} ${operationName}` : type);
          span?.setAttribute('graphql.operation.type', type);
          if (operationName) {
            span?.setAttribute('graphql.operation.name', operationName);
          }
          return Promise.resolve();
        },
        willSendResponse: ({ response }) => {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors !== undefined && errors.length > 0) {
            const code = errors[0]?.extensions?.code;
            span?.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : 'GraphQL error' });
            span?.setAttribute('graphql.error.count', errors.length);
          }
          ownSpan?.end();
          return Promise.resolve();
        },
      });
    },
  };
}

function recordCallSpan(tracer: Tracer, record: CallRecord): void {
  const end = Date.now();
  const span = tracer.startSpan(
    `DirectoryServiceData.${record.operation}`,
    {
      kind: SpanKind.CLIENT,
      startTime: end - record.latencyMs,
      attributes: {
        'rpc.system': 'aws-api',
        'rpc.service': 'DirectoryServiceData',
        'rpc.method': record.operation,
        'aws.directory_id': record.directoryId,
        'aws.request.attempts': record.attempts,
        'aws.request.retry_delay_ms': record.totalRetryDelayMs,
        ...(record.requestId !== undefined ? { 'aws.request_id': record.requestId } : {}),
        ...(record.httpStatusCode !== undefined ? { 'http.response.status_code': record.httpStatusCode } : {}),
      },
    },
    context.active(),
  );
  if (record.errorName !== undefined) {
    span.setAttribute('error.type', record.errorName);
    span.setStatus({ code: SpanStatusCode.ERROR, message: record.errorName });
  }
  span.end(end);
}

