/**
 * The six paginated DS Data operations served as Relay connections, one function each.
 * Root fields (`users`, `groupMembers`, ...) and nested fields (`User.groups`,
 * `Group.members`) call the same function, so each operation is sent, bound to its cursors
 * and mapped to refs in one place.
 */
import {
  ListGroupMembersCommand,
  ListGroupsCommand,
  ListGroupsForMemberCommand,
  ListUsersCommand,
  SearchGroupsCommand,
  SearchUsersCommand,
} from '../ds-data/index.js';
import { cursorBinding, loadConnection, type ConnectionArgs } from './connections.js';
import type { GatewayContext } from './context.js';
import type { GroupPage, MemberPage, UserPage } from './model.js';
import { CARRIED_FIELDS, groupRef, memberRef, userRef } from './objects.js';
import { sendCommand } from './upstream.js';

/** Arguments shared by every list: the directory and the realm to read. */
interface ListScope {
  readonly directoryId: string;
  readonly realm: string | undefined;
}

interface SearchScope extends ListScope {
  readonly search: string;
  readonly attributes: readonly string[];
}

interface MembersScope extends ListScope {
  readonly groupName: string;
  readonly memberRealm: string | undefined;
}

interface MemberGroupsScope extends ListScope {
  readonly memberName: string;
  readonly memberRealm: string | undefined;
}

/** Lower-cases the values that Active Directory compares without case, for cursor bindings. */
function lower(value: string | undefined): string | null {
  return value?.toLowerCase() ?? null;
}

/** `ListUsers`: user summaries of a realm. */
export function listUsers(context: GatewayContext, field: string, args: ConnectionArgs, scope: ListScope): Promise<UserPage> {
  const binding = cursorBinding(context, `${field}/ListUsers`, { directoryId: scope.directoryId, realm: lower(scope.realm) });
  return loadConnection(
    context,
    field,
    binding,
    args,
    async (token, pageSize) => {
      const output = await sendCommand(
        context,
        new ListUsersCommand({ DirectoryId: scope.directoryId, Realm: scope.realm, MaxResults: pageSize, NextToken: token }),
      );
      return { items: (output.Users ?? []).map((user) => ({ ...user, Realm: output.Realm })), nextToken: output.NextToken };
    },
    (user) => userRef({ ...scope, samAccountName: user.SAMAccountName ?? '' }, user, CARRIED_FIELDS.userSummary),
  );
}

/** `SearchUsers`: full users whose listed attributes match the search string. */
export function searchUsers(context: GatewayContext, field: string, args: ConnectionArgs, scope: SearchScope): Promise<UserPage> {
  const binding = cursorBinding(context, `${field}/SearchUsers`, {
    directoryId: scope.directoryId,
    realm: lower(scope.realm),
    search: scope.search,
    attributes: scope.attributes.map((name) => name.toLowerCase()),
  });
  return loadConnection(
    context,
    field,
    binding,
    args,
    async (token, pageSize) => {
      const output = await sendCommand(
        context,
        new SearchUsersCommand({
          DirectoryId: scope.directoryId,
          Realm: scope.realm,
          SearchString: scope.search,
          SearchAttributes: [...scope.attributes],
          MaxResults: pageSize,
          NextToken: token,
        }),
      );
      return { items: (output.Users ?? []).map((user) => ({ ...user, Realm: output.Realm })), nextToken: output.NextToken };
    },
    (user) => userRef({ directoryId: scope.directoryId, realm: scope.realm, samAccountName: user.SAMAccountName ?? '' }, user, CARRIED_FIELDS.user),
  );
}

/** `ListGroups`: group summaries of a realm. */
export function listGroups(context: GatewayContext, field: string, args: ConnectionArgs, scope: ListScope): Promise<GroupPage> {
  const binding = cursorBinding(context, `${field}/ListGroups`, { directoryId: scope.directoryId, realm: lower(scope.realm) });
  return loadConnection(
    context,
    field,
    binding,
    args,
    async (token, pageSize) => {
      const output = await sendCommand(
        context,
        new ListGroupsCommand({ DirectoryId: scope.directoryId, Realm: scope.realm, MaxResults: pageSize, NextToken: token }),
      );
      return { items: (output.Groups ?? []).map((group) => ({ ...group, Realm: output.Realm })), nextToken: output.NextToken };
    },
    (group) => groupRef({ ...scope, samAccountName: group.SAMAccountName ?? '' }, group, CARRIED_FIELDS.groupSummary),
  );
}

