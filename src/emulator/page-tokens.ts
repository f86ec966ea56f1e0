/**
 * Opaque `NextToken` values for the paginated operations.
 *
 * A token carries the operation, the directory, a digest of the request parameters and the
 * sort key of the last item returned, and is sealed with an HMAC under a secret of this
 * emulator instance. The next page starts after that key, so items added or removed between
 * calls never make a page repeat or skip an item that stayed. A token that was altered,
 * comes from another emulator instance, or is sent with a different operation, directory or
 * parameters is rejected with `INVALID_NEXT_TOKEN`.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { compareKeys } from './directory-state.js';
import { validationError } from './service-error.js';

/** Page size when a request sets no `MaxResults`. The model sets no default; 250 is its maximum. */
export const DEFAULT_PAGE_SIZE = 250;

interface TokenPayload {
  /** Operation name. */
  readonly o: string;
  /** Directory id. */
  readonly d: string;
  /** Digest of the request parameters other than `NextToken` and `MaxResults`. */
  readonly p: string;
  /** Sort key of the last item of the previous page. */
  readonly k: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextToken?: string;
}

export class PageTokens {
  private readonly secret: Buffer;

  constructor(secret: Buffer = randomBytes(32)) {
    this.secret = secret;
  }

  /**
   * Cuts one page out of `items`, which must be sorted by `sortKey` without duplicates, and
   * returns it with the token of the next page when more items follow.
   */
  paginate<T>(
    items: readonly T[],
    sortKey: (item: T) => string,
    request: {
      readonly operation: string;
      readonly directoryId: string;
      readonly parameters: Readonly<Record<string, unknown>>;
      readonly nextToken?: string | undefined;
      readonly maxResults?: number | undefined;
    },
  ): Page<T> {
    const parameterDigest = digestParameters(request.parameters);
    let start = 0;
    if (request.nextToken !== undefined) {
      const payload = this.open(request.nextToken);
      if (payload.o !== request.operation || payload.d !== request.directoryId || payload.p !== parameterDigest) {
        throw invalidToken('it was issued for a different operation, directory or set of parameters');
      }
      start = items.findIndex((item) => sortKey(item) > payload.k);
      if (start === -1) {
        start = items.length;
      }
    }

    const size = request.maxResults ?? DEFAULT_PAGE_SIZE;
    const pageItems = items.slice(start, start + size);
    const last = pageItems.at(-1);
    if (start + size >= items.length || last === undefined) {
      return { items: pageItems };
    }
    const payload: TokenPayload = {
      o: request.operation,
      d: request.directoryId,
      p: parameterDigest,
      k: sortKey(last),
    };
    return { items: pageItems, nextToken: this.seal(payload) };
  }

  private seal(payload: TokenPayload): string {
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  private open(token: string): TokenPayload {
    const [body, signature, extra] = token.split('.');
    if (body === undefined || signature === undefined || extra !== undefined) {
      throw invalidToken('it is not a token that this emulator issued');
    }
    const expected = Buffer.from(this.sign(body), 'utf8');
    const received = Buffer.from(signature, 'utf8');
    if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
      throw invalidToken('it was altered or was issued by another emulator instance');
    }
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
    return payload;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

function digestParameters(parameters: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(parameters);
  entries.sort(([a], [b]) => compareKeys(a, b));
  const canonical = JSON.stringify(entries);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

// The token itself is sensitive, so the message never repeats it.
function invalidToken(why: string): Error {
  return validationError(
    `NextToken is invalid: ${why}. Start again without NextToken, and send each token only with the request that returned it.`,
    'INVALID_NEXT_TOKEN',
  );
}
