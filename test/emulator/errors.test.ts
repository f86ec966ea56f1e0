/**
 * Each modeled error of DS Data with a condition that produces it, checked on the wire:
 * status, `X-Amzn-ErrorType`, `x-amzn-RequestId`, `Message` and `Reason`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ERROR_SHAPES } from '../../src/ds-data/error-names.js';
import type { OperationName } from '../../src/ds-data/operations.js';
import { demoSeed, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { callOperation, type WireResponse } from './support/signed-request.js';

const DIRECTORY_ID = 'd-1234567890';
const DISABLED_DIRECTORY_ID = 'd-0000000001';

let emulator: RunningEmulator;

beforeAll(async () => {
  const seed = demoSeed();
  emulator = await startEmulator({
    seed: {
      directories: [
        ...seed.directories,
        { directoryId: DISABLED_DIRECTORY_ID, realm: 'off.example.com', dataAccess: 'Disabled' },
      ],
    },
    quota: { readsPerSecond: 1000, writesPerSecond: 1000 },
    logger: false,
  });
});

afterAll(async () => {
  await emulator.close();
});

interface ErrorCase {
  readonly condition: string;
  readonly operation: OperationName;
  readonly input: Record<string, unknown>;
  readonly before?: () => void | Promise<unknown>;
  readonly errorName: keyof typeof ERROR_SHAPES;
  readonly reason?: string;
  readonly message?: string | RegExp;
}

const CASES: readonly ErrorCase[] = [
  {
    condition: 'unknown directory id',
    operation: 'ListUsers',
    input: { DirectoryId: 'd-1111111111' },
    errorName: 'AccessDeniedException',
    message: /^You are not authorized to access directory d-1111111111/,
  },
  {
    condition: 'directory without data access',
    operation: 'ListUsers',
    input: { DirectoryId: DISABLED_DIRECTORY_ID },
    errorName: 'AccessDeniedException',
    reason: 'DATA_DISABLED',
    message: 'DS Data feature is not enabled for this directory.',
  },
  {
    condition: 'write outside the customer OU',
    operation: 'DeleteUser',
    input: { DirectoryId: DIRECTORY_ID, SAMAccountName: 'krbtgt' },
    errorName: 'AccessDeniedException',
    reason: 'DIRECTORY_AUTH',
  },
  {
    condition: 'membership change of a built-in group',
    operation: 'AddGroupMember',
    input: { DirectoryId: DIRECTORY_ID, GroupName: 'Domain Admins', MemberName: 'jdoe' },
    errorName: 'AccessDeniedException',
    reason: 'DIRECTORY_AUTH',
  },
  {
    condition: 'duplicate group',
    operation: 'CreateGroup',
    input: { DirectoryId: DIRECTORY_ID, SAMAccountName: 'ENGINEERING' },
    errorName: 'ConflictException',
    message: "An object named 'Engineering' already exists in corp.example.com; account names are unique across users, groups and computers.",
  },
  {
    condition: 'member already in the group',
    operation: 'AddGroupMember',
    input: { DirectoryId: DIRECTORY_ID, GroupName: 'Engineering', MemberName: 'JDOE' },
    errorName: 'ConflictException',
    message: "'jdoe' of corp.example.com is already a member of group 'Engineering'.",
  },
  {
    condition: 'ClientToken reused with other parameters',
    operation: 'CreateGroup',
    input: { DirectoryId: DIRECTORY_ID, SAMAccountName: 'token-group-b', ClientToken: 'errors-token-1' },
    before: () => callOperation(emulator.url, 'CreateGroup', { DirectoryId: DIRECTORY_ID, SAMAccountName: 'token-group-a', ClientToken: 'errors-token-1' }),
    errorName: 'ConflictException',
    message: 'ClientToken was already used with different parameters within the last 8 hours. Send a new token for a new request.',
  },
  {
    condition: 'directory timeout (injected)',
    operation: 'ListUsers',
    input: { DirectoryId: DIRECTORY_ID },
    before: () => emulator.setFaults({ next: ['unavailable'] }),
    errorName: 'DirectoryUnavailableException',
    reason: 'DIRECTORY_TIMEOUT',
  },
  {
    condition: 'internal failure (injected)',
    operation: 'ListUsers',
    input: { DirectoryId: DIRECTORY_ID },
    before: () => emulator.setFaults({ next: ['internalError'] }),
    errorName: 'InternalServerException',
  },
  {
    condition: 'missing group',
    operation: 'DescribeGroup',
    input: { DirectoryId: DIRECTORY_ID, SAMAccountName: 'No Such Group' },
    errorName: 'ResourceNotFoundException',
    message: "Group 'No Such Group' was not found in realm corp.example.com.",
  },
  {
    condition: 'missing member',
    operation: 'AddGroupMember',
    input: { DirectoryId: DIRECTORY_ID, GroupName: 'Engineering', MemberName: 'ghost' },
    errorName: 'ResourceNotFoundException',
    message: "Member 'ghost' was not found in realm corp.example.com.",
  },
  {
    condition: 'removing a non-member',
    operation: 'RemoveGroupMember',
    input: { DirectoryId: DIRECTORY_ID, GroupName: 'Engineering', MemberName: 'cwilson' },
    errorName: 'ResourceNotFoundException',
    message: "'cwilson' of corp.example.com is not a member of group 'Engineering'.",
  },
  {
    condition: 'throttling (injected)',
    operation: 'ListUsers',
    input: { DirectoryId: DIRECTORY_ID },
    before: () => emulator.setFaults({ next: ['throttle'] }),
    errorName: 'ThrottlingException',
  },
  {
    condition: 'constraint violation',
    operation: 'ListUsers',
    input: { DirectoryId: DIRECTORY_ID, MaxResults: 0 },
    errorName: 'ValidationException',
    message: '1 validation error detected: the value 0 of MaxResults must be between 1 and 250.',
  },
];

describe('modeled errors', () => {
  for (const testCase of CASES) {
    it(`${testCase.errorName} for ${testCase.condition}`, async () => {
      await testCase.before?.();

      const response: WireResponse = await callOperation(emulator.url, testCase.operation, testCase.input);
      emulator.setFaults({});

      expect(response.status).toBe(ERROR_SHAPES[testCase.errorName].status);
      expect(response.headers.get('x-amzn-errortype')).toBe(testCase.errorName);
      expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body.Reason).toBe(testCase.reason);
      expect(typeof response.body.Message).toBe('string');
      if (typeof testCase.message === 'string') {
        expect(response.body.Message).toBe(testCase.message);
      } else if (testCase.message) {
        expect(response.body.Message).toMatch(testCase.message);
      }
    });
  }

  it('covers every modeled error', () => {
    const covered = new Set(CASES.map((testCase) => testCase.errorName));

    expect([...covered].sort()).toEqual(Object.keys(ERROR_SHAPES).sort());
  });

  it('sends Retry-After with ThrottlingException', async () => {
    emulator.setFaults({ next: ['throttle'] });

    const response = await callOperation(emulator.url, 'ListUsers', { DirectoryId: DIRECTORY_ID });

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
  });
});
