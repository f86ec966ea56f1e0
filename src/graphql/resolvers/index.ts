/**
 * All resolvers of the schema, with the custom scalars and the enum value mappings.
 */
import type { GraphQLScalarType } from 'graphql';
import type { Resolvers } from '../../generated/graphql.js';
import { EmailAddressScalar, GroupNameScalar, Int64Scalar, MemberNameScalar, SIDScalar, UserNameScalar } from '../scalars.js';
import { auditEveryAttempt } from '../guards.js';
import { groupMutationResolvers } from './group-mutations.js';
import { objectResolvers } from './object-fields.js';
import { payloadResolvers } from './payloads.js';
import { queryResolvers } from './queries.js';
import { userMutationResolvers } from './user-mutations.js';

/**
 * Returns only the coercion functions of a scalar. graphql-tools copies every property of
 * a scalar resolver onto the schema's type, so passing the whole scalar would replace the
 * description and `@specifiedBy` URL written in the SDL, which is what clients should see.
 */
function coercionOf(scalar: GraphQLScalarType): GraphQLScalarType {
  const { serialize, parseValue, parseLiteral } = scalar.toConfig();
  return { serialize, parseValue, parseLiteral } as unknown as GraphQLScalarType;
}

export const resolvers: Resolvers = {
  Int64: coercionOf(Int64Scalar),
  SID: coercionOf(SIDScalar),
  EmailAddress: coercionOf(EmailAddressScalar),
  UserName: coercionOf(UserNameScalar),
  GroupName: coercionOf(GroupNameScalar),
  MemberName: coercionOf(MemberNameScalar),

  // GraphQL enum values map to the AWS wire values the resolvers pass around.
  GroupType: { SECURITY: 'Security', DISTRIBUTION: 'Distribution' },
  GroupScope: { DOMAIN_LOCAL: 'DomainLocal', GLOBAL: 'Global', UNIVERSAL: 'Universal', BUILTIN_LOCAL: 'BuiltinLocal' },

  Query: queryResolvers,
  Mutation: auditEveryAttempt({ ...userMutationResolvers, ...groupMutationResolvers }),
  ...objectResolvers,
  ...payloadResolvers,
};
