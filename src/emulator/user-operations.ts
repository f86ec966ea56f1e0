/**
 * The user operations: CreateUser, DescribeUser, UpdateUser, DeleteUser, DisableUser,
 * ListUsers and SearchUsers.
 */
import type { AttributeValue, Attributes, UpdateType } from '../ds-data/types.js';
import { findByDistinguishedName, isEnabled, readRequestedAttributes, stringAttribute, userPrincipalName } from './attribute-reads.js';
import { applyWrites, collectWrites, type AttributeWrite } from './attribute-writes.js';
import {
  ACCOUNT_DISABLED,
  DOMAIN_USERS_RID,
  NORMAL_ACCOUNT,
  distinguishedName,
  generalizedTime,
  guidFromSid,
  nameKey,
  type RealmState,
  type StoredAttribute,
  type UserEntry,
} from './directory-state.js';
import {
  findUserOrThrow,
  requireWritable,
  requiredString,
  resolveRealm,
  stringInput,
  type OperationContext,
} from './operation-context.js';
import { omitUndefined, replaceAttributes, touch } from './entry-changes.js';
import { pageRequest } from './paging.js';
import { matchEntries, resolveSearchAttributes } from './search.js';
import { conflict, validationError } from './service-error.js';

/** `accountExpires` of an account that never expires: 2^63 - 1, as AD writes it. */
export const NEVER_EXPIRES = 9_223_372_036_854_775_807n;

/** `sAMAccountType` of a user account (SAM_USER_OBJECT). */
const SAM_USER_OBJECT = 0x30000000n;

function userTopLevelWrites(context: OperationContext) {
  return [
    ['EmailAddress', 'mail', stringInput(context, 'EmailAddress')],
    ['GivenName', 'givenName', stringInput(context, 'GivenName')],
    ['Surname', 'sn', stringInput(context, 'Surname')],
  ] as const;
}

/**
 * Checks that a written `manager` names an existing user, because AD stores DN-syntax
 * attributes as references and rejects a DN that resolves to no object.
 */
function checkManager(realm: RealmState, writes: readonly AttributeWrite[], updateType: UpdateType): void {
  const write = writes.find((candidate) => candidate.definition.ldapName === 'manager');
  const dn = write?.value.S;
  if (!write || dn === undefined || updateType === 'REMOVE') {
    return;
  }
  if (findByDistinguishedName(realm, dn)?.kind !== 'user') {
    // The DN is sensitive, so the message leaves it out.
    throw validationError(
      `${write.source}: the manager must be the distinguished name of an existing user of ${realm.name}, ` +
        'such as CN=jdoe,OU=Users,OU=CORP,DC=corp,DC=example,DC=com. Read it from DescribeUser.',
      'INVALID_ATTRIBUTE_VALUE',
    );
  }
}

export function createUser(context: OperationContext): Record<string, unknown> {
  const { directory, now } = context;
  const realm = directory.managedRealm;
  const name = requiredString(context, 'SAMAccountName');

  const writes = collectWrites(
    'User',
    'create',
    userTopLevelWrites(context),
    context.input.OtherAttributes as Attributes | undefined,
  );
  const existing = realm.find(name);
  if (existing) {
    throw conflict(`An object named '${existing.samAccountName}' already exists in ${realm.name}; account names are unique across users, groups and computers.`);
  }
  checkManager(realm, writes, 'REPLACE');

  const sid = realm.allocateSid();
  const usn = directory.nextUsn();
  const system: Array<[string, AttributeValue]> = [
    // New users start disabled: the API sets no password, and AD keeps such accounts disabled.
    ['userAccountControl', { N: NORMAL_ACCOUNT | ACCOUNT_DISABLED }],
    ['primaryGroupID', { N: DOMAIN_USERS_RID }],
    ['sAMAccountType', { N: SAM_USER_OBJECT }],
    ['accountExpires', { N: NEVER_EXPIRES }],
    ['pwdLastSet', { N: 0n }],
    ['badPwdCount', { N: 0n }],
    ['badPasswordTime', { N: 0n }],
    ['logonCount', { N: 0n }],
    ['lastLogon', { N: 0n }],
    ['lastLogoff', { N: 0n }],
    ['objectGUID', { S: guidFromSid(`${sid}/${now}`) }],
    ['objectClass', { SS: ['top', 'person', 'organizationalPerson', 'user'] }],
    ['uSNCreated', { N: usn }],
    ['uSNChanged', { N: usn }],
    ['whenChanged', { S: generalizedTime(now) }],
  ];
  const attributes = new Map<string, StoredAttribute>(
    system.map(([attributeName, value]) => [attributeName.toLowerCase(), { name: attributeName, value }]),
  );
  const user: UserEntry = {
    kind: 'user',
    samAccountName: name,
    sid,
    parentDn: realm.customerUsersDn,
    attributes: applyWrites(attributes, writes, 'REPLACE'),
  };
  realm.entries.set(nameKey(name), user);

  return { DirectoryId: directory.directoryId, SAMAccountName: user.samAccountName, SID: user.sid };
}

