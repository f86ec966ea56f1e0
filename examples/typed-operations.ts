/**
 * A typed GraphQL client in about thirty lines, on the documents that `npm run
 * codegen:client` generates from examples/*.graphql. A frontend would use Apollo Client,
 * urql or graphql-request with the same `TypedDocumentNode`s. This file shows what the
 * types give without any of them: results, variables and the `@oneOf` attribute input
 * are all checked at compile time.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

import {
  UpdateUserAttributesDocument,
  UserByNameDocument,
  type AttributeValueInput,
} from './generated/graphql.js';

/** A GraphQL error as the gateway sends it; `extensions.code` is the stable public code. */
export interface GatewayError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GatewayResult<TData> {
  data?: TData | null;
  errors?: GatewayError[];
}

/**
 * Posts `document` with `variables` to the gateway and returns the parsed response.
 * Throws only when the HTTP exchange itself fails; GraphQL errors come back in `errors`.
 */
export async function executeOperation<TData, TVariables>(
  endpoint: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  headers: Record<string, string> = {},
): Promise<GatewayResult<TData>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) {
    throw new Error(`The gateway at ${endpoint} responded with HTTP ${response.status} and ${contentType || 'no content type'}, not a GraphQL response.`);
  }
  return (await response.json()) as GatewayResult<TData>;
}

/** Reads user `jdoe`; the result type is inferred from examples/user-by-name.graphql. */
export async function readJaneDoe(endpoint: string): Promise<string | null | undefined> {
  const result = await executeOperation(endpoint, UserByNameDocument, { samAccountName: 'jdoe' });
  const user = result.data?.user;
  return user ? `${user.givenName ?? ''} ${user.surname ?? ''} <${user.emailAddress ?? 'no e-mail'}>` : null;
}

/** Sets `department` and `accountExpires` on a user, retry-safe through `clientToken`. */
export async function updateDepartment(endpoint: string, samAccountName: string, department: string, clientToken: string) {
  const departmentValue: AttributeValueInput = { S: department };
  // FILETIME for 2030-01-01 UTC, sent as a decimal string so no digit is lost.
  const accountExpiresValue: AttributeValueInput = { N: '135379296000000000' };

  return executeOperation(endpoint, UpdateUserAttributesDocument, {
    input: {
      samAccountName,
      clientToken,
      updateType: 'REPLACE',
      otherAttributes: [
        { name: 'department', value: departmentValue },
        { name: 'accountExpires', value: accountExpiresValue },
      ],
    },
  });
}

// The compiler rejects an attribute value with two members, as the gateway would at run time.
// @ts-expect-error AttributeValueInput takes exactly one of S, N, BOOL or SS.
export const rejectedAtCompileTime: AttributeValueInput = { S: 'Sales', BOOL: true };
