/**
 * Paginators for the six paginated operations: async iterators over result pages that
 * follow `NextToken` until the service returns none, or returns the token it was sent
 * (a service that repeats a token would otherwise loop forever).
 */
import type { MetadataBearer } from '@smithy/types';

import type { DirectoryServiceDataClient, DirectoryServiceDataSendOptions } from './client.js';
import {
  ListGroupMembersCommand,
  ListGroupsCommand,
  ListGroupsForMemberCommand,
  ListUsersCommand,
  SearchGroupsCommand,
  SearchUsersCommand,
  type ListGroupMembersCommandInput,
  type ListGroupMembersCommandOutput,
  type ListGroupsCommandInput,
  type ListGroupsCommandOutput,
  type ListGroupsForMemberCommandInput,
  type ListGroupsForMemberCommandOutput,
  type ListUsersCommandInput,
  type ListUsersCommandOutput,
  type SearchGroupsCommandInput,
  type SearchGroupsCommandOutput,
  type SearchUsersCommandInput,
  type SearchUsersCommandOutput,
} from './commands.js';
import type { DirectoryServiceDataCommand } from './command.js';

export interface DirectoryServiceDataPaginationConfiguration {
  client: DirectoryServiceDataClient;
  /** `MaxResults` of every page request (1 to 250). Default: the input's `MaxResults`, else the service default. */
  pageSize?: number;
  /** `NextToken` of the first page request. Default: the input's `NextToken`, else the first page. */
  startingToken?: string;
}

interface PageInput {
  NextToken?: string | undefined;
  MaxResults?: number | undefined;
}

interface PageOutput {
  NextToken?: string | undefined;
}

type PageCommand<I extends object, O extends PageOutput & MetadataBearer> = new (
  input: I,
) => DirectoryServiceDataCommand<I, O>;

async function* paginate<I extends PageInput & object, O extends PageOutput & MetadataBearer>(
  CommandClass: PageCommand<I, O>,
  config: DirectoryServiceDataPaginationConfiguration,
  input: I,
  options: DirectoryServiceDataSendOptions | undefined,
): AsyncGenerator<O, undefined, unknown> {
  let token = config.startingToken ?? input.NextToken;
  const pageSize = config.pageSize ?? input.MaxResults;

  for (;;) {
    const pageInput: I = { ...input, NextToken: token };
    if (pageSize !== undefined) {
      pageInput.MaxResults = pageSize;
    }
    const page = await config.client.send(new CommandClass(pageInput), options);
    yield page;

    const next = page.NextToken;
    if (next === undefined || next === null || next === '' || next === token) {
      return undefined;
    }
    token = next;
  }
}

export function paginateListGroupMembers(
  config: DirectoryServiceDataPaginationConfiguration,
  input: ListGroupMembersCommandInput,
  options?: DirectoryServiceDataSendOptions,
): AsyncGenerator<ListGroupMembersCommandOutput, undefined, unknown> {
  return paginate(ListGroupMembersCommand, config, input, options);
}

export function paginateListGroups(
  config: DirectoryServiceDataPaginationConfiguration,
  input: ListGroupsCommandInput,
  options?: DirectoryServiceDataSendOptions,
): AsyncGenerator<ListGroupsCommandOutput, undefined, unknown> {
  return paginate(ListGroupsCommand, config, input, options);
}

export function paginateListGroupsForMember(
  config: DirectoryServiceDataPaginationConfiguration,
  input: ListGroupsForMemberCommandInput,
  options?: DirectoryServiceDataSendOptions,
): AsyncGenerator<ListGroupsForMemberCommandOutput, undefined, unknown> {
  return paginate(ListGroupsForMemberCommand, config, input, options);
}

export function paginateListUsers(
  config: DirectoryServiceDataPaginationConfiguration,
  input: ListUsersCommandInput,
  options?: DirectoryServiceDataSendOptions,
): AsyncGenerator<ListUsersCommandOutput, undefined, unknown> {
  return paginate(ListUsersCommand, config, input, options);
}

export function paginateSearchGroups(
  config: DirectoryServiceDataPaginationConfiguration,
  input: SearchGroupsCommandInput,
  options?: DirectoryServiceDataSendOptions,
): AsyncGenerator<SearchGroupsCommandOutput, undefined, unknown> {
  return paginate(SearchGroupsCommand, config, input, options);
}

export function paginateSearchUsers(
  config: DirectoryServiceDataPaginationConfiguration,
  input: SearchUsersCommandInput,
  options?: DirectoryServiceDataSendOptions,
): AsyncGenerator<SearchUsersCommandOutput, undefined, unknown> {
  return paginate(SearchUsersCommand, config, input, options);
}
