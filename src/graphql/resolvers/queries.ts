/**
 * Root query fields: one object by name or id, lists, searches and memberships.
 */
import {
  ListGroupMembersCommand,
  ListGroupsCommand,
  ListGroupsForMemberCommand,
  ListUsersCommand,
  SearchGroupsCommand,
  SearchUsersCommand,
} from '../../ds-data/index.js';
import type { QueryResolvers } from '../../generated/graphql.js';
import { cursorBinding, loadConnection } from '../connections.js';
import { decodeNodeId } from '../ids.js';
import { readableDirectory } from '../guards.js';
import { checkAttributeNames, checkField, optionalRealm } from '../input.js';
import type { ComputerRef } from '../model.js';
import { CARRIED_FIELDS, describeGroupRef, describeUserRef, groupRef, memberRef, userRef } from '../objects.js';
import { sendCommand } from '../upstream.js';

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
      // answered from its own contents without checking that the computer still exists.
      return { kind: 'Computer', ...locator, sid: identity.sid } satisfies ComputerRef;
    }
    const ref =
      identity.kind === 'User'
        ? await describeUserRef(context, locator, info)
        : await describeGroupRef(context, locator, info);
    return ref && ref.known.SID === identity.sid ? ref : null;
  },

  users: (_root, args, context) => {
    const directoryId = readableDirectory(context, 'directoryId', args.directoryId);
    const realm = optionalRealm('realm', args.realm);
    const binding = cursorBinding(context, 'users', { directoryId, realm: realm?.toLowerCase() ?? null });
    return loadConnection(
      context,
      'users',
      binding,
      args,
      async (token, pageSize) => {
        const output = await sendCommand(
          context,
          new ListUsersCommand({ DirectoryId: directoryId, Realm: realm, MaxResults: pageSize, NextToken: token }),
        );
        return { items: (output.Users ?? []).map((summary) => ({ ...summary, Realm: output.Realm })), nextToken: output.NextToken };
      },
      (summary) => userRef({ directoryId, realm, samAccountName: summary.SAMAccountName ?? '' }, summary, CARRIED_FIELDS.userSummary),
    );
  },

  searchUsers: (_root, args, context) => {
    const directoryId = readableDirectory(context, 'directoryId', args.directoryId);
    const realm = optionalRealm('realm', args.realm);
    const search = checkField('search', 'SearchString', args.search);
    const attributes = checkAttributeNames('attributes', args.attributes);
    const binding = cursorBinding(context, 'searchUsers', {
      directoryId,
      realm: realm?.toLowerCase() ?? null,
      search,
      attributes: attributes.map((name) => name.toLowerCase()),
    });
    return loadConnection(
      context,
      'searchUsers',
      binding,
      args,
      async (token, pageSize) => {
        const output = await sendCommand(
          context,
          new SearchUsersCommand({
            DirectoryId: directoryId,
            Realm: realm,
            SearchString: search,
            SearchAttributes: attributes,
            MaxResults: pageSize,
            NextToken: token,
          }),
        );
        return { items: (output.Users ?? []).map((user) => ({ ...user, Realm: output.Realm })), nextToken: output.NextToken };
      },
      (user) => userRef({ directoryId, realm, samAccountName: user.SAMAccountName ?? '' }, user, CARRIED_FIELDS.user),
    );
  },

  groups: (_root, args, context) => {
    const directoryId = readableDirectory(context, 'directoryId', args.directoryId);
    const realm = optionalRealm('realm', args.realm);
    const binding = cursorBinding(context, 'groups', { directoryId, realm: realm?.toLowerCase() ?? null });
    return loadConnection(
      context,
      'groups',
      binding,
      args,
      async (token, pageSize) => {
        const output = await sendCommand(
          context,
          new ListGroupsCommand({ DirectoryId: directoryId, Realm: realm, MaxResults: pageSize, NextToken: token }),
        );
        return { items: (output.Groups ?? []).map((summary) => ({ ...summary, Realm: output.Realm })), nextToken: output.NextToken };
      },
      (summary) => groupRef({ directoryId, realm, samAccountName: summary.SAMAccountName ?? '' }, summary, CARRIED_FIELDS.groupSummary),
    );
  },

  searchGroups: (_root, args, context) => {
    const directoryId = readableDirectory(context, 'directoryId', args.directoryId);
    const realm = optionalRealm('realm', args.realm);
    const search = checkField('search', 'SearchString', args.search);
    const attributes = checkAttributeNames('attributes', args.attributes);
    const binding = cursorBinding(context, 'searchGroups', {
      directoryId,
      realm: realm?.toLowerCase() ?? null,
      search,
      attributes: attributes.map((name) => name.toLowerCase()),
    });
    return loadConnection(
      context,
      'searchGroups',
      binding,
      args,
      async (token, pageSize) => {
        const output = await sendCommand(
          context,
          new SearchGroupsCommand({
            DirectoryId: directoryId,
            Realm: realm,
            SearchString: search,
            SearchAttributes: attributes,
            MaxResults: pageSize,
            NextToken: token,
          }),
        );
        return { items: (output.Groups ?? []).map((group) => ({ ...group, Realm: output.Realm })), nextToken: output.NextToken };
      },
      (group) => groupRef({ directoryId, realm, samAccountName: group.SAMAccountName ?? '' }, group, CARRIED_FIELDS.group),
    );
  },

  groupMembers: (_root, args, context) => {
    const directoryId = readableDirectory(context, 'directoryId', args.directoryId);
    const groupName = checkField('groupName', 'GroupName', args.groupName);
    const realm = optionalRealm('realm', args.realm);
    const memberRealm = optionalRealm('memberRealm', args.memberRealm);
    const binding = cursorBinding(context, 'groupMembers', {
      directoryId,
      group: groupName.toLowerCase(),
      realm: realm?.toLowerCase() ?? null,
      memberRealm: memberRealm?.toLowerCase() ?? null,
    });
    return loadConnection(
      context,
      'groupMembers',
      binding,
      args,
      async (token, pageSize) => {
        const output = await sendCommand(
          context,
          new ListGroupMembersCommand({
            DirectoryId: directoryId,
            SAMAccountName: groupName,
            Realm: realm,
            MemberRealm: memberRealm,
            MaxResults: pageSize,
            NextToken: token,
          }),
        );
        return { items: (output.Members ?? []).map((member) => ({ member, realm: output.MemberRealm })), nextToken: output.NextToken };
      },
      ({ member, realm: echoedRealm }) => memberRef(directoryId, memberRealm, member, echoedRealm),
    );
  },

  groupsForMember: (_root, args, context) => {
    const directoryId = readableDirectory(context, 'directoryId', args.directoryId);
    const memberName = checkField('memberName', 'MemberName', args.memberName);
    const realm = optionalRealm('realm', args.realm);
    const memberRealm = optionalRealm('memberRealm', args.memberRealm);
    const binding = cursorBinding(context, 'groupsForMember', {
      directoryId,
      member: memberName.toLowerCase(),
      realm: realm?.toLowerCase() ?? null,
      memberRealm: memberRealm?.toLowerCase() ?? null,
    });
    return loadConnection(
      context,
      'groupsForMember',
      binding,
      args,
      async (token, pageSize) => {
        const output = await sendCommand(
          context,
          new ListGroupsForMemberCommand({
            DirectoryId: directoryId,
            SAMAccountName: memberName,
            Realm: realm,
            MemberRealm: memberRealm,
            MaxResults: pageSize,
            NextToken: token,
          }),
        );
        return { items: (output.Groups ?? []).map((summary) => ({ ...summary, Realm: output.Realm })), nextToken: output.NextToken };
      },
      (summary) => groupRef({ directoryId, realm, samAccountName: summary.SAMAccountName ?? '' }, summary, CARRIED_FIELDS.groupSummary),
    );
  },
};
