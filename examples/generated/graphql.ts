/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/**
 * An attribute to write, by its LDAP display name. Names are case-insensitive and match
 * `^[A-Za-z*][A-Za-z-*]*$` (1 to 63 characters, letters and `-` only), so names with
 * digits such as `extensionAttribute1` cannot be written through AWS Directory Service Data.
 */
export type AttributeInput = {
  /** LDAP display name, for example `department`, `telephoneNumber` or `accountExpires`. */
  name: string;
  /** The value, as exactly one of `S`, `N`, `BOOL` or `SS`. */
  value: AttributeValueInput;
};

/**
 * One attribute value: exactly one of the four members is set, the same as on
 * `AttributeValue`, so a value read from the gateway can be sent back unchanged.
 */
export type AttributeValueInput =
  {   /** A boolean. */
  BOOL: boolean; N?: never; S?: never; SS?: never; }
  |  { BOOL?: never;   /** A signed 64-bit integer, best sent as a decimal string (see `Int64`). */
  N: string | number; S?: never; SS?: never; }
  |  { BOOL?: never; N?: never;   /** A string of 1 to 1024 characters. */
  S: string; SS?: never; }
  |  { BOOL?: never; N?: never; S?: never;   /** A set of 0 to 25 strings, each 1 to 1024 characters long (a multi-valued attribute such as `servicePrincipalName`). */
  SS: Array<string>; };

/** Input of `createGroup`. */
export type CreateGroupInput = {
  /** Idempotency token, 1 to 128 ASCII characters; see `CreateUserInput.clientToken`. */
  clientToken?: string | null | undefined;
  /** Directory id such as `d-1234567890`. Defaults to the gateway's configured directory. */
  directoryId?: string | null | undefined;
  /** Scope. AWS creates a global group when omitted. `BUILTIN_LOCAL` is rejected. */
  groupScope?: GroupScope | null | undefined;
  /** Security or distribution. AWS creates a security group when omitted. */
  groupType?: GroupType | null | undefined;
  /** Further attributes to set, at most 25 (see `AttributeInput`). */
  otherAttributes?: Array<AttributeInput> | null | undefined;
  /** Group name (`sAMAccountName`): 1 to 64 characters, none of `: ; | = + " * ? < > / \ , [ ] @`. */
  samAccountName: string;
};

/** Input of `createUser`. */
export type CreateUserInput = {
  /** Idempotency token, 1 to 128 ASCII characters (a UUID is a good choice). Send the same token when you retry the same mutation: AWS then applies it at most once within 8 hours. Generated when omitted. */
  clientToken?: string | null | undefined;
  /** Directory id such as `d-1234567890`. Defaults to the gateway's configured directory. */
  directoryId?: string | null | undefined;
  /** E-mail address (`mail`), at most 256 characters. */
  emailAddress?: string | null | undefined;
  /** First name (`givenName`), 1 to 64 characters. */
  givenName?: string | null | undefined;
  /** Further attributes to set, at most 25 (see `AttributeInput`). */
  otherAttributes?: Array<AttributeInput> | null | undefined;
  /** Logon name (`sAMAccountName`): 1 to 20 ASCII letters, digits, `_`, `-` or `.`. Cannot be changed later. */
  samAccountName: string;
  /** Last name (`sn`), 1 to 64 characters. */
  surname?: string | null | undefined;
};

/** Input of `deleteGroup`. */
export type DeleteGroupInput = {
  /** Idempotency token, 1 to 128 ASCII characters; see `CreateUserInput.clientToken`. */
  clientToken?: string | null | undefined;
  /** Directory id such as `d-1234567890`. Defaults to the gateway's configured directory. */
  directoryId?: string | null | undefined;
  /** Name of the group to delete. Its memberships go with it. */
  samAccountName: string;
};

/** Input of `deleteUser`. */
export type DeleteUserInput = {
  /** Idempotency token, 1 to 128 ASCII characters; see `CreateUserInput.clientToken`. */
  clientToken?: string | null | undefined;
  /** Directory id such as `d-1234567890`. Defaults to the gateway's configured directory. */
  directoryId?: string | null | undefined;
  /** Logon name (`sAMAccountName`) of the user to delete. Its group memberships go with it. */
  samAccountName: string;
};

