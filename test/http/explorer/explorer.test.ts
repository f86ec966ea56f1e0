import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';

import { explorerPlugin } from '../../../src/http/explorer/index.js';
import { renderExplorerPage } from '../../../src/http/explorer/page.js';
import { EXPLORER_CONTENT_SECURITY_POLICY, securityHeadersPlugin } from '../../../src/http/security-headers.js';

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function startApp(options: { path?: string; headers?: Record<string, string> } = {}): Promise<string> {
  app = Fastify();
  await app.register(securityHeadersPlugin);
  await app.register(explorerPlugin, {
    path: options.path ?? '/explorer',
    endpoint: '/graphql',
    document: 'query Sample { __typename }',
    ...(options.headers === undefined ? {} : { headers: options.headers }),
  });
  return app.listen({ host: '127.0.0.1', port: 0 });
}

/** Returns the settings the page passes to the browser script. */
function readPageConfig(html: string): unknown {
  const match = /<script type="application\/json" id="explorer-config">(.*?)<\/script>/s.exec(html);
  if (match?.[1] === undefined) throw new Error('The page has no explorer-config block');
  return JSON.parse(match[1]);
}

describe('explorerPlugin', () => {
  it('serves the page with its own policy', async () => {
    const baseUrl = await startApp();
    const response = await fetch(`${baseUrl}/explorer`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(EXPLORER_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(readPageConfig(html)).toEqual({ endpoint: '/graphql', document: 'query Sample { __typename }', headers: '' });
  });

  it('serves the page with a trailing slash', async () => {
    const baseUrl = await startApp();
    const response = await fetch(`${baseUrl}/explorer/`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(EXPLORER_CONTENT_SECURITY_POLICY);
  });

  it('references only same-origin assets', async () => {
    const baseUrl = await startApp();
    const html = await (await fetch(`${baseUrl}/explorer`)).text();
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);

    expect(references).toEqual([
      '/explorer/assets/graphiql.min.css',
      '/explorer/assets/explorer.css',
      '/explorer/assets/react.production.min.js',
      '/explorer/assets/react-dom.production.min.js',
      '/explorer/assets/graphiql.min.js',
      '/explorer/assets/explorer.js',
    ]);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves every referenced asset', async () => {
    const baseUrl = await startApp();
    const html = await (await fetch(`${baseUrl}/explorer`)).text();
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');

    for (const reference of references) {
      const response = await fetch(`${baseUrl}${reference}`);
      const body = await response.text();
      const expectedType = reference.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';

      expect(response.status, reference).toBe(200);
      expect(response.headers.get('content-type'), reference).toBe(expectedType);
      expect(response.headers.get('cache-control'), reference).toBe('public, max-age=3600');
      expect(body.length, reference).toBeGreaterThan(50);
    }
  });

  it('returns 404 for an unknown asset', async () => {
    const baseUrl = await startApp();
    const unknown = await fetch(`${baseUrl}/explorer/assets/secret.js`);
    const traversal = await fetch(`${baseUrl}/explorer/assets/..%2F..%2Fpackage.json`);

    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('Explorer asset "secret.js" not found.');
    expect(traversal.status).toBe(404);
  });

  it('serves at a configured path', async () => {
    const baseUrl = await startApp({ path: '/tools/graphiql' });
    const page = await fetch(`${baseUrl}/tools/graphiql`);
    const asset = await fetch(`${baseUrl}/tools/graphiql/assets/explorer.js`);
    const oldPath = await fetch(`${baseUrl}/explorer`);

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('src="/tools/graphiql/assets/graphiql.min.js"');
    expect(asset.status).toBe(200);
    expect(oldPath.status).toBe(404);
  });

  it('pre-fills the configured headers', async () => {
    const baseUrl = await startApp({ headers: { Authorization: 'Bearer <paste an access token>' } });
    const html = await (await fetch(`${baseUrl}/explorer`)).text();

    expect(readPageConfig(html)).toEqual({
      endpoint: '/graphql',
      document: 'query Sample { __typename }',
      headers: '{\n  "Authorization": "Bearer <paste an access token>"\n}',
    });
  });
});

describe('renderExplorerPage', () => {
  it('keeps a hostile document inside the JSON block', () => {
    const document = '</script><script>alert(1)</script> & <!--';
    const html = renderExplorerPage({ path: '/explorer', endpoint: '/graphql', document, headers: '' });

    expect(html).not.toContain('</script><script>alert(1)');
    expect(readPageConfig(html)).toEqual({ endpoint: '/graphql', document, headers: '' });
  });
});
