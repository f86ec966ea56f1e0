// Starts GraphiQL in the offline explorer page. This file runs in the browser as is (no
// build step), after the UMD builds of React, ReactDOM and GraphiQL have set their globals.
// The page passes its settings in a JSON block rather than an inline script, so that the
// Content-Security-Policy can stay at script-src 'self'.
(function startExplorer() {
  'use strict';

  var configElement = document.getElementById('explorer-config');
  var config = JSON.parse(configElement.textContent);

  // A relative URL keeps every request on the page's own origin.
  var fetcher = GraphiQL.createFetcher({ url: config.endpoint });

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: config.document,
      defaultHeaders: config.headers,
      defaultEditorToolsVisibility: config.headers !== '' ? 'headers' : false,
      shouldPersistHeaders: false,
    }),
  );
})();
