import { ACCOUNT_REQUESTS_PER_SECOND, type DirectoryEdition, type DirectoryQuota } from '../ds-data/quota-limits.js';
import { DEFAULT_WINDOW_MS } from '../ds-data/scheduler.js';
import type { ConfigVariable } from './browser.js';
import { isUnset, readWholeNumber, type ReportIssue } from './variables.js';

/**
 * Settings of the quota scheduler, which queues DS Data calls so that each directory stays
 * inside its documented request quota instead of collecting throttling errors.
 */
export interface SchedulerConfig {
  /** Whether calls are queued by quota; when false every call goes out at once. */
  enabled: boolean;
  /** Edition whose documented quotas apply to directories without an override. */
  edition: DirectoryEdition;
  /** Limits per directory id that replace the edition's figures. */
  directories: Record<string, Partial<DirectoryQuota>>;
  /** Requests per second across all directories of the account. */
  accountRequestsPerSecond: number;
  /** Length of a rate window in ms. */
  windowMs: number;
}

export const SCHEDULER_CONFIG_VARIABLES: readonly ConfigVariable[] = [
  {
    name: 'DS_DATA_QUOTA_SCHEDULER',
    description:
      'Whether DS Data calls wait in a queue for the directory quota (on or off). Turn it off only when something else enforces the quota.',
    defaultValue: 'on',
  },
  {
    name: 'DS_DATA_EDITION',
    description:
      'Edition of the directories, which sets their default quota: standard (8 reads/s, 4 writes/s) or enterprise (16 reads/s, 8 writes/s), both 10 concurrent requests.',
    defaultValue: 'standard',
  },
  {
    name: 'DS_DATA_QUOTA_OVERRIDES',
    description:
      'Per-directory limits that replace the edition defaults, as DIRECTORY_ID:key=value,... separated by ";". Keys: reads and writes (per second), concurrent. Example: d-1234567890:reads=4,writes=2.',
    defaultValue: 'none',
  },
  {
    name: 'DS_DATA_ACCOUNT_RPS',
    description: 'Requests per second that the gateway sends across all directories of the AWS account (1 to 10000).',
    defaultValue: String(ACCOUNT_REQUESTS_PER_SECOND),
  },
  {
    name: 'DS_DATA_QUOTA_WINDOW_MS',
    description:
      'Length in milliseconds of the window that the rates count in (1000 to 10000). A call counts from its start until one window after its response.',
    defaultValue: String(DEFAULT_WINDOW_MS),
  },
];

/** The error for invalid scheduler settings; its message lists every invalid variable. */
export class SchedulerConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid quota scheduler configuration:\n- ${issues.join('\n- ')}`);
    this.name = 'SchedulerConfigError';
  }
}

/**
 * Parses the quota scheduler settings from `env` and throws a `SchedulerConfigError` naming
 * each invalid variable, its value and the fix.
 */
export function parseSchedulerConfig(env: Record<string, string | undefined>): SchedulerConfig {
  const issues: string[] = [];
  const report: ReportIssue = (message) => issues.push(message);

  const config: SchedulerConfig = {
    enabled: readOnOff('DS_DATA_QUOTA_SCHEDULER', env['DS_DATA_QUOTA_SCHEDULER'], true, report),
    edition: readEdition(env['DS_DATA_EDITION'], report),
    directories: readOverrides(env['DS_DATA_QUOTA_OVERRIDES'], report),
    accountRequestsPerSecond: readWholeNumber('DS_DATA_ACCOUNT_RPS', env['DS_DATA_ACCOUNT_RPS'], ACCOUNT_REQUESTS_PER_SECOND, [1, MAX_OVERRIDE], report),
    windowMs: readWholeNumber('DS_DATA_QUOTA_WINDOW_MS', env['DS_DATA_QUOTA_WINDOW_MS'], DEFAULT_WINDOW_MS, [1000, 10_000], report),
  };
  if (issues.length > 0) {
    throw new SchedulerConfigError(issues);
  }
  return config;
}

const DIRECTORY_ID = /^d-[0-9a-f]{10}$/;

const OVERRIDE_KEYS: Readonly<Record<string, keyof DirectoryQuota>> = {
  reads: 'readsPerSecond',
  writes: 'writesPerSecond',
  concurrent: 'maxConcurrent',
};

/** Upper bound of an override, far above any documented quota, so that a slip of several digits is caught. */
const MAX_OVERRIDE = 10_000;

function readOnOff(name: string, value: string | undefined, defaultValue: boolean, report: ReportIssue): boolean {
  if (isUnset(value)) {
    return defaultValue;
  }
  const normalized = value.trim().toLowerCase();
  if (['on', 'true', '1'].includes(normalized)) {
    return true;
  }
  if (['off', 'false', '0'].includes(normalized)) {
    return false;
  }
  report(`${name} is invalid: "${value}" is not on or off. Use on or off.`);
  return defaultValue;
}

function readEdition(value: string | undefined, report: ReportIssue): DirectoryEdition {
  if (isUnset(value)) {
    return 'standard';
  }
  const normalized = value.trim().toLowerCase();
  if (normalized === 'standard' || normalized === 'enterprise') {
    return normalized;
  }
  report(`DS_DATA_EDITION is invalid: "${value}" is not an edition. Use standard or enterprise.`);
  return 'standard';
}

function readOverrides(value: string | undefined, report: ReportIssue): Record<string, Partial<DirectoryQuota>> {
  const directories: Record<string, Partial<DirectoryQuota>> = {};
  if (isUnset(value)) {
    return directories;
  }

  const fail = (message: string) => report(`DS_DATA_QUOTA_OVERRIDES is invalid: ${message}`);
  for (const entry of value.split(';')) {
    const trimmed = entry.trim();
    if (trimmed === '') {
      continue;
    }

    const separator = trimmed.indexOf(':');
    const directoryId = separator < 0 ? trimmed : trimmed.slice(0, separator).trim();
    if (!DIRECTORY_ID.test(directoryId)) {
      fail(`"${directoryId}" is not a directory id. Use 'd-' followed by 10 lowercase hexadecimal digits, for example d-1234567890:reads=4.`);
      continue;
    }
    if (separator < 0 || trimmed.slice(separator + 1).trim() === '') {
      fail(`"${trimmed}" sets no limit. Add key=value pairs after the colon, for example ${directoryId}:reads=4,writes=2.`);
      continue;
    }
    if (Object.hasOwn(directories, directoryId)) {
      fail(`directory ${directoryId} appears twice. Put all its limits in one entry.`);
      continue;
    }

    const quota: Partial<Record<keyof DirectoryQuota, number>> = {};
    for (const pair of trimmed.slice(separator + 1).split(',')) {
      const [rawKey = '', rawNumber = '', ...rest] = pair.split('=').map((part) => part.trim());
      const field = OVERRIDE_KEYS[rawKey];
      if (field === undefined || rest.length > 0) {
        fail(`"${pair.trim()}" for ${directoryId} is not a known limit. Use reads=N, writes=N or concurrent=N.`);
        continue;
      }
      const number = Number(rawNumber);
      if (!/^\d+$/.test(rawNumber) || number < 1 || number > MAX_OVERRIDE) {
        fail(`${rawKey} for ${directoryId} is "${rawNumber}", not a whole number from 1 to ${MAX_OVERRIDE}.`);
        continue;
      }
      quota[field] = number;
    }
    directories[directoryId] = quota;
  }
  return directories;
}
