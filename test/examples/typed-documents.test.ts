import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const scratchFile = join(root, 'examples', 'scratch-check.ts');

/** Type-checks examples/typed-operations.ts plus an in-memory file, with the project's compiler options. */
function typeCheck(scratchSource: string): string[] {
  const configFile = ts.readConfigFile(join(root, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const host = ts.createCompilerHost(options);
  const readFileFromDisk = host.readFile.bind(host);
  const fileExistsOnDisk = host.fileExists.bind(host);
  const getSourceFileFromDisk = host.getSourceFile.bind(host);

  host.readFile = (path) => (path === scratchFile ? scratchSource : readFileFromDisk(path));
  host.fileExists = (path) => path === scratchFile || fileExistsOnDisk(path);
  host.getSourceFile = (path, languageVersion, ...rest) =>
    path === scratchFile
      ? ts.createSourceFile(path, scratchSource, languageVersion, true)
      : getSourceFileFromDisk(path, languageVersion, ...rest);

  const program = ts.createProgram([join(root, 'examples', 'typed-operations.ts'), scratchFile], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

describe('client codegen target', () => {
  it('matches the committed examples/generated', async () => {
    const { config } = (await loadCodegenConfig({ configFilePath: join(root, 'codegen.client.yml') })) ?? {};
    if (config === undefined) throw new Error('codegen.client.yml could not be loaded');
    const outputs = await generate({ ...config, cwd: root, silent: true }, false);

    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const committed = await readFile(resolve(root, output.filename), 'utf8');
      expect(committed, `${output.filename} is stale: run npm run codegen:client`).toBe(output.content);
    }
  }, 60_000);
});

describe('typed documents in examples', () => {
  it('compiles in a scratch file', () => {
    const diagnostics = typeCheck(`
import { UserByNameDocument, type UserByNameQuery } from './generated/graphql.js';
import { executeOperation } from './typed-operations.js';

const result = await executeOperation('http://127.0.0.1:4000/graphql', UserByNameDocument, { samAccountName: 'jdoe' });
const user: UserByNameQuery['user'] | undefined = result.data?.user;
const name: string | null | undefined = user?.givenName;
export { name };
`);

    expect(diagnostics).toEqual([]);
  }, 60_000);

  it('rejects a two-member attribute value', () => {
    const diagnostics = typeCheck(`
import type { AttributeValueInput } from './generated/graphql.js';
export const value: AttributeValueInput = { S: 'Sales', N: '1' };
`);

    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/^TS2322: /);
  }, 60_000);

  it('rejects a misspelled variable', () => {
    const diagnostics = typeCheck(`
import { UserByNameDocument } from './generated/graphql.js';
import { executeOperation } from './typed-operations.js';
export const pending = executeOperation('http://127.0.0.1:4000/graphql', UserByNameDocument, { samAccount: 'jdoe' });
`);

    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/samAccount/);
  }, 60_000);
});
