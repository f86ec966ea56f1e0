import { buildSchema, execute, parse, type DocumentNode, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';

import { selectedAttributeNames } from '../../src/graphql/selection.js';

const schema = buildSchema(/* GraphQL */ `
  type User {
    samAccountName: String!
    attributes(names: [String!]!): [String!]!
  }
  type Query {
    user: User
  }
`);

/** Runs `document` and returns what the look-ahead of the root `user` field saw. */
function lookahead(document: DocumentNode, variableValues?: Record<string, unknown>): string[] {
  let seen: string[] | undefined;
  const result = execute({
    schema,
    document,
    variableValues,
    rootValue: {
      user: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
        seen = selectedAttributeNames(info);
        return null;
      },
    },
  });
  expect(result).toEqual({ data: { user: null } });
  return seen as string[];
}

describe('selectedAttributeNames', () => {
  it('finds no names without attributes', () => {
    const document = parse('{ user { samAccountName } }');

    expect(lookahead(document)).toEqual([]);
    expect(lookahead(document)).toEqual([]);
  });

  it('reads the names from variables on each request of the same document', () => {
    const document = parse('query ($names: [String!]!) { user { samAccountName attributes(names: $names) } }');

    expect(lookahead(document, { names: ['department', 'title'] })).toEqual(['department', 'title']);
    expect(lookahead(document, { names: ['manager'] })).toEqual(['manager']);
  });

  it('finds names through fragments, and an empty list asks for none', () => {
    const document = parse(`
      query ($names: [String!]!) { user { ...Names ... on User { attributes(names: ["Title", "department"]) } } }
      fragment Names on User { attributes(names: $names) }
    `);

    expect(lookahead(document, { names: [] })).toEqual(['Title', 'department']);
    expect(lookahead(document, { names: ['title', 'mail'] })).toEqual(['title', 'mail', 'department']);
  });

  it('looks at each document on its own, whatever an earlier one selected', () => {
    const withoutAttributes = parse('{ user { samAccountName } }');
    const withAttributes = parse('{ user { samAccountName attributes(names: ["mail"]) } }');

    expect(lookahead(withoutAttributes)).toEqual([]);
    expect(lookahead(withAttributes)).toEqual(['mail']);
    expect(lookahead(withoutAttributes)).toEqual([]);
  });
});
