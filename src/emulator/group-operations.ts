/**
 * The group operations: CreateGroup, DescribeGroup, UpdateGroup, DeleteGroup, ListGroups
 * and SearchGroups.
 */
import type { AttributeValue, Attributes, GroupScope, GroupType, UpdateType } from '../ds-data/types.js';
import { readRequestedAttributes } from './attribute-reads.js';
import { applyWrites, collectWrites } from './attribute-writes.js';
import {
  distinguishedName,
  generalizedTime,
  guidFromSid,
  nameKey,
  type GroupEntry,
  type StoredAttribute,
} from './directory-state.js';
import { omitUndefined, replaceAttributes, touch } from './entry-changes.js';
import { checkScopeChange } from './group-rules.js';
import {
  findGroupOrThrow,
  requireWritable,
  requiredString,
  resolveRealm,
  stringInput,
  type OperationContext,
} from './operation-context.js';
import { pageRequest } from './paging.js';
import { matchEntries, resolveSearchAttributes } from './search.js';
import { conflict, validationError } from './service-error.js';

/** `sAMAccountType` of a security group and of a distribution group (values from the AD schema). */
const SAM_GROUP_OBJECT = 0x10000000n;
const SAM_NON_SECURITY_GROUP_OBJECT = 0x10000001n;

export function createGroup(context: OperationContext): Record<string, unknown> {
  const { directory, now } = context;
  const realm = directory.managedRealm;
  const name = requiredString(context, 'SAMAccountName');
  // Without type or scope, AD creates a global security group; the AWS CLI examples show the same.
  const groupType = (stringInput(context, 'GroupType') ?? 'Security') as GroupType;
  const groupScope = (stringInput(context, 'GroupScope') ?? 'Global') as GroupScope;
  if (groupScope === 'BuiltinLocal') {
    throw validationError(
      'GroupScope BuiltinLocal belongs to the built-in groups of AD and cannot be given to a new group. Use DomainLocal, Global or Universal.',
      'INVALID_ATTRIBUTE_VALUE',
    );
  }

  const writes = collectWrites('Group', 'create', [], context.input.OtherAttributes as Attributes | undefined);
  const existing = realm.find(name);
  if (existing) {
    throw conflict(`An object named '${existing.samAccountName}' already exists in ${realm.name}; account names are unique across users, groups and computers.`);
  }

  const sid = realm.allocateSid();
  const usn = directory.nextUsn();
  const system: Array<[string, AttributeValue]> = [
    ['sAMAccountType', { N: groupType === 'Security' ? SAM_GROUP_OBJECT : SAM_NON_SECURITY_GROUP_OBJECT }],
    ['objectGUID', { S: guidFromSid(`${sid}/${now}`) }],
    ['objectClass', { SS: ['top', 'group'] }],
    ['uSNCreated', { N: usn }],
    ['uSNChanged', { N: usn }],
    ['whenChanged', { S: generalizedTime(now) }],
  ];
  const attributes = new Map<string, StoredAttribute>(
    system.map(([attributeName, value]) => [attributeName.toLowerCase(), { name: attributeName, value }]),
  );
  const group: GroupEntry = {
    kind: 'group',
    samAccountName: name,
    sid,
    parentDn: realm.customerUsersDn,
    attributes: applyWrites(attributes, writes, 'REPLACE'),
    groupType,
    groupScope,
  };
  realm.entries.set(nameKey(name), group);

  return { DirectoryId: directory.directoryId, SAMAccountName: group.samAccountName, SID: group.sid };
}

export function describeGroup(context: OperationContext): Record<string, unknown> {
  const realm = resolveRealm(context.directory, stringInput(context, 'Realm'));
  const group = findGroupOrThrow(realm, requiredString(context, 'SAMAccountName'));
  const otherAttributes = readRequestedAttributes(realm, group, context.input.OtherAttributes as string[] | undefined);
  return {
    DirectoryId: context.directory.directoryId,
    Realm: realm.name,
    ...fullGroup(group),
    ...(otherAttributes ? { OtherAttributes: otherAttributes } : {}),
  };
}

