import type { FastifyInstance, FastifyReply } from 'fastify';

import { EXPLORER_CONTENT_SECURITY_POLICY } from '../security-headers.js';
import { loadExplorerAssets } from './assets.js';
import { renderExplorerPage } from './page.js';

export interface ExplorerPluginOptions {
  /** Path of the explorer page, for example `/explorer`, without a trailing slash. */
  path: string;
  /** GraphQL endpoint path on the same origin, for example `/graphql`. */
  endpoint: string;
  /** Operation shown in the first tab when the browser has no saved tabs. */
  document: string;
  /** Request headers pre-filled in the headers editor, for example a bearer token placeholder. */
  headers?: Record<string, string>;
}

/**
 * Registers the offline GraphiQL explorer: the page at `path` (and `path/`) and its
 * assets at `path/assets/<name>`. Every asset comes from packages in `node_modules` or
 * from this folder, so the page works on networks that cannot reach any CDN, and its
 * Content-Security-Policy lets it send requests only to its own origin.
 *
 * Throws at registration when an asset is missing, so a broken install fails at start-up
 * rather than in the browser.
 */
export async function explorerPlugin(app: FastifyInstance, options: ExplorerPluginOptions): Promise<void> {
  const assets = loadExplorerAssets();
  const headers = options.headers === undefined || Object.keys(options.headers).length === 0 ? '' : JSON.stringify(options.headers, null, 2);
  const page = renderExplorerPage({ path: options.path, endpoint: options.endpoint, document: options.document, headers });

  const sendPage = async (_request: unknown, reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', EXPLORER_CONTENT_SECURITY_POLICY)
      .send(page);
  app.get(options.path, sendPage);
  app.get(`${options.path}/`, sendPage);

  app.get<{ Params: { name: string } }>(`${options.path}/assets/:name`, async (request, reply) => {
    const asset = assets.get(request.params.name);
    if (asset === undefined) {
      return reply.code(404).type('text/plain; charset=utf-8').send(`Explorer asset "${request.params.name}" not found.`);
    }
    // The asset names carry no version, so browsers revalidate after an hour and pick up
    // an upgraded GraphiQL soon after a deployment.
    return reply.type(asset.contentType).header('cache-control', 'public, max-age=3600').send(asset.body);
  });
}
