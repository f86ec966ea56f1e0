/**
 * The 17 operations of AWS Directory Service Data and how each travels over HTTP.
 *
 * Every operation is `POST <path>?DirectoryId=...` with a JSON body of the other input
 * members (restJson1). The client and the emulator both read this table, so the paths,
 * the read/write split and the pagination members are stated once.
 */

export const OPERATION_NAMES = [
  'AddGroupMember',
  'CreateGroup',
  'CreateUser',
  'DeleteGroup',
  'DeleteUser',
  'DescribeGroup',
  'DescribeUser',
  'DisableUser',
  'ListGroupMembers',
  'ListGroups',
  'ListGroupsForMember',
  'ListUsers',
  'RemoveGroupMember',
  'SearchGroups',
  'SearchUsers',
  'UpdateGroup',
  'UpdateUser',
] as const;

export type OperationName = (typeof OPERATION_NAMES)[number];

export interface OperationSpec {
  readonly name: OperationName;
  /** Request path; the query string carries only `DirectoryId`. */
  readonly path: string;
  /** Read operations (`@readonly` in the model) count against the read quota, the rest against the write quota. */
  readonly readonly: boolean;
  /** Write operations carry an idempotency token in `ClientToken`. */
  readonly idempotent: boolean;
  /** Output member that holds the items of a paginated operation. */
  readonly pageItems?: 'Users' | 'Groups' | 'Members';
}

function spec(
  name: OperationName,
  resource: 'Users' | 'Groups' | 'GroupMemberships',
  readonly: boolean,
  pageItems?: OperationSpec['pageItems'],
): OperationSpec {
  return {
    name,
    path: `/${resource}/${name}`,
    readonly,
    idempotent: !readonly,
    ...(pageItems ? { pageItems } : {}),
  };
}

export const OPERATIONS: Readonly<Record<OperationName, OperationSpec>> = {
  AddGroupMember: spec('AddGroupMember', 'GroupMemberships', false),
  CreateGroup: spec('CreateGroup', 'Groups', false),
  CreateUser: spec('CreateUser', 'Users', false),
  DeleteGroup: spec('DeleteGroup', 'Groups', false),
  DeleteUser: spec('DeleteUser', 'Users', false),
  DescribeGroup: spec('DescribeGroup', 'Groups', true),
  DescribeUser: spec('DescribeUser', 'Users', true),
  DisableUser: spec('DisableUser', 'Users', false),
  ListGroupMembers: spec('ListGroupMembers', 'GroupMemberships', true, 'Members'),
  ListGroups: spec('ListGroups', 'Groups', true, 'Groups'),
  ListGroupsForMember: spec('ListGroupsForMember', 'GroupMemberships', true, 'Groups'),
  ListUsers: spec('ListUsers', 'Users', true, 'Users'),
  RemoveGroupMember: spec('RemoveGroupMember', 'GroupMemberships', false),
  SearchGroups: spec('SearchGroups', 'Groups', true, 'Groups'),
  SearchUsers: spec('SearchUsers', 'Users', true, 'Users'),
  UpdateGroup: spec('UpdateGroup', 'Groups', false),
  UpdateUser: spec('UpdateUser', 'Users', false),
};

/** Looks up the operation served at an HTTP path, or returns undefined. */
export function operationForPath(path: string): OperationSpec | undefined {
  return Object.values(OPERATIONS).find((operation) => operation.path === path);
}

/** Service identity used for SigV4 and for the endpoint host name. */
export const SERVICE = {
  signingName: 'ds-data',
  endpointPrefix: 'ds-data',
  apiVersion: '2023-05-31',
  sdkId: 'Directory Service Data',
} as const;
