/**
 * Per-request loaders for `DescribeUser` and `DescribeGroup`.
 *
 * Within one request each object is described at most once for any set of attributes.
 * Every field that needs an object in the same tick of the event loop joins one batch, and
 * the attribute names they ask for are merged into one call (split in chunks of 25, the
 * AWS limit). A later field that needs attributes not yet fetched makes one more call
 * for just those. Keys ignore case in account names and realms, as Active Directory does.
 */
import DataLoader from 'dataloader';
import { DescribeGroupCommand, DescribeUserCommand } from '../ds-data/index.js';
import type { Attributes, DescribeGroupResult, DescribeUserResult } from '../ds-data/types.js';
import { ErrorCode } from './errors.js';
import type { ObjectLocator } from './model.js';
import { sendCommand, type UpstreamContext } from './upstream.js';

/** AWS accepts at most this many names in one describe call's `OtherAttributes`. */
const MAX_NAMES_PER_CALL = 25;

type DescribeResult = DescribeUserResult | DescribeGroupResult;

interface CachedDescription<Result> {
  /** Attribute names (lower case) already asked for; absent from the result means unset. */
  readonly names: ReadonlySet<string>;
  readonly result: Promise<Result | null>;
}

/** Normalizes the parts of a locator that Active Directory compares without case. */
export function objectKey(locator: ObjectLocator): string {
  const realm = (locator.realm ?? '').toLowerCase().replace(/\.$/, '');
  return `${locator.directoryId}\u0000${realm}\u0000${locator.samAccountName.toLowerCase()}`;
}

/** Shared, never-modified values for loads that request no attributes. */
const NO_NAMES: readonly string[] = [];
const NO_NAME_SET: ReadonlySet<string> = new Set();

/** Converts a failed describe into an error value, so that DataLoader rejects only that key. */
function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

class Describer<Result extends DescribeResult> {
  private readonly cache = new Map<string, CachedDescription<Result>>();
  private pending = new Map<string, { locator: ObjectLocator; names: Set<string> }>();
  private generation = 0;
  private readonly loader: DataLoader<string, Result | null>;

  constructor(private readonly fetch: (locator: ObjectLocator, names: string[]) => Promise<Result | null>) {
    this.loader = new DataLoader((keys) => this.dispatch(keys), { cache: true });
  }

  /**
   * Describes the object with at least `names` among its attributes. Resolves null when
   * the object does not exist.
   */
  load(locator: ObjectLocator, names: readonly string[] = NO_NAMES): Promise<Result | null> {
    const key = objectKey(locator);
    const cached = this.cache.get(key);
    // Most loads request no attributes, so they allocate no name lists.
    const missing = names.length === 0 ? NO_NAMES : names.filter((name) => !cached?.names.has(name.toLowerCase()));
    if (cached && missing.length === 0) {
      return cached.result;
    }

    // Join this tick's batch for the object, adding the names it still lacks.
    let entry = this.pending.get(key);
    if (!entry) {
      entry = { locator, names: new Set() };
      this.pending.set(key, entry);
    }
    for (const name of missing) {
      entry.names.add(name);
    }
    const fetched = this.loader.load(`${key}\u0000${this.generation}`);

    const requested =
      missing.length === 0
        ? NO_NAME_SET
        : new Set([...(cached?.names ?? []), ...missing.map((name) => name.toLowerCase())]);
    const result = cached ? mergeDescriptions(cached.result, fetched) : fetched;
    this.cache.set(key, { names: requested, result });
    return result;
  }

  /** Forgets an object, so the next read describes it again (after a mutation). */
  clear(locator: ObjectLocator): void {
    this.cache.delete(objectKey(locator));
  }

  private dispatch(batchKeys: readonly string[]): Promise<Array<Result | null | Error>> {
    const batch = this.pending;
    this.pending = new Map();
    this.generation += 1;
    this.loader.clearAll();

    // Most batches contain one object requested once, as a `user` query's batch does. Such a
    // batch needs no lookup table and no Promise.all.
    if (batch.size === 1 && batchKeys.length === 1) {
      const entry = batch.values().next().value as { locator: ObjectLocator; names: Set<string> };
      return this.fetch(entry.locator, [...entry.names]).then(wrapSingle, asSingleError);
    }

    const results = new Map<string, Promise<Result | null | Error>>();
    for (const [key, entry] of batch) {
      results.set(key, this.fetch(entry.locator, [...entry.names]).catch(asError));
    }
    return Promise.all(
      batchKeys.map((batchKey) => {
        const key = batchKey.slice(0, batchKey.lastIndexOf('\u0000'));
        return results.get(key) ?? Promise.resolve(new Error(`No describe call was queued for ${batchKey}.`));
      }),
    );
  }
}

