import Fastify, { type FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHROMIUM_MISSING_MESSAGE, findChromium, launchBrowser, type BrowserSession } from './support/chromium.js';
import { startBrowserGateway, type BrowserGateway } from './support/gateway.js';

const chromiumPath = findChromium();
if (chromiumPath === undefined) {
  console.warn(CHROMIUM_MISSING_MESSAGE);
}

/** Outcome of a `fetch` that a page ran, as plain data. */
interface PageFetchResult {
  ok: boolean;
  status?: number;
  body?: unknown;
  error?: string;
}

/** Starts a server on 127.0.0.1 that serves a blank page, standing in for a frontend app's origin. */
async function startFrontendOrigin(): Promise<{ origin: string; server: FastifyInstance }> {
  const server = Fastify();
  server.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send('<!doctype html><title>frontend</title><p>frontend app</p>'),
  );
  const origin = await server.listen({ host: '127.0.0.1', port: 0 });
  return { origin, server };
}

/** Runs `fetch` inside the page, so the browser applies CORS as it would for a real app. */
function fetchFromPage(page: Page, url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<PageFetchResult> {
  return page.evaluate(
    async ({ url, init }) => {
      try {
        const response = await fetch(url, init);
        return { ok: true, status: response.status, body: await response.json() };
      } catch (error) {
        return { ok: false, error: String(error) };
      }
    },
    { url, init },
  );
}

const JDOE_QUERY = JSON.stringify({ query: '{ user(samAccountName: "jdoe") { samAccountName givenName } }' });

describe.skipIf(chromiumPath === undefined)('cross-origin fetch in Chromium', () => {
  let allowedFrontend: { origin: string; server: FastifyInstance };
  let rejectedFrontend: { origin: string; server: FastifyInstance };
  let gateway: BrowserGateway;
  let browser: BrowserSession;

  beforeAll(async () => {
    allowedFrontend = await startFrontendOrigin();
    rejectedFrontend = await startFrontendOrigin();
    gateway = await startBrowserGateway({ CORS_ORIGINS: allowedFrontend.origin });
    browser = await launchBrowser(chromiumPath ?? '');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await allowedFrontend?.server.close();
    await rejectedFrontend?.server.close();
  });

  async function openFrontend(origin: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/`);
    return page;
  }

  it('lets a listed origin query', async () => {
    const page = await openFrontend(allowedFrontend.origin);
    const result = await fetchFromPage(page, `${gateway.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JDOE_QUERY,
    });

    expect(result).toEqual({ ok: true, status: 200, body: { data: { user: { samAccountName: 'jdoe', givenName: 'Jane' } } } });
    await page.close();
  });

  it('lets a listed origin send a bearer header', async () => {
    const page = await openFrontend(allowedFrontend.origin);
    const result = await fetchFromPage(page, `${gateway.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer local-mode-ignores-this' },
      body: JDOE_QUERY,
    });

    expect(result.ok).toBe(true);
    expect(result.status).toBe(200);
    await page.close();
  });

  it('blocks an unlisted origin before the request', async () => {
    const page = await openFrontend(rejectedFrontend.origin);
    const callsBefore = gateway.upstreamCallCount();
    const result = await fetchFromPage(page, `${gateway.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JDOE_QUERY,
    });

    expect(result).toEqual({ ok: false, error: 'TypeError: Failed to fetch' });
    expect(gateway.upstreamCallCount()).toBe(callsBefore);
    await page.close();
  });

  it('blocks a simple request from an unlisted origin', async () => {
    // A text/plain POST needs no preflight, so only Apollo's CSRF prevention stops it
    // from executing; CORS then hides the response from the page.
    const page = await openFrontend(rejectedFrontend.origin);
    const callsBefore = gateway.upstreamCallCount();
    const result = await fetchFromPage(page, `${gateway.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JDOE_QUERY,
    });

    expect(result).toEqual({ ok: false, error: 'TypeError: Failed to fetch' });
    expect(gateway.upstreamCallCount()).toBe(callsBefore);
    await page.close();
  });

  it('keeps every request on 127.0.0.1', () => {
    expect(browser.offLoopbackUrls).toEqual([]);
    expect(browser.requestedUrls.length).toBeGreaterThan(0);
  });
});
