import { describe, expect, it } from 'vitest';

import { parseSchedulerConfig, SCHEDULER_CONFIG_VARIABLES, SchedulerConfigError } from '../../src/config/scheduler.js';
import { UNSCHEDULED } from '../../src/ds-data/call-scheduler.js';
import { createCallScheduler, QuotaScheduler } from '../../src/ds-data/scheduler.js';

function issuesOf(env: Record<string, string>): string[] {
  try {
    parseSchedulerConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(SchedulerConfigError);
    return (error as SchedulerConfigError).issues;
  }
  throw new Error('parseSchedulerConfig accepted an invalid environment');
}

describe('parseSchedulerConfig', () => {
  it('defaults to the Standard edition quota', () => {
    expect(parseSchedulerConfig({})).toEqual({
      enabled: true,
      edition: 'standard',
      directories: {},
      accountRequestsPerSecond: 100,
      windowMs: 1000,
    });
  });

  it('reads every variable', () => {
    const config = parseSchedulerConfig({
      DS_DATA_QUOTA_SCHEDULER: 'off',
      DS_DATA_EDITION: 'Enterprise',
      DS_DATA_QUOTA_OVERRIDES: 'd-1234567890:reads=4,writes=2 ; d-abcdef0123:concurrent=3;',
      DS_DATA_ACCOUNT_RPS: '50',
      DS_DATA_QUOTA_WINDOW_MS: '1000',
    });

    expect(config).toEqual({
      enabled: false,
      edition: 'enterprise',
      directories: {
        'd-1234567890': { readsPerSecond: 4, writesPerSecond: 2 },
        'd-abcdef0123': { maxConcurrent: 3 },
      },
      accountRequestsPerSecond: 50,
      windowMs: 1000,
    });
  });

  it('treats blank variables as unset', () => {
    expect(parseSchedulerConfig({ DS_DATA_EDITION: ' ', DS_DATA_QUOTA_OVERRIDES: '' }).edition).toBe('standard');
  });

  it.each([
    [{ DS_DATA_QUOTA_SCHEDULER: 'maybe' }, 'DS_DATA_QUOTA_SCHEDULER is invalid: "maybe" is not on or off. Use on or off.'],
    [{ DS_DATA_EDITION: 'premium' }, 'DS_DATA_EDITION is invalid: "premium" is not an edition. Use standard or enterprise.'],
    [{ DS_DATA_ACCOUNT_RPS: '0' }, 'DS_DATA_ACCOUNT_RPS is invalid: "0" is not a whole number from 1 to 10000.'],
    [{ DS_DATA_QUOTA_WINDOW_MS: '500' }, 'DS_DATA_QUOTA_WINDOW_MS is invalid: "500" is not a whole number from 1000 to 10000.'],
    [
      { DS_DATA_QUOTA_OVERRIDES: 'd-XYZ:reads=4' },
      "DS_DATA_QUOTA_OVERRIDES is invalid: \"d-XYZ\" is not a directory id. Use 'd-' followed by 10 lowercase hexadecimal digits, for example d-1234567890:reads=4.",
    ],
    [
      { DS_DATA_QUOTA_OVERRIDES: 'd-1234567890' },
      'DS_DATA_QUOTA_OVERRIDES is invalid: "d-1234567890" sets no limit. Add key=value pairs after the colon, for example d-1234567890:reads=4,writes=2.',
    ],
    [
      { DS_DATA_QUOTA_OVERRIDES: 'd-1234567890:rps=4' },
      'DS_DATA_QUOTA_OVERRIDES is invalid: "rps=4" for d-1234567890 is not a known limit. Use reads=N, writes=N or concurrent=N.',
    ],
    [
      { DS_DATA_QUOTA_OVERRIDES: 'd-1234567890:reads=1.5' },
      'DS_DATA_QUOTA_OVERRIDES is invalid: reads for d-1234567890 is "1.5", not a whole number from 1 to 10000.',
    ],
    [
      { DS_DATA_QUOTA_OVERRIDES: 'd-1234567890:reads=0' },
      'DS_DATA_QUOTA_OVERRIDES is invalid: reads for d-1234567890 is "0", not a whole number from 1 to 10000.',
    ],
    [
      { DS_DATA_QUOTA_OVERRIDES: 'd-1234567890:reads=4;d-1234567890:writes=2' },
      'DS_DATA_QUOTA_OVERRIDES is invalid: directory d-1234567890 appears twice. Put all its limits in one entry.',
    ],
  ])('rejects %j', (env, message) => {
    expect(issuesOf(env)).toEqual([message]);
  });

  it('lists every invalid variable in one error', () => {
    expect(() => parseSchedulerConfig({ DS_DATA_EDITION: 'x', DS_DATA_ACCOUNT_RPS: 'many' })).toThrow(
      'Invalid quota scheduler configuration:\n' +
        '- DS_DATA_EDITION is invalid: "x" is not an edition. Use standard or enterprise.\n' +
        '- DS_DATA_ACCOUNT_RPS is invalid: "many" is not a whole number from 1 to 10000.',
    );
  });

  it('documents every variable it reads', () => {
    expect(SCHEDULER_CONFIG_VARIABLES.map((variable) => variable.name)).toEqual([
      'DS_DATA_QUOTA_SCHEDULER',
      'DS_DATA_EDITION',
      'DS_DATA_QUOTA_OVERRIDES',
      'DS_DATA_ACCOUNT_RPS',
      'DS_DATA_QUOTA_WINDOW_MS',
    ]);
  });
});

describe('createCallScheduler', () => {
  it('builds a quota scheduler from the settings', () => {
    const scheduler = createCallScheduler(parseSchedulerConfig({ DS_DATA_QUOTA_OVERRIDES: 'd-1234567890:reads=2' }));

    expect(scheduler).toBeInstanceOf(QuotaScheduler);
    expect((scheduler as QuotaScheduler).quotaFor('d-1234567890')).toEqual({ readsPerSecond: 2, writesPerSecond: 4, maxConcurrent: 10 });
  });

  it('returns the pass-through scheduler when off', () => {
    expect(createCallScheduler(parseSchedulerConfig({ DS_DATA_QUOTA_SCHEDULER: 'off' }))).toBe(UNSCHEDULED);
  });
});