/** Input of `disableUser`. */
export type DisableUserInput = {
  /** Idempotency token, 1 to 128 ASCII characters; see `CreateUserInput.clientToken`. */
  clientToken?: string | null | undefined;
  /** Directory id such as `d-1234567890`. Defaults to the gateway's configured directory. */
  directoryId?: string | null | undefined;
  /** Logon name (`sAMAccountName`) of the user to disable. */
  samAccountName: string;
};

/** Input of `addGroupMember` and `removeGroupMember`. */
export type GroupMembershipInput = {
  /** Idempotency token, 1 to 128 ASCII characters; see `CreateUserInput.clientToken`. */
  clientToken?: string | null | undefined;
  /** Directory id such as `d-1234567890`. Defaults to the gateway's configured directory. */
  directoryId?: string | null | undefined;
  /** Name of the group, in the directory's own domain. */
  groupName: string;
  /** Account name of the user, group or computer, 1 to 63 characters. */
  memberName: string;
  /** Domain of the member when it is in a trusted domain. Defaults to the directory's own domain. */
  memberRealm?: string | null | undefined;
};

/** Where a group can be used and who can be its member, as in Active Directory. */
export type GroupScope =
  /** Built-in groups such as `Administrators`. Reported on output only; AWS does not create or convert groups to this scope. */
  | 'BUILTIN_LOCAL'
  /** Members from any trusted domain; usable only in its own domain. */
  | 'DOMAIN_LOCAL'
  /** Members from its own domain; usable in any trusted domain. The default for new groups. */
  | 'GLOBAL'
  /** Members from any domain of the forest; usable anywhere in the forest. */
  | 'UNIVERSAL';

/** Whether a group grants permissions or only distributes e-mail. */
export type GroupType =
  /** Distribution group: an e-mail list, cannot be granted permissions. */
  | 'DISTRIBUTION'
  /** Security group: can be granted permissions. The default for new groups. */
  | 'SECURITY';

/** How the gateway carried out one AWS call of a mutation. */
export type MutationStepStatus =
  /** The call succeeded: its change is in the directory. */
  | 'APPLIED'
  /** The call failed: see the step's `error`. Later steps were not attempted. */
  | 'FAILED'
  /** The call was not made because an earlier step failed. */
  | 'NOT_ATTEMPTED';

/**
 * Input of `updateGroup`. With `updateType`, exactly one `UpdateGroup` call is made. Without
 * it, the gateway reads the current values (one `DescribeGroup`) and sends `ADD` for
 * attributes without a value and `REPLACE` for the others.
 */
export type UpdateGroupInput = {
  /** Idempotency token, 1 to 128 ASCII characters; see `UpdateUserInput.clientToken`. */
  clientToken?: string | null | undefined;
  /** Directory id such as `d-1234567890`. Defaults to the gateway's configured directory. */
  directoryId?: string | null | undefined;
  /** New scope. Active Directory allows only some changes (for example global to universal); the directory rejects the others. */
  groupScope?: GroupScope | null | undefined;
  /** New group type. Active Directory allows changing between security and distribution freely. */
  groupType?: GroupType | null | undefined;
  /** Further attributes to change, at most 25. */
  otherAttributes?: Array<AttributeInput> | null | undefined;
  /** Group name (`sAMAccountName`) of the group to change. */
  samAccountName: string;
  /** How to apply the attributes of this input. */
  updateType?: UpdateType | null | undefined;
};

/**
 * How `updateUser` and `updateGroup` apply the attributes they carry. AWS takes one update
 * type per call, for every attribute in it.
 */
