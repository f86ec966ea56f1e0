/**
 * Validation of operation types. graphql-js 16 validates a `subscription` document against a
 * schema without a Subscription type and then fails it during execution, which Apollo Server
 * reports as an internal error. This rule rejects it during validation instead, as the client
 * error it is (400, `GRAPHQL_VALIDATION_FAILED`).
 */
import { GraphQLError, type ValidationRule } from 'graphql';

/** Rejects each operation whose type (query, mutation or subscription) has no root type in the schema. */
export const SupportedOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (context.getSchema().getRootType(operation.operation) === undefined) {
      context.reportError(
        new GraphQLError(
          `The schema has no ${operation.operation} type, because the gateway serves queries and mutations only. Send a query or a mutation.`,
          { nodes: operation },
        ),
      );
    }
  },
});
