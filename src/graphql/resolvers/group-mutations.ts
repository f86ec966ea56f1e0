/**
 * Group and membership mutations: createGroup, updateGroup, deleteGroup, addGroupMember,
 * removeGroupMember.
 */
import { GraphQLError } from 'graphql';
import {
  AddGroupMemberCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  RemoveGroupMemberCommand,
  UpdateGroupCommand,
} from '../../ds-data/index.js';
import type { Attributes, DescribeGroupResult, GroupScope, GroupType, UpdateType } from '../../ds-data/types.js';
import type { GroupMembershipInput, MutationResolvers } from '../../generated/graphql.js';
import type { GatewayContext } from '../context.js';
import { badUserInput, ErrorCode } from '../errors.js';
import { guardMutation } from '../guards.js';
import { checkField, optionalRealm, toAwsAttributes } from '../input.js';
import type { ObjectLocator } from '../model.js';
import { deriveClientToken, mutationToken, runSteps, type PlannedStep } from '../mutation-steps.js';
import { groupRef } from '../objects.js';
import { sendCommand } from '../upstream.js';

interface GroupChanges {
  readonly GroupType?: GroupType;
  readonly GroupScope?: GroupScope;
  readonly attributes: Attributes;
}

function groupLocator(context: GatewayContext, input: { directoryId?: string | null; samAccountName: string }): ObjectLocator {
  return {
    directoryId: checkField('input.directoryId', 'DirectoryId', input.directoryId) ?? context.defaultDirectoryId,
    realm: undefined,
    samAccountName: checkField('input.samAccountName', 'GroupName', input.samAccountName),
  };
}

function clientTokenOf(input: { clientToken?: string | null }): string {
  return mutationToken(checkField('input.clientToken', 'ClientToken', input.clientToken));
}

function rejectBuiltinScope(scope: GroupScope | null | undefined): void {
  if (scope === 'BuiltinLocal') {
    throw badUserInput(
      'groupScope BUILTIN_LOCAL is reserved for the built-in groups of a domain: use DOMAIN_LOCAL, GLOBAL or UNIVERSAL.',
      'input.groupScope',
    );
  }
}

function ldapNamesOf(changes: GroupChanges): string[] {
  return [
    ...(changes.GroupType ? ['groupType'] : []),
    ...(changes.GroupScope ? ['groupScope'] : []),
    ...Object.keys(changes.attributes),
  ];
}

function updateGroupStep(
  context: GatewayContext,
  locator: ObjectLocator,
  updateType: UpdateType,
  changes: GroupChanges,
  clientToken: string,
): PlannedStep {
  return {
    operation: 'UpdateGroup',
    updateType,
    attributes: ldapNamesOf(changes),
    clientToken,
    send: (token) =>
      sendCommand(
        context,
        new UpdateGroupCommand({
          DirectoryId: locator.directoryId,
          SAMAccountName: locator.samAccountName,
          GroupType: changes.GroupType,
          GroupScope: changes.GroupScope,
          ...(Object.keys(changes.attributes).length > 0 ? { OtherAttributes: changes.attributes } : {}),
          UpdateType: updateType,
          ClientToken: token,
        }),
      ),
  };
}

/** Type and scope always have a value, so they are replaced; attributes are added or replaced by their current state. */
function splitByCurrentValue(changes: GroupChanges, current: DescribeGroupResult): Map<UpdateType, GroupChanges> {
  const currentNames = new Set(Object.keys(current.OtherAttributes ?? {}).map((name) => name.toLowerCase()));
  const add: Attributes = {};
  const replace: Attributes = {};
  for (const [name, value] of Object.entries(changes.attributes)) {
    (currentNames.has(name.toLowerCase()) ? replace : add)[name] = value;
  }

  const plans = new Map<UpdateType, GroupChanges>();
  if (Object.keys(add).length > 0) {
    plans.set('ADD', { attributes: add });
  }
  if (Object.keys(replace).length > 0 || changes.GroupType || changes.GroupScope) {
    plans.set('REPLACE', { GroupType: changes.GroupType, GroupScope: changes.GroupScope, attributes: replace });
  }
  return plans;
}

function membershipCommandInput(context: GatewayContext, input: GroupMembershipInput) {
  return {
    DirectoryId: checkField('input.directoryId', 'DirectoryId', input.directoryId) ?? context.defaultDirectoryId,
    GroupName: checkField('input.groupName', 'GroupName', input.groupName),
    MemberName: checkField('input.memberName', 'MemberName', input.memberName),
    MemberRealm: optionalRealm('input.memberRealm', input.memberRealm),
    ClientToken: clientTokenOf(input),
  };
}

/** After a membership change, forget the group and the member so read-backs see it. */
function clearMembership(context: GatewayContext, request: ReturnType<typeof membershipCommandInput>): ObjectLocator {
  const group = { directoryId: request.DirectoryId, realm: undefined, samAccountName: request.GroupName };
  context.loaders.groups.clear(group);
  const member = { directoryId: request.DirectoryId, realm: request.MemberRealm, samAccountName: request.MemberName };
  context.loaders.users.clear(member);
  context.loaders.groups.clear(member);
  return group;
}

function groupTarget(
  operation: 'CreateGroup' | 'UpdateGroup' | 'DeleteGroup',
  locator: ObjectLocator,
  clientToken: string,
  attributeNames?: readonly string[],
) {
  return {
    operation,
    mutation: operation.charAt(0).toLowerCase() + operation.slice(1),
    directoryId: locator.directoryId,
    objectKind: 'group' as const,
    groupName: locator.samAccountName,
    clientToken,
    ...(attributeNames ? { attributeNames } : {}),
  };
}