export function updateGroup(context: OperationContext): Record<string, unknown> {
  const { directory, now } = context;
  const realm = directory.managedRealm;
  const group = findGroupOrThrow(realm, requiredString(context, 'SAMAccountName'));
  const writes = collectWrites('Group', 'update', [], context.input.OtherAttributes as Attributes | undefined);
  const newType = stringInput(context, 'GroupType') as GroupType | undefined;
  const newScope = stringInput(context, 'GroupScope') as GroupScope | undefined;
  if (writes.length === 0 && newType === undefined && newScope === undefined) {
    return {};
  }
  requireWritable(realm, group, 'update');

  // NOTE: the model gives UpdateType no default; a request without it replaces values.
  const updateType = (stringInput(context, 'UpdateType') ?? 'REPLACE') as UpdateType;
  if ((newType !== undefined || newScope !== undefined) && updateType !== 'REPLACE') {
    const member = newType !== undefined ? 'GroupType' : 'GroupScope';
    throw validationError(
      `${member} can only be changed with UpdateType REPLACE: every group has a type and a scope, ` +
        (updateType === 'ADD' ? 'so there is never an empty one to ADD to.' : 'so neither can be removed.'),
      updateType === 'ADD' ? 'ATTRIBUTE_EXISTS' : 'LDAP_UNSUPPORTED_OPERATION',
    );
  }
  if (newScope !== undefined) {
    checkScopeChange(directory, realm, group, newScope);
  }

  const updated = applyWrites(group.attributes, writes, updateType);
  replaceAttributes(group.attributes, updated);
  if (newType !== undefined) {
    group.groupType = newType;
    group.attributes.set('samaccounttype', {
      name: 'sAMAccountType',
      value: { N: newType === 'Security' ? SAM_GROUP_OBJECT : SAM_NON_SECURITY_GROUP_OBJECT },
    });
  }
  if (newScope !== undefined) {
    group.groupScope = newScope;
  }
  touch(group.attributes, directory.nextUsn(), now);
  return {};
}

export function deleteGroup(context: OperationContext): Record<string, unknown> {
  const realm = context.directory.managedRealm;
  const group = findGroupOrThrow(realm, requiredString(context, 'SAMAccountName'));
  requireWritable(realm, group, 'delete');
  realm.entries.delete(nameKey(group.samAccountName));
  context.directory.forgetEntry(realm, group);
  return {};
}

export function listGroups(context: OperationContext): Record<string, unknown> {
  const realm = resolveRealm(context.directory, stringInput(context, 'Realm'));
  const page = pageRequest(context, realm.sorted('group'), { Realm: realm.name });
  return {
    DirectoryId: context.directory.directoryId,
    Realm: realm.name,
    Groups: page.items.map(groupSummary),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

export function searchGroups(context: OperationContext): Record<string, unknown> {
  const realm = resolveRealm(context.directory, stringInput(context, 'Realm'));
  const searchString = requiredString(context, 'SearchString');
  const attributes = resolveSearchAttributes('Group', context.input.SearchAttributes as string[]);
  const matches = matchEntries(realm, realm.sorted('group'), attributes, searchString);
  const page = pageRequest(context, matches, {
    Realm: realm.name,
    SearchString: searchString,
    SearchAttributes: attributes.map((definition) => definition.ldapName),
  });
  return {
    DirectoryId: context.directory.directoryId,
    Realm: realm.name,
    Groups: page.items.map(fullGroup),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
}

/** Builds the members of a `Group` object (Describe and Search outputs). */
function fullGroup(group: GroupEntry): Record<string, unknown> {
  return omitUndefined({
    SID: group.sid,
    SAMAccountName: group.samAccountName,
    DistinguishedName: distinguishedName(group),
    GroupType: group.groupType,
    GroupScope: group.groupScope,
  });
}

export function groupSummary(group: GroupEntry): Record<string, unknown> {
  return {
    SID: group.sid,
    SAMAccountName: group.samAccountName,
    GroupType: group.groupType,
    GroupScope: group.groupScope,
  };
}
