import { EXPLORER_SCRIPT_NAMES, EXPLORER_STYLESHEET_NAMES } from './assets.js';

/** Settings that the page hands to `browser/explorer.js`. */
export interface ExplorerPageSettings {
  /** Path of the explorer page; assets are served below `<path>/assets/`. */
  path: string;
  /** GraphQL endpoint on the same origin, for example `/graphql`. */
  endpoint: string;
  /** Operation shown in the first tab when the browser has no saved tabs. */
  document: string;
  /** Request headers shown in the headers editor, as a JSON object text, or '' for none. */
  headers: string;
}

/**
 * Renders the explorer's HTML. The page loads only same-origin assets and passes its
 * settings in a `application/json` block, which browsers never execute.
 */
export function renderExplorerPage(settings: ExplorerPageSettings): string {
  const assetBase = `${settings.path}/assets`;
  const stylesheets = EXPLORER_STYLESHEET_NAMES.map(
    (name) => `    <link rel="stylesheet" href="${escapeHtml(`${assetBase}/${name}`)}" />`,
  ).join('\n');
  const scripts = EXPLORER_SCRIPT_NAMES.map((name) => `    <script src="${escapeHtml(`${assetBase}/${name}`)}"></script>`).join('\n');
  const config = JSON.stringify({ endpoint: settings.endpoint, document: settings.document, headers: settings.headers });

  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>ds-data-gateway explorer</title>
${stylesheets}
  </head>
  <body>
    <div id="graphiql">Loading the explorer…</div>
    <noscript>The explorer needs JavaScript, which this browser has turned off.</noscript>
    <script type="application/json" id="explorer-config">${escapeJsonForScript(config)}</script>
${scripts}
  </body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escapes `<`, `>` and `&` so that no value can close the `<script>` element early. */
function escapeJsonForScript(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
