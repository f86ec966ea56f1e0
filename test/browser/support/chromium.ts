import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Request } from 'playwright-core';

/** Where CI and developers get Chromium: Debian's `chromium` package (`.ci/run` installs it). */
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Flags that keep Chromium from calling Google services on its own (updates, sync,
 * safe-browsing lists, field trials), so that the only network traffic is what the page
 * under test sends.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--metrics-recording-only',
  '--no-default-browser-check',
];

/**
 * Returns the Chromium executable, `CHROMIUM_PATH` first, or undefined when none is
 * installed. Tests use it to skip with a message rather than fail on a machine without a
 * browser.
 */
export function findChromium(): string | undefined {
  const candidates = [process.env['CHROMIUM_PATH'], ...CHROMIUM_CANDIDATES];
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}

export const CHROMIUM_MISSING_MESSAGE =
  'Browser tests skipped: no Chromium found at CHROMIUM_PATH, /usr/bin/chromium or /usr/bin/chromium-browser. Install it with `apt-get install -y chromium` (.ci/run does this).';

/** A headless Chromium with a fresh profile, and the log of every request its pages made. */
export interface BrowserSession {
  context: BrowserContext;
  /** Every URL that a page of this session requested, in order. */
  requestedUrls: string[];
  /** Requested URLs that point anywhere but 127.0.0.1. The proxy setting keeps them from leaving the machine. */
  offLoopbackUrls: string[];
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a fresh `--user-data-dir` and records every request.
 *
 * Every request except those to 127.0.0.1 goes to a proxy on 127.0.0.1 port 9, where
 * nothing listens, so it fails without leaving the machine. `<-loopback>` removes
 * Chromium's implicit proxy bypass for localhost and the rest of 127.0.0.0/8.
 *
 * The session does not use Playwright's request interception (`route`): with
 * interception on, Playwright fulfills CORS preflights itself with permissive headers,
 * and the gateway's CORS handling would go untested.
 */
export async function launchBrowser(executablePath: string, extraArgs: readonly string[] = []): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'ds-data-gateway-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>;127.0.0.1', ...extraArgs],
    serviceWorkers: 'block',
  });

  const requestedUrls: string[] = [];
  const offLoopbackUrls: string[] = [];
  context.on('request', (request: Request) => {
    const url = request.url();
    requestedUrls.push(url);
    if (!isLoopbackUrl(url)) offLoopbackUrls.push(url);
  });

  return {
    context,
    requestedUrls,
    offLoopbackUrls,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Returns whether `url` stays on this machine: http(s) to 127.0.0.1, or an inline data: or blob: URL. */
export function isLoopbackUrl(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}
