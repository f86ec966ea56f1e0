/**
 * The GraphQL route: Apollo Server's HTTP handling on Fastify, as the `fastifyApollo` plugin
 * of `@as-integrations/fastify` registers it. That plugin builds a WHATWG URL from the
 * request's protocol, host and URL on every request, only to read its query string. In perf
 * profiles of a server under load this took about 5 µs per request. Here the query string is
 * cut from the request URL, and the rest follows the plugin.
 */
import { Readable } from 'node:stream';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';

import { LANDING_PAGE_CONTENT_SECURITY_POLICY } from './security-headers.js';

export interface GraphQLRouteOptions<Context extends BaseContext> {
  /** Route path, such as `/graphql`. */
  readonly path: string;
  /** Builds the context of one GraphQL request. */
  readonly context: (request: FastifyRequest, reply: FastifyReply) => Promise<Context>;
}

/** Registers `GET`, `POST` and `OPTIONS` at `options.path`, served by `apollo`, which must be started. */
export function registerGraphQLRoute<Context extends BaseContext>(
  app: FastifyInstance,
  apollo: ApolloServer<Context>,
  options: GraphQLRouteOptions<Context>,
): void {
  apollo.assertStarted('registerGraphQLRoute()');
  const buildContext = options.context;

  app.route({
    method: ['GET', 'POST', 'OPTIONS'],
    url: options.path,
    handler: async (request, reply) => {
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: toGraphQLRequest(request),
        context: () => buildContext(request, reply),
      });
      for (const [name, value] of response.headers) {
        void reply.header(name, value);
      }
      // Apollo Server sends HTML only for its landing page, whose own policy comes in a <meta> tag.
      if (response.headers.get('content-type')?.toLowerCase().startsWith('text/html')) {
        void reply.header('content-security-policy', LANDING_PAGE_CONTENT_SECURITY_POLICY);
      }
      void reply.code(response.status ?? 200);
      if (response.body.kind === 'complete') {
        return response.body.string;
      }
      return reply.send(Readable.from(response.body.asyncIterator));
    },
  });
}

function toGraphQLRequest(request: FastifyRequest): HTTPGraphQLRequest {
  return {
    method: request.method.toUpperCase(),
    headers: toHeaderMap(request.headers),
    search: searchOf(request.url),
    body: request.body,
  };
}

/** Copies the request headers that have a value, joining repeated ones with `, `, as the plugin does. */
function toHeaderMap(headers: IncomingHttpHeaders): HeaderMap {
  const map = new HeaderMap();
  for (const name in headers) {
    const value = headers[name];
    if (value) {
      map.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }
  return map;
}

/**
 * Returns the query string of a request URL with its `?`, or an empty string when it has none,
 * as `URL.search` does. Apollo Server reads it with `URLSearchParams`, which decodes the
 * percent-encoding that `URL` would add, so both give Apollo the same parameters.
 */
export function searchOf(url: string): string {
  // A fragment ends the URL, so a `?` inside it starts no query string.
  const fragment = url.indexOf('#');
  const end = fragment === -1 ? url.length : fragment;
  const start = url.indexOf('?');
  // A lone `?` gives an empty query string, as it does in `URL.search`.
  if (start === -1 || start >= end - 1) {
    return '';
  }
  return url.slice(start, end);
}