function wrapSingle<Result>(result: Result): [Result] {
  return [result];
}

function asSingleError(error: unknown): [Error] {
  return [asError(error)];
}

/** Combines an earlier description with a later one that fetched more attributes. */
async function mergeDescriptions<Result extends DescribeResult>(
  earlier: Promise<Result | null>,
  later: Promise<Result | null>,
): Promise<Result | null> {
  const [first, second] = await Promise.all([earlier.catch(() => null), later]);
  if (!second) {
    return null;
  }
  const attributes: Attributes = { ...(first?.OtherAttributes ?? {}), ...(second.OtherAttributes ?? {}) };
  return { ...second, ...(Object.keys(attributes).length > 0 ? { OtherAttributes: attributes } : {}) };
}

/** Splits names into chunks of at most 25 so each call stays within the AWS limit. */
function chunksOf(names: readonly string[]): string[][] {
  if (names.length === 0) {
    return [[]];
  }
  const chunks: string[][] = [];
  for (let start = 0; start < names.length; start += MAX_NAMES_PER_CALL) {
    chunks.push(names.slice(start, start + MAX_NAMES_PER_CALL));
  }
  return chunks;
}

/** Runs one describe call per chunk of names and merges their attributes. NOT_FOUND becomes null. */
function describeInChunks<Result extends DescribeResult>(
  names: readonly string[],
  describeChunk: (chunk: string[]) => Promise<Result>,
): Promise<Result | null> {
  const chunks = chunksOf(names);
  const described =
    chunks.length === 1
      ? describeChunk(chunks[0] as string[])
      : Promise.all(chunks.map((chunk) => describeChunk(chunk))).then((parts) => {
          const [first, ...rest] = parts as unknown as [Result, ...Result[]];
          const attributes: Attributes = Object.assign({}, ...parts.map((part) => part.OtherAttributes ?? {}));
          return rest.length === 0 ? first : { ...first, OtherAttributes: attributes };
        });
  return described.then(undefined, notFoundAsNull);
}

function notFoundAsNull(error: unknown): null {
  if ((error as { extensions?: { code?: unknown } }).extensions?.code === ErrorCode.NOT_FOUND) {
    return null;
  }
  throw error;
}

export interface Loaders {
  readonly users: Describer<DescribeUserResult>;
  readonly groups: Describer<DescribeGroupResult>;
}

export type { Describer };

/**
 * The loaders of one GraphQL request. Each is built on first use, since most requests read
 * only users or only groups, and many read neither. A class rather than an object literal
 * with getters: V8 defines a literal's accessors one by one on every request.
 */
export class RequestLoaders implements Loaders {
  #users: Describer<DescribeUserResult> | undefined;
  #groups: Describer<DescribeGroupResult> | undefined;

  constructor(private readonly context: UpstreamContext) {}

  get users(): Describer<DescribeUserResult> {
    return (this.#users ??= describeUsers(this.context));
  }

  get groups(): Describer<DescribeGroupResult> {
    return (this.#groups ??= describeGroups(this.context));
  }
}

function describeUsers(context: UpstreamContext): Describer<DescribeUserResult> {
  return new Describer((locator, names) =>
    describeInChunks(names, (chunk) =>
      sendCommand(
        context,
        new DescribeUserCommand({
          DirectoryId: locator.directoryId,
          SAMAccountName: locator.samAccountName,
          ...(locator.realm ? { Realm: locator.realm } : {}),
          ...(chunk.length > 0 ? { OtherAttributes: chunk } : {}),
        }),
      ),
    ),
  );
}

function describeGroups(context: UpstreamContext): Describer<DescribeGroupResult> {
  return new Describer((locator, names) =>
    describeInChunks(names, (chunk) =>
      sendCommand(
        context,
        new DescribeGroupCommand({
          DirectoryId: locator.directoryId,
          SAMAccountName: locator.samAccountName,
          ...(locator.realm ? { Realm: locator.realm } : {}),
          ...(chunk.length > 0 ? { OtherAttributes: chunk } : {}),
        }),
      ),
    ),
  );
}
