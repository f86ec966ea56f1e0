import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

import { compareBuilds, DEFAULT_ROUNDS, parseCompareArgs, summarizePairs } from '../../bench/compare-builds.js';

const USAGE = 'Usage: npm run bench:compare -- OTHER_CHECKOUT [--rounds N]';

describe('parseCompareArgs', () => {
  it('reads the checkout and default rounds', () => {
    expect(parseCompareArgs(['../other'])).toEqual({ otherRoot: resolve('../other'), rounds: DEFAULT_ROUNDS });
  });

  it('reads --rounds before or after', () => {
    expect(parseCompareArgs(['--rounds', '5', '/tmp/other'])).toEqual({ otherRoot: '/tmp/other', rounds: 5 });
    expect(parseCompareArgs(['/tmp/other', '--rounds', '50'])).toEqual({ otherRoot: '/tmp/other', rounds: 50 });
  });

  it('rejects a missing checkout', () => {
    expect(() => parseCompareArgs([])).toThrow(`The other checkout is missing. ${USAGE}`);
  });

  it('rejects bad round counts', () => {
    expect(() => parseCompareArgs(['/tmp/other', '--rounds', '2'])).toThrow(
      `--rounds must be a whole number from 3 to 50, got 2. ${USAGE}`,
    );
    expect(() => parseCompareArgs(['/tmp/other', '--rounds', '7.5'])).toThrow('got 7.5.');
    expect(() => parseCompareArgs(['/tmp/other', '--rounds'])).toThrow('got nothing.');
  });

  it('rejects unknown options and extra paths', () => {
    expect(() => parseCompareArgs(['/tmp/other', '--fast'])).toThrow(`Unknown option --fast. ${USAGE}`);
    expect(() => parseCompareArgs(['/tmp/a', '/tmp/b'])).toThrow(
      `Only one other checkout can be compared, got /tmp/a and /tmp/b. ${USAGE}`,
    );
  });
});

describe('summarizePairs', () => {
  it('takes the median of per-round differences', () => {
    // In every round current is lower, by 0.02 to 0.04.
    const summary = summarizePairs([0.40, 0.45, 0.41, 0.50, 0.42], [0.43, 0.48, 0.44, 0.52, 0.46]);
    expect(summary.currentMedian).toBe(0.42);
    expect(summary.otherMedian).toBe(0.46);
    expect(summary.medianDifference).toBeCloseTo(-0.03, 10);
    expect(summary.roundsCurrentLower).toBe(5);
    expect(summary.rounds).toBe(5);
  });

  it('counts rounds where current is lower', () => {
    expect(summarizePairs([1, 2, 3], [2, 2, 1]).roundsCurrentLower).toBe(1);
  });

  it('rejects unpaired rounds', () => {
    expect(() => summarizePairs([1, 2], [1])).toThrow('Expected one value per build in every round, got 2 and 1.');
    expect(() => summarizePairs([], [])).toThrow('got 0 and 0.');
  });
});

describe('compareBuilds', () => {
  it('rejects a path without a checkout', async () => {
    const missing = resolve('/tmp/no-such-checkout-for-bench-compare');
    await expect(compareBuilds({ otherRoot: missing, rounds: 3 }, () => undefined)).rejects.toThrow(
      `${missing} is not a checkout of this project (it has no package.json). Give the path of one, such as a git worktree.`,
    );
  });

  it('names the build step of an unbuilt checkout', async () => {
    const unbuilt = await mkdtemp(join(tmpdir(), 'bench-compare-'));
    await writeFile(join(unbuilt, 'package.json'), '{}');
    try {
      await expect(compareBuilds({ otherRoot: unbuilt, rounds: 3 }, () => undefined)).rejects.toThrow(
        `${unbuilt}/dist/bench/lib/child.js does not exist. Build that checkout first (cd ${unbuilt} && npm ci && npm run build).`,
      );
    } finally {
      await rm(unbuilt, { recursive: true, force: true });
    }
  });
});
