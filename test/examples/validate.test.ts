/**
 * Every operation in `examples/*.graphql` validates against the schema, and together the
 * examples use every root field of `Query` and `Mutation`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { buildSchema, Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';

import { loadTypeDefs } from '../../src/graphql/schema.js';

const EXAMPLES = resolve(import.meta.dirname, '../../examples');
const schema = buildSchema(loadTypeDefs());

const files = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.graphql'))
  .sort();

function operationsOf(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
}

const documents = new Map(files.map((name) => [name, parse(readFileSync(join(EXAMPLES, name), 'utf8'))]));

describe('examples', () => {
  it.each(files)('%s validates against the schema', (name) => {
    const document = documents.get(name)!;

    expect(operationsOf(document).length).toBeGreaterThan(0);
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });

  it('name every operation once', () => {
    const names = [...documents.values()].flatMap((document) => operationsOf(document).map((operation) => operation.name?.value));

    expect(names).not.toContain(undefined);
    expect(new Set(names).size).toBe(names.length);
  });

  it('use every root field', () => {
    const used = new Set<string>();
    for (const document of documents.values()) {
      for (const operation of operationsOf(document)) {
        for (const selection of operation.selectionSet.selections) {
          if (selection.kind === Kind.FIELD) {
            used.add(`${operation.operation}.${selection.name.value}`);
          }
        }
      }
    }
    const rootFields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((field) => `query.${field}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((field) => `mutation.${field}`),
    ];

    expect(rootFields.filter((field) => !used.has(field))).toEqual([]);
  });
});
