/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query ListUsers($first: Int = 25, $after: String, $directoryId: String) {\n  users(first: $first, after: $after, directoryId: $directoryId) {\n    edges {\n      cursor\n      node {\n        samAccountName\n        enabled\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.ListUsersDocument,
    "mutation UpdateUserAttributes($input: UpdateUserInput!) {\n  updateUser(input: $input) {\n    clientToken\n    steps {\n      operation\n      updateType\n      attributes\n      status\n      requestId\n    }\n    user {\n      samAccountName\n      attributes(names: [\"department\", \"accountExpires\"]) {\n        name\n        value {\n          S\n          N\n        }\n      }\n    }\n  }\n}": typeof types.UpdateUserAttributesDocument,
    "query UserByName($samAccountName: String!, $directoryId: String) {\n  user(samAccountName: $samAccountName, directoryId: $directoryId) {\n    id\n    samAccountName\n    givenName\n    surname\n    emailAddress\n    enabled\n    attributes(names: [\"department\", \"accountExpires\"]) {\n      name\n      value {\n        S\n        N\n        BOOL\n        SS\n      }\n    }\n  }\n}": typeof types.UserByNameDocument,
};
const documents: Documents = {
    "query ListUsers($first: Int = 25, $after: String, $directoryId: String) {\n  users(first: $first, after: $after, directoryId: $directoryId) {\n    edges {\n      cursor\n      node {\n        samAccountName\n        enabled\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.ListUsersDocument,
    "mutation UpdateUserAttributes($input: UpdateUserInput!) {\n  updateUser(input: $input) {\n    clientToken\n    steps {\n      operation\n      updateType\n      attributes\n      status\n      requestId\n    }\n    user {\n      samAccountName\n      attributes(names: [\"department\", \"accountExpires\"]) {\n        name\n        value {\n          S\n          N\n        }\n      }\n    }\n  }\n}": types.UpdateUserAttributesDocument,
    "query UserByName($samAccountName: String!, $directoryId: String) {\n  user(samAccountName: $samAccountName, directoryId: $directoryId) {\n    id\n    samAccountName\n    givenName\n    surname\n    emailAddress\n    enabled\n    attributes(names: [\"department\", \"accountExpires\"]) {\n      name\n      value {\n        S\n        N\n        BOOL\n        SS\n      }\n    }\n  }\n}": types.UserByNameDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ListUsers($first: Int = 25, $after: String, $directoryId: String) {\n  users(first: $first, after: $after, directoryId: $directoryId) {\n    edges {\n      cursor\n      node {\n        samAccountName\n        enabled\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query ListUsers($first: Int = 25, $after: String, $directoryId: String) {\n  users(first: $first, after: $after, directoryId: $directoryId) {\n    edges {\n      cursor\n      node {\n        samAccountName\n        enabled\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateUserAttributes($input: UpdateUserInput!) {\n  updateUser(input: $input) {\n    clientToken\n    steps {\n      operation\n      updateType\n      attributes\n      status\n      requestId\n    }\n    user {\n      samAccountName\n      attributes(names: [\"department\", \"accountExpires\"]) {\n        name\n        value {\n          S\n          N\n        }\n      }\n    }\n  }\n}"): (typeof documents)["mutation UpdateUserAttributes($input: UpdateUserInput!) {\n  updateUser(input: $input) {\n    clientToken\n    steps {\n      operation\n      updateType\n      attributes\n      status\n      requestId\n    }\n    user {\n      samAccountName\n      attributes(names: [\"department\", \"accountExpires\"]) {\n        name\n        value {\n          S\n          N\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserByName($samAccountName: String!, $directoryId: String) {\n  user(samAccountName: $samAccountName, directoryId: $directoryId) {\n    id\n    samAccountName\n    givenName\n    surname\n    emailAddress\n    enabled\n    attributes(names: [\"department\", \"accountExpires\"]) {\n      name\n      value {\n        S\n        N\n        BOOL\n        SS\n      }\n    }\n  }\n}"): (typeof documents)["query UserByName($samAccountName: String!, $directoryId: String) {\n  user(samAccountName: $samAccountName, directoryId: $directoryId) {\n    id\n    samAccountName\n    givenName\n    surname\n    emailAddress\n    enabled\n    attributes(names: [\"department\", \"accountExpires\"]) {\n      name\n      value {\n        S\n        N\n        BOOL\n        SS\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;