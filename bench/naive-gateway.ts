/**
 * A deliberately naive GraphQL gateway, the comparison point of the call economy benchmark.
 *
 * It accepts the same queries as the real gateway for the benchmark suite but resolves every
 * field on its own. Each scalar field of a user or group makes its own describe call, lists
 * return only names, and nothing is cached or batched within a request. This is what a
 * schema-first server with one resolver per field and no DataLoader does.
 */
import { randomUUID } from 'node:crypto';

import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify from 'fastify';

import {
  DescribeGroupCommand,
  DescribeUserCommand,
  DirectoryServiceDataClient,
  ListGroupMembersCommand,
  ListGroupsCommand,
  ListGroupsForMemberCommand,
  ListUsersCommand,
  ResourceNotFoundException,
  SearchUsersCommand,
  UpdateUserCommand,
  type AttributeValue,
} from '../src/ds-data/index.js';
import type { RunningServer } from './baselines.js';
import { requireEndpoint } from './bench-config.js';

const TYPE_DEFS = /* GraphQL */ `
  type AttributeValue { S: String N: String BOOL: Boolean SS: [String!] }
  type Attribute { name: String! value: AttributeValue! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }

  type User {
    samAccountName: String!
    sid: String
    distinguishedName: String
    userPrincipalName: String
    emailAddress: String
    givenName: String
    surname: String
    enabled: Boolean
    attributes(names: [String!]!): [Attribute!]!
    groups(first: Int = 25): GroupConnection!
  }
  type UserConnection { nodes: [User!]! pageInfo: PageInfo! }

  type Group {
    samAccountName: String!
    sid: String
    distinguishedName: String
    groupType: String
    groupScope: String
    attributes(names: [String!]!): [Attribute!]!
    members(first: Int = 25): GroupMemberConnection!
  }
  type GroupConnection { nodes: [Group!]! pageInfo: PageInfo! }

  type Computer { samAccountName: String! sid: String }
  union GroupMember = User | Group | Computer
  type GroupMemberConnection { nodes: [GroupMember!]! pageInfo: PageInfo! }

  enum UpdateType { ADD REPLACE REMOVE }
  input UpdateUserInput {
    directoryId: String
    samAccountName: String!
    givenName: String
    surname: String
    updateType: UpdateType
  }
  type UpdateUserPayload { clientToken: String! }

  type Query {
    user(directoryId: String, samAccountName: String!): User
    users(directoryId: String, first: Int = 25): UserConnection!
    searchUsers(directoryId: String, search: String!, attributes: [String!]! = ["sAMAccountName"], first: Int = 25): UserConnection!
    group(directoryId: String, samAccountName: String!): Group
    groups(directoryId: String, first: Int = 25): GroupConnection!
  }
  type Mutation {
    updateUser(input: UpdateUserInput!): UpdateUserPayload!
  }
`;

/** Reference to an object from a list: only what a describe call needs. */
interface ObjectRef {
  readonly directoryId: string;
  readonly samAccountName: string;
  readonly kind: 'User' | 'Group' | 'Computer';
}

const USER_FIELDS = {
  sid: 'SID',
  distinguishedName: 'DistinguishedName',
  userPrincipalName: 'UserPrincipalName',
  emailAddress: 'EmailAddress',
  givenName: 'GivenName',
  surname: 'Surname',
  enabled: 'Enabled',
} as const;

const GROUP_FIELDS = {
  sid: 'SID',
  distinguishedName: 'DistinguishedName',
  groupType: 'GroupType',
  groupScope: 'GroupScope',
} as const;

const MEMBER_KINDS: Readonly<Record<string, ObjectRef['kind']>> = { USER: 'User', GROUP: 'Group', COMPUTER: 'Computer' };

export interface NaiveGatewayOptions {
  readonly endpoint: string;
  readonly directoryId: string;
}

