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

/** How the gateway carried out one AWS call of a mutation. */
export type MutationStepStatus =
  /** The call succeeded: its change is in the directory. */
  | 'APPLIED'
  /** The call failed: see the step's `error`. Later steps were not attempted. */
  | 'FAILED'
  /** The call was not made because an earlier step failed. */
  | 'NOT_ATTEMPTED';

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

export type ListUsersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  directoryId?: string | null | undefined;
}>;


export type ListUsersQuery = { users: { edges: Array<{ cursor: string, node: { samAccountName: string, enabled: boolean | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UpdateUserAttributesMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type UpdateUserAttributesMutation = { updateUser: { clientToken: string, steps: Array<{ operation: string, updateType: UpdateType | null, attributes: Array<string>, status: MutationStepStatus, requestId: string | null }>, user: { samAccountName: string, attributes: Array<{ name: string, value: { S: string | null, N: string | null } }> | null } | null } };

export type UserByNameQueryVariables = Exact<{
  samAccountName: string;
  directoryId?: string | null | undefined;
}>;


export type UserByNameQuery = { user: { id: string, samAccountName: string, givenName: string | null, surname: string | null, emailAddress: string | null, enabled: boolean | null, attributes: Array<{ name: string, value: { S: string | null, N: string | null, BOOL: boolean | null, SS: Array<string> | null } }> | null } | null };


export const ListUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"directoryId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"directoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"directoryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ListUsersQuery, ListUsersQueryVariables>;
export const UpdateUserAttributesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUserAttributes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientToken"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"updateType"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"department","block":false},{"kind":"StringValue","value":"accountExpires","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"S"}},{"kind":"Field","name":{"kind":"Name","value":"N"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpdateUserAttributesMutation, UpdateUserAttributesMutationVariables>;
export const UserByNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserByName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"samAccountName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"directoryId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"samAccountName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"samAccountName"}}},{"kind":"Argument","name":{"kind":"Name","value":"directoryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"directoryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"samAccountName"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"emailAddress"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"department","block":false},{"kind":"StringValue","value":"accountExpires","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"S"}},{"kind":"Field","name":{"kind":"Name","value":"N"}},{"kind":"Field","name":{"kind":"Name","value":"BOOL"}},{"kind":"Field","name":{"kind":"Name","value":"SS"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UserByNameQuery, UserByNameQueryVariables>;