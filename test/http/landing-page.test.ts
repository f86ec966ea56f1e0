import { ApolloServer } from '@apollo/server';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';

import type { LandingPageMode } from '../../src/config/browser.js';
import { registerGraphQLRoute } from '../../src/http/graphql-route.js';
import { createLandingPagePlugin, DEFAULT_DOCUMENT, renderRedirectPage } from '../../src/http/landing-page.js';
import { LANDING_PAGE_CONTENT_SECURITY_POLICY, securityHeadersPlugin } from '../../src/http/security-headers.js';

let app: FastifyInstance | undefined;
let apollo: ApolloServer | undefined;

afterEach(async () => {
  await app?.close();
  await apollo?.stop();
  app = undefined;
  apollo = undefined;
});

/** Starts Apollo Server on a bare Fastify app with the landing page plugin for `mode`. */
async function startServer(mode: LandingPageMode, authRequired = false): Promise<string> {
  apollo = new ApolloServer({
    typeDefs: 'type Query { ping: String }',
    resolvers: { Query: { ping: () => 'pong' } },
    plugins: [createLandingPagePlugin({ mode, explorerPath: '/explorer', authRequired })],
  });
  await apollo.start();

  app = Fastify();
  await app.register(securityHeadersPlugin);
  registerGraphQLRoute(app, apollo, { path: '/graphql', context: () => Promise.resolve({}) });
  return app.listen({ host: '127.0.0.1', port: 0 });
}

function requestLandingPage(baseUrl: string): Promise<Response> {
  return fetch(`${baseUrl}/graphql`, { headers: { accept: 'text/html' } });
}

/** Returns the object that Apollo's embedded Sandbox page passes to `EmbeddedSandbox`. */
function readSandboxOptions(html: string): Record<string, unknown> {
  const match = /var embeddedSandboxConfig = (\{.*?\});\n/s.exec(html);
  if (match?.[1] === undefined) throw new Error('The page does not start the embedded Sandbox');
  return JSON.parse(match[1]) as Record<string, unknown>;
}

describe('createLandingPagePlugin', () => {
  it('embeds the Sandbox with the document', async () => {
    const baseUrl = await startServer('sandbox');
    const response = await requestLandingPage(baseUrl);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('https://embeddable-sandbox.cdn.apollographql.com/');
    expect(response.headers.get('content-security-policy')).toBe(LANDING_PAGE_CONTENT_SECURITY_POLICY);

    const options = readSandboxOptions(html);
    expect(options['initialState']).toMatchObject({ document: DEFAULT_DOCUMENT, headers: {}, includeCookies: false });
    expect(options['runTelemetry']).toBe(false);
    expect(options['endpointIsEditable']).toBe(false);
  });

  it('pre-fills the authorization header', async () => {
    const baseUrl = await startServer('sandbox', true);
    const options = readSandboxOptions(await (await requestLandingPage(baseUrl)).text());

    expect(options['initialState']).toMatchObject({ headers: { Authorization: 'Bearer <paste an access token>' } });
  });

  it('redirects to the explorer', async () => {
    const baseUrl = await startServer('explorer');
    const response = await requestLandingPage(baseUrl);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toBe(renderRedirectPage('/explorer'));
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/explorer" />');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('apollographql.com');
  });

  it('serves no page when off', async () => {
    const baseUrl = await startServer('off');
    const response = await requestLandingPage(baseUrl);
    const body = await response.text();

    expect(response.status).toBe(400);
    expect(body).not.toContain('<html');
    expect(body).not.toContain('apollographql.com');
  });

  it('keeps queries working in every mode', async () => {
    for (const mode of ['sandbox', 'explorer', 'off'] as const) {
      const baseUrl = await startServer(mode);
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ ping }' }),
      });

      expect(await response.json(), mode).toEqual({ data: { ping: 'pong' } });
      await app?.close();
      await apollo?.stop();
      app = undefined;
      apollo = undefined;
    }
  });
});

describe('DEFAULT_DOCUMENT', () => {
  it('reads jdoe from the default directory', () => {
    expect(DEFAULT_DOCUMENT).toContain('user(samAccountName: "jdoe")');
    expect(DEFAULT_DOCUMENT).not.toContain('directoryId:');
  });
});
