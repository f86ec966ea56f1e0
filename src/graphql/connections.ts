/**
 * Relay connections over the six paginated DS Data operations.
 *
 * AWS pages forward only, with an opaque `NextToken` per page and no total count. Each
 * edge cursor records the AWS page it belongs to (the token that starts it and its page
 * size) and its offset in that page. Resuming after any edge therefore costs one call,
 * which fetches that page again and skips what came before. Resuming after the last edge of a page (the usual
 * `endCursor`) starts the next AWS page directly.
 */
import type { GatewayContext } from './context.js';
import type { PagePosition } from './cursors.js';
import { badUserInput } from './errors.js';
import type { EdgeRecord, PageRecord } from './model.js';

/** AWS accepts `MaxResults` from 1 to 250 on every paginated operation. */
export const MAX_PAGE_SIZE = 250;

export interface AwsPage<Item> {
  readonly items: readonly Item[];
  readonly nextToken: string | undefined;
}

export interface ConnectionArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

/** Checks `first`: an integer from 1 to 250. */
export function checkPageSize(field: string, first: number | null | undefined): number {
  const size = first ?? 25;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput(
      `"${field}" must be between 1 and ${MAX_PAGE_SIZE} (the AWS page limit); got ${size}.`,
      field,
    );
  }
  return size;
}

/**
 * Builds the string that identifies the query a cursor belongs to: the field, the caller and every
 * argument other than `first` and `after`.
 */
export function cursorBinding(context: GatewayContext, field: string, args: Record<string, unknown>): string {
  return JSON.stringify([field, context.principal.subject, args]);
}

/**
 * Loads one page of a connection. `fetchPage` makes exactly one AWS call for the given
 * token and page size; `toNode` turns an AWS item into the node the schema returns.
 */
export async function loadConnection<Item, Node>(
  context: GatewayContext,
  field: string,
  binding: string,
  args: ConnectionArgs,
  fetchPage: (token: string | undefined, pageSize: number) => Promise<AwsPage<Item>>,
  toNode: (item: Item) => Node,
): Promise<PageRecord<Node>> {
  const first = checkPageSize(`${field}.first`, args.first);
  const position: PagePosition =
    args.after === undefined || args.after === null
      ? { token: undefined, pageSize: first, skip: 0 }
      : context.cursors.decode(`${field}.after`, binding, args.after);

  const page = await fetchPage(position.token, position.pageSize);
  const taken = page.items.slice(position.skip, position.skip + first);

  const cursorAfter = (offset: number): string => {
    // After the last item of an AWS page that has a successor, point at the next page itself.
    if (offset >= page.items.length && page.nextToken !== undefined) {
      return context.cursors.encode(binding, { token: page.nextToken, pageSize: first, skip: 0 });
    }
    return context.cursors.encode(binding, { token: position.token, pageSize: position.pageSize, skip: offset });
  };

  const edges: Array<EdgeRecord<Node>> = taken.map((item, index) => ({
    cursor: cursorAfter(position.skip + index + 1),
    node: toNode(item),
  }));
  const consumed = position.skip + taken.length;
  const hasNextPage = consumed < page.items.length || page.nextToken !== undefined;
  const lastEdge = edges.at(-1);

  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      // An empty AWS page can still have a successor: give a cursor that reaches it.
      endCursor: lastEdge?.cursor ?? (hasNextPage ? cursorAfter(consumed) : null),
    },
  };
}
