/** Child process: one GraphQL server under test (the gateway, a baseline or the naive gateway). */
import { startBaseline } from '../baselines.js';
import { serveChild } from '../lib/child.js';
import { startNaiveGateway } from '../naive-gateway.js';

export interface ServerProcessOptions {
  readonly kind: 'gateway' | 'describe' | 'constant' | 'naive';
  /** Emulator (or recording proxy) base URL on 127.0.0.1. */
  readonly endpoint: string;
  readonly directoryId: string;
  /** Environment for the gateway's configuration, such as the quota scheduler settings. Baseline a's client reads it too. */
  readonly gatewayEnv?: Record<string, string>;
}

await serveChild<ServerProcessOptions>(async (options) => {
  switch (options.kind) {
    case 'describe':
    case 'constant':
      return startBaseline({
        kind: options.kind,
        endpoint: options.endpoint,
        directoryId: options.directoryId,
        gatewayEnv: options.gatewayEnv ?? {},
      });
    case 'naive':
      return startNaiveGateway({ endpoint: options.endpoint, directoryId: options.directoryId });
    case 'gateway': {
      const { startBenchGateway } = await import('../gateway.js');
      return startBenchGateway({ endpoint: options.endpoint, env: options.gatewayEnv ?? {} });
    }
  }
});
