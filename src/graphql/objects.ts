/**
 * Reading directory objects for resolvers: turning AWS results into the refs the schema
 * resolves, describing an object once per request with every attribute its selection
 * needs, and reading fields that a list summary did not carry.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { CallAbortSignal } from '../ds-data/abort-link.js';
import { checkString } from '../ds-data/constraints.js';
import type { DescribeGroupResult, DescribeUserResult, GroupSummary, Group, Member, User, UserSummary } from '../ds-data/types.js';
import type { GatewayContext } from './context.js';
import { ErrorCode } from './errors.js';
import { GraphQLError } from 'graphql';
import type { ComputerRef, GroupFields, GroupRef, KnownFields, MemberRef, ObjectLocator, UserFields, UserRef } from './model.js';
import type { Describer } from './loaders.js';
import { selectedAttributeNames } from './selection.js';

/**
 * Top-level members each AWS result shape carries, by the documented API. AWS leaves out a
 * member whose value is unset (the CLI examples of DescribeUser omit unset names), so a
 * carried member that is absent is known to be null and needs no describe call.
 */
export const CARRIED_FIELDS = {
  /** `UserSummary` items of ListUsers. */
  userSummary: ['SID', 'SAMAccountName', 'GivenName', 'Surname', 'Enabled'],
  /** `User` items of SearchUsers. */
  user: ['SID', 'SAMAccountName', 'DistinguishedName', 'UserPrincipalName', 'EmailAddress', 'GivenName', 'Surname', 'Enabled'],
  /** DescribeUser output. */
  describedUser: [
    'Realm',
    'SID',
    'SAMAccountName',
    'DistinguishedName',
    'UserPrincipalName',
    'EmailAddress',
    'GivenName',
    'Surname',
    'Enabled',
  ],
  /** `GroupSummary` items of ListGroups and ListGroupsForMember. */
  groupSummary: ['SID', 'SAMAccountName', 'GroupType', 'GroupScope'],
  /** `Group` items of SearchGroups. */
  group: ['SID', 'SAMAccountName', 'DistinguishedName', 'GroupType', 'GroupScope'],
  /** DescribeGroup output. */
  describedGroup: ['Realm', 'SID', 'SAMAccountName', 'DistinguishedName', 'GroupType', 'GroupScope'],
  /** `Member` items of ListGroupMembers, for users and groups alike. */
  member: ['SID', 'SAMAccountName'],
} as const satisfies Record<string, ReadonlyArray<keyof UserFields | keyof GroupFields>>;

/** Keeps what AWS sent and marks each carried member that it left out as null. */
function knownFields<Fields extends object>(fields: object, carried: readonly string[]): KnownFields<Fields> {
  const known: Record<string, unknown> = {};
  const source = fields as Record<string, unknown>;
  for (const name in source) {
    const value = source[name];
    if (value !== undefined && name !== 'OtherAttributes' && name !== 'DirectoryId' && name !== '$metadata') {
      known[name] = value;
    }
  }
  for (const name of carried) {
    known[name] ??= null;
  }
  return known as KnownFields<Fields>;
}

/**
 * Makes the ref of a user from what an AWS result returned. `carried` names the members
 * that result's shape always carries (see `CARRIED_FIELDS`); other missing fields stay unknown.
 */
export function userRef(
  locator: ObjectLocator,
  fields: Partial<UserFields> | UserSummary | User,
  carried: ReadonlyArray<keyof UserFields> = [],
): UserRef {
  const { directoryId, realm, samAccountName } = locator;
  return { kind: 'User', directoryId, realm, samAccountName, known: knownFields<UserFields>(fields, carried) };
}

/** Makes the ref of a group from what an AWS result returned; see `userRef`. */
export function groupRef(
  locator: ObjectLocator,
  fields: Partial<GroupFields> | GroupSummary | Group,
  carried: ReadonlyArray<keyof GroupFields> = [],
): GroupRef {
  const { directoryId, realm, samAccountName } = locator;
  return { kind: 'Group', directoryId, realm, samAccountName, known: knownFields<GroupFields>(fields, carried) };
}

/**
 * Turns a `ListGroupMembers` row into the ref of a user, group or computer. `echoedRealm`
 * is the `MemberRealm` the call returned, which every member of the page belongs to.
 */
export function memberRef(
  directoryId: string,
  realm: string | undefined,
  member: Member,
  echoedRealm?: string,
): MemberRef {
  const locator = { directoryId, realm, samAccountName: member.SAMAccountName ?? '' };
  const fields = { SID: member.SID, SAMAccountName: member.SAMAccountName, Realm: echoedRealm };
  switch (member.MemberType) {
    case 'GROUP':
      return groupRef(locator, fields, CARRIED_FIELDS.member);
    case 'COMPUTER':
      return { kind: 'Computer', ...locator, realm: realm ?? echoedRealm, sid: member.SID ?? '' } satisfies ComputerRef;
    default:
      return userRef(locator, fields, CARRIED_FIELDS.member);
  }
}

/** Attribute names from the selection that AWS would accept, so one bad name cannot fail the whole object. */
function lookaheadNames(info: GraphQLResolveInfo): string[] {
  const names = selectedAttributeNames(info);
  if (names.length === 0) {
    return names;
  }
  return names.filter((name) => checkString('LdapDisplayName', name) === undefined).slice(0, 100);
}

