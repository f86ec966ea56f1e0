/**
 * The gateway's logger writing to memory, so a test can read back each line and record.
 */
import { Writable } from 'node:stream';

import { createLogger } from '../../src/logging.js';

/** Creates the gateway's logger at `level`. `records` parses the lines it has written so far. */
export function captureLogger(level = 'info') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter((line) => line !== ''));
      callback();
    },
  });
  const logger = createLogger({ destination, level });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}
