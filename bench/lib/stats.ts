/** Small statistics helpers for the benchmark figures. */

/** Returns the `p`-th percentile (0 to 100) of `values` by the nearest-rank method. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export interface LinearFit {
  /** Change of y per unit of x. */
  readonly slope: number;
  readonly intercept: number;
  /** Standard error of the slope, in the unit of `slope`. */
  readonly slopeStandardError: number;
  /** Coefficient of determination, from 0 (no linear relation) to 1. */
  readonly rSquared: number;
}

/** Fits y = intercept + slope·x by ordinary least squares; needs at least three points. */
export function linearFit(xs: readonly number[], ys: readonly number[]): LinearFit {
  const n = xs.length;
  if (n < 3 || ys.length !== n) {
    throw new Error(`A linear fit needs at least 3 points with one y per x, got ${n} x and ${ys.length} y values.`);
  }

  const meanX = xs.reduce((sum, x) => sum + x, 0) / n;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (xs[i] as number) - meanX;
    const dy = (ys[i] as number) - meanY;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }

  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const residualSumOfSquares = Math.max(0, syy - slope * sxy);
  const slopeStandardError = Math.sqrt(residualSumOfSquares / (n - 2) / sxx);
  const rSquared = syy === 0 ? 0 : 1 - residualSumOfSquares / syy;
  return { slope, intercept, slopeStandardError, rSquared };
}

/**
 * Returns the largest number of `times` (ms) inside any window of `windowMs` that starts at
 * one of them, which is the maximum over every sliding window, not only aligned seconds.
 */
export function maxPerWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while ((sorted[last] as number) - (sorted[first] as number) >= windowMs) {
      first += 1;
    }
    max = Math.max(max, last - first + 1);
  }
  return max;
}

/** Rounds to `digits` decimal places, for figures in the results file. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
