import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';

import { DEFAULT_DOCUMENT } from '../../src/http/landing-page.js';
import { CHROMIUM_MISSING_MESSAGE, findChromium, launchBrowser, type BrowserSession } from './support/chromium.js';
import { startBrowserGateway, type BrowserGateway } from './support/gateway.js';

const chromiumPath = findChromium();
if (chromiumPath === undefined) {
  console.warn(CHROMIUM_MISSING_MESSAGE);
}

/** Records every Content-Security-Policy violation of a page in `window.cspViolations`. */
const RECORD_CSP_VIOLATIONS = `
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
  });
`;

const UPDATE_USER_MUTATION = `mutation SetDepartment {
  updateUser(input: {
    samAccountName: "jdoe"
    updateType: REPLACE
    clientToken: "browser-test-set-department-1"
    otherAttributes: [{ name: "department", value: { S: "Browser Testing" } }]
  }) {
    clientToken
    steps { operation updateType status }
    user { attributes(names: ["department"]) { name value { S } } }
  }
}`;

const TWO_MEMBER_MUTATION = `mutation TwoMembers {
  updateUser(input: {
    samAccountName: "jdoe"
    otherAttributes: [{ name: "department", value: { S: "Sales", BOOL: true } }]
  }) { clientToken }
}`;

describe.skipIf(chromiumPath === undefined)('offline explorer in Chromium', () => {
  let gateway: BrowserGateway;
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    gateway = await startBrowserGateway();
    browser = await launchBrowser(chromiumPath ?? '');
    page = await browser.context.newPage();
    await page.addInitScript(RECORD_CSP_VIOLATIONS);
    await page.goto(`${gateway.origin}/explorer`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  /** Replaces the query editor's text, clicks Run and returns the JSON body the gateway sent back. */
  async function runInExplorer(document: string, operationName: string): Promise<unknown> {
    await page.evaluate(`document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(${JSON.stringify(document)})`);

    // GraphiQL takes the operation name from the editor after a short debounce, so a click
    // right after the edit can still send the previous document's name. That request fails
    // without executing anything ("Unknown operation named ..."); run again until the new
    // name is sent.
    for (let attempt = 0; attempt < 20; attempt += 1) {
      // Matching the document skips GraphiQL's own introspection requests.
      const responsePromise = page.waitForResponse(
        (response) => response.url() === `${gateway.origin}/graphql` && (response.request().postData() ?? '').includes(operationName),
      );
      await page.click('.graphiql-execute-button');
      const response = await responsePromise;
      const sent = JSON.parse(response.request().postData() ?? '{}') as { operationName?: string | null };
      if (sent.operationName === operationName) {
        return response.json();
      }
      await page.waitForTimeout(100);
    }
    throw new Error(`GraphiQL never sent the operation name ${operationName}.`);
  }

  /** Returns the text of GraphiQL's response pane once it contains `expected`. */
  async function waitForResponsePane(expected: string): Promise<string> {
    // A function predicate, not a string: Playwright evaluates a string with eval in the
    // page, which the explorer's Content-Security-Policy blocks (and records as a violation).
    await page.waitForFunction(
      (text: string) => {
        const pageDocument = (globalThis as unknown as { document: { querySelector(selector: string): { textContent: string | null } | null } }).document;
        return pageDocument.querySelector('.graphiql-response')?.textContent?.includes(text) === true;
      },
      expected,
      { timeout: 10_000 },
    );
    return (await page.textContent('.graphiql-response')) ?? '';
  }

  it('opens with the default document', async () => {
    const editorText = await page.evaluate(`document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue()`);

    expect(editorText).toBe(DEFAULT_DOCUMENT);
  });

  it('runs the sample query', async () => {
    const responsePromise = page.waitForResponse(
      (response) => response.url() === `${gateway.origin}/graphql` && (response.request().postData() ?? '').includes('DemoUser'),
    );
    await page.click('.graphiql-execute-button');
    const body = await (await responsePromise).json();
    const pane = await waitForResponsePane('Jane');

    expect(body).toEqual({
      data: {
        user: { samAccountName: 'jdoe', givenName: 'Jane', surname: 'Doe', emailAddress: expect.any(String), enabled: true },
      },
    });
    expect(pane).toContain('"givenName": "Jane"');
    expect(pane).toContain('"surname": "Doe"');
  });

  it('runs updateUser with a @oneOf value', async () => {
    const body = await runInExplorer(UPDATE_USER_MUTATION, 'SetDepartment');
    const pane = await waitForResponsePane('Browser Testing');

    expect(body).toEqual({
      data: {
        updateUser: {
          clientToken: 'browser-test-set-department-1',
          steps: [{ operation: 'UpdateUser', updateType: 'REPLACE', status: 'APPLIED' }],
          user: { attributes: [{ name: 'department', value: { S: 'Browser Testing' } }] },
        },
      },
    });
    expect(pane).toContain('"status": "APPLIED"');

    const stored = await gateway.query('{ user(samAccountName: "jdoe") { attributes(names: ["department"]) { value { S } } } }');
    expect(stored).toEqual({ data: { user: { attributes: [{ value: { S: 'Browser Testing' } }] } } });
  });

  it('shows the error for a two-member value', async () => {
    const callsBefore = gateway.upstreamCallCount();
    const body = (await runInExplorer(TWO_MEMBER_MUTATION, 'TwoMembers')) as { errors?: { message: string }[]; data?: unknown };
    const pane = await waitForResponsePane('exactly one');

    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.message).toMatch(/AttributeValueInput.*exactly one/);
    expect(pane).toContain('AttributeValueInput');
    expect(gateway.upstreamCallCount()).toBe(callsBefore);
  });

  it('opens dialogs without CSP violations', async () => {
    await page.click('[aria-label="Open settings dialog"]');
    await page.waitForSelector('[role="dialog"]');
    await page.keyboard.press('Escape');
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer');

    expect(await page.evaluate('window.cspViolations')).toEqual([]);
  });

  it('keeps every request on the gateway origin', () => {
    const requested = browser.requestedUrls.filter((url) => !url.startsWith('data:'));

    expect(browser.offLoopbackUrls).toEqual([]);
    expect(requested.length).toBeGreaterThan(6);
    for (const url of requested) {
      expect(new URL(url).origin, url).toBe(gateway.origin);
    }
  });
});
