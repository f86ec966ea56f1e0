/**
 * Fault injection for reliability tests: throttling, internal errors, an unavailable
 * directory and dropped connections, drawn per request from configured rates or taken from
 * a queue of faults for the next requests.
 */
import type { OperationName } from '../ds-data/operations.js';
import type { FaultKind, FaultOptions } from './options.js';
import { ServiceError } from './service-error.js';

export class FaultInjector {
  private options: FaultOptions;
  private queue: FaultKind[];

  constructor(options: FaultOptions = {}) {
    this.options = options;
    this.queue = [...(options.next ?? [])];
  }

  configure(options: FaultOptions): void {
    this.options = options;
    this.queue = [...(options.next ?? [])];
  }

  /** Picks the fault for one request, or undefined. Requests of other operations than the configured ones get none. */
  draw(operation: OperationName | undefined): FaultKind | undefined {
    const { operations } = this.options;
    if (operations && (!operation || !operations.includes(operation))) {
      return undefined;
    }
    const queued = this.queue.shift();
    if (queued) {
      return queued;
    }

    const random = this.options.random ?? Math.random;
    const rates: Array<[FaultKind, number | undefined]> = [
      ['dropConnection', this.options.dropConnectionRate],
      ['throttle', this.options.throttleRate],
      ['internalError', this.options.internalErrorRate],
      ['unavailable', this.options.unavailableRate],
    ];
    for (const [kind, rate] of rates) {
      if (rate !== undefined && rate > 0 && random() < rate) {
        return kind;
      }
    }
    return undefined;
  }

  /** Builds the error response of an injected fault. */
  errorFor(fault: Exclude<FaultKind, 'dropConnection'>): ServiceError {
    switch (fault) {
      case 'throttle':
        return new ServiceError('ThrottlingException', 'Rate exceeded (fault injected by the emulator).', undefined, 1);
      case 'internalError':
        return new ServiceError('InternalServerException', 'Internal service error (fault injected by the emulator).');
      case 'unavailable':
        return new ServiceError(
          'DirectoryUnavailableException',
          'The directory did not respond in time (fault injected by the emulator).',
          'DIRECTORY_TIMEOUT',
        );
    }
  }
}
