/**
 * Runs a benchmark component (the emulator, a gateway, a baseline server) in its own Node
 * process, so that the load generator in the parent does not share its event loop.
 *
 * The child receives its options as JSON in `argv[2]`, sends `{ type: 'ready', url }` once it
 * listens, replies to `{ type: 'request', id, name }` messages with `{ type: 'response', id, result }`,
 * and exits after `{ type: 'close' }`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Environment of every child: fixed local credentials and no access to instance metadata. */
export const SAFE_AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
} as const;

export interface ChildHandle {
  readonly pid: number;
  readonly url: string;
  /** Sends a named request to the child and resolves with its result. */
  request<T>(name: string, argument?: unknown): Promise<T>;
  /** Asks the child to close and waits for it to exit; kills it by pid after 5 s. */
  close(): Promise<void>;
}

interface ChildMessage {
  readonly type: 'ready' | 'response' | 'failed';
  readonly url?: string;
  readonly id?: number;
  readonly result?: unknown;
  readonly error?: string;
}

const READY_TIMEOUT_MS = 30_000;

/** Starts the `bench/processes/<name>` script beside this module with `options` and waits until it sends its URL. */
export async function startChild(
  name: string,
  options: unknown,
  execArgv: readonly string[] = [],
  { quiet = false }: { quiet?: boolean } = {},
): Promise<ChildHandle> {
  // `npm run bench` runs the build in dist/, as `npm start` does; from src/ the children need tsx.
  const fromSource = import.meta.url.endsWith('.ts');
  const script = fileURLToPath(new URL(`../processes/${name}.${fromSource ? 'ts' : 'js'}`, import.meta.url));
  const child = fork(script, [JSON.stringify(options)], {
    execArgv: [...(fromSource ? ['--import', 'tsx'] : []), ...execArgv],
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', ...SAFE_AWS_ENV },
    // A quiet child writes its standard output (the gateway's request log) to /dev/null.
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit', 'ipc'],
  });

  const url = await waitForReady(child, name);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;

  child.on('message', (message: ChildMessage) => {
    if (message.type !== 'response' || message.id === undefined) {
      return;
    }
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) {
      waiter?.reject(new Error(`${name} request failed: ${message.error}`));
    } else {
      waiter?.resolve(message.result);
    }
  });

  return {
    pid: child.pid as number,
    url,
    request: <T>(requestName: string, argument?: unknown) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ type: 'request', id, name: requestName, argument });
      }),
    close: () => closeChild(child),
  };
}

function waitForReady(child: ChildProcess, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Benchmark process ${name} did not report ready within ${READY_TIMEOUT_MS} ms.`));
    }, READY_TIMEOUT_MS);

    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Benchmark process ${name} exited with code ${code} before it was ready.`));
    });
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready' && message.url !== undefined) {
        clearTimeout(timer);
        resolve(message.url);
      } else if (message.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`Benchmark process ${name} failed to start: ${message.error}`));
      }
    });
  });
}

function closeChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send({ type: 'close' });
  });
}

/** Request handlers of a child process, by name. */
export type ChildRequests = Record<string, (argument: unknown) => unknown>;

/**
 * Runs inside a child: reads the options, starts the component, reports its URL and serves
 * requests until the parent sends `close`.
 */
export async function serveChild<Options>(
  start: (options: Options) => Promise<{ url: string; close: () => Promise<void>; requests?: ChildRequests }>,
): Promise<void> {
  const send = (message: unknown) => process.send?.(message);
  let started: Awaited<ReturnType<typeof start>>;
  try {
    started = await start(JSON.parse(process.argv[2] ?? '{}') as Options);
  } catch (error) {
    send({ type: 'failed', error: error instanceof Error ? error.stack ?? error.message : String(error) });
    process.exit(1);
  }

  process.on('message', async (message: { type: string; id?: number; name?: string; argument?: unknown }) => {
    if (message.type === 'close') {
      await started.close();
      process.exit(0);
    }
    if (message.type !== 'request') {
      return;
    }
    const handlers: ChildRequests = { memory: sampleMemory, cpu: sampleCpu, ...started.requests };
    const handler = handlers[message.name ?? ''];
    try {
      if (!handler) {
        throw new Error(`unknown request ${message.name}`);
      }
      send({ type: 'response', id: message.id, result: await handler(message.argument) });
    } catch (error) {
      send({ type: 'response', id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  // The parent going away must not leave this process running.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', url: started.url });
}

/** Returns heap used after a full garbage collection, and RSS, in bytes; needs `--expose-gc`. */
function sampleMemory(): { heapUsedBytes: number; rssBytes: number } {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) {
    throw new Error('memory sampling needs the child to run with --expose-gc');
  }
  collect();
  const usage = process.memoryUsage();
  return { heapUsedBytes: usage.heapUsed, rssBytes: usage.rss };
}

/** Returns the CPU time this process has used so far, user and system together, in ms. */
function sampleCpu(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
