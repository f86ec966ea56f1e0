import { ApolloServer } from '@apollo/server';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';

import { registerGraphQLRoute, searchOf } from '../../src/http/graphql-route.js';
import {
  API_CONTENT_SECURITY_POLICY,
  LANDING_PAGE_CONTENT_SECURITY_POLICY,
  securityHeadersPlugin,
} from '../../src/http/security-headers.js';

let app: FastifyInstance | undefined;
let apollo: ApolloServer<{ caller: string }> | undefined;

afterEach(async () => {
  await app?.close();
  await apollo?.stop();
  app = undefined;
  apollo = undefined;
});

/** Starts a bare Fastify app with the security headers and the GraphQL route at `/graphql`. */
async function startApp(): Promise<string> {
  apollo = new ApolloServer<{ caller: string }>({
    typeDefs: 'type Query { echo(text: String!): String, caller: String }',
    resolvers: { Query: { echo: (_root, args: { text: string }) => args.text, caller: (_root, _args, context) => context.caller } },
  });
  await apollo.start();
  app = Fastify();
  await app.register(securityHeadersPlugin);
  registerGraphQLRoute(app, apollo, {
    path: '/graphql',
    context: (request) => Promise.resolve({ caller: String(request.headers['x-caller']) }),
  });
  return `${await app.listen({ host: '127.0.0.1', port: 0 })}/graphql`;
}

describe('registerGraphQLRoute', () => {
  it('runs a GET query from its query string', async () => {
    const url = await startApp();
    const query = encodeURIComponent('query ($text: String!) { echo(text: $text) }');
    const variables = encodeURIComponent(JSON.stringify({ text: 'caf\u00e9 & more' }));

    const response = await fetch(`${url}?query=${query}&variables=${variables}`, { headers: { 'apollo-require-preflight': 'true' } });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { echo: 'caf\u00e9 & more' } });
    expect(response.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
  });

  it('builds the context from the request', async () => {
    const url = await startApp();

    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-caller': 'tester' },
      body: JSON.stringify({ query: '{ caller }' }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { caller: 'tester' } });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('sends the landing page with its policy', async () => {
    const url = await startApp();

    const response = await fetch(url, { headers: { accept: 'text/html' } });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(LANDING_PAGE_CONTENT_SECURITY_POLICY);
  });
});

/** Request URLs as Node.js hands them over: the request target, a path with a query string or an absolute URL. */
const REQUEST_URLS = [
  '/graphql',
  '/graphql?',
  '/graphql?query=%7B%20__typename%20%7D',
  '/graphql?query={__typename}&variables={"a":1}',
  '/graphql?query=%7Buser(samAccountName:%22jdoe%22)%7BgivenName%7D%7D&operationName=',
  '/graphql?a=1&a=2&b=+plus+&c=%2B',
  '/graphql?name=caf\u00e9&quote=\'x\'&lt=<&gt=>&hash=%23',
  '/graphql?query=x#fragment',
  '/graphql#fragment?query=x',
  '/graphql?query=x#fragment?more=y',
  '/graphql?query=%E4%B8%AD%E6%96%87',
  'http://gateway.example/graphql?query=%7B__typename%7D',
];

describe('searchOf', () => {
  it('gives Apollo the parameters that URL.search gives', () => {
    for (const url of REQUEST_URLS) {
      const expected = [...new URLSearchParams(new URL(url, 'http://127.0.0.1/').search)];
      expect([...new URLSearchParams(searchOf(url))], url).toEqual(expected);
    }
  });

  it('matches URL.search without a query string', () => {
    expect(searchOf('/graphql')).toBe('');
    expect(searchOf('/graphql?')).toBe('');
    expect(searchOf('/graphql?#top')).toBe('');
    expect(searchOf('/graphql#top?query=x')).toBe('');
  });

  it('keeps the question mark and drops a fragment', () => {
    expect(searchOf('/graphql?query=%7B__typename%7D')).toBe('?query=%7B__typename%7D');
    expect(searchOf('/graphql?query=x#fragment')).toBe('?query=x');
  });
});