/** `SearchGroups`: full groups whose listed attributes match the search string. */
export function searchGroups(context: GatewayContext, field: string, args: ConnectionArgs, scope: SearchScope): Promise<GroupPage> {
  const binding = cursorBinding(context, `${field}/SearchGroups`, {
    directoryId: scope.directoryId,
    realm: lower(scope.realm),
    search: scope.search,
    attributes: scope.attributes.map((name) => name.toLowerCase()),
  });
  return loadConnection(
    context,
    field,
    binding,
    args,
    async (token, pageSize) => {
      const output = await sendCommand(
        context,
        new SearchGroupsCommand({
          DirectoryId: scope.directoryId,
          Realm: scope.realm,
          SearchString: scope.search,
          SearchAttributes: [...scope.attributes],
          MaxResults: pageSize,
          NextToken: token,
        }),
      );
      return { items: (output.Groups ?? []).map((group) => ({ ...group, Realm: output.Realm })), nextToken: output.NextToken };
    },
    (group) => groupRef({ directoryId: scope.directoryId, realm: scope.realm, samAccountName: group.SAMAccountName ?? '' }, group, CARRIED_FIELDS.group),
  );
}

/** `ListGroupMembers`: direct members of a group from one member realm. */
export function listGroupMembers(context: GatewayContext, field: string, args: ConnectionArgs, scope: MembersScope): Promise<MemberPage> {
  const binding = cursorBinding(context, `${field}/ListGroupMembers`, {
    directoryId: scope.directoryId,
    group: scope.groupName.toLowerCase(),
    realm: lower(scope.realm),
    memberRealm: lower(scope.memberRealm),
  });
  return loadConnection(
    context,
    field,
    binding,
    args,
    async (token, pageSize) => {
      const output = await sendCommand(
        context,
        new ListGroupMembersCommand({
          DirectoryId: scope.directoryId,
          SAMAccountName: scope.groupName,
          Realm: scope.realm,
          MemberRealm: scope.memberRealm,
          MaxResults: pageSize,
          NextToken: token,
        }),
      );
      return {
        items: (output.Members ?? []).map((member) => ({ member, realm: output.MemberRealm })),
        nextToken: output.NextToken,
      };
    },
    ({ member, realm }) => memberRef(scope.directoryId, scope.memberRealm, member, realm),
  );
}

/** `ListGroupsForMember`: groups a user, group or computer is a direct member of. */
export function listGroupsForMember(
  context: GatewayContext,
  field: string,
  args: ConnectionArgs,
  scope: MemberGroupsScope,
): Promise<GroupPage> {
  const binding = cursorBinding(context, `${field}/ListGroupsForMember`, {
    directoryId: scope.directoryId,
    member: scope.memberName.toLowerCase(),
    realm: lower(scope.realm),
    memberRealm: lower(scope.memberRealm),
  });
  return loadConnection(
    context,
    field,
    binding,
    args,
    async (token, pageSize) => {
      const output = await sendCommand(
        context,
        new ListGroupsForMemberCommand({
          DirectoryId: scope.directoryId,
          SAMAccountName: scope.memberName,
          Realm: scope.realm,
          MemberRealm: scope.memberRealm,
          MaxResults: pageSize,
          NextToken: token,
        }),
      );
      return { items: (output.Groups ?? []).map((group) => ({ ...group, Realm: output.Realm })), nextToken: output.NextToken };
    },
    (group) =>
      groupRef({ directoryId: scope.directoryId, realm: scope.realm, samAccountName: group.SAMAccountName ?? '' }, group, CARRIED_FIELDS.groupSummary),
  );
}
