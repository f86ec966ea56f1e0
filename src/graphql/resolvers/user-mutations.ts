/**
 * User mutations: createUser, updateUser, disableUser, deleteUser.
 */
import { CreateUserCommand, DeleteUserCommand, DisableUserCommand, UpdateUserCommand } from '../../ds-data/index.js';
import type { Attributes, DescribeUserResult, UpdateType } from '../../ds-data/types.js';
import type { MutationResolvers, UpdateUserInput } from '../../generated/graphql.js';
import type { GatewayContext } from '../context.js';
import { badUserInput, ErrorCode } from '../errors.js';
import { guardMutation, type GuardedMutation } from '../guards.js';
import { checkField, toAwsAttributes } from '../input.js';
import type { ObjectLocator, UpdateUserResultRef } from '../model.js';
import { deriveClientToken, mutationToken, runSteps, type PlannedStep } from '../mutation-steps.js';
import { userRef } from '../objects.js';
import { sendCommand } from '../upstream.js';
import { GraphQLError } from 'graphql';

/** Top-level UpdateUser members and the LDAP attributes they write. */
const USER_MEMBERS = [
  { member: 'EmailAddress', field: 'emailAddress', ldapName: 'mail' },
  { member: 'GivenName', field: 'givenName', ldapName: 'givenName' },
  { member: 'Surname', field: 'surname', ldapName: 'sn' },
] as const;

type UserMember = (typeof USER_MEMBERS)[number]['member'];

const RESERVED_USER_ATTRIBUTES = new Map(USER_MEMBERS.map((entry) => [entry.ldapName.toLowerCase(), entry.field]));

/** Changes of one UpdateUser request, before they are split by update type. */
interface UserChanges {
  readonly members: Partial<Record<UserMember, string>>;
  readonly attributes: Attributes;
}

function readUserChanges(input: UpdateUserInput): UserChanges {
  const members: Partial<Record<UserMember, string>> = {};
  if (input.emailAddress !== undefined && input.emailAddress !== null) {
    members.EmailAddress = checkField('input.emailAddress', 'EmailAddress', input.emailAddress);
  }
  if (input.givenName !== undefined && input.givenName !== null) {
    members.GivenName = checkField('input.givenName', 'GivenName', input.givenName);
  }
  if (input.surname !== undefined && input.surname !== null) {
    members.Surname = checkField('input.surname', 'Surname', input.surname);
  }
  const attributes = toAwsAttributes('input.otherAttributes', input.otherAttributes, RESERVED_USER_ATTRIBUTES) ?? {};
  return { members, attributes };
}

function ldapNamesOf(changes: UserChanges): string[] {
  return [
    ...USER_MEMBERS.filter((entry) => changes.members[entry.member] !== undefined).map((entry) => entry.ldapName),
    ...Object.keys(changes.attributes),
  ];
}

function isEmpty(changes: UserChanges): boolean {
  return Object.keys(changes.members).length === 0 && Object.keys(changes.attributes).length === 0;
}

/**
 * Splits changes into ADD (no current value) and REPLACE (a current value) by the user's
 * current state, so that a client can set attributes without knowing whether they are set.
 */
function splitByCurrentValue(changes: UserChanges, current: DescribeUserResult): Map<UpdateType, UserChanges> {
  const plans = new Map<UpdateType, { members: Partial<Record<UserMember, string>>; attributes: Attributes }>();
  const planFor = (type: UpdateType) => {
    let plan = plans.get(type);
    if (!plan) {
      plan = { members: {}, attributes: {} };
      plans.set(type, plan);
    }
    return plan;
  };

  for (const { member } of USER_MEMBERS) {
    const value = changes.members[member];
    if (value !== undefined) {
      planFor(current[member] === undefined ? 'ADD' : 'REPLACE').members[member] = value;
    }
  }
  const currentNames = new Set(Object.keys(current.OtherAttributes ?? {}).map((name) => name.toLowerCase()));
  for (const [name, value] of Object.entries(changes.attributes)) {
    planFor(currentNames.has(name.toLowerCase()) ? 'REPLACE' : 'ADD').attributes[name] = value;
  }

  // ADD before REPLACE: a stable order, so a retried mutation plans the same steps.
  return new Map([...plans.entries()].sort(([left], [right]) => left.localeCompare(right)));
}

function updateUserStep(
  context: GatewayContext,
  locator: ObjectLocator,
  updateType: UpdateType,
  changes: UserChanges,
  clientToken: string,
): PlannedStep {
  return {
    operation: 'UpdateUser',
    updateType,
    attributes: ldapNamesOf(changes),
    clientToken,
    send: (token) =>
      sendCommand(
        context,
        new UpdateUserCommand({
          DirectoryId: locator.directoryId,
          SAMAccountName: locator.samAccountName,
          ...changes.members,
          ...(Object.keys(changes.attributes).length > 0 ? { OtherAttributes: changes.attributes } : {}),
          UpdateType: updateType,
          ClientToken: token,
        }),
      ),
  };
}

