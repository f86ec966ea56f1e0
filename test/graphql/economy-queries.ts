/**
 * Representative queries whose AWS call counts the call-economy test checks, with the
 * minimum each one costs under the documented DS Data API. The performance benchmark
 * sends the same queries, so they are exported as data.
 *
 * Facts of the documented API the minimums rest on:
 * - `ListUsers` returns `UserSummary` items: SID, SAMAccountName, GivenName, Surname and
 *   Enabled. A member that is absent means the user has no value (the AWS CLI examples
 *   show unset names missing from the output). `EmailAddress` is not in the summary.
 * - `ListGroupMembers` returns SID, SAMAccountName and MemberType per member, nothing else.
 * - `DescribeUser` and `DescribeGroup` describe one object per call (there is no batch
 *   describe) and return every top-level field plus up to 25 `OtherAttributes` per call.
 * - Account names compare without case in Active Directory, so `jdoe` and `JDoe` are one user.
 */
import { demoSeed, type EmulatorSeed, type GroupSeed, type UserSeed } from '../../src/emulator/index.js';

export interface EconomyCase {
  readonly name: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** Fewest AWS calls the documented API allows for this query, on the economy seed. */
  readonly minimumCalls: number;
  /** The AWS operations those calls are, sorted by name. */
  readonly operations: readonly string[];
  /** Why the minimum is what it is. */
  readonly reasoning: string;
}

/** Name of the seeded group with exactly `LARGE_GROUP_SIZE` user members. */
export const LARGE_GROUP = 'Large Team';
export const LARGE_GROUP_SIZE = 100;

/** Logon names of the members of `LARGE_GROUP`: `member001` to `member100`. */
export function largeGroupMemberNames(): string[] {
  return Array.from({ length: LARGE_GROUP_SIZE }, (_, index) => `member${String(index + 1).padStart(3, '0')}`);
}

/** Builds the demo directory plus `LARGE_GROUP` and its 100 users, each with an e-mail address. */
export function economySeed(): EmulatorSeed {
  const seed = demoSeed();
  const [directory, ...others] = seed.directories;
  if (!directory) {
    throw new Error('The demo seed holds no directory.');
  }
  const members: UserSeed[] = largeGroupMemberNames().map((name, index) => ({
    SAMAccountName: name,
    GivenName: 'Member',
    Surname: String(index + 1),
    EmailAddress: `${name}@corp.example.com`,
  }));
  const group: GroupSeed = { SAMAccountName: LARGE_GROUP, Members: members.map((user) => user.SAMAccountName) };
  return {
    directories: [
      { ...directory, users: [...(directory.users ?? []), ...members], groups: [...(directory.groups ?? []), group] },
      ...others,
    ],
  };
}

function repeat(operation: string, count: number): string[] {
  return Array.from({ length: count }, () => operation);
}

export const ECONOMY_CASES: readonly EconomyCase[] = [
  {
    name: 'list users with summary fields only',
    query: /* GraphQL */ `
      query EconomyUserSummaries {
        users(first: 50) {
          edges {
            cursor
            node { id sid samAccountName givenName surname enabled }
          }
          pageInfo { hasNextPage endCursor }
        }
      }
    `,
    minimumCalls: 1,
    operations: ['ListUsers'],
    reasoning:
      'Every selected field is a UserSummary member (id is built from the SID and the name), so one ' +
      'ListUsers page answers the query, including users whose given name or surname is unset.',
  },
  {
    name: 'list users with e-mail',
    query: /* GraphQL */ `
      query EconomyUserEmails {
        users(first: 10) {
          nodes { samAccountName emailAddress }
        }
      }
    `,
    minimumCalls: 11,
    operations: ['ListUsers', ...repeat('DescribeUser', 10)],
    reasoning:
      'EmailAddress is not in UserSummary and there is no batch describe: one ListUsers page of 10 ' +
      'users plus one DescribeUser per user.',
  },
  {
    name: 'group with 100 members and their e-mail',
    query: /* GraphQL */ `
      query EconomyLargeGroup($name: GroupName!) {
        group(samAccountName: $name) {
          samAccountName
          distinguishedName
          members(first: 100) {
            nodes {
              __typename
              ... on User { samAccountName emailAddress }
            }
            pageInfo { hasNextPage }
          }
        }
      }
    `,
    variables: { name: LARGE_GROUP },
    minimumCalls: 2 + LARGE_GROUP_SIZE,
    operations: ['DescribeGroup', 'ListGroupMembers', ...repeat('DescribeUser', LARGE_GROUP_SIZE)],
    reasoning:
      'distinguishedName comes only from DescribeGroup; one ListGroupMembers page of 100 (the limit is ' +
      '250) lists the members with SID, name and type only, so each e-mail address costs one DescribeUser.',
  },
  {
    name: 'one user under two aliases',
    query: /* GraphQL */ `
      query EconomyUserTwice {
        first: user(samAccountName: "jdoe") { samAccountName emailAddress }
        second: user(samAccountName: "JDoe") { givenName surname enabled }
      }
    `,
    minimumCalls: 1,
    operations: ['DescribeUser'],
    reasoning: 'Both aliases name the same account (names compare without case), and one DescribeUser returns every field.',
  },
  {
    name: 'two attribute fields on one user',
    query: /* GraphQL */ `
      query EconomyTwoAttributeFields {
        user(samAccountName: "jdoe") {
          samAccountName
          work: attributes(names: ["department", "title"]) { name value { S } }
          contact: attributes(names: ["telephoneNumber", "mobile"]) { name value { S } }
        }
      }
    `,
    minimumCalls: 1,
    operations: ['DescribeUser'],
    reasoning: 'The four names fit in one DescribeUser call (up to 25 OtherAttributes per call).',
  },
  {
    name: '30 attribute names over two fields',
    query: /* GraphQL */ `
      query EconomyThirtyAttributes {
        user(samAccountName: "jdoe") {
          contact: attributes(names: [
            "assistant", "cn", "co", "company", "department", "description", "directReports", "displayName",
            "facsimileTelephoneNumber", "homePhone", "info", "initials", "ipPhone", "l", "manager"
          ]) { name }
          more: attributes(names: [
            "mobile", "objectClass", "objectGUID", "pager", "physicalDeliveryOfficeName", "postalCode", "preferredLanguage",
            "proxyAddresses", "servicePrincipalName", "st", "streetAddress", "telephoneNumber", "title", "whenChanged", "wWWHomePage"
          ]) { name }
        }
      }
    `,
    minimumCalls: 2,
    operations: ['DescribeUser', 'DescribeUser'],
    reasoning: 'DescribeUser takes at most 25 OtherAttributes names, so the union of 30 distinct names needs two calls.',
  },
];