const READ_BACK_DELAYS_MS = [100, 250, 500, 1000];

function sleep(ms: number, signal: CallAbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface DescribeOptions {
  /**
   * Right after a write, a read may briefly miss the object while domain controllers
   * replicate. With this set, a missing object is read again a few times (about 2 s in all).
   */
  readonly tolerateReplicationLag?: boolean;
}

/** Describes an object, reading it again a few times when `options` tolerates replication lag. */
function describeObject<Result extends DescribeUserResult | DescribeGroupResult>(
  context: GatewayContext,
  describer: Describer<Result>,
  locator: ObjectLocator,
  names: readonly string[],
  options: DescribeOptions,
): Promise<Result | null> {
  return options.tolerateReplicationLag
    ? describeUntilReplicated(context, describer, locator, names)
    : loadWithLookahead(describer, locator, names);
}

async function describeUntilReplicated<Result extends DescribeUserResult | DescribeGroupResult>(
  context: GatewayContext,
  describer: Describer<Result>,
  locator: ObjectLocator,
  names: readonly string[],
): Promise<Result | null> {
  let result = await loadWithLookahead(describer, locator, names);
  for (const delay of READ_BACK_DELAYS_MS) {
    if (result) {
      break;
    }
    await sleep(delay, context.signal);
    describer.clear(locator);
    result = await loadWithLookahead(describer, locator, names);
  }
  return result;
}

/**
 * Describes an object with the look-ahead attribute names. When AWS rejects the request as
 * invalid (a name it does not support, say), describes it again without them, so the error
 * reaches only the `attributes` field that asked for the name and the object still resolves.
 */
function loadWithLookahead<Result extends DescribeUserResult | DescribeGroupResult>(
  describer: Describer<Result>,
  locator: ObjectLocator,
  names: readonly string[],
): Promise<Result | null> {
  return names.length === 0 ? describer.load(locator) : loadOrRetryWithout(describer, locator, names);
}

async function loadOrRetryWithout<Result extends DescribeUserResult | DescribeGroupResult>(
  describer: Describer<Result>,
  locator: ObjectLocator,
  names: readonly string[],
): Promise<Result | null> {
  try {
    return await describer.load(locator, names);
  } catch (error) {
    if ((error as GraphQLError).extensions?.code !== ErrorCode.BAD_USER_INPUT) {
      throw error;
    }
    describer.clear(locator);
    return describer.load(locator);
  }
}

/** Describes a user with every attribute the selection requests; resolves null when it does not exist. */
export async function describeUserRef(
  context: GatewayContext,
  locator: ObjectLocator,
  info: GraphQLResolveInfo,
  options: DescribeOptions = {},
): Promise<UserRef | null> {
  const result = await describeObject(context, context.loaders.users, locator, lookaheadNames(info), options);
  return result ? userRef(locator, result, CARRIED_FIELDS.describedUser) : null;
}

/** Describes a group with every attribute the selection requests; resolves null when it does not exist. */
export async function describeGroupRef(
  context: GatewayContext,
  locator: ObjectLocator,
  info: GraphQLResolveInfo,
  options: DescribeOptions = {},
): Promise<GroupRef | null> {
  const result = await describeObject(context, context.loaders.groups, locator, lookaheadNames(info), options);
  return result ? groupRef(locator, result, CARRIED_FIELDS.describedGroup) : null;
}

function vanished(kind: string, locator: ObjectLocator): GraphQLError {
  return new GraphQLError(
    `${kind} "${locator.samAccountName}" was listed but no longer exists in directory ${locator.directoryId}.`,
    { extensions: { code: ErrorCode.NOT_FOUND } },
  );
}

/**
 * A field value now or later. Field reads return known values synchronously: graphql-js
 * completes a plain value without the promise and microtask that an async resolver costs.
 */
export type ValueOrPromise<T> = T | Promise<T>;

/** Reads one field of a user: from what a list already returned, else from one shared describe. */
export function userField<Key extends keyof UserFields>(
  context: GatewayContext,
  ref: UserRef,
  key: Key,
): ValueOrPromise<NonNullable<UserFields[Key]> | null> {
  const known = ref.known[key];
  if (known !== undefined) {
    return known ?? null;
  }
  return describedField(context.loaders.users, 'User', ref, key);
}

/** Reads one field of a group: from what a list already returned, else from one shared describe. */
export function groupField<Key extends keyof GroupFields>(
  context: GatewayContext,
  ref: GroupRef,
  key: Key,
): ValueOrPromise<NonNullable<GroupFields[Key]> | null> {
  const known = ref.known[key];
  if (known !== undefined) {
    return known ?? null;
  }
  return describedField(context.loaders.groups, 'Group', ref, key);
}

async function describedField<Result extends DescribeUserResult | DescribeGroupResult, Key extends keyof Result>(
  describer: Describer<Result>,
  kind: 'User' | 'Group',
  ref: ObjectLocator,
  key: Key,
): Promise<NonNullable<Result[Key]> | null> {
  const described = await describer.load(ref);
  if (!described) {
    throw vanished(kind, ref);
  }
  return described[key] ?? null;
}
