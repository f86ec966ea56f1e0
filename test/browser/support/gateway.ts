import { startHarness, type Harness } from '../../support/harness.js';

/** A gateway in local mode for browser tests, with what the tests read from it. */
export interface BrowserGateway {
  /** The gateway's origin, `http://127.0.0.1:PORT`, where the explorer and `/graphql` live. */
  origin: string;
  harness: Harness;
  /** Posts an operation from Node (not from the browser) and returns the response body. */
  query(document: string): Promise<unknown>;
  /** AWS calls that the emulator has received so far. */
  upstreamCallCount(): number;
  close(): Promise<void>;
}

/** Starts the gateway and its emulator on loopback ports with the explorer on, plus `env`. */
export async function startBrowserGateway(env: Record<string, string> = {}): Promise<BrowserGateway> {
  const harness = await startHarness({ env: { EXPLORER_ENABLED: 'true', LANDING_PAGE: 'explorer', ...env } });
  return {
    origin: new URL(harness.url).origin,
    harness,
    async query(document) {
      return (await harness.graphql(document)).body;
    },
    upstreamCallCount: () => harness.awsCalls().length,
    close: () => harness.close(),
  };
}
