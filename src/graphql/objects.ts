/**
 * Reading directory objects for resolvers: turning AWS results into the refs the schema
 * resolves, describing an object once per request with every attribute its selection
 * needs, and reading fields that a list summary did not carry.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { checkString } from '../ds-data/constraints.js';
import type { DescribeGroupResult, DescribeUserResult, GroupSummary, Group, Member, User, UserSummary } from '../ds-data/types.js';
import type { GatewayContext } from './context.js';
import { ErrorCode } from './errors.js';
import { GraphQLError } from 'graphql';
import type { ComputerRef, GroupFields, GroupRef, MemberRef, ObjectLocator, UserFields, UserRef } from './model.js';
import { selectedAttributeNames } from './selection.js';

/** Drops undefined members, so that `known` holds only what AWS actually sent. */
function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export function userRef(locator: ObjectLocator, fields: Partial<UserFields> | UserSummary | User): UserRef {
  const { OtherAttributes: _ignored, ...rest } = fields as User;
  return { kind: 'User', ...locator, known: definedOnly(rest) };
}

export function groupRef(locator: ObjectLocator, fields: Partial<GroupFields> | GroupSummary | Group): GroupRef {
  const { OtherAttributes: _ignored, ...rest } = fields as Group;
  return { kind: 'Group', ...locator, known: definedOnly(rest) };
}

/** Turns a `ListGroupMembers` row into the ref of a user, group or computer. */
export function memberRef(directoryId: string, realm: string | undefined, member: Member): MemberRef {
  const locator = { directoryId, realm, samAccountName: member.SAMAccountName ?? '' };
  switch (member.MemberType) {
    case 'GROUP':
      return groupRef(locator, { SID: member.SID, SAMAccountName: member.SAMAccountName });
    case 'COMPUTER':
      return { kind: 'Computer', ...locator, sid: member.SID ?? '' } satisfies ComputerRef;
    default:
      return userRef(locator, { SID: member.SID, SAMAccountName: member.SAMAccountName });
  }
}

/** Attribute names from the selection that AWS would accept, so one bad name cannot fail the whole object. */
function lookaheadNames(info: GraphQLResolveInfo): string[] {
  return selectedAttributeNames(info)
    .filter((name) => checkString('LdapDisplayName', name) === undefined)
    .slice(0, 100);
}

const READ_BACK_DELAYS_MS = [100, 250, 500, 1000];

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

export interface DescribeOptions {
  /**
   * Right after a write, a read may briefly miss the object while domain controllers
   * replicate. With this set, a missing object is read again a few times (about 2 s in all).
   */
  readonly tolerateReplicationLag?: boolean;
}

async function describeWithLag<Result>(
  context: GatewayContext,
  load: () => Promise<Result | null>,
  clear: () => void,
  options: DescribeOptions,
): Promise<Result | null> {
  let result = await load();
  if (!options.tolerateReplicationLag) {
    return result;
  }
  for (const delay of READ_BACK_DELAYS_MS) {
    if (result) {
      break;
    }
    await sleep(delay, context.signal);
    clear();
    result = await load();
  }
  return result;
}

/** Describes a user with every attribute the selection asks for; null when it does not exist. */
export async function describeUserRef(
  context: GatewayContext,
  locator: ObjectLocator,
  info: GraphQLResolveInfo,
  options: DescribeOptions = {},
): Promise<UserRef | null> {
  const names = lookaheadNames(info);
  const result = await describeWithLag(
    context,
    () => context.loaders.users.load(locator, names),
    () => context.loaders.users.clear(locator),
    options,
  );
  return result ? userRef(resultLocator(locator, result), result) : null;
}

/** Describes a group with every attribute the selection asks for; null when it does not exist. */
export async function describeGroupRef(
  context: GatewayContext,
  locator: ObjectLocator,
  info: GraphQLResolveInfo,
  options: DescribeOptions = {},
): Promise<GroupRef | null> {
  const names = lookaheadNames(info);
  const result = await describeWithLag(
    context,
    () => context.loaders.groups.load(locator, names),
    () => context.loaders.groups.clear(locator),
    options,
  );
  return result ? groupRef(resultLocator(locator, result), result) : null;
}

/** Keeps the caller's spelling for lookups but adopts the realm AWS echoed when the caller gave none. */
function resultLocator(locator: ObjectLocator, result: DescribeUserResult | DescribeGroupResult): ObjectLocator {
  return { ...locator, realm: locator.realm ?? result.Realm };
}

function vanished(kind: string, locator: ObjectLocator): GraphQLError {
  return new GraphQLError(
    `${kind} "${locator.samAccountName}" was listed but no longer exists in directory ${locator.directoryId}.`,
    { extensions: { code: ErrorCode.NOT_FOUND } },
  );
}

/** Reads one field of a user: from what a list already returned, else from one shared describe. */
export async function userField<Key extends keyof UserFields>(
  context: GatewayContext,
  ref: UserRef,
  key: Key,
): Promise<NonNullable<UserFields[Key]> | null> {
  if (ref.known[key] !== undefined) {
    return ref.known[key] as NonNullable<UserFields[Key]>;
  }
  const described = await context.loaders.users.load(ref);
  if (!described) {
    throw vanished('User', ref);
  }
  return (described[key] as NonNullable<UserFields[Key]> | undefined) ?? null;
}

/** Reads one field of a group: from what a list already returned, else from one shared describe. */
export async function groupField<Key extends keyof GroupFields>(
  context: GatewayContext,
  ref: GroupRef,
  key: Key,
): Promise<NonNullable<GroupFields[Key]> | null> {
  if (ref.known[key] !== undefined) {
    return ref.known[key] as NonNullable<GroupFields[Key]>;
  }
  const described = await context.loaders.groups.load(ref);
  if (!described) {
    throw vanished('Group', ref);
  }
  return (described[key] as NonNullable<GroupFields[Key]> | undefined) ?? null;
}
