/** Reads the paging members of a List or Search request and cuts the page. */
import { nameKey, type DirectoryEntry } from './directory-state.js';
import type { OperationContext } from './operation-context.js';
import type { Page } from './page-tokens.js';

/**
 * Returns the page of `entries` (sorted by name key) that the request's `NextToken` and
 * `MaxResults` select. `parameters` are the request members that define the result set; a
 * token is valid only with the same values.
 */
export function pageRequest<T extends DirectoryEntry>(
  context: OperationContext,
  entries: readonly T[],
  parameters: Readonly<Record<string, unknown>>,
  sortKey: (entry: T) => string = (entry) => nameKey(entry.samAccountName),
): Page<T> {
  const nextToken = context.input.NextToken;
  const maxResults = context.input.MaxResults;
  return context.pageTokens.paginate(entries, sortKey, {
    operation: context.operation,
    directoryId: context.directory.directoryId,
    parameters,
    nextToken: typeof nextToken === 'string' ? nextToken : undefined,
    maxResults: typeof maxResults === 'number' ? maxResults : undefined,
  });
}