export type UpdateType =
  /** Set attributes that have no value yet. Fails with `BAD_USER_INPUT` (reason `ATTRIBUTE_EXISTS`) when a single-valued attribute already has one. For a string set, adds the given strings. */
  | 'ADD'
  /** Remove the given value of each attribute. The value must be the exact current value (read it with `attributes(names:)` first). */
  | 'REMOVE'
  /** Replace the current value of each attribute, or set it when it has none. */
  | 'REPLACE';

/**
 * Input of `updateUser`. Set only the fields to change; omitted fields are not sent.
 * With `updateType`, the gateway makes exactly one `UpdateUser` call with that update type.
 * Without it, the gateway reads the current values (one `DescribeUser`) and sends `ADD` for
 * attributes without a value and `REPLACE` for the others, as up to two calls.
 */
export type UpdateUserInput = {
  /** Idempotency token, 1 to 128 ASCII characters. Send the same token when you retry the same mutation so AWS applies it at most once within 8 hours; calls of a multi-step update each get a token derived from it. Generated when omitted. */
  clientToken?: string | null | undefined;
  /** Directory id such as `d-1234567890`. Defaults to the gateway's configured directory. */
  directoryId?: string | null | undefined;
  /** E-mail address (`mail`), at most 256 characters. */
  emailAddress?: string | null | undefined;
  /** First name (`givenName`), 1 to 64 characters. */
  givenName?: string | null | undefined;
  /** Further attributes to change, at most 25 together with the fields above. */
  otherAttributes?: Array<AttributeInput> | null | undefined;
  /** Logon name (`sAMAccountName`) of the user to change, case-insensitive. */
  samAccountName: string;
  /** Last name (`sn`), 1 to 64 characters. */
  surname?: string | null | undefined;
  /** How to apply every attribute of this input. See the input's description for what happens when it is omitted. */
  updateType?: UpdateType | null | undefined;
};

export type CreateGroupMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type CreateGroupMutation = { createGroup: { sid: string, clientToken: string, group: { id: string, samAccountName: string, groupType: GroupType | null, groupScope: GroupScope | null } | null } };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { sid: string, clientToken: string, user: { id: string, samAccountName: string, emailAddress: string | null, enabled: boolean | null } | null } };

export type DeleteGroupMutationVariables = Exact<{
  input: DeleteGroupInput;
}>;


export type DeleteGroupMutation = { deleteGroup: { samAccountName: string, clientToken: string } };

export type DeleteUserMutationVariables = Exact<{
  input: DeleteUserInput;
}>;


export type DeleteUserMutation = { deleteUser: { samAccountName: string, clientToken: string } };

export type DisableUserMutationVariables = Exact<{
  input: DisableUserInput;
}>;


export type DisableUserMutation = { disableUser: { clientToken: string, user: { samAccountName: string, enabled: boolean | null } | null } };

export type AddGroupMemberMutationVariables = Exact<{
  input: GroupMembershipInput;
}>;


export type AddGroupMemberMutation = { addGroupMember: { memberName: string, clientToken: string, group: { samAccountName: string } | null } };

export type RemoveGroupMemberMutationVariables = Exact<{
  input: GroupMembershipInput;
}>;


export type RemoveGroupMemberMutation = { removeGroupMember: { memberName: string, clientToken: string } };

