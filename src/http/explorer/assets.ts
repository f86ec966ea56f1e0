import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { PACKAGE_ROOT } from '../../package-root.js';

/** One file that the explorer page loads from the gateway. */
export interface ExplorerAsset {
  contentType: string;
  body: Buffer;
}

/**
 * Source of each asset: a package installed by `npm ci` and the file inside it, or a file
 * in this folder. GraphiQL 4.1 ships a UMD build (`graphiql.min.js`) and React 18 ships
 * UMD builds, so the page runs them without a bundler. GraphiQL 5 and React 19 ship none.
 */
const ASSET_SOURCES: Readonly<Record<string, { packageName?: string; file: string }>> = {
  'react.production.min.js': { packageName: 'react', file: 'umd/react.production.min.js' },
  'react-dom.production.min.js': { packageName: 'react-dom', file: 'umd/react-dom.production.min.js' },
  'graphiql.min.js': { packageName: 'graphiql', file: 'graphiql.min.js' },
  'graphiql.min.css': { packageName: 'graphiql', file: 'graphiql.min.css' },
  'explorer.js': { file: 'browser/explorer.js' },
  'explorer.css': { file: 'browser/explorer.css' },
};

/** Asset names in the order the page loads them. */
export const EXPLORER_SCRIPT_NAMES = ['react.production.min.js', 'react-dom.production.min.js', 'graphiql.min.js', 'explorer.js'] as const;
export const EXPLORER_STYLESHEET_NAMES = ['graphiql.min.css', 'explorer.css'] as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Reads every explorer asset into memory (about 1.4 MB) and throws, naming the missing
 * file and the fix, when a package is not installed.
 */
export function loadExplorerAssets(): Map<string, ExplorerAsset> {
  const require = createRequire(import.meta.url);
  // The explorer's own files are not code, so the build leaves them in src/.
  const ownFolder = join(PACKAGE_ROOT, 'src', 'http', 'explorer');
  const assets = new Map<string, ExplorerAsset>();

  for (const [name, source] of Object.entries(ASSET_SOURCES)) {
    let path: string;
    if (source.packageName === undefined) {
      path = join(ownFolder, source.file);
    } else {
      try {
        path = join(dirname(require.resolve(`${source.packageName}/package.json`)), source.file);
      } catch {
        throw new Error(
          `Explorer asset ${source.packageName}/${source.file} was not found because the package "${source.packageName}" is not installed. Run npm ci, or set EXPLORER_ENABLED=false.`,
        );
      }
    }

    let body: Buffer;
    try {
      body = readFileSync(path);
    } catch (error) {
      throw new Error(`Explorer asset ${path} could not be read: ${(error as Error).message}. Run npm ci, or set EXPLORER_ENABLED=false.`);
    }

    const extension = name.slice(name.lastIndexOf('.'));
    assets.set(name, { contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', body });
  }

  return assets;
}
