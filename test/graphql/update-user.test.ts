/**
 * The main job end to end: updateUser over HTTP, through the gateway and the client, to
 * the emulator, with the exact wire request asserted where the emulator received it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

const UPDATE_USER = /* GraphQL */ `
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      clientToken
      steps { operation updateType attributes clientToken status }
      user {
        samAccountName
        emailAddress
        givenName
        surname
        attributes(names: ["title", "accountExpires", "department"]) { name value { S N BOOL SS } }
      }
    }
  }
`;

const READ_USER = /* GraphQL */ `
  query ReadUser($name: String!) {
    user(samAccountName: $name) {
      givenName
      attributes(names: ["title", "accountExpires"]) { name value { S N BOOL SS } }
    }
  }
`;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness.close();
});

beforeEach(() => {
  harness.resetCalls();
});

function lastWireRequest(operation: string) {
  const request = [...harness.emulator.requests].reverse().find((candidate) => candidate.operation === operation);
  if (!request) {
    throw new Error(`The emulator received no ${operation} request.`);
  }
  return request;
}

describe('updateUser', () => {
  it('sends exactly the AWS request for a full input with an update type', async () => {
    const response = await harness.graphql(UPDATE_USER, {
      input: {
        samAccountName: 'jdoe',
        emailAddress: 'jane.doe@corp.example.com',
        givenName: 'Jane',
        surname: 'Doe',
        otherAttributes: [
          { name: 'title', value: { S: 'Staff Engineer' } },
          { name: 'accountExpires', value: { N: '9223372036854775806' } },
        ],
        updateType: 'REPLACE',
        clientToken: '550e8400-e29b-41d4-a716-446655440000',
      },
    });

    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const wire = lastWireRequest('UpdateUser');
    expect(wire.method).toBe('POST');
    expect(wire.path).toBe('/Users/UpdateUser');
    expect(wire.query).toEqual({ DirectoryId: 'd-1234567890' });
    expect(wire.headers['content-type']).toBe('application/json');
    expect(wire.headers['authorization']).toMatch(
      /^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/us-east-1\/ds-data\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
    );
    // Compared as text, so the 64-bit number is checked digit by digit.
    expect(wire.rawBody).toBe(
      '{"SAMAccountName":"jdoe","EmailAddress":"jane.doe@corp.example.com","GivenName":"Jane","Surname":"Doe",' +
        '"OtherAttributes":{"title":{"S":"Staff Engineer"},"accountExpires":{"N":9223372036854775806}},' +
        '"UpdateType":"REPLACE","ClientToken":"550e8400-e29b-41d4-a716-446655440000"}',
    );
  });

  it('omits inputs that are not given instead of sending null or empty values', async () => {
    await harness.graphql(UPDATE_USER, {
      input: { samAccountName: 'jdoe', surname: 'Doe', updateType: 'REPLACE', givenName: null },
    });

    const body = JSON.parse(lastWireRequest('UpdateUser').rawBody) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['SAMAccountName', 'Surname', 'UpdateType', 'ClientToken']);
  });

  it('generates one UUID ClientToken when the client sends none and returns it', async () => {
    const response = await harness.graphql<{ updateUser: { clientToken: string } }>(UPDATE_USER, {
      input: { samAccountName: 'jdoe', givenName: 'Jane', updateType: 'REPLACE' },
    });

    const token = response.body.data?.updateUser.clientToken;
    expect(token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const body = JSON.parse(lastWireRequest('UpdateUser').rawBody) as Record<string, unknown>;
    expect(body['ClientToken']).toBe(token);
  });

  it('returns the updated user read back, with N exact', async () => {
    const response = await harness.graphql(UPDATE_USER, {
      input: {
        samAccountName: 'jdoe',
        otherAttributes: [
          { name: 'title', value: { S: 'Principal Engineer' } },
          { name: 'accountExpires', value: { N: '133801632000000000' } },
        ],
      },
    });

    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      updateUser: {
        clientToken: expect.any(String),
        steps: [
          {
            operation: 'UpdateUser',
            updateType: 'REPLACE',
            attributes: ['title', 'accountExpires'],
            clientToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
            status: 'APPLIED',
          },
        ],
        user: {
          samAccountName: 'jdoe',
          emailAddress: 'jane.doe@corp.example.com',
          givenName: 'Jane',
          surname: 'Doe',
          attributes: [
            { name: 'title', value: { S: 'Principal Engineer', N: null, BOOL: null, SS: null } },
            { name: 'accountExpires', value: { S: null, N: '133801632000000000', BOOL: null, SS: null } },
            { name: 'department', value: { S: 'Engineering', N: null, BOOL: null, SS: null } },
          ],
        },
      },
    });

    const readBack = await harness.graphql(READ_USER, { name: 'jdoe' });
    expect(readBack.body.data).toEqual({
      user: {
        givenName: 'Jane',
        attributes: [
          { name: 'title', value: { S: 'Principal Engineer', N: null, BOOL: null, SS: null } },
          { name: 'accountExpires', value: { S: null, N: '133801632000000000', BOOL: null, SS: null } },
        ],
      },
    });
  });

  it('round-trips the largest and smallest 64-bit values exactly', async () => {
    for (const value of ['9223372036854775807', '-9223372036854775808', '0']) {
      const response = await harness.graphql(UPDATE_USER, {
        input: {
          samAccountName: 'jdoe',
          otherAttributes: [{ name: 'accountExpires', value: { N: value } }],
          updateType: 'REPLACE',
        },
      });
      expect(response.body.errors).toBeUndefined();
      expect(lastWireRequest('UpdateUser').rawBody).toContain(`"accountExpires":{"N":${value}}`);

      const readBack = await harness.graphql<{ user: { attributes: Array<{ value: { N: string } }> } }>(READ_USER, {
        name: 'jdoe',
      });
      expect(readBack.body.data?.user.attributes[1]?.value.N).toBe(value);
    }
  });

  it('splits an update without updateType into ADD and REPLACE calls with derived tokens', async () => {
    const response = await harness.graphql(UPDATE_USER, {
      input: {
        samAccountName: 'akim',
        otherAttributes: [
          { name: 'title', value: { S: 'Analyst' } },
          { name: 'homePhone', value: { S: '212-555-0100' } },
        ],
        clientToken: 'client-token-split-1',
      },
    });

    expect(response.body.errors).toBeUndefined();
    const steps = (response.body.data as { updateUser: { steps: Array<Record<string, unknown>> } }).updateUser.steps;
    const writes = harness.emulator.requests.filter((request) => request.operation === 'UpdateUser');
    expect(steps.map((step) => step.status)).toEqual(writes.map(() => 'APPLIED'));
    expect(new Set(steps.map((step) => step.clientToken)).size).toBe(steps.length);
    for (const [index, write] of writes.entries()) {
      const body = JSON.parse(write.rawBody) as { UpdateType: string; ClientToken: string };
      expect(body.UpdateType).toBe(steps[index]?.updateType);
      expect(body.ClientToken).toBe(steps[index]?.clientToken);
      expect(body.ClientToken).not.toBe('client-token-split-1');
    }
  });
});

