/**
 * Limits on the shape of GraphQL operations, checked before anything runs: depth, aliases,
 * directives, tokens and cost, where cost estimates the number of AWS calls an operation can
 * cause. Each error names the limit, the value found, the maximum and the setting that raises it.
 *
 * Depth, aliases and directives are graphql-js validation rules, which Apollo Server rejects
 * with 400 and `GRAPHQL_VALIDATION_FAILED`. Tokens are a parser option. Cost needs the
 * operation's variables (a page size is often a variable), which validation rules do not
 * see, so it is an Apollo Server plugin; `createCostLimitRule` is the variable-blind fallback.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

import type { QueryLimits } from '../config/security.js';

/** Largest page AWS returns (`MaxResults` 1..250), used as the page size of a connection when it is unknown. */
export const MAX_PAGE_SIZE = 250;

/** Options for graphql-js `parse`, as Apollo Server's `parseOptions`: the token limit. */
export function createParseOptions(limits: Pick<QueryLimits, 'maxTokens'>): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

/** Validation rules for depth, aliases and directives, for Apollo Server's `validationRules`. */
export function createLimitRules(limits: Pick<QueryLimits, 'maxDepth' | 'maxAliases' | 'maxDirectives'>): ValidationRule[] {
  return [createDepthLimitRule(limits.maxDepth), createAliasLimitRule(limits.maxAliases), createDirectiveLimitRule(limits.maxDirectives)];
}

function limitError(message: string, limit: string, value: number, max: number, nodes?: readonly FieldNode[] | OperationDefinitionNode): GraphQLError {
  return new GraphQLError(message, { ...(nodes ? { nodes } : {}), extensions: { limit, value, max } });
}

/**
 * Rejects operations nested deeper than `maxDepth` fields, fragments expanded. Introspection
 * fields (`__schema`, `__type`) are not counted, because they make no AWS call and Apollo
 * Sandbox's own introspection query is deeper than any sensible data query.
 */
export function createDepthLimitRule(maxDepth: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const depth = measureDepth(operation.selectionSet, context, 0, new Set());
      if (depth > maxDepth) {
        context.reportError(
          limitError(
            `The operation is nested ${depth} fields deep, more than the maximum depth of ${maxDepth} (MAX_QUERY_DEPTH). Query fewer nested levels, or fetch the inner data in a second request.`,
            'depth',
            depth,
            maxDepth,
            operation,
          ),
        );
      }
    },
  });
}

function measureDepth(selectionSet: SelectionSetNode, context: ValidationContext, depth: number, visiting: Set<string>): number {
  let deepest = depth;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) {
        continue;
      }
      const below = selection.selectionSet ? measureDepth(selection.selectionSet, context, depth + 1, visiting) : depth + 1;
      deepest = Math.max(deepest, below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, measureDepth(selection.selectionSet, context, depth, visiting));
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      // A cycle is reported by graphql-js's NoFragmentCyclesRule; it only must not loop here.
      if (!fragment || visiting.has(name)) {
        continue;
      }
      visiting.add(name);
      deepest = Math.max(deepest, measureDepth(fragment.selectionSet, context, depth, visiting));
      visiting.delete(name);
    }
  }
  return deepest;
}

/** Rejects documents with more than `maxAliases` aliased fields, which could ask for one expensive field many times. */
export function createAliasLimitRule(maxAliases: number): ValidationRule {
  return (context) => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias !== undefined) {
          aliases += 1;
        }
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(
              limitError(
                `The document uses ${aliases} aliases, more than the maximum of ${maxAliases} (MAX_QUERY_ALIASES). Use fewer aliases, or split the request.`,
                'aliases',
                aliases,
                maxAliases,
              ),
            );
          }
        },
      },
    } satisfies ASTVisitor;
  };
}

