import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';

import { formatIsoTime, isRedactedKey, REDACTED, REDACTED_KEYS, redactSensitive, serializeError } from '../src/logging.js';
import { captureLogger } from './support/capture-logger.js';

/** Sensitive members of the DS Data model (AWS spelling) and their GraphQL spelling. */
const SENSITIVE_MEMBERS = [
  ['GivenName', 'givenName'],
  ['Surname', 'surname'],
  ['EmailAddress', 'emailAddress'],
  ['DistinguishedName', 'distinguishedName'],
  ['UserPrincipalName', 'userPrincipalName'],
  ['NextToken', 'nextToken'],
  ['SearchString', 'searchString'],
  ['OtherAttributes', 'otherAttributes'],
] as const;

describe('REDACTED_KEYS', () => {
  it.each(SENSITIVE_MEMBERS)('covers %s and %s', (awsName, graphqlName) => {
    expect(isRedactedKey(awsName)).toBe(true);
    expect(isRedactedKey(graphqlName)).toBe(true);
  });

  it.each(['S', 'N', 'BOOL', 'SS'])('covers the attribute value member %s', (member) => {
    expect(isRedactedKey(member)).toBe(true);
  });

  it.each(['Authorization', 'cookie', 'x-amz-security-token', 'secretAccessKey', 'sessionToken', 'dbPassword', 'oidcClientSecret'])(
    'covers the secret %s',
    (name) => {
      expect(isRedactedKey(name)).toBe(true);
    },
  );

  it.each(['SAMAccountName', 'DirectoryId', 'ClientToken', 'SID', 'requestId', 'operation'])('keeps the non-sensitive %s', (name) => {
    expect(isRedactedKey(name)).toBe(false);
  });

  it('lists unique names', () => {
    const lower = REDACTED_KEYS.map((key) => key.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });
});

describe('redactSensitive', () => {
  it('redacts at any depth and keeps the rest', () => {
    const input = {
      DirectoryId: 'd-1234567890',
      request: { Users: [{ SAMAccountName: 'jdoe', GivenName: 'canary-given', OtherAttributes: { title: { S: 'canary-title' } } }] },
    };
    expect(redactSensitive(input)).toEqual({
      DirectoryId: 'd-1234567890',
      request: { Users: [{ SAMAccountName: 'jdoe', GivenName: REDACTED, OtherAttributes: REDACTED }] },
    });
  });

  it('leaves the input unchanged', () => {
    const input = { NextToken: 'canary-token' };
    redactSensitive(input);
    expect(input.NextToken).toBe('canary-token');
  });

  it('replaces cycles', () => {
    const input: Record<string, unknown> = { name: 'loop' };
    input.self = input;
    expect(redactSensitive(input)).toEqual({ name: 'loop', self: REDACTED });
  });
});

describe('serializeError', () => {
  it('withholds AWS exception messages and bodies', () => {
    const error = Object.assign(new Error('Value canary-value for GivenName is invalid'), {
      name: 'ValidationException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, requestId: 'req-1', attempts: 1 },
      $response: { body: 'canary-body' },
      Reason: 'INVALID_ATTRIBUTE_VALUE',
    });
    const serialized = serializeError(error);

    expect(serialized.name).toBe('ValidationException');
    expect(serialized.awsRequestId).toBe('req-1');
    expect(serialized.httpStatusCode).toBe(400);
    expect(serialized.$fault).toBe('client');
    expect(JSON.stringify(serialized)).not.toContain('canary');
  });

  it('cuts values echoed by graphql-js coercion', () => {
    const error = new GraphQLError('Variable "$input" got invalid value "canary-secret"; Expected type "Int".');
    expect(serializeError(error).message).toBe(`Variable "$input" got invalid value ${REDACTED}; Expected type "Int".`);
  });

  it('keeps plain messages and causes', () => {
    const error = new Error('Connection refused', { cause: new Error('socket closed') });
    const serialized = serializeError(error);
    expect(serialized.message).toBe('Connection refused');
    expect((serialized.cause as Record<string, unknown>).message).toBe('socket closed');
  });
});

describe('createLogger', () => {
  it('writes no sensitive value at any depth', () => {
    const { logger, lines } = captureLogger('debug');
    logger.info(
      {
        headers: { authorization: 'Bearer canary-jwt', cookie: 'sid=canary-cookie' },
        input: { SearchString: 'canary-search', NextToken: 'canary-next', EmailAddress: 'canary@example.com' },
        variables: { input: { givenName: 'canary-variable' } },
        awsCredentials: { accessKeyId: 'test', secretAccessKey: 'canary-secret' },
      },
      'request received',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('canary');
  });

  it('redacts child bindings', () => {
    const { logger, lines } = captureLogger('debug');
    logger.child({ token: 'canary-binding' }).info('child line');
    logger.child({ requestId: 'r-1' }).child({ input: { Surname: 'canary-grandchild' } }).info('grandchild line');
    expect(lines[0]).not.toContain('canary');
    expect(lines[1]).not.toContain('canary');
    expect(lines[1]).toContain('"requestId":"r-1"');
    expect(lines[0]).toContain('child line');
  });

  it('logs requests without the query string', () => {
    const { logger, records } = captureLogger('debug');
    logger.info({ req: { method: 'GET', url: '/graphql?query=canary-query', ip: '127.0.0.1' } }, 'incoming request');
    expect(records()[0]?.req).toEqual({ method: 'GET', path: '/graphql', remoteAddress: '127.0.0.1' });
  });

  it('does not use an AWS message as the log message', () => {
    const { logger, lines, records } = captureLogger('debug');
    const error = Object.assign(new Error('canary-message'), { $fault: 'server', $metadata: { requestId: 'req-2' } });
    logger.error(error);
    logger.error({ err: error });
    expect(lines.join('\n')).not.toContain('canary');
    expect(records()[0]?.msg).toBe('Error raised');
    expect((records()[1]?.err as Record<string, unknown>).awsRequestId).toBe('req-2');
  });
});

describe('formatIsoTime', () => {
  it.each([0, 7, 42, 999, 1_000, 1_733_349_061_042, 1_733_349_061_999, 1_733_349_062_000, 4_102_444_799_999])(
    'formats %d ms as toISOString does',
    (epochMs) => {
      expect(formatIsoTime(epochMs)).toBe(new Date(epochMs).toISOString());
    },
  );

  it('stays right when time goes back to an earlier second', () => {
    formatIsoTime(1_733_349_062_500);
    expect(formatIsoTime(1_733_349_061_005)).toBe('2024-12-04T21:51:01.005Z');
  });
});

describe('createLogger on standard output', () => {
  /** Runs a script with tsx in a child Node.js process at the repository root. Returns its growing stdout and its exit. */
  function runScript(source: string) {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', source], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, stdout: () => stdout, exit };
  }

  it('writes a lone line within a second', async () => {
    // The process would stay up for 20 s, and the line must not wait for its exit.
    const script = runScript(
      "const { createLogger } = await import('./src/logging.ts'); createLogger().info('a lone line'); setTimeout(() => {}, 20000);",
    );
    try {
      while (!script.stdout().includes('"msg":"a lone line"')) {
        expect(script.child.exitCode).toBeNull();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(script.child.exitCode).toBeNull();
    } finally {
      script.child.kill('SIGKILL');
    }
  }, 15_000);

  it('writes buffered lines at exit', async () => {
    const script = runScript(
      "const { createLogger } = await import('./src/logging.ts'); const logger = createLogger(); for (let i = 0; i < 3; i += 1) logger.info({ line: i }, 'before exit'); process.exit(0);",
    );

    expect(await script.exit).toBe(0);
    const lines = script.stdout().trim().split('\n').map((line) => JSON.parse(line) as { line: number; msg: string });
    expect(lines.map((line) => [line.line, line.msg])).toEqual([
      [0, 'before exit'],
      [1, 'before exit'],
      [2, 'before exit'],
    ]);
  }, 15_000);
});