describe('AttributeValueInput @oneOf', () => {
  const literal = (value: string) => /* GraphQL */ `
    mutation { updateUser(input: { samAccountName: "jdoe", otherAttributes: [{ name: "title", value: ${value} }] }) { clientToken } }
  `;
  const withVariable = /* GraphQL */ `
    mutation ($value: AttributeValueInput!) {
      updateUser(input: { samAccountName: "jdoe", otherAttributes: [{ name: "title", value: $value }] }) { clientToken }
    }
  `;

  it.each([
    ['two members', '{ S: "a", N: "1" }', 'OneOf Input Object "AttributeValueInput" must specify exactly one key.'],
    ['no member', '{}', 'OneOf Input Object "AttributeValueInput" must specify exactly one key.'],
    ['a null member', '{ S: null }', 'Field "AttributeValueInput.S" must be non-null.'],
  ])('rejects %s in a literal without an AWS call', async (_case, value, message) => {
    const response = await harness.graphql(literal(value));

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toBe(message);
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(harness.awsCalls()).toEqual([]);
  });

  it.each([
    [
      'two members',
      { S: 'a', BOOL: true },
      'Variable "$value" got invalid value { S: "a", BOOL: true }; Exactly one key must be specified for OneOf type "AttributeValueInput".',
    ],
    [
      'no member',
      {},
      'Variable "$value" got invalid value {}; Exactly one key must be specified for OneOf type "AttributeValueInput".',
    ],
    ['a null member', { SS: null }, 'Variable "$value" got invalid value null at "value.SS"; Field "SS" must be non-null.'],
  ])('rejects %s in variables without an AWS call', async (_case, value, message) => {
    const response = await harness.graphql(withVariable, { value });

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toBe(message);
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(harness.awsCalls()).toEqual([]);
  });
});

