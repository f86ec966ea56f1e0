/**
 * Mutation payload fields. The affected object is read back only when the client selects
 * it, with a few retries when a just-written object is not readable yet (AWS documents a
 * short replication lag between domain controllers).
 */
import type { Resolvers } from '../../generated/graphql.js';
import { toGraphQLError } from '../errors.js';
import { describeGroupRef, describeUserRef } from '../objects.js';

const READ_BACK = { tolerateReplicationLag: true } as const;

export const payloadResolvers: Resolvers = {
  CreateUserPayload: {
    user: (payload, _args, context, info) => describeUserRef(context, payload.user, info, READ_BACK),
  },
  UpdateUserPayload: {
    user: (payload, _args, context, info) => describeUserRef(context, payload.user, info, READ_BACK),
  },
  DisableUserPayload: {
    user: (payload, _args, context, info) => describeUserRef(context, payload.user, info, READ_BACK),
  },
  CreateGroupPayload: {
    group: (payload, _args, context, info) => describeGroupRef(context, payload.group, info, READ_BACK),
  },
  UpdateGroupPayload: {
    group: (payload, _args, context, info) => describeGroupRef(context, payload.group, info, READ_BACK),
  },
  GroupMembershipPayload: {
    group: (payload, _args, context, info) => describeGroupRef(context, payload.group, info, READ_BACK),
  },
  MutationStep: {
    // A failed step's error is raised here, so it reaches the response's `errors` with the
    // step's path while the payload still reports every step.
    error: (step) => {
      if (step.error) {
        throw toGraphQLError(step.error);
      }
      return null;
    },
  },
};
