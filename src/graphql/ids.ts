/**
 * Global object ids for `Node.id` and `Query.node`.
 *
 * An id is the directory, the realm, the SID and the account name, base64url-encoded.
 * The SID is the identity; the account name is how the object is found again, because
 * AWS Directory Service Data looks objects up by name only. Names cannot change after
 * creation, so the pair is stable; `node` checks the SID so that a re-created object with
 * the same name is not mistaken for the old one.
 */
import { badUserInput } from './errors.js';

export type NodeKind = 'User' | 'Group' | 'Computer';

const KIND_CODES: Readonly<Record<NodeKind, string>> = { User: 'U', Group: 'G', Computer: 'C' };
const KINDS_BY_CODE = new Map(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as NodeKind]));

export interface NodeIdentity {
  readonly kind: NodeKind;
  readonly directoryId: string;
  readonly realm: string | undefined;
  readonly sid: string;
  readonly samAccountName: string;
}

export function encodeNodeId(identity: NodeIdentity): string {
  const parts = [
    KIND_CODES[identity.kind],
    identity.directoryId,
    identity.realm?.toLowerCase() ?? '',
    identity.sid,
    identity.samAccountName,
  ];
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** Decodes a global id; throws BAD_USER_INPUT for anything this gateway did not issue. */
export function decodeNodeId(field: string, id: string): NodeIdentity {
  const invalid = () =>
    badUserInput(`The id ${JSON.stringify(id.slice(0, 80))} in "${field}" is not a global id issued by this gateway.`, field);
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parts) || parts.length !== 5 || !parts.every((part) => typeof part === 'string')) {
    throw invalid();
  }
  const [code, directoryId, realm, sid, samAccountName] = parts as [string, string, string, string, string];
  const kind = KINDS_BY_CODE.get(code);
  if (!kind || !directoryId || !sid || !samAccountName) {
    throw invalid();
  }
  return { kind, directoryId, realm: realm === '' ? undefined : realm, sid, samAccountName };
}
