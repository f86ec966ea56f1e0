import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { revisionOf } from '../../bench/lib/machine.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';

describe('revisionOf', () => {
  it('names the commit of a checkout', () => {
    // A bare hash, or tag, count and hash once the project has tags, and `-dirty` with local changes.
    expect(revisionOf(PACKAGE_ROOT)).toMatch(/^(\S+-g)?[0-9a-f]{7,40}(-dirty)?$/);
  });

  it('says when a directory is no checkout', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'revision-'));
    try {
      expect(revisionOf(directory)).toBe('unknown (not a git checkout)');
    } finally {
      await rm(directory, { recursive: true });
    }
  });
});