export function describeUser(context: OperationContext): Record<string, unknown> {
  const realm = resolveRealm(context.directory, stringInput(context, 'Realm'));
  const user = findUserOrThrow(realm, requiredString(context, 'SAMAccountName'));
  const otherAttributes = readRequestedAttributes(realm, user, context.input.OtherAttributes as string[] | undefined);
  return {
    DirectoryId: context.directory.directoryId,
    Realm: realm.name,
    ...fullUser(realm, user),
    ...(otherAttributes ? { OtherAttributes: otherAttributes } : {}),
  };
}

export function updateUser(context: OperationContext): Record<string, unknown> {
  const { directory, now } = context;
  const realm = directory.managedRealm;
  const user = findUserOrThrow(realm, requiredString(context, 'SAMAccountName'));
  const writes = collectWrites(
    'User',
    'update',
    userTopLevelWrites(context),
    context.input.OtherAttributes as Attributes | undefined,
  );
  if (writes.length === 0) {
    return {};
  }
  requireWritable(realm, user, 'update');

  // NOTE: the model gives UpdateType no default; a request without it replaces values.
  const updateType = (stringInput(context, 'UpdateType') ?? 'REPLACE') as UpdateType;
  checkManager(realm, writes, updateType);
  const updated = applyWrites(user.attributes, writes, updateType);
  replaceAttributes(user.attributes, updated);
  touch(user.attributes, directory.nextUsn(), now);
  return {};
}

export function deleteUser(context: OperationContext): Record<string, unknown> {
  const realm = context.directory.managedRealm;
  const user = findUserOrThrow(realm, requiredString(context, 'SAMAccountName'));
  requireWritable(realm, user, 'delete');
  realm.entries.delete(nameKey(user.samAccountName));
  context.directory.forgetEntry(realm, user);
  return {};
}

export function disableUser(context: OperationContext): Record<string, unknown> {
  const realm = context.directory.managedRealm;
  const user = findUserOrThrow(realm, requiredString(context, 'SAMAccountName'));
  requireWritable(realm, user, 'disable');

  // Disabling a disabled account succeeds without a change, as setting the flag again does in AD.
  const flags = user.attributes.get('useraccountcontrol')?.value.N ?? NORMAL_ACCOUNT;
  if ((flags & ACCOUNT_DISABLED) === 0n) {
    user.attributes.set('useraccountcontrol', { name: 'userAccountControl', value: { N: flags | ACCOUNT_DISABLED } });
    touch(user.attributes, context.directory.nextUsn(), context.now);
  }
  return {};
}

export function listUsers(context: OperationContext): Record<string, unknown> {
  const realm = resolveRealm(context.directory, stringInput(context, 'Realm'));
  const page = pageRequest(context, realm.sorted('user'), { Realm: realm.name });
  return {
    DirectoryId: context.directory.directoryId,
    Realm: realm.name,
    Users: page.items.map((user) => userSummary(user)),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

export function searchUsers(context: OperationContext): Record<string, unknown> {
  const realm = resolveRealm(context.directory, stringInput(context, 'Realm'));
  const searchString = requiredString(context, 'SearchString');
  const attributes = resolveSearchAttributes('User', context.input.SearchAttributes as string[]);
  const matches = matchEntries(realm, realm.sorted('user'), attributes, searchString);
  const page = pageRequest(context, matches, {
    Realm: realm.name,
    SearchString: searchString,
    SearchAttributes: attributes.map((definition) => definition.ldapName),
  });
  return {
    DirectoryId: context.directory.directoryId,
    Realm: realm.name,
    Users: page.items.map((user) => fullUser(realm, user)),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

/** Builds the members of a `User` object (Describe and Search outputs), leaving out unset ones. */
function fullUser(realm: RealmState, user: UserEntry): Record<string, unknown> {
  return omitUndefined({
    SID: user.sid,
    SAMAccountName: user.samAccountName,
    DistinguishedName: distinguishedName(user),
    UserPrincipalName: userPrincipalName(realm, user),
    EmailAddress: stringAttribute(user, 'mail'),
    GivenName: stringAttribute(user, 'givenName'),
    Surname: stringAttribute(user, 'sn'),
    Enabled: isEnabled(user),
  });
}

function userSummary(user: UserEntry): Record<string, unknown> {
  return omitUndefined({
    SID: user.sid,
    SAMAccountName: user.samAccountName,
    GivenName: stringAttribute(user, 'givenName'),
    Surname: stringAttribute(user, 'sn'),
    Enabled: isEnabled(user),
  });
}