function userLocator(context: GatewayContext, input: { directoryId?: string | null; samAccountName: string }): ObjectLocator {
  return {
    directoryId: checkField('input.directoryId', 'DirectoryId', input.directoryId) ?? context.defaultDirectoryId,
    realm: undefined,
    samAccountName: checkField('input.samAccountName', 'UserName', input.samAccountName),
  };
}

function clientTokenOf(input: { clientToken?: string | null }): string {
  return mutationToken(checkField('input.clientToken', 'ClientToken', input.clientToken));
}

async function runUpdateUser(
  context: GatewayContext,
  input: UpdateUserInput,
  locator: ObjectLocator,
  changes: UserChanges,
  clientToken: string,
): Promise<UpdateUserResultRef> {
  let steps: PlannedStep[];
  if (input.updateType) {
    // The client chose the update type: exactly one AWS call, with the client's own token.
    steps = [updateUserStep(context, locator, input.updateType, changes, clientToken)];
  } else {
    const current = await context.loaders.users.load(locator, Object.keys(changes.attributes));
    if (!current) {
      throw new GraphQLError(
        `User "${locator.samAccountName}" does not exist in directory ${locator.directoryId}.`,
        { extensions: { code: ErrorCode.NOT_FOUND } },
      );
    }
    steps = [...splitByCurrentValue(changes, current).entries()].map(([updateType, part]) => {
      const shape = { operation: 'UpdateUser', updateType, attributes: ldapNamesOf(part) };
      return updateUserStep(context, locator, updateType, part, deriveClientToken(clientToken, shape));
    });
  }

  try {
    const records = await runSteps(steps);
    return { user: userRef(locator, {}), clientToken, steps: records };
  } finally {
    context.loaders.users.clear(locator);
  }
}

function mutationTarget(
  operation: 'CreateUser' | 'UpdateUser' | 'DisableUser' | 'DeleteUser',
  mutation: string,
  locator: ObjectLocator,
  clientToken: string,
  attributeNames?: readonly string[],
): GuardedMutation {
  return {
    operation,
    mutation,
    directoryId: locator.directoryId,
    objectKind: 'user',
    userName: locator.samAccountName,
    clientToken,
    ...(attributeNames ? { attributeNames } : {}),
  };
}

export const userMutationResolvers: MutationResolvers = {
  createUser: async (_root, { input }, context) => {
    const locator = userLocator(context, input);
    const changes = readUserChanges({ ...input, updateType: null });
    const clientToken = clientTokenOf(input);
    const target = mutationTarget('CreateUser', 'createUser', locator, clientToken, ldapNamesOf(changes));

    return guardMutation(context, target, async () => {
      const output = await sendCommand(
        context,
        new CreateUserCommand({
          DirectoryId: locator.directoryId,
          SAMAccountName: locator.samAccountName,
          ...changes.members,
          ...(Object.keys(changes.attributes).length > 0 ? { OtherAttributes: changes.attributes } : {}),
          ClientToken: clientToken,
        }),
      );
      context.loaders.users.clear(locator);
      return { user: userRef(locator, {}), sid: output.SID ?? '', clientToken };
    });
  },

  updateUser: async (_root, { input }, context) => {
    const locator = userLocator(context, input);
    const changes = readUserChanges(input);
    const clientToken = clientTokenOf(input);
    if (isEmpty(changes)) {
      throw badUserInput(
        'updateUser has nothing to change: set at least one of emailAddress, givenName, surname or otherAttributes.',
        'input',
      );
    }

    const target = mutationTarget('UpdateUser', 'updateUser', locator, clientToken, ldapNamesOf(changes));
    return guardMutation(context, target, () => runUpdateUser(context, input, locator, changes, clientToken));
  },

  disableUser: async (_root, { input }, context) => {
    const locator = userLocator(context, input);
    const clientToken = clientTokenOf(input);
    return guardMutation(context, mutationTarget('DisableUser', 'disableUser', locator, clientToken), async () => {
      try {
        await sendCommand(
          context,
          new DisableUserCommand({
            DirectoryId: locator.directoryId,
            SAMAccountName: locator.samAccountName,
            ClientToken: clientToken,
          }),
        );
      } finally {
        context.loaders.users.clear(locator);
      }
      return { user: userRef(locator, {}), clientToken };
    });
  },

  deleteUser: async (_root, { input }, context) => {
    const locator = userLocator(context, input);
    const clientToken = clientTokenOf(input);
    return guardMutation(context, mutationTarget('DeleteUser', 'deleteUser', locator, clientToken), async () => {
      try {
        await sendCommand(
          context,
          new DeleteUserCommand({
            DirectoryId: locator.directoryId,
            SAMAccountName: locator.samAccountName,
            ClientToken: clientToken,
          }),
        );
      } finally {
        context.loaders.users.clear(locator);
      }
      return { samAccountName: locator.samAccountName, clientToken };
    });
  },
};
