/**
 * The call economy suite: GraphQL operations against the emulator's demo directory, each
 * with the smallest number of DS Data calls that can resolve it and the reason.
 *
 * A minimum follows from what each AWS operation returns. `DescribeUser` and `DescribeGroup`
 * return every core field and up to 25 named attributes in one call. `ListUsers` returns
 * summaries (SID, SAMAccountName, GivenName, Surname, Enabled) without e-mail, DN or UPN.
 * `SearchUsers` returns full users. `ListGroups` and `ListGroupsForMember` return group
 * summaries (SID, SAMAccountName, GroupType, GroupScope), and `ListGroupMembers` returns
 * SID, SAMAccountName and MemberType. A field that a list already carried needs no
 * describe, and a root field that returns null for a missing object needs one call to find out.
 */
import type { OperationName } from '../src/ds-data/operations.js';

export interface SuiteQuery {
  readonly name: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** Minimum DS Data calls per operation. */
  readonly minimumCalls: Readonly<Partial<Record<OperationName, number>>>;
  /** Reason for the minimum, in terms of what each AWS operation returns. */
  readonly reason: string;
}

export const SUITE_DIRECTORY_ID = 'd-1234567890';

export const QUERY_SUITE: readonly SuiteQuery[] = [
  {
    name: 'user core fields',
    query: 'query { user(samAccountName: "jdoe") { samAccountName sid givenName surname emailAddress enabled } }',
    minimumCalls: { DescribeUser: 1 },
    reason: 'One DescribeUser returns every core field.',
  },
  {
    name: 'same user twice by alias',
    query:
      'query { a: user(samAccountName: "jdoe") { givenName } b: user(samAccountName: "JDOE") { surname emailAddress } }',
    minimumCalls: { DescribeUser: 1 },
    reason: 'Both aliases name the same user (account names ignore case), so one describe serves both.',
  },
  {
    name: 'user with two attribute selections',
    query:
      'query { user(samAccountName: "jdoe") { givenName attributes(names: ["department", "title"]) { name value { S } } ' +
      'phone: attributes(names: ["telephoneNumber", "mobile"]) { name value { S } } } }',
    minimumCalls: { DescribeUser: 1 },
    reason: 'The core fields and all four attribute names (at most 25) fit in one DescribeUser.',
  },
  {
    name: 'missing user',
    query: 'query { user(samAccountName: "nobody") { givenName surname } }',
    minimumCalls: { DescribeUser: 1 },
    reason: 'One describe finds that the user does not exist, and the field is null.',
  },
  {
    name: 'user with group memberships',
    query:
      'query { user(samAccountName: "jdoe") { givenName groups(first: 25) { nodes { samAccountName groupType groupScope } } } }',
    minimumCalls: { DescribeUser: 1, ListGroupsForMember: 1 },
    reason: 'The user needs a describe; the group summaries carry name, type and scope, so groups need no describe.',
  },
  {
    name: 'users page from summaries',
    query: 'query { users(first: 10) { nodes { samAccountName sid givenName surname enabled } pageInfo { hasNextPage } } }',
    minimumCalls: { ListUsers: 1 },
    reason: 'Every selected field is in the ListUsers summary.',
  },
  {
    name: 'users page needing e-mail',
    query: 'query { users(first: 5) { nodes { samAccountName emailAddress } } }',
    minimumCalls: { ListUsers: 1, DescribeUser: 5 },
    reason: 'The ListUsers summary has no e-mail, so each of the 5 users needs one describe.',
  },
  {
    name: 'user search with full fields',
    query: 'query { searchUsers(search: "Doe", attributes: ["sn"], first: 10) { nodes { samAccountName emailAddress givenName } } }',
    minimumCalls: { SearchUsers: 1 },
    reason: 'SearchUsers returns full users, e-mail included.',
  },
  {
    name: 'groups page from summaries',
    query: 'query { groups(first: 10) { nodes { samAccountName sid groupType groupScope } } }',
    minimumCalls: { ListGroups: 1 },
    reason: 'Every selected field is in the ListGroups summary.',
  },
  {
    name: 'group with members',
    query:
      'query { group(samAccountName: "Engineering") { groupType members(first: 25) { nodes { __typename ... on User { samAccountName } ... on Group { samAccountName } } } } }',
    minimumCalls: { DescribeGroup: 1, ListGroupMembers: 1 },
    reason: 'The group needs a describe for its type; member names and types come from ListGroupMembers.',
  },
  {
    name: 'update user with update type',
    query:
      'mutation { updateUser(input: { samAccountName: "jdoe", givenName: "Jane", updateType: REPLACE }) { clientToken } }',
    minimumCalls: { UpdateUser: 1 },
    reason: 'With an update type and no user selected, one UpdateUser does the whole change.',
  },
];

/** Returns the total of a call map. */
export function totalCalls(calls: Readonly<Partial<Record<string, number>>>): number {
  return Object.values(calls).reduce<number>((sum, count) => sum + (count ?? 0), 0);
}

/** Counts calls by operation name. */
export function countByOperation(operations: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const operation of operations) {
    counts[operation] = (counts[operation] ?? 0) + 1;
  }
  return counts;
}
