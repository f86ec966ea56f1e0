/**
 * The directory of this package, the one holding `package.json`. Files that are not code,
 * such as the SDL in `schema/` and the explorer's own script, are read from there. The paths
 * are then the same whether the code runs from `src/` under tsx or from the build in `dist/`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let directory = start;
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) {
      throw new Error(`No package.json above ${start}: run the gateway from its installed folder.`);
    }
    directory = parent;
  }
  return directory;
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
