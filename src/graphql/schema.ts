/**
 * The executable schema: the SDL files of `schema/` with the resolvers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { PACKAGE_ROOT } from '../package-root.js';

export const SCHEMA_DIRECTORY = join(PACKAGE_ROOT, 'schema');

/** Reads every `schema/*.graphql` file, in name order, as one SDL document. */
export function loadTypeDefs(directory = SCHEMA_DIRECTORY): string {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(join(directory, name), 'utf8'))
    .join('\n');
}
