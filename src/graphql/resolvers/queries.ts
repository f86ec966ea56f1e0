/**
 * Root query fields: one object by name or id, lists, searches and memberships.
 */
import type { QueryResolvers } from '../../generated/graphql.js';
import { listGroupMembers, listGroups, listGroupsForMember, listUsers, searchGroups, searchUsers } from '../directory-lists.js';
import { decodeNodeId } from '../ids.js';
import { readableDirectory } from '../guards.js';
import { checkAttributeNames, checkField, optionalRealm } from '../input.js';
import type { ComputerRef } from '../model.js';
import { describeGroupRef, describeUserRef } from '../objects.js';

export const queryResolvers: QueryResolvers = {
  user: (_root, args, context, info) => {
    const directoryId = readableDirectory(context, 'directoryId', args.directoryId);
    const samAccountName = checkField('samAccountName', 'UserName', args.samAccountName);
    const realm = optionalRealm('realm', args.realm);
    return describeUserRef(context, { directoryId, realm, samAccountName }, info);
  },

  group: (_root, args, context, info) => {
    const directoryId = readableDirectory(context, 'directoryId', args.directoryId);
    const samAccountName = checkField('samAccountName', 'GroupName', args.samAccountName);
    const realm = optionalRealm('realm', args.realm);
    return describeGroupRef(context, { directoryId, realm, samAccountName }, info);
  },

  node: async (_root, args, context, info) => {
    const identity = decodeNodeId('id', args.id);
    readableDirectory(context, 'id', identity.directoryId);
    const locator = { directoryId: identity.directoryId, realm: identity.realm, samAccountName: identity.samAccountName };
    if (identity.kind === 'Computer') {
      // NOTE: AWS Directory Service Data cannot describe computers, so a computer id is
      // resolved from its own contents without checking that the computer still exists.
      return { kind: 'Computer', ...locator, sid: identity.sid } satisfies ComputerRef;
    }
    const ref =
      identity.kind === 'User'
        ? await describeUserRef(context, locator, info)
        : await describeGroupRef(context, locator, info);
    return ref && ref.known.SID === identity.sid ? ref : null;
  },

  users: (_root, args, context) =>
    listUsers(context, 'users', args, {
      directoryId: readableDirectory(context, 'directoryId', args.directoryId),
      realm: optionalRealm('realm', args.realm),
    }),

  searchUsers: (_root, args, context) =>
    searchUsers(context, 'searchUsers', args, {
      directoryId: readableDirectory(context, 'directoryId', args.directoryId),
      realm: optionalRealm('realm', args.realm),
      search: checkField('search', 'SearchString', args.search),
      attributes: checkAttributeNames('attributes', args.attributes),
    }),

  groups: (_root, args, context) =>
    listGroups(context, 'groups', args, {
      directoryId: readableDirectory(context, 'directoryId', args.directoryId),
      realm: optionalRealm('realm', args.realm),
    }),

  searchGroups: (_root, args, context) =>
    searchGroups(context, 'searchGroups', args, {
      directoryId: readableDirectory(context, 'directoryId', args.directoryId),
      realm: optionalRealm('realm', args.realm),
      search: checkField('search', 'SearchString', args.search),
      attributes: checkAttributeNames('attributes', args.attributes),
    }),

  groupMembers: (_root, args, context) =>
    listGroupMembers(context, 'groupMembers', args, {
      directoryId: readableDirectory(context, 'directoryId', args.directoryId),
      groupName: checkField('groupName', 'GroupName', args.groupName),
      realm: optionalRealm('realm', args.realm),
      memberRealm: optionalRealm('memberRealm', args.memberRealm),
    }),

  groupsForMember: (_root, args, context) =>
    listGroupsForMember(context, 'groupsForMember', args, {
      directoryId: readableDirectory(context, 'directoryId', args.directoryId),
      memberName: checkField('memberName', 'MemberName', args.memberName),
      realm: optionalRealm('realm', args.realm),
      memberRealm: optionalRealm('memberRealm', args.memberRealm),
    }),
};
