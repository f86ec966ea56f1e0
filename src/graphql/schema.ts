/**
 * The executable schema: the SDL files of `schema/` with the resolvers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCHEMA_DIRECTORY = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema');

/** Reads every `schema/*.graphql` file, in name order, as one SDL document. */
export function loadTypeDefs(directory = SCHEMA_DIRECTORY): string {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(join(directory, name), 'utf8'))
    .join('\n');
}
