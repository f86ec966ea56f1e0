import { describe, expect, it } from 'vitest';

import {
  APOLLO_SANDBOX_ORIGIN,
  BROWSER_CONFIG_VARIABLES,
  BrowserConfigError,
  normalizeOrigin,
  parseBrowserConfig,
} from '../../src/config/browser.js';

function parseError(env: Record<string, string | undefined>): BrowserConfigError {
  try {
    parseBrowserConfig(env);
  } catch (error) {
    if (error instanceof BrowserConfigError) return error;
    throw error;
  }
  throw new Error('parseBrowserConfig accepted an invalid environment');
}

describe('parseBrowserConfig', () => {
  describe('defaults', () => {
    it('opens the browser features in development', () => {
      expect(parseBrowserConfig({})).toEqual({
        production: false,
        cors: {
          allowedOrigins: [APOLLO_SANDBOX_ORIGIN],
          allowCredentials: false,
          allowPrivateNetwork: true,
          preflightMaxAgeSeconds: 600,
        },
        landingPage: 'sandbox',
        explorer: { enabled: true, path: '/explorer' },
        introspection: true,
      });
    });

    it('closes the browser features in production', () => {
      expect(parseBrowserConfig({ NODE_ENV: 'production' })).toEqual({
        production: true,
        cors: {
          allowedOrigins: [],
          allowCredentials: false,
          allowPrivateNetwork: false,
          preflightMaxAgeSeconds: 600,
        },
        landingPage: 'off',
        explorer: { enabled: false, path: '/explorer' },
        introspection: false,
      });
    });

    it('treats blank variables as unset', () => {
      const config = parseBrowserConfig({ LANDING_PAGE: ' ', INTROSPECTION: '', EXPLORER_PATH: '' });
      expect(config.landingPage).toBe('sandbox');
      expect(config.introspection).toBe(true);
      expect(config.explorer.path).toBe('/explorer');
    });
  });

  describe('explicit values', () => {
    it('turns features on in production', () => {
      const config = parseBrowserConfig({
        NODE_ENV: 'production',
        CORS_ORIGINS: 'https://admin.example.com, http://localhost:5173',
        CORS_ALLOW_CREDENTIALS: 'true',
        CORS_ALLOW_PRIVATE_NETWORK: '1',
        CORS_MAX_AGE: '7200',
        LANDING_PAGE: 'Explorer',
        EXPLORER_ENABLED: 'TRUE',
        EXPLORER_PATH: '/tools/graphiql',
        INTROSPECTION: 'true',
      });
      expect(config.cors).toEqual({
        allowedOrigins: ['https://admin.example.com', 'http://localhost:5173'],
        allowCredentials: true,
        allowPrivateNetwork: true,
        preflightMaxAgeSeconds: 7200,
      });
      expect(config.landingPage).toBe('explorer');
      expect(config.explorer).toEqual({ enabled: true, path: '/tools/graphiql' });
      expect(config.introspection).toBe(true);
    });

    it('turns features off in development', () => {
      const config = parseBrowserConfig({
        CORS_ORIGINS: '',
        CORS_ALLOW_PRIVATE_NETWORK: 'false',
        LANDING_PAGE: 'off',
        EXPLORER_ENABLED: '0',
        INTROSPECTION: 'false',
      });
      expect(config.cors.allowedOrigins).toEqual([]);
      expect(config.cors.allowPrivateNetwork).toBe(false);
      expect(config.landingPage).toBe('off');
      expect(config.explorer.enabled).toBe(false);
      expect(config.introspection).toBe(false);
    });

    it('normalizes and deduplicates origins', () => {
      const config = parseBrowserConfig({
        CORS_ORIGINS: 'HTTPS://Admin.Example.com:443/,https://admin.example.com,http://127.0.0.1:8080',
      });
      expect(config.cors.allowedOrigins).toEqual(['https://admin.example.com', 'http://127.0.0.1:8080']);
    });
  });

  describe('invalid values', () => {
    it('rejects an origin with a path', () => {
      expect(parseError({ CORS_ORIGINS: 'https://app.example.com/admin' }).issues).toEqual([
        'CORS_ORIGINS is invalid: "https://app.example.com/admin" is not an origin. Write each as scheme://host[:port] with http or https and no path, for example https://app.example.com. Wildcards are not accepted.',
      ]);
    });

    it('rejects a wildcard origin', () => {
      expect(parseError({ CORS_ORIGINS: '*' }).issues).toHaveLength(1);
      expect(parseError({ CORS_ORIGINS: 'https://*.example.com' }).issues).toHaveLength(1);
    });

    it('rejects a boolean that is not true or false', () => {
      expect(parseError({ INTROSPECTION: 'yes' }).issues).toEqual([
        'INTROSPECTION is invalid: "yes" is not a boolean. Use true or false.',
      ]);
    });

    it('rejects an out-of-range max age', () => {
      expect(parseError({ CORS_MAX_AGE: '-5' }).issues).toEqual([
        'CORS_MAX_AGE is invalid: "-5" is not a whole number from 0 to 86400.',
      ]);
      expect(parseError({ CORS_MAX_AGE: '86401' }).issues).toHaveLength(1);
      expect(parseError({ CORS_MAX_AGE: '1.5' }).issues).toHaveLength(1);
    });

    it('rejects an unknown landing page mode', () => {
      expect(parseError({ LANDING_PAGE: 'graphiql' }).issues).toEqual([
        'LANDING_PAGE is invalid: "graphiql" is not a landing page mode. Use sandbox, explorer or off.',
      ]);
    });

    it('rejects explorer paths that are malformed or taken', () => {
      expect(parseError({ EXPLORER_PATH: 'explorer' }).issues[0]).toMatch(/^EXPLORER_PATH is invalid: "explorer" must start with "\/"/);
      expect(parseError({ EXPLORER_PATH: '/explorer/' }).issues).toHaveLength(1);
      expect(parseError({ EXPLORER_PATH: '/a b' }).issues).toHaveLength(1);
      expect(parseError({ EXPLORER_PATH: '/graphql' }).issues).toEqual([
        'EXPLORER_PATH is invalid: "/graphql" is already served by the gateway. Choose another path, for example /explorer.',
      ]);
    });

    it('rejects the explorer landing page without the explorer', () => {
      expect(parseError({ LANDING_PAGE: 'explorer', EXPLORER_ENABLED: 'false' }).issues).toEqual([
        'LANDING_PAGE is "explorer" but EXPLORER_ENABLED is false: set EXPLORER_ENABLED=true or choose LANDING_PAGE=sandbox or off.',
      ]);
    });

    it('lists every invalid variable at once', () => {
      const error = parseError({ INTROSPECTION: 'maybe', LANDING_PAGE: 'x', CORS_ORIGINS: 'ftp://files.example.com' });
      expect(error.issues).toHaveLength(3);
      expect(error.message).toMatch(/^Invalid browser configuration:\n- /);
    });
  });
});

describe('normalizeOrigin', () => {
  it.each([
    ['https://studio.apollographql.com', 'https://studio.apollographql.com'],
    ['http://localhost:4000/', 'http://localhost:4000'],
    ['https://example.com:443', 'https://example.com'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
  ])('accepts %s', (input, expected) => {
    expect(normalizeOrigin(input)).toBe(expected);
  });

  it.each(['example.com', 'null', 'file:///tmp', 'https://user:pw@example.com', 'https://example.com?x=1', 'https://example.com#top'])(
    'rejects %s',
    (input) => {
      expect(normalizeOrigin(input)).toBeUndefined();
    },
  );
});

describe('BROWSER_CONFIG_VARIABLES', () => {
  it('documents every variable the parser reads', () => {
    expect(BROWSER_CONFIG_VARIABLES.map((variable) => variable.name)).toEqual([
      'CORS_ORIGINS',
      'CORS_ALLOW_CREDENTIALS',
      'CORS_ALLOW_PRIVATE_NETWORK',
      'CORS_MAX_AGE',
      'LANDING_PAGE',
      'EXPLORER_ENABLED',
      'EXPLORER_PATH',
      'INTROSPECTION',
    ]);
  });
});
