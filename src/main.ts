/**
 * Start-up: read the configuration, start the gateway (with the embedded emulator in local
 * mode), print where it listens, and shut down gracefully on SIGTERM or SIGINT.
 */
import { startApp } from './app.js';
import { ConfigError, loadConfig, type GatewayConfig } from './config/index.js';
import { createLogger } from './logging.js';

const SAMPLE_OPERATION = `query { user(samAccountName: "jdoe") { samAccountName givenName surname emailAddress enabled } }`;

function banner(config: GatewayConfig, url: string, emulatorUrl: string | undefined): string {
  const lines = [
    '',
    `ds-data-gateway is serving GraphQL at ${url}`,
    `  mode:       ${config.mode === 'local' ? `local (embedded emulator at ${emulatorUrl}, demo data; nothing leaves this machine)` : 'AWS'}`,
    `  directory:  ${config.directoryId}`,
    `  auth:       ${config.security.auth.mode === 'off' ? `off (${config.security.auth.reason === 'explicit' ? 'AUTH_MODE=off' : 'local mode default'})` : `JWT from ${config.security.auth.issuer}`}`,
    `  explorer:   ${config.browser.explorer.enabled ? url.replace(/\/graphql$/, config.browser.explorer.path) : 'off'}`,
    '',
    'Try it:',
    `  curl -s ${url} -H 'content-type: application/json' \\`,
    `    -d '${JSON.stringify({ query: SAMPLE_OPERATION })}'`,
    '',
  ];
  return lines.join('\n');
}

/** Explains the usual reasons the gateway cannot start listening, with the fix. */
function startFailureMessage(error: unknown, config: GatewayConfig): string {
  const code = (error as { code?: unknown }).code;
  const address = `${config.host}:${config.port}`;
  switch (code) {
    case 'EADDRINUSE':
      return `Cannot listen on ${address}: the port is already in use. Stop the other process or set PORT to a free port.`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `Cannot listen on ${address}: HOST is not an address of this machine. Set HOST to 127.0.0.1 or 0.0.0.0.`;
    case 'EACCES':
      return `Cannot listen on ${address}: permission denied. Use a port above 1023 or run with the needed privilege.`;
    default:
      return `The gateway failed to start: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
}

async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const logger = createLogger({ level: config.logLevel });
  if (config.security.auth.mode === 'off' && config.mode === 'aws') {
    logger.warn('Authentication is off (AUTH_MODE=off) against AWS: anyone who can reach this gateway can change the directory.');
  }

  let app;
  try {
    app = await startApp(config, logger);
  } catch (error) {
    process.stderr.write(`${startFailureMessage(error, config)}\n`);
    process.exit(1);
  }
  process.stdout.write(banner(config, app.url, app.emulator?.url));
  logger.info({ url: app.url, mode: config.mode, directoryId: config.directoryId }, 'gateway started');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal, timeoutMs: config.security.shutdownTimeoutMs }, 'shutting down: draining in-flight requests');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: config.security.shutdownTimeoutMs }, 'shutdown timed out; exiting with requests still open');
      process.exit(1);
    }, config.security.shutdownTimeoutMs);
    deadline.unref();
    app.close().then(
      () => {
        logger.info('gateway stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

await main();
