import { describe, expect, expectTypeOf, it } from 'vitest';

import * as dsData from '../../src/ds-data/index.js';
import type { AttributeValue, DescribeUserCommandOutput, UpdateUserCommandOutput } from '../../src/ds-data/index.js';
import { OPERATION_NAMES } from '../../src/ds-data/operations.js';

describe('ds-data index', () => {
  it('exports a command for every operation', () => {
    for (const operation of OPERATION_NAMES) {
      const command = (dsData as Record<string, unknown>)[`${operation}Command`];
      expect(typeof command, `${operation}Command`).toBe('function');
      const instance = new (command as new (input: object) => dsData.DirectoryServiceDataCommand<object, never>)({});
      expect(instance.operation).toBe(operation);
    }
  });

  it('exports the six paginators', () => {
    const paginators = Object.keys(dsData).filter((name) => name.startsWith('paginate')).sort();

    expect(paginators).toEqual([
      'paginateListGroupMembers',
      'paginateListGroups',
      'paginateListGroupsForMember',
      'paginateListUsers',
      'paginateSearchGroups',
      'paginateSearchUsers',
    ]);
  });

  it('exports the seven exception classes', () => {
    const names = Object.keys(dsData.EXCEPTION_CLASSES).sort();

    expect(names).toEqual([
      'AccessDeniedException',
      'ConflictException',
      'DirectoryUnavailableException',
      'InternalServerException',
      'ResourceNotFoundException',
      'ThrottlingException',
      'ValidationException',
    ]);
    for (const name of names) {
      expect((dsData as Record<string, unknown>)[name]).toBe(dsData.EXCEPTION_CLASSES[name as keyof typeof dsData.EXCEPTION_CLASSES]);
    }
  });

  // The two type tests below fail in `npx tsc --noEmit`, not at run time.
  it('types N as bigint', () => {
    expectTypeOf<AttributeValue.NMember['N']>().toEqualTypeOf<bigint>();
    // @ts-expect-error A number cannot carry a 64-bit value above 2^53 exactly.
    const rounded: AttributeValue = { N: 5 };
    void rounded;
  });

  it('types outputs with response metadata', () => {
    expectTypeOf<DescribeUserCommandOutput['$metadata']['attempts']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<UpdateUserCommandOutput['$metadata']['httpStatusCode']>().toEqualTypeOf<number | undefined>();
  });
});
