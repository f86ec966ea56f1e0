/**
 * The public schema. A snapshot of the printed SDL fails on any unintended change, and the
 * schema served over HTTP must match it. `@oneOf` must be visible to clients, and every
 * type, field, argument, input field and enum value must have a description.
 *
 * After an intended schema change, run `npx vitest run test/graphql/schema-snapshot.test.ts -u`
 * and commit the updated `__snapshots__/schema.graphql` with it.
 */
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isIntrospectionType,
  lexicographicSortSchema,
  printSchema,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadTypeDefs } from '../../src/graphql/schema.js';
import { startHarness, type Harness } from '../support/harness.js';

const schema = buildSchema(loadTypeDefs());

/** Every schema element that should carry a description and has none, as `Type.field(arg)` paths. */
function undocumented(target: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (path: string, description: string | null | undefined) => {
    if (!description?.trim()) {
      missing.push(path);
    }
  };

  for (const type of Object.values(target.getTypeMap())) {
    if (isIntrospectionType(type) || (isScalarType(type) && isSpecifiedScalarType(type))) {
      continue;
    }
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) {
          check(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) {
        check(`${type.name}.${value.name}`, value.description);
      }
    }
  }
  return missing;
}

describe('schema snapshot', () => {
  it('matches the committed SDL', async () => {
    await expect(printSchema(schema)).toMatchFileSnapshot('./__snapshots__/schema.graphql');
  });

  it('documents every element', () => {
    expect(undocumented(schema)).toEqual([]);
  });

  it('prints @oneOf on AttributeValueInput', () => {
    expect(printSchema(schema)).toContain('input AttributeValueInput @oneOf {');
  });
});

describe('served schema', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ env: { AWS_EC2_METADATA_DISABLED: 'true' } });
  });

  afterAll(async () => {
    await h.close();
  });

  it('equals the snapshot by introspection', async () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, inputValueDeprecation: true, oneOf: true });
    const response = await h.graphql<IntrospectionQuery>(query);

    expect(response.body.errors).toBeUndefined();
    // Apollo Server orders types its own way, so both sides are sorted before comparing.
    const served = lexicographicSortSchema(buildClientSchema(response.body.data!));
    expect(printSchema(served)).toBe(printSchema(lexicographicSortSchema(schema)));
  });

  it('reports isOneOf in introspection', async () => {
    const response = await h.graphql(
      '{ oneOf: __type(name: "AttributeValueInput") { isOneOf } plain: __type(name: "AttributeInput") { isOneOf } }',
    );

    expect(response.body).toEqual({ data: { oneOf: { isOneOf: true }, plain: { isOneOf: false } } });
  });

  it('rejects two members of a @oneOf value', async () => {
    const response = await h.graphql(
      'mutation { updateUser(input: { samAccountName: "jdoe", otherAttributes: [{ name: "department", value: { S: "a", BOOL: true } }] }) { clientToken } }',
    );

    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toBe('OneOf Input Object "AttributeValueInput" must specify exactly one key.');
    expect(h.awsCalls()).toEqual([]);
  });
});
