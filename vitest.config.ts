import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (`main`) and ESM (`module`) builds without an `exports` map.
    // Vite picks the ESM build for our code while Node loads the CommonJS build for Apollo
    // Server, and graphql's instanceof checks then fail ("Cannot use GraphQLNonNull from another
    // module or realm"). Pointing both at the CommonJS build keeps one instance, as in production.
    alias: [{ find: /^graphql$/, replacement: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start real HTTP servers on 127.0.0.1; a generous timeout keeps a
    // slow CI machine (2 cores) from failing them while still catching hangs.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: more workers than that only adds contention.
    maxWorkers: 2,
    // Integration tests rely on local credentials; never let an AWS profile or the
    // instance-metadata endpoint be consulted.
    env: {
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  },
});
