import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHROMIUM_MISSING_MESSAGE, findChromium, isLoopbackUrl, launchBrowser, type BrowserSession } from './support/chromium.js';

const chromiumPath = findChromium();
if (chromiumPath === undefined) {
  console.warn(CHROMIUM_MISSING_MESSAGE);
}

describe('isLoopbackUrl', () => {
  it.each(['http://127.0.0.1:4000/graphql', 'https://127.0.0.1/', 'data:font/woff2;base64,AA', 'blob:http://127.0.0.1:1/x'])(
    'accepts %s',
    (url) => {
      expect(isLoopbackUrl(url)).toBe(true);
    },
  );

  it.each(['http://localhost:4000/', 'http://127.0.0.2/', 'https://studio.apollographql.com/', 'ws://127.0.0.1:1/', 'not a url'])(
    'rejects %s',
    (url) => {
      expect(isLoopbackUrl(url)).toBe(false);
    },
  );
});

describe.skipIf(chromiumPath === undefined)('browser session isolation', () => {
  let browser: BrowserSession;
  let server: Server;
  let hits = 0;

  beforeAll(async () => {
    // 127.0.0.2 is still this machine, so a request that escaped the proxy setting would
    // reach this server rather than another host.
    server = createServer((_request, response) => {
      hits += 1;
      response.end('reached');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
    browser = await launchBrowser(chromiumPath ?? '');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('stops requests beyond 127.0.0.1', async () => {
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.2:${port}/`;
    const page = await browser.context.newPage();

    await expect(page.goto(url)).rejects.toThrow(/ERR_PROXY_CONNECTION_FAILED|ERR_TUNNEL_CONNECTION_FAILED/);
    expect(hits).toBe(0);
    expect(browser.offLoopbackUrls).toEqual([url]);
    await page.close();
  });
});