export type GroupWithMembersQueryVariables = Exact<{
  samAccountName: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type GroupWithMembersQuery = { group: { id: string, samAccountName: string, groupType: GroupType | null, groupScope: GroupScope | null, attributes: Array<{ name: string, value: { S: string | null } }> | null, members: { edges: Array<{ cursor: string, node:
          | { __typename: 'Computer', id: string, samAccountName: string }
          | { __typename: 'Group', id: string, samAccountName: string }
          | { __typename: 'User', id: string, samAccountName: string, emailAddress: string | null }
         }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type GroupMembersQueryVariables = Exact<{
  groupName: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type GroupMembersQuery = { groupMembers: { nodes: Array<
      | { __typename: 'Computer', samAccountName: string, sid: string }
      | { __typename: 'Group', samAccountName: string, sid: string }
      | { __typename: 'User', samAccountName: string, sid: string }
    >, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type GroupsForMemberQueryVariables = Exact<{
  memberName: string;
  first?: number | null | undefined;
}>;


export type GroupsForMemberQuery = { groupsForMember: { nodes: Array<{ id: string, samAccountName: string, groupType: GroupType | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UserWithGroupsQueryVariables = Exact<{
  samAccountName: string;
}>;


export type UserWithGroupsQuery = { user: { id: string, samAccountName: string, groups: { nodes: Array<{ samAccountName: string }> } | null } | null };

export type ListGroupsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ListGroupsQuery = { groups: { edges: Array<{ cursor: string, node: { id: string, samAccountName: string, groupType: GroupType | null, groupScope: GroupScope | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ListUsersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  directoryId?: string | null | undefined;
}>;


export type ListUsersQuery = { users: { edges: Array<{ cursor: string, node: { samAccountName: string, enabled: boolean | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type NodeByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'Computer', samAccountName: string, id: string }
    | { __typename: 'Group', samAccountName: string, groupType: GroupType | null, id: string }
    | { __typename: 'User', samAccountName: string, enabled: boolean | null, id: string }
   | null };

export type SearchGroupsQueryVariables = Exact<{
  search: string;
  attributes?: Array<string> | string;
}>;


export type SearchGroupsQuery = { searchGroups: { nodes: Array<{ id: string, samAccountName: string, distinguishedName: string | null, groupType: GroupType | null, groupScope: GroupScope | null }> } };

export type SearchUsersQueryVariables = Exact<{
  search: string;
  attributes?: Array<string> | string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchUsersQuery = { searchUsers: { nodes: Array<{ id: string, samAccountName: string, givenName: string | null, surname: string | null, emailAddress: string | null, enabled: boolean | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UpdateGroupMutationVariables = Exact<{
  input: UpdateGroupInput;
}>;


export type UpdateGroupMutation = { updateGroup: { clientToken: string, steps: Array<{ operation: string, updateType: UpdateType | null, attributes: Array<string>, status: MutationStepStatus, error: string | null }>, group: { samAccountName: string, groupScope: GroupScope | null, attributes: Array<{ value: { S: string | null } }> | null } | null } };

export type UpdateUserAttributesMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type UpdateUserAttributesMutation = { updateUser: { clientToken: string, steps: Array<{ operation: string, updateType: UpdateType | null, attributes: Array<string>, status: MutationStepStatus, requestId: string | null }>, user: { samAccountName: string, attributes: Array<{ name: string, value: { S: string | null, N: string | null } }> | null } | null } };

export type UserByNameQueryVariables = Exact<{
  samAccountName: string;
  directoryId?: string | null | undefined;
}>;


export type UserByNameQuery = { user: { id: string, samAccountName: string, givenName: string | null, surname: string | null, emailAddress: string | null, enabled: boolean | null, attributes: Array<{ name: string, value: { S: string | null, N: string | null, BOOL: boolean | null, SS: Array<string> | null } }> | null } | null };

export type UserProfileQueryVariables = Exact<{
  samAccountName: string;
}>;


export type UserProfileQuery = { user: { samAccountName: string, givenName: string | null, surname: string | null, work: Array<{ name: string, value: { S: string | null } }> | null, account: Array<{ name: string, value: { N: string | null } }> | null } | null };


export const CreateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"groupType"}},{"kind":"Field","name":{"kind":"Name","value":"groupScope"}}]}}]}}]}}]} as unknown as DocumentNode<CreateGroupMutation, CreateGroupMutationVariables>;
export const CreateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sid"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"emailAddress"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]}}]} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const DeleteGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}}]}}]}}]} as unknown as DocumentNode<DeleteGroupMutation, DeleteGroupMutationVariables>;
export const DeleteUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}}]}}]}}]} as unknown as DocumentNode<DeleteUserMutation, DeleteUserMutationVariables>;
export const DisableUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DisableUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]}}]} as unknown as DocumentNode<DisableUserMutation, DisableUserMutationVariables>;
export const AddGroupMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddGroupMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMembershipInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addGroupMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberName"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}}]}}]}}]}}]} as unknown as DocumentNode<AddGroupMemberMutation, AddGroupMemberMutationVariables>;
export const RemoveGroupMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveGroupMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GroupMembershipInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeGroupMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberName"}},{"kind":"Field","name":{"kind":"Name","value":"clientToken"}}]}}]}}]} as unknown as DocumentNode<RemoveGroupMemberMutation, RemoveGroupMemberMutationVariables>;
export const GroupWithMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupWithMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"samAccountName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GroupName"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"samAccountName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"samAccountName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"groupType"}},{"kind":"Field","name":{"kind":"Name","value":"groupScope"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"description","block":false},{"kind":"StringValue","value":"mail","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"S"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"emailAddress"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Computer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GroupWithMembersQuery, GroupWithMembersQueryVariables>;
export const GroupMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GroupName"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupName"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"sid"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"sid"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Computer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"sid"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<GroupMembersQuery, GroupMembersQueryVariables>;
export const GroupsForMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupsForMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"memberName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberName"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupsForMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"memberName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"memberName"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"groupType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<GroupsForMemberQuery, GroupsForMemberQueryVariables>;
export const UserWithGroupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserWithGroups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"samAccountName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"samAccountName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"samAccountName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UserWithGroupsQuery, UserWithGroupsQueryVariables>;
export const ListGroupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListGroups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"groupType"}},{"kind":"Field","name":{"kind":"Name","value":"groupScope"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ListGroupsQuery, ListGroupsQueryVariables>;
export const ListUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"directoryId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"directoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"directoryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ListUsersQuery, ListUsersQueryVariables>;
export const NodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"groupType"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Computer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const SearchGroupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchGroups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attributes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"StringValue","value":"sAMAccountName","block":false},{"kind":"StringValue","value":"mail","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchGroups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"attributes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attributes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"distinguishedName"}},{"kind":"Field","name":{"kind":"Name","value":"groupType"}},{"kind":"Field","name":{"kind":"Name","value":"groupScope"}}]}}]}}]}}]} as unknown as DocumentNode<SearchGroupsQuery, SearchGroupsQueryVariables>;
export const SearchUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"attributes"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"StringValue","value":"sAMAccountName","block":false},{"kind":"StringValue","value":"mail","block":false},{"kind":"StringValue","value":"sn","block":false}]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchUsers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"attributes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"attributes"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"emailAddress"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<SearchUsersQuery, SearchUsersQueryVariables>;
export const UpdateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"updateType"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"groupScope"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"description","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"S"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpdateGroupMutation, UpdateGroupMutationVariables>;
export const UpdateUserAttributesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUserAttributes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"updateType"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"department","block":false},{"kind":"StringValue","value":"accountExpires","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"S"}},{"kind":"Field","name":{"kind":"Name","value":"N"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpdateUserAttributesMutation, UpdateUserAttributesMutationVariables>;
export const UserByNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserByName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"samAccountName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"directoryId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"samAccountName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"samAccountName"}}},{"kind":"Argument","name":{"kind":"Name","value":"directoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"directoryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"emailAddress"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"department","block":false},{"kind":"StringValue","value":"accountExpires","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"S"}},{"kind":"Field","name":{"kind":"Name","value":"N"}},{"kind":"Field","name":{"kind":"Name","value":"BOOL"}},{"kind":"Field","name":{"kind":"Name","value":"SS"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UserByNameQuery, UserByNameQueryVariables>;
export const UserProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"samAccountName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"samAccountName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"samAccountName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","alias":{"kind":"Name","value":"work"},"name":{"kind":"Name","value":"attributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"department","block":false},{"kind":"StringValue","value":"title","block":false},{"kind":"StringValue","value":"manager","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"S"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"account"},"name":{"kind":"Name","value":"attributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"pwdLastSet","block":false},{"kind":"StringValue","value":"accountExpires","block":false},{"kind":"StringValue","value":"lastLogonTimestamp","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"N"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UserProfileQuery, UserProfileQueryVariables>;