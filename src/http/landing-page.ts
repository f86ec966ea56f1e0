import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';

import type { LandingPageMode } from '../config/browser.js';

/**
 * The operation that the Sandbox and the explorer show first: user `jdoe`, who exists in
 * the demo directory that local mode seeds, so that pressing Run works right after
 * `npm start`. It names no directory, so against AWS it reads the configured default
 * directory instead of failing on the demo directory's id.
 */
export const DEFAULT_DOCUMENT = `# Press Run to read user jdoe. Without a directoryId argument the gateway reads its
# default directory, which is the demo directory d-1234567890 in local mode.
query DemoUser {
  user(samAccountName: "jdoe") {
    samAccountName
    givenName
    surname
    emailAddress
    enabled
  }
}
`;

/** Header that the Sandbox and the explorer pre-fill when the gateway requires a token. */
export const AUTHORIZATION_HEADER_PLACEHOLDER: Readonly<Record<string, string>> = {
  Authorization: 'Bearer <paste an access token>',
};

export interface LandingPageOptions {
  mode: LandingPageMode;
  /** Path of the offline explorer, which the `explorer` mode redirects to. */
  explorerPath: string;
  /** Whether requests need a bearer token, so the pre-filled headers include one. */
  authRequired: boolean;
  /** Operation shown first; defaults to `DEFAULT_DOCUMENT`. */
  document?: string;
}

/**
 * Returns the Apollo Server plugin that renders `GET /graphql` for browsers.
 *
 * - `sandbox`: the embedded Apollo Sandbox, loaded from Apollo's CDN, with the endpoint
 *   fixed to this gateway, the default document and the headers a request needs.
 *   Telemetry from the embedded page is off.
 * - `explorer`: a page without scripts that redirects to the offline explorer.
 * - `off`: no landing page. Apollo Server would otherwise install its own default.
 */
export function createLandingPagePlugin(options: LandingPageOptions): ApolloServerPlugin<BaseContext> {
  const headers = options.authRequired ? { ...AUTHORIZATION_HEADER_PLACEHOLDER } : {};
  const document = options.document ?? DEFAULT_DOCUMENT;

  switch (options.mode) {
    case 'sandbox':
      return ApolloServerPluginLandingPageLocalDefault({
        embed: { runTelemetry: false, endpointIsEditable: false },
        document,
        headers,
        includeCookies: false,
        footer: false,
      });
    case 'explorer':
      return redirectToExplorerPlugin(options.explorerPath);
    case 'off':
      return ApolloServerPluginLandingPageDisabled();
  }
}

function redirectToExplorerPlugin(explorerPath: string): ApolloServerPlugin<BaseContext> {
  const html = renderRedirectPage(explorerPath);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}

/** Renders a page that sends the browser to the explorer with a meta refresh, which needs no script. */
export function renderRedirectPage(explorerPath: string): string {
  const target = explorerPath.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="refresh" content="0; url=${target}" />
    <title>ds-data-gateway</title>
  </head>
  <body>
    <p>The GraphQL explorer is at <a href="${target}">${target}</a>.</p>
  </body>
</html>
`;
}
