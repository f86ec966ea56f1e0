/**
 * Opaque pagination cursors.
 *
 * A cursor carries the AWS `NextToken` of the page it points into, which AWS marks
 * sensitive, so it is encrypted and authenticated (AES-256-GCM). It is also bound to the
 * query that made it (operation and arguments other than `first`/`after`) and to the
 * caller. A cursor replayed with other arguments or by someone else is therefore rejected
 * as a client error instead of reaching AWS.
 *
 * A cursor names a position: the AWS page that holds it (the token that starts that page
 * and the page size it was fetched with) and how many items of that page come before it.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { badUserInput } from './errors.js';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Start of a page: the AWS token (undefined for the first page), the page size, and the items to skip. */
export interface PagePosition {
  readonly token: string | undefined;
  readonly pageSize: number;
  readonly skip: number;
}

interface CursorPayload {
  readonly v: number;
  /** Hash of the query binding. */
  readonly b: string;
  readonly t: string | null;
  readonly m: number;
  readonly s: number;
}

export class CursorCodec {
  private readonly key: Buffer;

  /** `secret` is any string; the same secret on every replica lets cursors move between them. */
  constructor(secret: string | Buffer = randomBytes(32)) {
    this.key = createHash('sha256').update('ds-data-gateway cursor key\0').update(secret).digest();
  }

  encode(binding: string, position: PagePosition): string {
    const payload: CursorPayload = {
      v: VERSION,
      b: bindingHash(binding),
      t: position.token ?? null,
      m: position.pageSize,
      s: position.skip,
    };
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /**
   * Decodes `cursor` for the query `binding`. Throws BAD_USER_INPUT naming `field` when the
   * cursor is malformed, was altered, was made by another gateway key or for another query.
   */
  decode(field: string, binding: string, cursor: string): PagePosition {
    const payload = this.open(field, cursor);
    if (payload.b !== bindingHash(binding)) {
      throw badUserInput(
        `The cursor in "${field}" belongs to a different query: use it only with the same field, arguments ` +
          '(except first and after) and caller that returned it, or start again without "after".',
        field,
        { reason: 'CURSOR_MISMATCH' },
      );
    }
    return { token: payload.t ?? undefined, pageSize: payload.m, skip: payload.s };
  }

  private open(field: string, cursor: string): CursorPayload {
    const invalid = () =>
      badUserInput(
        `The cursor in "${field}" is invalid: pass a cursor exactly as this gateway returned it. Cursors do not ` +
          'survive a gateway restart unless the gateway is configured with a fixed CURSOR_SECRET.',
        field,
        { reason: 'INVALID_CURSOR' },
      );

    const raw = Buffer.from(cursor, 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES || raw.toString('base64url') !== cursor) {
      throw invalid();
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      const payload = JSON.parse(text) as CursorPayload;
      if (payload.v !== VERSION) {
        throw invalid();
      }
      return payload;
    } catch {
      throw invalid();
    }
  }
}

function bindingHash(binding: string): string {
  return createHash('sha256').update(binding).digest('base64url').slice(0, 22);
}
