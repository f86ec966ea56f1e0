/** Helpers that user and group operations share when they build outputs and record changes. */
import { generalizedTime, type StoredAttribute } from './directory-state.js';

export function omitUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

export function replaceAttributes(target: Map<string, StoredAttribute>, source: ReadonlyMap<string, StoredAttribute>): void {
  target.clear();
  for (const [key, value] of source) {
    target.set(key, value);
  }
}

/** Records a change the way AD does: a new `uSNChanged` and the `whenChanged` time. */
export function touch(attributes: Map<string, StoredAttribute>, usn: bigint, now: number): void {
  attributes.set('usnchanged', { name: 'uSNChanged', value: { N: usn } });
  attributes.set('whenchanged', { name: 'whenChanged', value: { S: generalizedTime(now) } });
}