function membershipTarget(operation: 'AddGroupMember' | 'RemoveGroupMember', request: ReturnType<typeof membershipCommandInput>) {
  return {
    operation,
    mutation: operation === 'AddGroupMember' ? 'addGroupMember' : 'removeGroupMember',
    directoryId: request.DirectoryId,
    objectKind: 'membership' as const,
    groupName: request.GroupName,
    memberName: request.MemberName,
    ...(request.MemberRealm ? { memberRealm: request.MemberRealm } : {}),
    clientToken: request.ClientToken,
  };
}

async function runUpdateGroup(
  context: GatewayContext,
  updateType: UpdateType | null | undefined,
  locator: ObjectLocator,
  changes: GroupChanges,
  clientToken: string,
) {
  let steps: PlannedStep[];
  if (updateType) {
    steps = [updateGroupStep(context, locator, updateType, changes, clientToken)];
  } else {
    const current = await context.loaders.groups.load(locator, Object.keys(changes.attributes));
    if (!current) {
      throw new GraphQLError(`Group "${locator.samAccountName}" does not exist in directory ${locator.directoryId}.`, {
        extensions: { code: ErrorCode.NOT_FOUND },
      });
    }
    steps = [...splitByCurrentValue(changes, current).entries()].map(([type, part]) => {
      const shape = { operation: 'UpdateGroup', updateType: type, attributes: ldapNamesOf(part) };
      return updateGroupStep(context, locator, type, part, deriveClientToken(clientToken, shape));
    });
  }

  try {
    const records = await runSteps(steps);
    return { group: groupRef(locator, {}), clientToken, steps: records };
  } finally {
    context.loaders.groups.clear(locator);
  }
}

export const groupMutationResolvers: MutationResolvers = {
  createGroup: async (_root, { input }, context) => {
    const locator = groupLocator(context, input);
    rejectBuiltinScope(input.groupScope);
    const attributes = toAwsAttributes('input.otherAttributes', input.otherAttributes);
    const clientToken = clientTokenOf(input);
    const written = ldapNamesOf({
      GroupType: input.groupType ?? undefined,
      GroupScope: input.groupScope ?? undefined,
      attributes: attributes ?? {},
    });

    return guardMutation(context, groupTarget('CreateGroup', locator, clientToken, written), async () => {
      const output = await sendCommand(
        context,
        new CreateGroupCommand({
          DirectoryId: locator.directoryId,
          SAMAccountName: locator.samAccountName,
          GroupType: input.groupType ?? undefined,
          GroupScope: input.groupScope ?? undefined,
          OtherAttributes: attributes,
          ClientToken: clientToken,
        }),
      );
      context.loaders.groups.clear(locator);
      return { group: groupRef(locator, {}), sid: output.SID ?? '', clientToken };
    });
  },

  updateGroup: async (_root, { input }, context) => {
    const locator = groupLocator(context, input);
    rejectBuiltinScope(input.groupScope);
    const changes: GroupChanges = {
      GroupType: input.groupType ?? undefined,
      GroupScope: input.groupScope ?? undefined,
      attributes: toAwsAttributes('input.otherAttributes', input.otherAttributes) ?? {},
    };
    const clientToken = clientTokenOf(input);
    if (!changes.GroupType && !changes.GroupScope && Object.keys(changes.attributes).length === 0) {
      throw badUserInput('updateGroup has nothing to change: set groupType, groupScope or otherAttributes.', 'input');
    }

    return guardMutation(context, groupTarget('UpdateGroup', locator, clientToken, ldapNamesOf(changes)), () =>
      runUpdateGroup(context, input.updateType, locator, changes, clientToken),
    );
  },

  deleteGroup: async (_root, { input }, context) => {
    const locator = groupLocator(context, input);
    const clientToken = clientTokenOf(input);
    return guardMutation(context, groupTarget('DeleteGroup', locator, clientToken), async () => {
      try {
        await sendCommand(
          context,
          new DeleteGroupCommand({
            DirectoryId: locator.directoryId,
            SAMAccountName: locator.samAccountName,
            ClientToken: clientToken,
          }),
        );
      } finally {
        context.loaders.groups.clear(locator);
      }
      return { samAccountName: locator.samAccountName, clientToken };
    });
  },

  addGroupMember: async (_root, { input }, context) => {
    const request = membershipCommandInput(context, input);
    return guardMutation(context, membershipTarget('AddGroupMember', request), async () => {
      try {
        await sendCommand(context, new AddGroupMemberCommand(request));
      } finally {
        clearMembership(context, request);
      }
      const group = { directoryId: request.DirectoryId, realm: undefined, samAccountName: request.GroupName };
      return { group: groupRef(group, {}), memberName: request.MemberName, clientToken: request.ClientToken };
    });
  },

  removeGroupMember: async (_root, { input }, context) => {
    const request = membershipCommandInput(context, input);
    return guardMutation(context, membershipTarget('RemoveGroupMember', request), async () => {
      try {
        await sendCommand(context, new RemoveGroupMemberCommand(request));
      } finally {
        clearMembership(context, request);
      }
      const group = { directoryId: request.DirectoryId, realm: undefined, samAccountName: request.GroupName };
      return { group: groupRef(group, {}), memberName: request.MemberName, clientToken: request.ClientToken };
    });
  },
};