/** Rejects documents with more than `maxDirectives` directive uses, which cost parsing and execution time. */
export function createDirectiveLimitRule(maxDirectives: number): ValidationRule {
  return (context) => {
    let directives = 0;
    return {
      Directive() {
        directives += 1;
      },
      Document: {
        leave() {
          if (directives > maxDirectives) {
            context.reportError(
              limitError(
                `The document uses ${directives} directives, more than the maximum of ${maxDirectives} (MAX_QUERY_DIRECTIVES). Remove repeated @include or @skip directives.`,
                'directives',
                directives,
                maxDirectives,
              ),
            );
          }
        },
      },
    } satisfies ASTVisitor;
  };
}

/**
 * Weights of the cost estimate, in AWS calls.
 *
 * - Every root field of `Query` and `Mutation` costs `rootFieldCost` (one Describe, List or
 *   write call), unless `fieldCosts` names another weight for it.
 * - A field with a `first` argument is a connection: its page costs one call, and everything
 *   selected inside it counts `first` times, because it runs once per item.
 * - On types listed in `describeFields`, selecting any of those fields costs one call per
 *   object (the Describe call that list summaries do not replace), however many are selected.
 * - A field that returns a `Node` from a mutation payload (`user`, `group`) costs one read-back call.
 * - `fieldCosts` overrides the weight of a field by schema coordinate, for example `{ 'Mutation.updateUser': 2 }`.
 */
export interface CostWeights {
  readonly rootFieldCost: number;
  readonly describeFields: Readonly<Record<string, readonly string[]>>;
  readonly fieldCosts: Readonly<Record<string, number>>;
}

/**
 * Default weights for this gateway's schema. `ListUsers` and `ListGroups` summaries lack the
 * DN, UPN, e-mail and other attributes, so those fields need a Describe call per object.
 * NOTE: a mutation that splits into several AWS calls (an `updateUser` with ADD, REPLACE and
 * REMOVE changes) counts as one call, so the estimate is a lower bound for it.
 */
export const DEFAULT_COST_WEIGHTS: CostWeights = {
  rootFieldCost: 1,
  describeFields: {
    User: ['distinguishedName', 'userPrincipalName', 'emailAddress', 'attributes'],
    Group: ['distinguishedName', 'attributes'],
  },
  fieldCosts: {},
};

export interface CostOptions {
  readonly maxCost: number;
  readonly weights?: CostWeights;
}

/**
 * Estimates the AWS calls an operation can cause, by the weights in `CostWeights`. A `first`
 * given by a variable takes the variable's value from `variables`, then the variable's
 * default, then the argument's default, and otherwise `MAX_PAGE_SIZE`.
 */
export function estimateQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Readonly<Record<string, unknown>> | undefined,
  weights: CostWeights = DEFAULT_COST_WEIGHTS,
): number {
  return estimateCost(schema, document, operationName, variables, weights).cost;
}

interface CostEstimate {
  readonly cost: number;
  /** Whether a variable's value entered the estimate; without one, the cost holds for any variables. */
  readonly readsVariables: boolean;
}

function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Readonly<Record<string, unknown>> | undefined,
  weights: CostWeights,
): CostEstimate {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    } else if (definition.kind === Kind.OPERATION_DEFINITION) {
      operations.push(definition);
    }
  }

  const operation = operationName === undefined ? operations[0] : operations.find((candidate) => candidate.name?.value === operationName);
  if (operation === undefined) {
    return { cost: 0, readsVariables: false };
  }
  const rootType = schema.getRootType(operation.operation);
  if (rootType === undefined || rootType === null) {
    return { cost: 0, readsVariables: false };
  }

  const estimator = new CostEstimator(schema, weights, fragments, operation, variables ?? {});
  const cost = estimator.selectionCost(operation.selectionSet, rootType, true, new Set());
  return { cost, readsVariables: estimator.readsVariables };
}

interface FragmentBranch {
  readonly selectionSet: SelectionSetNode;
  readonly type: GraphQLCompositeType;
  /** Name of the spread fragment, kept on the path while the branch is costed so that cycles end. */
  readonly fragmentName: string | undefined;
}

