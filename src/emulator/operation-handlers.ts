/** The handler of each operation, by operation name. */
import type { OperationName } from '../ds-data/operations.js';
import type { OperationHandler } from './operation-context.js';
import { createUser, deleteUser, describeUser, disableUser, listUsers, searchUsers, updateUser } from './user-operations.js';

export const OPERATION_HANDLERS: Partial<Record<OperationName, OperationHandler>> = {
  CreateUser: createUser,
  DeleteUser: deleteUser,
  DescribeUser: describeUser,
  DisableUser: disableUser,
  ListUsers: listUsers,
  SearchUsers: searchUsers,
  UpdateUser: updateUser,
};
