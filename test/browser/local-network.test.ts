import Fastify, { type FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHROMIUM_MISSING_MESSAGE, findChromium, launchBrowser, type BrowserSession } from './support/chromium.js';
import { startBrowserGateway, type BrowserGateway } from './support/gateway.js';

const chromiumPath = findChromium();
if (chromiumPath === undefined) {
  console.warn(CHROMIUM_MISSING_MESSAGE);
}

/** Starts a server on 127.0.0.1 that serves a blank page, which the browser treats as a public address. */
async function startPublicPage(): Promise<{ origin: string; port: string; server: FastifyInstance }> {
  const server = Fastify();
  server.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><title>public page</title>'));
  const origin = await server.listen({ host: '127.0.0.1', port: 0 });
  return { origin, port: new URL(origin).port, server };
}

function postQueryFromPage(page: Page, url: string): Promise<string> {
  return page.evaluate(async (target) => {
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ user(samAccountName: "jdoe") { givenName } }' }),
      });
      return `${response.status} ${await response.text()}`;
    } catch (error) {
      return String(error);
    }
  }, url);
}

/**
 * A public HTTPS page such as the hosted Apollo Sandbox calling a gateway on localhost.
 * `--ip-address-space-overrides` makes Chromium treat two local servers as public
 * addresses, so the Local Network Access rules apply as they would to the real page.
 */
describe.skipIf(chromiumPath === undefined)('public page calling a local gateway', () => {
  let listedPage: Awaited<ReturnType<typeof startPublicPage>>;
  let unlistedPage: Awaited<ReturnType<typeof startPublicPage>>;
  let gateway: BrowserGateway;
  let browser: BrowserSession;

  beforeAll(async () => {
    listedPage = await startPublicPage();
    unlistedPage = await startPublicPage();
    gateway = await startBrowserGateway({ CORS_ORIGINS: listedPage.origin });
    browser = await launchBrowser(chromiumPath ?? '', [
      `--ip-address-space-overrides=127.0.0.1:${listedPage.port}=public,127.0.0.1:${unlistedPage.port}=public`,
    ]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await listedPage?.server.close();
    await unlistedPage?.server.close();
  });

  async function openPage(origin: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/`);
    return page;
  }

  it('is blocked without the permission', async () => {
    const page = await openPage(listedPage.origin);

    expect(await postQueryFromPage(page, `${gateway.origin}/graphql`)).toBe('TypeError: Failed to fetch');
    await page.close();
  });

  it('reaches the gateway with the permission', async () => {
    await browser.context.grantPermissions(['local-network-access'], { origin: listedPage.origin });
    const page = await openPage(listedPage.origin);

    expect(await postQueryFromPage(page, `${gateway.origin}/graphql`)).toBe('200 {"data":{"user":{"givenName":"Jane"}}}\n');
    await page.close();
  });

  it('stays blocked by CORS when unlisted', async () => {
    await browser.context.grantPermissions(['local-network-access'], { origin: unlistedPage.origin });
    const page = await openPage(unlistedPage.origin);
    const callsBefore = gateway.upstreamCallCount();

    expect(await postQueryFromPage(page, `${gateway.origin}/graphql`)).toBe('TypeError: Failed to fetch');
    expect(gateway.upstreamCallCount()).toBe(callsBefore);
    await page.close();
  });
});