describe('Int64 input', () => {
  const mutation = /* GraphQL */ `
    mutation ($n: Int64!) {
      updateUser(input: { samAccountName: "jdoe", otherAttributes: [{ name: "accountExpires", value: { N: $n } }], updateType: REPLACE }) {
        clientToken
      }
    }
  `;

  it('accepts a safe JSON integer', async () => {
    const response = await harness.graphql(mutation, { n: 42 });

    expect(response.body.errors).toBeUndefined();
    expect(lastWireRequest('UpdateUser').rawBody).toContain('"accountExpires":{"N":42}');
  });

  it('rejects a JSON number too large to be exact and asks for a string', async () => {
    const response = await harness.graphql(mutation, { n: 2 ** 60 });

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toBe(
      'Variable "$n" got invalid value 1152921504606847000; Int64 cannot represent 1152921504606847000 exactly: a JSON number ' +
        'above 2^53 - 1 in magnitude has already lost digits. Send the value as a decimal string instead, for example ' +
        '"9223372036854775807".',
    );
    expect(harness.awsCalls()).toEqual([]);
  });

  it('rejects a string outside the 64-bit range', async () => {
    const response = await harness.graphql(mutation, { n: '9223372036854775808' });

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toBe(
      'Variable "$n" got invalid value "9223372036854775808"; Int64 cannot represent 9223372036854775808: it is outside ' +
        'the signed 64-bit range -9223372036854775808 to 9223372036854775807.',
    );
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('rejects a string that is not a decimal integer', async () => {
    const response = await harness.graphql(mutation, { n: '1e3' });

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toContain(
      'Int64 cannot represent "1e3": expected a decimal integer string such as "133801632000000000".',
    );
  });
});

describe('input checks before any AWS call', () => {
  it.each([
    [{ samAccountName: 'john doe' }, 'Invalid value "john doe" for "input.samAccountName": it must contain only ASCII letters, digits, \'_\', \'-\' and \'.\'.'],
    [{ samAccountName: 'josé' }, 'Invalid value "josé" for "input.samAccountName": it must contain only ASCII letters, digits, \'_\', \'-\' and \'.\'.'],
    [{ samAccountName: 'a23456789012345678901' }, 'Invalid value "a23456789012345678901" for "input.samAccountName": it must be at most 20 characters long.'],
    [{ directoryId: 'd-ABCDEF1234' }, 'Invalid value "d-ABCDEF1234" for "input.directoryId": it must be \'d-\' followed by 10 lowercase hexadecimal digits, for example d-1234567890.'],
    [{ givenName: '' }, 'Invalid value "" for "input.givenName": it must not be empty.'],
    [{ clientToken: 'jeton-é' }, 'Invalid value "jeton-é" for "input.clientToken": it must contain only ASCII characters.'],
    [
      { otherAttributes: [{ name: 'extensionAttribute1', value: { S: 'x' } }] },
      'Invalid value "extensionAttribute1" for "input.otherAttributes[0].name": it must start with a letter or \'*\' and contain only letters, \'-\' and \'*\'.',
    ],
    [{ otherAttributes: [{ name: 'title', value: { S: '' } }] }, 'Invalid value "" for "input.otherAttributes[0].value.S": it must not be empty.'],
    [
      { otherAttributes: [{ name: 'title', value: { S: 'a' } }, { name: 'TITLE', value: { S: 'b' } }] },
      'Attribute "TITLE" appears twice in "input.otherAttributes" (also as "title"): names are case-insensitive.',
    ],
    [
      { emailAddress: 'a@corp.example.com', otherAttributes: [{ name: 'mail', value: { S: 'b@corp.example.com' } }] },
      'Attribute "mail" in "input.otherAttributes[0].name" is also set by "emailAddress": set it in one place only.',
    ],
    [{ otherAttributes: [] }, '"input.otherAttributes" is an empty list: omit it, or give 1 to 25 attributes.'],
    [{ givenName: null }, 'updateUser has nothing to change: set at least one of emailAddress, givenName, surname or otherAttributes.'],
  ])('rejects %j with BAD_USER_INPUT', async (input, message) => {
    // Every row starts from a valid input and breaks one thing.
    const response = await harness.graphql(UPDATE_USER, { input: { samAccountName: 'jdoe', givenName: 'Jane', ...input } });

    expect(response.status).toBe(200);
    expect(response.body.errors?.[0]?.message).toBe(message);
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.path).toEqual(['updateUser']);
    expect(harness.awsCalls()).toEqual([]);
  });

  it('counts string lengths in code points, as AWS does', async () => {
    // 64 emoji are 128 UTF-16 units but 64 code points: within the GivenName limit of 64.
    const response = await harness.graphql(UPDATE_USER, {
      input: { samAccountName: 'jdoe', givenName: '\u{1F600}'.repeat(64), updateType: 'REPLACE' },
    });

    expect(response.body.errors).toBeUndefined();
  });

  it('rejects more than 25 attributes', async () => {
    const otherAttributes = Array.from({ length: 26 }, (_, index) => ({
      name: `attr${'x'.repeat(index)}`.replace(/[0-9]/g, ''),
      value: { S: 'v' },
    }));
    const response = await harness.graphql(UPDATE_USER, { input: { samAccountName: 'jdoe', otherAttributes } });

    expect(response.body.errors?.[0]?.message).toBe(
      '"input.otherAttributes" has 26 attributes; AWS accepts at most 25 per call.',
    );
    expect(harness.awsCalls()).toEqual([]);
  });
});
