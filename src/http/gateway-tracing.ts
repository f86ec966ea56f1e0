/**
 * The tracing interface the gateway uses, and the choice of implementation. The OpenTelemetry
 * SDK in `tracing.ts` is loaded only when an exporter is configured. Loaded, it adds about
 * 4 MiB to the live heap (measured after a forced GC). Every major garbage collection marks
 * that heap again, and its pauses set the gateway's slowest responses.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

import type { TracingConfig } from '../config/security.js';
import type { CallRecord } from '../ds-data/config.js';

export interface GatewayTracing {
  readonly enabled: boolean;
  /** Fastify `onRequest` hook that starts the request span; register it for the GraphQL route. */
  onRequest(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void;
  /** Fastify `onResponse` hook that ends the request span with the HTTP status. */
  onResponse(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void;
  /** Apollo Server plugin that names the request span after the GraphQL operation and records its outcome. */
  readonly apolloPlugin: ApolloServerPlugin;
  /** Records an AWS call as a child span of the active request span; pass it to the client's `onCall`. */
  recordCall(record: CallRecord): void;
  /** Flushes pending spans and stops the exporter; call it during graceful shutdown. */
  shutdown(): Promise<void>;
}

function noop(_request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  done();
}

/** Tracing when no exporter is configured: every hook does nothing. */
export const DISABLED_TRACING: GatewayTracing = {
  enabled: false,
  onRequest: noop,
  onResponse: noop,
  apolloPlugin: {},
  recordCall: () => {},
  shutdown: () => Promise.resolve(),
};

/** Returns the tracing for `config`, loading the OpenTelemetry SDK only when it exports spans. */
export async function loadTracing(config: TracingConfig): Promise<GatewayTracing> {
  if (config.exporter === 'none') {
    return DISABLED_TRACING;
  }
  const { createTracing } = await import('./tracing.js');
  return createTracing(config);
}