/** Starts the naive gateway on 127.0.0.1 and a free port. */
export async function startNaiveGateway(options: NaiveGatewayOptions): Promise<RunningServer> {
  const client = new DirectoryServiceDataClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    endpoint: requireEndpoint(options.endpoint),
  });

  const describeUser = (ref: ObjectRef, names?: string[]) =>
    client.send(
      new DescribeUserCommand({
        DirectoryId: ref.directoryId,
        SAMAccountName: ref.samAccountName,
        ...(names ? { OtherAttributes: names } : {}),
      }),
    );
  const describeGroup = (ref: ObjectRef, names?: string[]) =>
    client.send(
      new DescribeGroupCommand({
        DirectoryId: ref.directoryId,
        SAMAccountName: ref.samAccountName,
        ...(names ? { OtherAttributes: names } : {}),
      }),
    );

  const directoryOf = (args: { directoryId?: string }) => args.directoryId ?? options.directoryId;
  const userRef = (directoryId: string, samAccountName: string | undefined): ObjectRef => ({
    directoryId,
    samAccountName: samAccountName ?? '',
    kind: 'User',
  });
  const groupRef = (directoryId: string, samAccountName: string | undefined): ObjectRef => ({
    directoryId,
    samAccountName: samAccountName ?? '',
    kind: 'Group',
  });

  /** Describes the object and returns null when it does not exist, as `user` and `group` do. */
  const nullWhenMissing = async (lookup: Promise<unknown>, ref: ObjectRef): Promise<ObjectRef | null> => {
    try {
      await lookup;
      return ref;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) {
        return null;
      }
      throw error;
    }
  };

  const page = (refs: ObjectRef[], nextToken: string | undefined) => ({
    nodes: refs,
    pageInfo: { hasNextPage: nextToken !== undefined, endCursor: nextToken ?? null },
  });

  const fieldResolvers = <Fields extends Record<string, string>>(
    fields: Fields,
    describe: (ref: ObjectRef) => Promise<Record<string, unknown>>,
  ) =>
    Object.fromEntries(
      Object.entries(fields).map(([field, member]) => [field, async (ref: ObjectRef) => (await describe(ref))[member] ?? null]),
    );

  const attributes = async (lookup: Promise<{ OtherAttributes?: Record<string, AttributeValue> | undefined }>) => {
    const result = await lookup;
    return Object.entries(result.OtherAttributes ?? {}).map(([name, value]) => ({
      name,
      value: 'N' in value && typeof value.N === 'bigint' ? { N: value.N.toString() } : value,
    }));
  };

  const resolvers = {
    Query: {
      user: (_: unknown, args: { directoryId?: string; samAccountName: string }) => {
        const ref = userRef(directoryOf(args), args.samAccountName);
        return nullWhenMissing(describeUser(ref), ref);
      },
      group: (_: unknown, args: { directoryId?: string; samAccountName: string }) => {
        const ref = groupRef(directoryOf(args), args.samAccountName);
        return nullWhenMissing(describeGroup(ref), ref);
      },
      users: async (_: unknown, args: { directoryId?: string; first: number }) => {
        const directoryId = directoryOf(args);
        const result = await client.send(new ListUsersCommand({ DirectoryId: directoryId, MaxResults: args.first }));
        return page((result.Users ?? []).map((user) => userRef(directoryId, user.SAMAccountName)), result.NextToken);
      },
      searchUsers: async (_: unknown, args: { directoryId?: string; search: string; attributes: string[]; first: number }) => {
        const directoryId = directoryOf(args);
        const result = await client.send(
          new SearchUsersCommand({
            DirectoryId: directoryId,
            SearchString: args.search,
            SearchAttributes: args.attributes,
            MaxResults: args.first,
          }),
        );
        return page((result.Users ?? []).map((user) => userRef(directoryId, user.SAMAccountName)), result.NextToken);
      },
      groups: async (_: unknown, args: { directoryId?: string; first: number }) => {
        const directoryId = directoryOf(args);
        const result = await client.send(new ListGroupsCommand({ DirectoryId: directoryId, MaxResults: args.first }));
        return page((result.Groups ?? []).map((group) => groupRef(directoryId, group.SAMAccountName)), result.NextToken);
      },
    },
    Mutation: {
      updateUser: async (_: unknown, args: { input: Record<string, string | undefined> & { samAccountName: string } }) => {
        const { input } = args;
        const clientToken = randomUUID();
        await client.send(
          new UpdateUserCommand({
            DirectoryId: input['directoryId'] ?? options.directoryId,
            SAMAccountName: input.samAccountName,
            ...(input['givenName'] === undefined ? {} : { GivenName: input['givenName'] }),
            ...(input['surname'] === undefined ? {} : { Surname: input['surname'] }),
            ...(input['updateType'] === undefined ? {} : { UpdateType: input['updateType'] as 'ADD' | 'REPLACE' | 'REMOVE' }),
            ClientToken: clientToken,
          }),
        );
        return { clientToken };
      },
    },
    User: {
      samAccountName: async (ref: ObjectRef) => (await describeUser(ref)).SAMAccountName,
      ...fieldResolvers(USER_FIELDS, (ref) => describeUser(ref) as unknown as Promise<Record<string, unknown>>),
      attributes: (ref: ObjectRef, args: { names: string[] }) => attributes(describeUser(ref, args.names)),
      groups: async (ref: ObjectRef, args: { first: number }) => {
        const result = await client.send(
          new ListGroupsForMemberCommand({ DirectoryId: ref.directoryId, SAMAccountName: ref.samAccountName, MaxResults: args.first }),
        );
        return page((result.Groups ?? []).map((group) => groupRef(ref.directoryId, group.SAMAccountName)), result.NextToken);
      },
    },
    Group: {
      samAccountName: async (ref: ObjectRef) => (await describeGroup(ref)).SAMAccountName,
      ...fieldResolvers(GROUP_FIELDS, (ref) => describeGroup(ref) as unknown as Promise<Record<string, unknown>>),
      groupType: async (ref: ObjectRef) => (await describeGroup(ref)).GroupType?.toUpperCase() ?? null,
      groupScope: async (ref: ObjectRef) => groupScopeName((await describeGroup(ref)).GroupScope),
      attributes: (ref: ObjectRef, args: { names: string[] }) => attributes(describeGroup(ref, args.names)),
      members: async (ref: ObjectRef, args: { first: number }) => {
        const result = await client.send(
          new ListGroupMembersCommand({ DirectoryId: ref.directoryId, SAMAccountName: ref.samAccountName, MaxResults: args.first }),
        );
        const members = (result.Members ?? []).map(
          (member): ObjectRef => ({
            directoryId: ref.directoryId,
            samAccountName: member.SAMAccountName ?? '',
            kind: MEMBER_KINDS[member.MemberType ?? 'USER'] ?? 'User',
          }),
        );
        return page(members, result.NextToken);
      },
    },
    // A computer can only be read through the member list that named it.
    Computer: {
      samAccountName: (ref: ObjectRef) => ref.samAccountName,
      sid: () => null,
    },
    GroupMember: {
      __resolveType: (ref: ObjectRef) => ref.kind,
    },
  };

  const app = Fastify();
  const apollo = new ApolloServer({ typeDefs: TYPE_DEFS, resolvers, plugins: [fastifyApolloDrainPlugin(app)] });
  await apollo.start();
  await app.register(fastifyApollo(apollo));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      await app.close();
      client.destroy();
    },
  };
}

/** Maps the AWS group scope to the GraphQL enum spelling, such as `DomainLocal` to `DOMAIN_LOCAL`. */
function groupScopeName(scope: string | undefined): string | null {
  return scope === undefined ? null : scope.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}