class CostEstimator {
  /** Set once a variable's value is read, when a `first` argument is given by a variable. */
  readsVariables = false;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly weights: CostWeights,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly operation: OperationDefinitionNode,
    private readonly variables: Readonly<Record<string, unknown>>,
  ) {}

  /** Cost of a selection set on `parentType`; `isRoot` marks the operation's root selection. */
  selectionCost(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, isRoot: boolean, visiting: Set<string>): number {
    const describeFields = new Set(this.weights.describeFields[parentType.name] ?? []);
    const { fields, branches } = this.collectFields(selectionSet, parentType, visiting);
    let needsDescribe = false;
    let cost = 0;

    for (const field of fields) {
      const fieldName = field.name.value;
      if (fieldName.startsWith('__')) {
        continue;
      }
      if (describeFields.has(fieldName)) {
        needsDescribe = true;
      }
      cost += this.fieldCost(field, parentType, isRoot, visiting);
    }

    // Fragments on another type (`... on User` inside a `Node` field) are costed on that
    // type and added, which over-counts when only one branch can apply: a safe upper bound.
    for (const branch of branches) {
      if (branch.fragmentName !== undefined) {
        visiting.add(branch.fragmentName);
      }
      cost += this.selectionCost(branch.selectionSet, branch.type, isRoot, visiting);
      if (branch.fragmentName !== undefined) {
        visiting.delete(branch.fragmentName);
      }
    }
    return cost + (needsDescribe && !isRoot ? 1 : 0);
  }

  private fieldCost(field: FieldNode, parentType: GraphQLCompositeType, isRoot: boolean, visiting: Set<string>): number {
    const fieldName = field.name.value;
    const definition = 'getFields' in parentType ? parentType.getFields()[fieldName] : undefined;
    if (definition === undefined) {
      return 0;
    }

    const coordinate = `${parentType.name}.${fieldName}`;
    const ownCost = this.weights.fieldCosts[coordinate] ?? this.defaultFieldCost(field, parentType, isRoot);
    if (field.selectionSet === undefined) {
      return ownCost;
    }

    const childType = getNamedType(definition.type) as GraphQLCompositeType;
    const childCost = this.selectionCost(field.selectionSet, childType, false, visiting);
    const hasFirst = definition.args.some((argument) => argument.name === 'first');
    const repetitions = hasFirst ? this.pageSize(field, definition.args.find((argument) => argument.name === 'first')?.defaultValue) : 1;
    return ownCost + repetitions * childCost;
  }

  private defaultFieldCost(field: FieldNode, parentType: GraphQLCompositeType, isRoot: boolean): number {
    if (isRoot) {
      return this.weights.rootFieldCost;
    }
    const definition = 'getFields' in parentType ? parentType.getFields()[field.name.value] : undefined;
    if (definition === undefined) {
      return 0;
    }
    if (definition.args.some((argument) => argument.name === 'first')) {
      return 1;
    }
    const returnsNode = (() => {
      const nullable = getNullableType(definition.type);
      const named = getNamedType(definition.type);
      return !isListType(nullable) && isObjectType(named) && named.getInterfaces().some((iface) => iface.name === 'Node');
    })();
    return returnsNode && parentType.name.endsWith('Payload') ? 1 : 0;
  }

  /** Page size requested by the field's `first` argument. */
  private pageSize(field: FieldNode, argumentDefault: unknown): number {
    const argument = field.arguments?.find((candidate) => candidate.name.value === 'first');
    const value = argument === undefined ? argumentDefault : this.literalValue(argument.value);
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : MAX_PAGE_SIZE;
  }

  private literalValue(node: ValueNode): unknown {
    if (node.kind === Kind.INT) {
      return Number.parseInt(node.value, 10);
    }
    if (node.kind !== Kind.VARIABLE) {
      return undefined;
    }
    this.readsVariables = true;
    const name = node.name.value;
    if (Object.hasOwn(this.variables, name)) {
      return this.variables[name];
    }
    const definition = this.operation.variableDefinitions?.find((candidate) => candidate.variable.name.value === name);
    return definition?.defaultValue?.kind === Kind.INT ? Number.parseInt(definition.defaultValue.value, 10) : undefined;
  }

  /**
   * Fields of a selection set, with fragments on the same type merged in. Fragments on another
   * type come back as branches, and each fragment is expanded once per path, so cycles end.
   */
  private collectFields(
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType,
    visiting: Set<string>,
  ): { fields: FieldNode[]; branches: FragmentBranch[] } {
    const fields: FieldNode[] = [];
    const branches: FragmentBranch[] = [];

    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        fields.push(selection);
        continue;
      }

      const fragmentName = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragments.get(selection.name.value);
      if (fragment === undefined || (fragmentName !== undefined && visiting.has(fragmentName))) {
        continue;
      }

      const conditionType = fragment.typeCondition ? this.schema.getType(fragment.typeCondition.name.value) : parentType;
      if (conditionType === undefined || conditionType === null || !isCompositeType(conditionType)) {
        continue;
      }

      if (fragmentName !== undefined) {
        visiting.add(fragmentName);
      }
      if (conditionType === parentType) {
        const inner = this.collectFields(fragment.selectionSet, parentType, visiting);
        fields.push(...inner.fields);
        branches.push(...inner.branches);
      } else {
        branches.push({ selectionSet: fragment.selectionSet, type: conditionType, fragmentName });
      }
      if (fragmentName !== undefined) {
        visiting.delete(fragmentName);
      }
    }
    return { fields, branches };
  }
}

