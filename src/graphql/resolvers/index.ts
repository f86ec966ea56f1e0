/**
 * All resolvers of the schema, with the custom scalars and the enum value mappings.
 */
import type { Resolvers } from '../../generated/graphql.js';
import { EmailAddressScalar, Int64Scalar, SIDScalar } from '../scalars.js';
import { groupMutationResolvers } from './group-mutations.js';
import { objectResolvers } from './object-fields.js';
import { payloadResolvers } from './payloads.js';
import { queryResolvers } from './queries.js';
import { userMutationResolvers } from './user-mutations.js';

export const resolvers: Resolvers = {
  Int64: Int64Scalar,
  SID: SIDScalar,
  EmailAddress: EmailAddressScalar,

  // GraphQL enum values map to the AWS wire values the resolvers pass around.
  GroupType: { SECURITY: 'Security', DISTRIBUTION: 'Distribution' },
  GroupScope: { DOMAIN_LOCAL: 'DomainLocal', GLOBAL: 'Global', UNIVERSAL: 'Universal', BUILTIN_LOCAL: 'BuiltinLocal' },

  Query: queryResolvers,
  Mutation: { ...userMutationResolvers, ...groupMutationResolvers },
  ...objectResolvers,
  ...payloadResolvers,
};
