/** The handler of each operation, by operation name. */
import type { OperationName } from '../ds-data/operations.js';
import { createGroup, deleteGroup, describeGroup, listGroups, searchGroups, updateGroup } from './group-operations.js';
import {
  addGroupMember,
  listGroupMembers,
  listGroupsForMember,
  removeGroupMember,
} from './membership-operations.js';
import type { OperationHandler } from './operation-context.js';
import { createUser, deleteUser, describeUser, disableUser, listUsers, searchUsers, updateUser } from './user-operations.js';

export const OPERATION_HANDLERS: Readonly<Record<OperationName, OperationHandler>> = {
  AddGroupMember: addGroupMember,
  CreateGroup: createGroup,
  CreateUser: createUser,
  DeleteGroup: deleteGroup,
  DeleteUser: deleteUser,
  DescribeGroup: describeGroup,
  DescribeUser: describeUser,
  DisableUser: disableUser,
  ListGroupMembers: listGroupMembers,
  ListGroups: listGroups,
  ListGroupsForMember: listGroupsForMember,
  ListUsers: listUsers,
  RemoveGroupMember: removeGroupMember,
  SearchGroups: searchGroups,
  SearchUsers: searchUsers,
  UpdateGroup: updateGroup,
  UpdateUser: updateUser,
};
