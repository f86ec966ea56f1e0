/**
 * The 17 commands of AWS Directory Service Data, one class per operation, named like the
 * official client's (`CreateUserCommand`, ...). `<Operation>CommandInput` is the request
 * type and `<Operation>CommandOutput` the result type plus the response `$metadata`.
 */
import type { MetadataBearer } from '@smithy/types';

import { DirectoryServiceDataCommand } from './command.js';
import type {
  AddGroupMemberRequest,
  AddGroupMemberResult,
  CreateGroupRequest,
  CreateGroupResult,
  CreateUserRequest,
  CreateUserResult,
  DeleteGroupRequest,
  DeleteGroupResult,
  DeleteUserRequest,
  DeleteUserResult,
  DescribeGroupRequest,
  DescribeGroupResult,
  DescribeUserRequest,
  DescribeUserResult,
  DisableUserRequest,
  DisableUserResult,
  ListGroupMembersRequest,
  ListGroupMembersResult,
  ListGroupsRequest,
  ListGroupsResult,
  ListGroupsForMemberRequest,
  ListGroupsForMemberResult,
  ListUsersRequest,
  ListUsersResult,
  RemoveGroupMemberRequest,
  RemoveGroupMemberResult,
  SearchGroupsRequest,
  SearchGroupsResult,
  SearchUsersRequest,
  SearchUsersResult,
  UpdateGroupRequest,
  UpdateGroupResult,
  UpdateUserRequest,
  UpdateUserResult,
} from './types.js';

export type AddGroupMemberCommandInput = AddGroupMemberRequest;
export type AddGroupMemberCommandOutput = AddGroupMemberResult & MetadataBearer;
export class AddGroupMemberCommand extends DirectoryServiceDataCommand<AddGroupMemberCommandInput, AddGroupMemberCommandOutput> {
  readonly operation = 'AddGroupMember' as const;
}

export type CreateGroupCommandInput = CreateGroupRequest;
export type CreateGroupCommandOutput = CreateGroupResult & MetadataBearer;
export class CreateGroupCommand extends DirectoryServiceDataCommand<CreateGroupCommandInput, CreateGroupCommandOutput> {
  readonly operation = 'CreateGroup' as const;
}

export type CreateUserCommandInput = CreateUserRequest;
export type CreateUserCommandOutput = CreateUserResult & MetadataBearer;
export class CreateUserCommand extends DirectoryServiceDataCommand<CreateUserCommandInput, CreateUserCommandOutput> {
  readonly operation = 'CreateUser' as const;
}

export type DeleteGroupCommandInput = DeleteGroupRequest;
export type DeleteGroupCommandOutput = DeleteGroupResult & MetadataBearer;
export class DeleteGroupCommand extends DirectoryServiceDataCommand<DeleteGroupCommandInput, DeleteGroupCommandOutput> {
  readonly operation = 'DeleteGroup' as const;
}

export type DeleteUserCommandInput = DeleteUserRequest;
export type DeleteUserCommandOutput = DeleteUserResult & MetadataBearer;
export class DeleteUserCommand extends DirectoryServiceDataCommand<DeleteUserCommandInput, DeleteUserCommandOutput> {
  readonly operation = 'DeleteUser' as const;
}

export type DescribeGroupCommandInput = DescribeGroupRequest;
export type DescribeGroupCommandOutput = DescribeGroupResult & MetadataBearer;
export class DescribeGroupCommand extends DirectoryServiceDataCommand<DescribeGroupCommandInput, DescribeGroupCommandOutput> {
  readonly operation = 'DescribeGroup' as const;
}

export type DescribeUserCommandInput = DescribeUserRequest;
export type DescribeUserCommandOutput = DescribeUserResult & MetadataBearer;
export class DescribeUserCommand extends DirectoryServiceDataCommand<DescribeUserCommandInput, DescribeUserCommandOutput> {
  readonly operation = 'DescribeUser' as const;
}

export type DisableUserCommandInput = DisableUserRequest;
export type DisableUserCommandOutput = DisableUserResult & MetadataBearer;
export class DisableUserCommand extends DirectoryServiceDataCommand<DisableUserCommandInput, DisableUserCommandOutput> {
  readonly operation = 'DisableUser' as const;
}

export type ListGroupMembersCommandInput = ListGroupMembersRequest;
export type ListGroupMembersCommandOutput = ListGroupMembersResult & MetadataBearer;
export class ListGroupMembersCommand extends DirectoryServiceDataCommand<ListGroupMembersCommandInput, ListGroupMembersCommandOutput> {
  readonly operation = 'ListGroupMembers' as const;
}

export type ListGroupsCommandInput = ListGroupsRequest;
export type ListGroupsCommandOutput = ListGroupsResult & MetadataBearer;
export class ListGroupsCommand extends DirectoryServiceDataCommand<ListGroupsCommandInput, ListGroupsCommandOutput> {
  readonly operation = 'ListGroups' as const;
}

export type ListGroupsForMemberCommandInput = ListGroupsForMemberRequest;
export type ListGroupsForMemberCommandOutput = ListGroupsForMemberResult & MetadataBearer;
export class ListGroupsForMemberCommand extends DirectoryServiceDataCommand<ListGroupsForMemberCommandInput, ListGroupsForMemberCommandOutput> {
  readonly operation = 'ListGroupsForMember' as const;
}

export type ListUsersCommandInput = ListUsersRequest;
export type ListUsersCommandOutput = ListUsersResult & MetadataBearer;
export class ListUsersCommand extends DirectoryServiceDataCommand<ListUsersCommandInput, ListUsersCommandOutput> {
  readonly operation = 'ListUsers' as const;
}

export type RemoveGroupMemberCommandInput = RemoveGroupMemberRequest;
export type RemoveGroupMemberCommandOutput = RemoveGroupMemberResult & MetadataBearer;
export class RemoveGroupMemberCommand extends DirectoryServiceDataCommand<RemoveGroupMemberCommandInput, RemoveGroupMemberCommandOutput> {
  readonly operation = 'RemoveGroupMember' as const;
}

export type SearchGroupsCommandInput = SearchGroupsRequest;
export type SearchGroupsCommandOutput = SearchGroupsResult & MetadataBearer;
export class SearchGroupsCommand extends DirectoryServiceDataCommand<SearchGroupsCommandInput, SearchGroupsCommandOutput> {
  readonly operation = 'SearchGroups' as const;
}

export type SearchUsersCommandInput = SearchUsersRequest;
export type SearchUsersCommandOutput = SearchUsersResult & MetadataBearer;
export class SearchUsersCommand extends DirectoryServiceDataCommand<SearchUsersCommandInput, SearchUsersCommandOutput> {
  readonly operation = 'SearchUsers' as const;
}

export type UpdateGroupCommandInput = UpdateGroupRequest;
export type UpdateGroupCommandOutput = UpdateGroupResult & MetadataBearer;
export class UpdateGroupCommand extends DirectoryServiceDataCommand<UpdateGroupCommandInput, UpdateGroupCommandOutput> {
  readonly operation = 'UpdateGroup' as const;
}

export type UpdateUserCommandInput = UpdateUserRequest;
export type UpdateUserCommandOutput = UpdateUserResult & MetadataBearer;
export class UpdateUserCommand extends DirectoryServiceDataCommand<UpdateUserCommandInput, UpdateUserCommandOutput> {
  readonly operation = 'UpdateUser' as const;
}
