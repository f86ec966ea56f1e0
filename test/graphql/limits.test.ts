import { ApolloServer } from '@apollo/server';
import { buildSchema, getIntrospectionQuery, GraphQLError, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

import {
  createCostLimitPlugin,
  createCostLimitRule,
  createLimitRules,
  createParseOptions,
  estimateQueryCost,
  MAX_PAGE_SIZE,
} from '../../src/graphql/limits.js';

/** A schema with the shapes the cost weights depend on: Node objects, connections with `first`, payloads. */
const SDL = /* GraphQL */ `
  interface Node { id: ID! }
  type User implements Node {
    id: ID!
    samAccountName: String!
    distinguishedName: String
    emailAddress: String
    attributes(names: [String!]!): [String!]!
    groups(first: Int = 25, after: String): GroupConnection!
  }
  type Group implements Node {
    id: ID!
    samAccountName: String!
    distinguishedName: String
    members(first: Int = 25, after: String): UserConnection!
  }
  type UserConnection { nodes: [User!]! }
  type GroupConnection { nodes: [Group!]! }
  type UpdateUserPayload { user: User, clientToken: String! }
  type Query {
    node(id: ID!): Node
    user(samAccountName: String!): User
    users(first: Int = 25, after: String): UserConnection!
  }
  type Mutation { updateUser(samAccountName: String!): UpdateUserPayload! }
`;
const schema = buildSchema(SDL);

function validationErrors(query: string, limits = { maxDepth: 5, maxAliases: 2, maxDirectives: 2 }): readonly GraphQLError[] {
  return validate(schema, parse(query), [...specifiedRules, ...createLimitRules(limits)]);
}

function cost(query: string, variables?: Record<string, unknown>): number {
  return estimateQueryCost(schema, parse(query), undefined, variables);
}

describe('createLimitRules', () => {
  it('accepts a query within every limit', () => {
    expect(validationErrors('{ users { nodes { samAccountName } } }')).toEqual([]);
  });

  it('rejects a deep query', () => {
    const errors = validationErrors('{ users { nodes { groups { nodes { members { nodes { samAccountName } } } } } } }');
    expect(errors.map((error) => error.message)).toEqual([
      'The operation is nested 7 fields deep, more than the maximum depth of 5 (MAX_QUERY_DEPTH). Query fewer nested levels, or fetch the inner data in a second request.',
    ]);
    expect(errors[0]?.extensions).toEqual({ limit: 'depth', value: 7, max: 5 });
  });

  it('counts depth through fragments', () => {
    const errors = validationErrors(`
      query { users { nodes { ...G } } }
      fragment G on User { groups { nodes { members { nodes { samAccountName } } } } }
    `);
    expect(errors[0]?.extensions).toEqual({ limit: 'depth', value: 7, max: 5 });
  });

  it('does not count introspection depth', () => {
    expect(validationErrors(getIntrospectionQuery(), { maxDepth: 3, maxAliases: 0, maxDirectives: 0 })).toEqual([]);
  });

  it('rejects too many aliases', () => {
    const errors = validationErrors('{ a: user(samAccountName: "a") { id } b: user(samAccountName: "b") { id } c: user(samAccountName: "c") { id } }');
    expect(errors.map((error) => error.message)).toEqual([
      'The document uses 3 aliases, more than the maximum of 2 (MAX_QUERY_ALIASES). Use fewer aliases, or split the request.',
    ]);
  });

  it('rejects too many directives', () => {
    const errors = validationErrors('{ users { nodes { id @include(if: true) samAccountName @skip(if: false) distinguishedName @include(if: true) } } }');
    expect(errors.map((error) => error.message)).toEqual([
      'The document uses 3 directives, more than the maximum of 2 (MAX_QUERY_DIRECTIVES). Remove repeated @include or @skip directives.',
    ]);
  });

  it('survives a fragment cycle', () => {
    const errors = validationErrors(`
      query { users { nodes { ...A } } }
      fragment A on User { groups { nodes { members { nodes { ...A } } } } }
    `);
    expect(errors.some((error) => error.message.startsWith('Cannot spread fragment "A" within itself'))).toBe(true);
  });
});

describe('createParseOptions', () => {
  it('limits the token count', () => {
    const query = `{ ${'id '.repeat(50)} }`;
    expect(() => parse(query, createParseOptions({ maxTokens: 20 }))).toThrow('Syntax Error: Document contains more that 20 tokens. Parsing aborted.');
  });
});

describe('estimateQueryCost', () => {
  const cases: Array<[string, string, number]> = [
    ['a single lookup', '{ user(samAccountName: "a") { samAccountName } }', 1],
    ['a list page', '{ users(first: 100) { nodes { samAccountName } } }', 1],
    ['a Describe per listed user', '{ users(first: 10) { nodes { distinguishedName emailAddress attributes(names: ["title"]) } } }', 1 + 10],
    ['a nested list per user', '{ users(first: 10) { nodes { groups(first: 5) { nodes { samAccountName } } } } }', 1 + 10 * 1],
    ['two nested levels', '{ users(first: 10) { nodes { groups(first: 5) { nodes { members(first: 3) { nodes { id } } } } } } }', 1 + 10 * (1 + 5 * 1)],
    ['the default page size', '{ users { nodes { groups { nodes { id } } } } }', 1 + 25],
    ['an aliased lookup', '{ a: user(samAccountName: "a") { id } b: user(samAccountName: "b") { id } }', 2],
    ['a fragment on a Node', '{ node(id: "x") { ... on User { distinguishedName groups { nodes { id } } } } }', 1 + 1 + 1],
    ['a mutation read-back', 'mutation { updateUser(samAccountName: "a") { clientToken user { samAccountName } } }', 1 + 1],
    ['introspection', '{ __schema { types { name } } }', 0],
  ];

  it.each(cases)('counts %s', (_name, query, expected) => {
    expect(cost(query)).toBe(expected);
  });

  it('reads page sizes from variables', () => {
    const query = 'query ($n: Int) { users(first: 10) { nodes { groups(first: $n) { nodes { members { nodes { id } } } } } } }';
    expect(cost(query, { n: 2 })).toBe(1 + 10 * (1 + 2 * 1));
  });

  it('uses the variable default', () => {
    expect(cost('query ($n: Int = 4) { users(first: 3) { nodes { groups(first: $n) { nodes { distinguishedName } } } } }')).toBe(1 + 3 * (1 + 4));
  });

  it('assumes the largest page for an unknown variable', () => {
    expect(cost('query ($n: Int) { users(first: $n) { nodes { distinguishedName } } }')).toBe(1 + MAX_PAGE_SIZE);
  });
});

describe('createCostLimitRule', () => {
  it('rejects an operation over the maximum', () => {
    const errors = validate(schema, parse('{ users(first: 100) { nodes { emailAddress } } }'), [createCostLimitRule({ maxCost: 50 })]);
    expect(errors.map((error) => error.message)).toEqual([
      'The operation can cause up to 101 AWS calls, more than the maximum cost of 50 (MAX_QUERY_COST). Request smaller pages (`first`), fewer nested lists, or fewer fields that need a Describe call per item.',
    ]);
  });
});

describe('createCostLimitPlugin', () => {
  const server = new ApolloServer({
    typeDefs: SDL,
    resolvers: { Query: { users: () => ({ nodes: [] }) }, Node: { __resolveType: () => 'User' } },
    plugins: [createCostLimitPlugin({ maxCost: 50 })],
  });

  it('rejects a costly operation with 400', async () => {
    const response = await server.executeOperation({
      query: 'query ($n: Int) { users(first: $n) { nodes { emailAddress } } }',
      variables: { n: 60 },
    });
    expect(response.http.status).toBe(400);
    expect(response.body.kind).toBe('single');
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    expect(result?.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', value: 61, max: 50 });
    expect(result?.data).toBeUndefined();
  });

  it('accepts the same operation with a small page', async () => {
    const response = await server.executeOperation({
      query: 'query ($n: Int) { users(first: $n) { nodes { emailAddress } } }',
      variables: { n: 10 },
    });
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    expect(result?.errors).toBeUndefined();
    expect(result?.data).toEqual({ users: { nodes: [] } });
  });

  it('costs a document whose page size is a variable anew for every request', async () => {
    const query = 'query Page($n: Int) { users(first: $n) { nodes { emailAddress } } }';
    const statuses: Array<number | undefined> = [];
    for (const n of [10, 60, 10]) {
      const response = await server.executeOperation({ query, variables: { n } });
      statuses.push(response.http.status);
    }
    expect(statuses).toEqual([undefined, 400, undefined]);
  });

  it('costs each operation of one document on its own', async () => {
    const query = 'query Small { users(first: 5) { nodes { emailAddress } } } query Large { users(first: 80) { nodes { emailAddress } } }';
    const costs: unknown[] = [];
    for (const operationName of ['Small', 'Large', 'Small', 'Large']) {
      const response = await server.executeOperation({ query, operationName });
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      costs.push(result?.errors?.[0]?.extensions?.['value'] ?? 'accepted');
    }
    expect(costs).toEqual(['accepted', 81, 'accepted', 81]);
  });
});

describe('limits with random documents', () => {
  function createRandom(seed: number) {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }

  /** Builds a random selection on User or Group, with aliases, fragments and page sizes. */
  function randomSelection(random: () => number, type: 'User' | 'Group', depth: number): string {
    const leaves = type === 'User' ? ['id', 'samAccountName', 'distinguishedName', 'emailAddress', 'attributes(names: ["title"])'] : ['id', 'samAccountName', 'distinguishedName'];
    const parts: string[] = [];
    const count = 1 + Math.floor(random() * 4);
    for (let index = 0; index < count; index += 1) {
      const alias = random() < 0.3 ? `a${index}: ` : '';
      if (depth > 0 && random() < 0.5) {
        const first = random() < 0.5 ? `(first: ${Math.floor(random() * 300)})` : '';
        const [field, child] = type === 'User' ? ['groups', 'Group' as const] : ['members', 'User' as const];
        parts.push(`${alias}${field}${first} { nodes { ${randomSelection(random, child, depth - 1)} } }`);
      } else if (random() < 0.2) {
        parts.push(`... on ${type} { ${leaves[Math.floor(random() * leaves.length)]} }`);
      } else {
        parts.push(`${alias}${leaves[Math.floor(random() * leaves.length)]}`);
      }
    }
    return parts.join(' ');
  }

  it('estimates and validates without throwing', () => {
    const random = createRandom(42);
    for (let run = 0; run < 300; run += 1) {
      const query = `{ users(first: ${1 + Math.floor(random() * 250)}) { nodes { ${randomSelection(random, 'User', Math.floor(random() * 6))} } } }`;
      const document = parse(query);
      const estimate = estimateQueryCost(schema, document, undefined, undefined);

      expect(Number.isSafeInteger(estimate), query).toBe(true);
      expect(estimate, query).toBeGreaterThanOrEqual(1);
      expect(() => validate(schema, document, [...createLimitRules({ maxDepth: 10, maxAliases: 15, maxDirectives: 10 }), createCostLimitRule({ maxCost: 50 })])).not.toThrow();
    }
  });
});
