/**
 * The gateway's HTTP server: Fastify with Apollo Server 5 at `/graphql`, health and
 * readiness probes, browser safety (CORS, security headers, CSRF prevention), the landing
 * page and the offline explorer.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/index.js';
import { LightAbortSignal, type DirectoryServiceDataClient } from '../ds-data/index.js';
import { createAuditLog } from '../graphql/audit.js';
import { createAuthorizationPolicy } from '../graphql/authorization.js';
import { CLIENT_CLOSED_REASON_NAME, type GatewayContext } from '../graphql/context.js';
import { CursorCodec } from '../graphql/cursors.js';
import { createCostLimitListener, createLimitRules, createParseOptions } from '../graphql/limits.js';
import { RequestLoaders } from '../graphql/loaders.js';
import { SupportedOperationTypesRule } from '../graphql/operation-types.js';
import { resolvers } from '../graphql/resolvers/index.js';
import { loadTypeDefs } from '../graphql/schema.js';
import { AuthenticationError, createAuthenticator, type Authenticator } from './auth.js';
import { createCorsHandler } from './cors.js';
import { createUnexpectedErrorLogListener, formatGatewayError } from './error-format.js';
import { explorerPlugin } from './explorer/index.js';
import { createLandingPagePlugin, DEFAULT_DOCUMENT, AUTHORIZATION_HEADER_PLACEHOLDER } from './landing-page.js';
import { registerBatchLimitedJsonParser } from './batch-limit.js';
import { createBodyErrorHandler } from './body-errors.js';
import { registerGraphQLRoute } from './graphql-route.js';
import { registerMetricsRoute, type GatewayMetrics } from './metrics.js';
import { rateLimitedError, TokenBucketLimiter } from './rate-limit.js';
import { createReadinessProbe, type ReadinessProbe } from './readiness.js';
import { requestHooksPlugin, type RequestHooks } from './request-hooks.js';
import { createRequestChildLoggerFactory, createRequestLogController } from './request-log.js';
import { setSecurityHeaders } from './security-headers.js';
import type { GatewayTracing } from './gateway-tracing.js';

export interface GatewayOptions {
  readonly config: GatewayConfig;
  readonly client: DirectoryServiceDataClient;
  readonly logger: Logger;
  /** Replaces the authenticator built from the configuration (tests). */
  readonly authenticator?: Authenticator;
  /** Prometheus metrics served at `/metrics`; the client and scheduler feed the same registry. */
  readonly metrics?: GatewayMetrics;
  readonly tracing?: GatewayTracing;
  /** Extra Apollo Server plugins (tests). */
  readonly plugins?: readonly ApolloServerPlugin<GatewayContext>[];
}

export interface Gateway {
  readonly app: FastifyInstance;
  readonly apollo: ApolloServer<GatewayContext>;
  readonly readiness: ReadinessProbe;
  /** Starts listening on the configured host and port; returns the GraphQL endpoint URL. */
  listen(): Promise<string>;
  /** Stops accepting requests, lets in-flight ones finish, and closes the server. */
  close(): Promise<void>;
}

/** Interval, in ms, at which a closing gateway closes the keep-alive connections that went idle. */
const CLOSE_IDLE_INTERVAL_MS = 100;

