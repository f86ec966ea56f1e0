/**
 * Helpers shared by the browser and quota scheduler settings. Each parser gets the raw
 * value of one variable and a sink for problems, so that a start-up error lists every
 * invalid variable at once instead of stopping at the first.
 *
 * The settings are read once, at start, so they need no schema library. A library such as
 * zod would stay loaded for the life of the process. Measured with forced collections, zod
 * alone adds about 3 MiB to the heap, and every full garbage collection marks it again.
 */

/** Receives one sentence for each invalid variable. */
export type ReportIssue = (message: string) => void;

/** Returns whether the variable is unset or blank, so that it takes its default. */
export function isUnset(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === '';
}

/** Reads a whole number from `min` to `max`; a blank value takes `defaultValue`. */
export function readWholeNumber(
  name: string,
  value: string | undefined,
  defaultValue: number,
  [min, max]: readonly [number, number],
  report: ReportIssue,
): number {
  if (isUnset(value)) {
    return defaultValue;
  }
  const trimmed = value.trim();
  const parsed = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || parsed < min || parsed > max) {
    report(`${name} is invalid: "${value}" is not a whole number from ${min} to ${max}.`);
    return defaultValue;
  }
  return parsed;
}
