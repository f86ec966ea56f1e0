/**
 * Command line of the emulator: `npm run emulator -- --port 4010`.
 *
 * Serves the demo directory unless a seed file is given, with the Standard edition request
 * quotas on, and logs one line per request (operation, status, latency, request id).
 */
import { parseArgs } from 'node:util';

import { pino } from 'pino';

import type { FaultOptions, QuotaOptions } from './options.js';
import { readSeedFile } from './persistence.js';
import { startEmulator } from './index.js';

const HELP = `Usage: npm run emulator -- [options]

Starts a local AWS Directory Service Data emulator. Point any AWS SDK at it with
endpoint http://127.0.0.1:<port>, any region, access key id "test" and secret "test".

Options:
  --port <n>                 TCP port to listen on (default 4010; 0 picks a free port)
  --host <address>           Interface to listen on (default 127.0.0.1)
  --seed <file>              JSON seed file with the directories to serve (default: the demo
                             directory d-1234567890, corp.example.com)
  --state-file <file>        Keep directory data in this JSON file across restarts
                             (default: off, so every start serves the seed unchanged)
  --access-key-id <id>       Accepted access key id (default test)
  --secret-access-key <key>  Secret of that access key id (default test)
  --no-quota                 Turn off the per-directory request quotas
  --reads-per-second <n>     Read requests per second per directory (default 8, Standard edition)
  --writes-per-second <n>    Write requests per second per directory (default 4)
  --max-concurrent <n>       Requests in flight per directory (default 10)
  --throttle-rate <p>        Fraction of requests answered with ThrottlingException (0 to 1)
  --error-rate <p>           Fraction answered with InternalServerException (0 to 1)
  --unavailable-rate <p>     Fraction answered with DirectoryUnavailableException (0 to 1)
  --drop-rate <p>            Fraction of connections closed without a response (0 to 1)
  --latency <ms|min-max>     Added latency per request in milliseconds
  --help                     Show this help
`;

function parseNumber(option: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) {
    return undefined;
  }
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`--${option} must be a number from ${min} to ${max}; got '${text}'.`);
  }
  return value;
}

function parseLatency(text: string | undefined): number | [number, number] | undefined {
  if (text === undefined) {
    return undefined;
  }
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) {
    throw new Error(`--latency must be milliseconds such as 50, or a range such as 20-200; got '${text}'.`);
  }
  const min = Number(match[1]);
  const max = match[2] === undefined ? undefined : Number(match[2]);
  if (max === undefined) {
    return min;
  }
  if (max < min) {
    throw new Error(`--latency range ${text} has its maximum below its minimum.`);
  }
  return [min, max];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      'state-file': { type: 'string' },
      'access-key-id': { type: 'string', default: 'test' },
      'secret-access-key': { type: 'string', default: 'test' },
      'no-quota': { type: 'boolean', default: false },
      'reads-per-second': { type: 'string' },
      'writes-per-second': { type: 'string' },
      'max-concurrent': { type: 'string' },
      'throttle-rate': { type: 'string' },
      'error-rate': { type: 'string' },
      'unavailable-rate': { type: 'string' },
      'drop-rate': { type: 'string' },
      latency: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });

  if (values.help) {
    process.stdout.write(HELP);
    return;
  }

  const port = parseNumber('port', values.port, 0, 65535) ?? 4010;
  const quota: false | QuotaOptions = values['no-quota']
    ? false
    : {
        ...optional('readsPerSecond', parseNumber('reads-per-second', values['reads-per-second'], 0.001, 1e6)),
        ...optional('writesPerSecond', parseNumber('writes-per-second', values['writes-per-second'], 0.001, 1e6)),
        ...optional('maxConcurrent', parseNumber('max-concurrent', values['max-concurrent'], 1, 1e6)),
      };
  const faults: FaultOptions = {
    ...optional('throttleRate', parseNumber('throttle-rate', values['throttle-rate'], 0, 1)),
    ...optional('internalErrorRate', parseNumber('error-rate', values['error-rate'], 0, 1)),
    ...optional('unavailableRate', parseNumber('unavailable-rate', values['unavailable-rate'], 0, 1)),
    ...optional('dropConnectionRate', parseNumber('drop-rate', values['drop-rate'], 0, 1)),
  };
  const latencyMs = parseLatency(values.latency);

  const logger = pino({ name: 'ds-data-emulator' });
  const emulator = await startEmulator({
    host: values.host,
    port,
    credentials: [{ accessKeyId: values['access-key-id'], secretAccessKey: values['secret-access-key'] }],
    ...(values.seed !== undefined ? { seed: readSeedFile(values.seed) } : {}),
    ...(values['state-file'] !== undefined ? { stateFile: values['state-file'] } : {}),
    quota,
    faults,
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    logger,
  });

  const stop = (signal: string): void => {
    logger.info({ signal }, 'stopping emulator');
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'emulator failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

main().catch((error: unknown) => {
  process.stderr.write(`ds-data emulator: ${(error as Error).message}\n`);
  process.exit(1);
});