/** Builds the gateway without listening; `listen()` starts it. */
export async function buildGateway(options: GatewayOptions): Promise<Gateway> {
  const { config, client, logger } = options;
  const development = config.environment === 'development';
  const authenticator = options.authenticator ?? createAuthenticator(config.security.auth);
  const policy = createAuthorizationPolicy({ config: config.security, defaultDirectoryId: config.directoryId });
  const audit = createAuditLog(logger);
  const cursors = new CursorCodec(config.cursorSecret);
  const limits = config.security.limits;
  const rateLimiter =
    config.security.rateLimit.requestsPerMinute > 0 ? new TokenBucketLimiter(config.security.rateLimit) : undefined;
  const failedAuthenticationLimiter =
    config.security.rateLimit.requestsPerMinute > 0 ? new TokenBucketLimiter(config.security.rateLimit) : undefined;

  // pino's Logger type is wider than Fastify's base logger type; the instance is the same.
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: limits.maxBodyBytes,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
    },
    // One line per request, and `requestId` on every line about a request, resolvers' included.
    logController: createRequestLogController(),
    childLoggerFactory: createRequestChildLoggerFactory(),
  }) as unknown as FastifyInstance;
  // One synchronous hook for the security headers, the request id and CORS: an async hook
  // costs Fastify a promise on every request, and each hook a pass through its hook runner.
  const cors = createCorsHandler(config.browser.cors);
  app.addHook('onRequest', (request, reply, done) => {
    setSecurityHeaders(reply);
    reply.header('x-request-id', request.id);
    if (!cors(request, reply)) {
      done();
    }
  });
  app.setErrorHandler(createBodyErrorHandler(limits.maxBodyBytes));
  registerBatchLimitedJsonParser(app, { maxBatchSize: limits.maxBatchSize, graphqlPath: '/graphql' });
  if (options.tracing?.enabled) {
    app.addHook('onRequest', options.tracing.onRequest);
    app.addHook('onResponse', options.tracing.onResponse);
  }

  const apollo = new ApolloServer<GatewayContext>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    introspection: config.browser.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: limits.maxBatchSize > 0,
    includeStacktraceInErrorResponses: development,
    parseOptions: createParseOptions(limits),
    validationRules: [...createLimitRules(limits), SupportedOperationTypesRule],
    formatError: (formatted, error) => formatGatewayError(formatted, error, { development, logger }),
    plugins: [
      fastifyApolloDrainPlugin(app),
      // The schema has no cache hints, and directory data must not be stored anyway, so every
      // response starts with `Cache-Control: no-store` (see `setSecurityHeaders`). Apollo's
      // plugin would compute the same policy from a hook on every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      // The cost limit, the unexpected-error log and the metrics share one request listener.
      requestHooksPlugin<GatewayContext>([
        { listener: createCostLimitListener({ maxCost: limits.maxCost }) },
        { listener: createUnexpectedErrorLogListener() },
        ...(options.metrics ? [options.metrics.requestHooks as RequestHooks<GatewayContext>] : []),
      ]),
      createLandingPagePlugin({
        mode: config.browser.landingPage,
        explorerPath: config.browser.explorer.path,
        authRequired: authenticator.enabled,
      }),
      ...(options.tracing?.enabled ? [options.tracing.apolloPlugin as ApolloServerPlugin<GatewayContext>] : []),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  const buildContext = async (request: FastifyRequest, reply: FastifyReply): Promise<GatewayContext> => {
    let principal;
    try {
      principal = await authenticator.authenticate(request.headers);
    } catch (error) {
      // Failed attempts are limited per client address, so guessing tokens costs a caller
      // its rate too, not only callers whose tokens are valid.
      const failed = failedAuthenticationLimiter?.take(`address:${request.ip}`);
      if (failed && !failed.allowed) {
        throw rateLimitedError(config.security.rateLimit, failed.retryAfterSeconds);
      }
      throw authenticationFailure(error);
    }

    // Each authenticated subject has its own request rate (with authentication off, every
    // request is the local subject).
    const decision = rateLimiter?.take(principal.subject);
    if (decision && !decision.allowed) {
      throw rateLimitedError(config.security.rateLimit, decision.retryAfterSeconds);
    }

    // The query timeout cancels every upstream call of the request, queued or in flight.
    // A light signal, since a Node.js AbortController costs more than the rest of this set-up.
    const signal = new LightAbortSignal();
    const timer = setTimeout(abortOnTimeout, limits.queryTimeoutMs, signal, limits.queryTimeoutMs);
    timer.unref();
    const response = reply.raw as TrackedResponse;
    response[REQUEST_SIGNAL] = signal;
    response[QUERY_TIMER] = timer;
    response.on('close', onResponseClose);

    // Every member is written out, because on Node.js 20 an object literal that starts with a
    // spread costs about a microsecond for each member after the spread.
    const deadline = Date.now() + limits.queryTimeoutMs;
    const awsRequestIds: string[] = [];
    const upstream = { client, signal, deadline, principal, awsRequestIds };
    return {
      client,
      signal,
      deadline,
      principal,
      awsRequestIds,
      defaultDirectoryId: config.directoryId,
      loaders: new RequestLoaders(upstream),
      cursors,
      policy,
      audit,
      requestId: request.id,
      // Fastify's child of `logger` for this request, which binds `requestId`.
      logger: request.log as unknown as Logger,
    };
  };

  registerGraphQLRoute(app, apollo, { path: '/graphql', context: buildContext });

  if (config.browser.explorer.enabled) {
    await app.register(explorerPlugin, {
      path: config.browser.explorer.path,
      endpoint: '/graphql',
      document: DEFAULT_DOCUMENT,
      ...(authenticator.enabled ? { headers: { ...AUTHORIZATION_HEADER_PLACEHOLDER } } : {}),
    });
  }

  const readiness = createReadinessProbe({ client, directoryId: config.directoryId, logger });
  if (options.metrics) {
    registerMetricsRoute(app, options.metrics);
  }
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const state = await readiness.check();
    return reply.code(state.ready ? 200 : 503).send(state);
  });

  return {
    app,
    apollo,
    readiness,
    async listen() {
      await app.listen({ host: config.host, port: config.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      return `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/graphql`;
    },
    async close() {
      // Fastify closes the connections that are idle when closing starts. A keep-alive
      // connection whose request was still running goes idle later, and would hold the
      // shutdown until the client dropped it, so idle connections are closed until the end.
      const closeIdle = setInterval(() => app.server.closeIdleConnections(), CLOSE_IDLE_INTERVAL_MS);
      try {
        await app.close();
      } finally {
        clearInterval(closeIdle);
      }
      await options.tracing?.shutdown();
    },
  };
}

/** Members of a GraphQL request's response that `onResponseClose` reads. */
const REQUEST_SIGNAL = Symbol('requestSignal');
const QUERY_TIMER = Symbol('queryTimer');

interface TrackedResponse extends ServerResponse {
  [REQUEST_SIGNAL]?: LightAbortSignal;
  [QUERY_TIMER]?: NodeJS.Timeout;
}

/** Aborts a request's upstream calls when its query runs out of time. */
function abortOnTimeout(signal: LightAbortSignal, timeoutMs: number): void {
  signal.abort(new DOMException(`The query exceeded ${timeoutMs} ms.`, 'TimeoutError'));
}

/**
 * Clears a request's query timer when its response closes, and aborts its upstream calls when
 * the client disconnected first. It reads the state from the response, so no request allocates a closure.
 */
function onResponseClose(this: TrackedResponse): void {
  clearTimeout(this[QUERY_TIMER]);
  if (!this.writableFinished) {
    this[REQUEST_SIGNAL]?.abort(new DOMException('The client closed the connection.', CLIENT_CLOSED_REASON_NAME));
  }
}

/** Turns an authentication failure into the 401 (or 503) GraphQL error Apollo sends. */
function authenticationFailure(error: unknown): GraphQLError {
  if (error instanceof AuthenticationError) {
    return new GraphQLError(error.message, {
      extensions: {
        code: 'UNAUTHENTICATED',
        http: { status: 401, headers: new Map([['www-authenticate', error.wwwAuthenticate]]) },
      },
    });
  }
  const status = (error as { statusCode?: number }).statusCode === 503 ? 503 : 401;
  return new GraphQLError(
    status === 503
      ? 'The token issuer cannot be reached to check the bearer token. Retry later.'
      : 'Authentication failed.',
    { extensions: { code: 'UNAUTHENTICATED', http: { status } } },
  );
}