function costError(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(
    `The operation can cause up to ${cost} AWS calls, more than the maximum cost of ${maxCost} (MAX_QUERY_COST). ` +
      'Request smaller pages (`first`), fewer nested lists, or fewer fields that need a Describe call per item.',
    { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', value: cost, max: maxCost, http: { status: 400 } } },
  );
}

/**
 * Apollo Server plugin that rejects an operation whose estimated cost exceeds `maxCost`, with
 * 400 and `GRAPHQL_VALIDATION_FAILED`, before any resolver runs. It reads the variables,
 * so `first: $pageSize` is costed at the value sent.
 */
export function createCostLimitPlugin(options: CostOptions): ApolloServerPlugin {
  const listener = createCostLimitListener(options);
  const started = Promise.resolve(listener);
  return { requestDidStart: () => started };
}

/** Returns the request listener of `createCostLimitPlugin`, which every request shares. */
export function createCostLimitListener(options: CostOptions): GraphQLRequestListener<BaseContext> {
  // Apollo Server hands out one parsed document per distinct query text, so a cost that no
  // variable entered is worked out once per document and operation.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const weights = options.weights ?? DEFAULT_COST_WEIGHTS;

  const costOf = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | undefined,
    variables: Readonly<Record<string, unknown>> | undefined,
  ): number => {
    const key = operationName ?? '';
    let byOperation = costs.get(document);
    const known = byOperation?.get(key);
    if (known !== undefined) {
      return known;
    }

    const estimate = estimateCost(schema, document, operationName, variables, weights);
    if (!estimate.readsVariables) {
      if (byOperation === undefined) {
        byOperation = new Map();
        costs.set(document, byOperation);
      }
      byOperation.set(key, estimate.cost);
    }
    return estimate.cost;
  };

  // The listener keeps no state of a request, so every request shares it.
  return {
    didResolveOperation: ({ schema, document, request, operationName }) => {
      const cost = costOf(schema, document, operationName ?? undefined, request.variables);
      if (cost > options.maxCost) {
        return Promise.reject(costError(cost, options.maxCost));
      }
      return Promise.resolve();
    },
  };
}

/**
 * Creates the cost limit as a validation rule, for servers without the plugin. Variables are not
 * known during validation, so a `first` given by a variable without a default counts as
 * `MAX_PAGE_SIZE`: safe, but it rejects some operations the plugin would accept.
 */
export function createCostLimitRule(options: CostOptions): ValidationRule {
  return (context) => ({
    Document(document) {
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) {
          continue;
        }
        const cost = estimateQueryCost(context.getSchema(), document, definition.name?.value, undefined, options.weights);
        if (cost > options.maxCost) {
          const error = costError(cost, options.maxCost);
          context.reportError(new GraphQLError(error.message, { nodes: definition, extensions: { limit: 'cost', value: cost, max: options.maxCost } }));
        }
      }
    },
  });
}
