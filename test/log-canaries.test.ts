/**
 * No sensitive value reaches a log line. The suite drives the real gateway and emulator at
 * the most verbose log level. It plants unique canary strings in every member that AWS marks
 * sensitive (names, e-mail, DN, UPN, attribute values, search strings, page tokens) and in
 * bearer tokens, cookies and secrets. Then it scans every line both of them wrote.
 *
 * NOTE: `BOOL` attribute values cannot carry a unique canary (they are true or false), and
 * no writable attribute of the emulator holds one, so booleans are not covered here.
 */
import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEFAULT_WRITABLE_ATTRIBUTES } from '../src/config/security.js';
import { startHarness, type Harness } from './support/harness.js';

/** A unique marker; `kind` names the member it was planted in, so a failure shows which one leaked. */
function canary(kind: string): string {
  return `cnry${kind}${randomBytes(6).toString('hex')}`;
}

const canaries = {
  givenName: canary('given'),
  surname: canary('sur'),
  email: `${canary('mail')}@example.com`,
  department: canary('dept'),
  spn: `HTTP/${canary('spn')}.example.com`,
  number: `9${String(Date.now()).slice(-9)}8765432`,
  search: canary('search'),
  badCursor: canary('cursor'),
  badEmail: canary('notmail'),
  badVariable: canary('variable'),
  bearer: canary('jwt'),
  cookie: canary('cookie'),
  cursorSecret: canary('cursorsecret'),
  updatedGivenName: canary('given2'),
};

/** Values the services generated (DN, UPN, page tokens and cursors), collected while the suite runs. */
const generated: Record<string, string> = {};

let harness: Harness;
const samAccountName = `canary${randomBytes(3).toString('hex')}`;
const headers = { authorization: `Bearer ${canaries.bearer}`, cookie: `session=${canaries.cookie}` };

beforeAll(async () => {
  harness = await startHarness({
    env: {
      LOG_LEVEL: 'trace',
      CURSOR_SECRET: canaries.cursorSecret,
      WRITABLE_ATTRIBUTES_ADMIN: [...DEFAULT_WRITABLE_ATTRIBUTES, 'servicePrincipalName', 'accountExpires'].join(','),
    },
  });
});

afterAll(async () => {
  await harness?.close();
});

