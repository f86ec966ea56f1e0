/**
 * The committed resolver types in `src/generated/graphql.ts` must be what graphql-codegen
 * makes from `codegen.yml` and the current `schema/*.graphql`. When this fails, run
 * `npm run codegen` and commit `src/generated/`.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('resolver codegen', () => {
  it('matches the committed src/generated', async () => {
    const loaded = await loadCodegenConfig({ configFilePath: join(root, 'codegen.yml') });
    if (loaded === undefined) {
      throw new Error('codegen.yml could not be loaded.');
    }
    // Generates in memory only: `false` keeps graphql-codegen from writing the files.
    const outputs = await generate({ ...loaded.config, cwd: root, silent: true }, false);

    expect(outputs.map((output: { filename: string }) => output.filename)).toEqual(['src/generated/graphql.ts']);
    for (const output of outputs) {
      const committed = await readFile(resolve(root, output.filename), 'utf8');
      expect(committed, `${output.filename} is stale: run npm run codegen and commit it`).toBe(output.content);
    }
  }, 60_000);
});