describe('log canaries', () => {
  it('creates a user with canaries in every writable member', async () => {
    const response = await harness.graphql(
      `mutation Create($input: CreateUserInput!) {
        createUser(input: $input) { user { givenName surname emailAddress distinguishedName userPrincipalName } }
      }`,
      {
        input: {
          samAccountName,
          givenName: canaries.givenName,
          surname: canaries.surname,
          emailAddress: canaries.email,
          otherAttributes: [
            { name: 'department', value: { S: canaries.department } },
          ],
        },
      },
      headers,
    );

    expect(response.body.errors).toBeUndefined();
    const user = (response.body.data as { createUser: { user: Record<string, string> } }).createUser.user;
    expect(user.givenName).toBe(canaries.givenName);
    expect(user.emailAddress).toBe(canaries.email);
    generated.distinguishedName = user.distinguishedName ?? '';
    generated.userPrincipalName = user.userPrincipalName ?? '';
    expect(generated.distinguishedName).not.toBe('');
    expect(generated.userPrincipalName).not.toBe('');
  });

  it('sets a set and a number attribute', async () => {
    const response = await harness.graphql(
      `mutation Add($input: UpdateUserInput!) { updateUser(input: $input) { clientToken } }`,
      {
        input: {
          samAccountName,
          updateType: 'REPLACE',
          otherAttributes: [
            { name: 'servicePrincipalName', value: { SS: [canaries.spn] } },
            { name: 'accountExpires', value: { N: canaries.number } },
          ],
        },
      },
      headers,
    );
    expect(response.body.errors).toBeUndefined();
  });

  it('reads attribute values back', async () => {
    const response = await harness.graphql(
      `query Read($name: String!) { user(samAccountName: $name) { attributes(names: ["department", "servicePrincipalName", "accountExpires"]) { name value { S N SS } } } }`,
      { name: samAccountName },
      headers,
    );

    expect(response.body.errors).toBeUndefined();
    expect(JSON.stringify(response.body.data)).toContain(canaries.department);
    expect(JSON.stringify(response.body.data)).toContain(canaries.number);
    expect(JSON.stringify(response.body.data)).toContain(canaries.spn);
  });

  it('updates a name', async () => {
    const response = await harness.graphql(
      `mutation Update($input: UpdateUserInput!) { updateUser(input: $input) { clientToken } }`,
      { input: { samAccountName, givenName: canaries.updatedGivenName, updateType: 'REPLACE' } },
      headers,
    );
    expect(response.body.errors).toBeUndefined();
  });

  it('searches with a canary search string', async () => {
    const response = await harness.graphql(
      `query Search($text: String!) { searchUsers(search: $text, attributes: ["givenName"]) { nodes { samAccountName } } }`,
      { text: canaries.search },
      headers,
    );
    expect(response.body.errors).toBeUndefined();
  });

  it('pages with real tokens', async () => {
    const first = await harness.graphql<{ users: { pageInfo: { endCursor: string } } }>(
      'query Page { users(first: 2) { pageInfo { endCursor } nodes { samAccountName } } }',
      undefined,
      headers,
    );
    const cursor = first.body.data?.users.pageInfo.endCursor ?? '';
    expect(cursor).not.toBe('');
    generated.cursor = cursor;

    const second = await harness.graphql('query Next($after: String) { users(first: 2, after: $after) { nodes { samAccountName } } }', { after: cursor }, headers);
    expect(second.body.errors).toBeUndefined();

    const tokens = harness.emulator.requests
      .map((request) => (JSON.parse(request.rawBody || '{}') as { NextToken?: string }).NextToken)
      .filter((token): token is string => typeof token === 'string');
    expect(tokens.length).toBeGreaterThan(0);
    tokens.forEach((token, index) => {
      generated[`nextToken${index}`] = token;
    });
  });

  it('sends invalid values that error messages could echo', async () => {
    const badCursor = await harness.graphql('query { users(first: 1, after: "' + canaries.badCursor + '") { nodes { samAccountName } } }', undefined, headers);
    expect(badCursor.body.errors?.length).toBeGreaterThan(0);

    const badEmail = await harness.graphql(
      'mutation Bad($input: UpdateUserInput!) { updateUser(input: $input) { clientToken } }',
      { input: { samAccountName, emailAddress: canaries.badEmail } },
      headers,
    );
    expect(badEmail.body.errors?.length).toBeGreaterThan(0);

    const badVariable = await harness.graphql('query Bad($n: Int) { users(first: $n) { nodes { samAccountName } } }', { n: canaries.badVariable }, headers);
    expect(badVariable.body.errors?.length).toBeGreaterThan(0);

    const tooLong = await harness.graphql(
      'mutation Long($input: UpdateUserInput!) { updateUser(input: $input) { clientToken } }',
      { input: { samAccountName, otherAttributes: [{ name: 'department', value: { S: `${canaries.department}${'x'.repeat(1100)}` } }], updateType: 'REPLACE' } },
      headers,
    );
    expect(tooLong.body.errors?.length).toBeGreaterThan(0);
  });

  it('writes no canary to any log line', () => {
    const secrets = { ...canaries, ...generated };
    expect(harness.logLines.length).toBeGreaterThan(20);
    // The logs do describe this user's operations (by its non-sensitive SAM account name).
    expect(harness.logLines.some((line) => line.includes(samAccountName))).toBe(true);

    const leaks = Object.entries(secrets).flatMap(([name, value]) =>
      harness.logLines.filter((line) => line.includes(value)).map((line) => `${name}: ${line.slice(0, 300)}`),
    );
    expect(leaks).toEqual([]);
  });
});
