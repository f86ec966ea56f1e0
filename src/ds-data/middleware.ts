/**
 * The middleware pipeline of the DS Data client, one step per concern:
 *
 *   initialize       call record: latency, attempts and status for the `onCall` hook
 *   serialize        request body, `ClientToken` filled once per call, endpoint
 *   finalizeRequest  retries, each attempt run by the quota scheduler, then SigV4 signing
 *   deserialize      output or typed exception from the HTTP response
 *
 * The idempotency token is filled in the serialize step, before the retry loop, so every
 * attempt of a mutation carries the same `ClientToken` and the service applies it once.
 */
import { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type {
  DeserializeMiddleware,
  FinalizeRequestMiddleware,
  HandlerExecutionContext,
  InitializeMiddleware,
  MetadataBearer,
  MiddlewareStack,
  RetryErrorType,
  SerializeMiddleware,
} from '@smithy/types';
import { randomUUID } from 'node:crypto';

import type { CallAbortSignal, LinkedSignal } from './abort-link.js';
import { QuotaWaitExceededError, type ScheduledCall } from './call-scheduler.js';
import type { CallRecord, ResolvedClientConfig } from './config.js';
import { deserializeError, deserializeOutput } from './deserializer.js';
import { OPERATIONS, SERVICE, type OperationName } from './operations.js';
import { isRetryableError, retryAfterMs } from './retry-classification.js';
import { serializeRequest } from './serializer.js';

/** Per-call options of `client.send(command, options)`. */
export interface SendOptions {
  /** Aborts the call: queued, in flight or waiting to retry. A Node.js `AbortSignal` or a `LightAbortSignal`. */
  abortSignal?: CallAbortSignal;
  /** Passed to the quota scheduler with every attempt. */
  scheduling?: {
    /** Caller identity, so that one caller's burst cannot starve the others. */
    callerId?: string;
    /** Epoch milliseconds after which the call is useless to its caller. */
    deadline?: number;
  };
}

/** State of one call while the pipeline runs it. */
export interface CallState {
  readonly operation: OperationName;
  readonly options: SendOptions;
  /** The call's own signal, linked to `options.abortSignal`. */
  readonly signal?: CallAbortSignal | undefined;
  /** The link behind `signal`, released when the call ends. */
  readonly link?: LinkedSignal | undefined;
  attempts: number;
  totalRetryDelayMs: number;
}

/** The handler context of a DS Data command, with the state of its call. */
export interface CallContext extends HandlerExecutionContext {
  dsData: CallState;
}

/** Maximum wait the client honours from a `Retry-After` header, equal to the SDK's 20 s backoff ceiling. */
const MAX_RETRY_AFTER_MS = 20_000;

/** Wait reported to the scheduler when a throttling response has no `Retry-After` header. */
const DEFAULT_THROTTLE_WAIT_MS = 1_000;

export function addPipeline(stack: MiddlewareStack<any, MetadataBearer>, config: ResolvedClientConfig): void {
  stack.add(callRecordMiddleware(config), { step: 'initialize', name: 'dsDataCallRecord', priority: 'high' });
  stack.add(serializeMiddleware(config), { step: 'serialize', name: 'dsDataSerializer' });
  stack.add(retryMiddleware(config), { step: 'finalizeRequest', name: 'dsDataRetry', priority: 'high' });
  stack.add(signingMiddleware(config), { step: 'finalizeRequest', name: 'dsDataSigner', priority: 'low' });
  stack.add(deserializeMiddleware(), { step: 'deserialize', name: 'dsDataDeserializer' });
}

function callRecordMiddleware(config: ResolvedClientConfig): InitializeMiddleware<any, MetadataBearer> {
  return (next, context) => async (args) => {
    const state = (context as CallContext).dsData;
    const directoryId = typeof args.input?.DirectoryId === 'string' ? args.input.DirectoryId : '';
    const started = performance.now();

    const report = (metadata: Partial<MetadataBearer['$metadata']> | undefined, errorName?: string): void => {
      if (config.onCall === undefined) {
        return;
      }
      const record: CallRecord = {
        operation: state.operation,
        directoryId,
        attempts: state.attempts,
        totalRetryDelayMs: state.totalRetryDelayMs,
        // To 0.01 ms: a call to a nearby endpoint takes a few ms, which whole ms would blur.
        latencyMs: Math.round((performance.now() - started) * 100) / 100,
      };
      if (metadata?.httpStatusCode !== undefined) {
        record.httpStatusCode = metadata.httpStatusCode;
      }
      if (metadata?.requestId !== undefined) {
        record.requestId = metadata.requestId;
      }
      if (errorName !== undefined) {
        record.errorName = errorName;
      }
      try {
        config.onCall(record);
      } catch {
        // The hook is the caller's logger; a failing logger must not fail the AWS call.
      }
    };

    try {
      const result = await next(args);
      report(result.output.$metadata);
      return result;
    } catch (error) {
      const metadata = (error as Partial<MetadataBearer> | undefined)?.$metadata;
      report(metadata, errorName(error));
      throw error;
    } finally {
      // The call has ended, so its caller's abort no longer needs to reach it.
      state.link?.release();
    }
  };
}

function serializeMiddleware(config: ResolvedClientConfig): SerializeMiddleware<any, MetadataBearer> {
  return (next, context) => async (args) => {
    const { operation } = (context as CallContext).dsData;
    const input = { ...(args.input as Record<string, unknown>) };
    if (OPERATIONS[operation].idempotent && (input['ClientToken'] === undefined || input['ClientToken'] === null)) {
      input['ClientToken'] = randomUUID();
    }
    const request = serializeRequest(operation, input, await config.endpoint());

    // Resolved here, before the retry loop, so that a missing region or missing credentials
    // fail the call with 0 attempts instead of taking a scheduler slot. Both are memoized.
    await config.region();
    await config.credentials();
    // Handler arguments contain only `input` and `request`. They are written out because on
    // Node.js 20 a literal that starts with a spread costs about 1 µs per member after it.
    return next({ input: args.input, request });
  };
}

function retryMiddleware(config: ResolvedClientConfig): FinalizeRequestMiddleware<any, MetadataBearer> {
  return (next, context) => async (args) => {
    const state = (context as CallContext).dsData;
    const signal = state.signal;
    const spec = OPERATIONS[state.operation];
    const call: ScheduledCall = {
      directoryId: String((args.input as Record<string, unknown>)['DirectoryId']),
      operation: state.operation,
      kind: spec.readonly ? 'read' : 'write',
      // Absent hints are undefined rather than spread in, which allocates less on every call.
      callerId: state.options.scheduling?.callerId,
      deadline: state.options.scheduling?.deadline,
      signal,
    };

    const strategy = await config.retryStrategy();
    const maxAttempts = await config.maxAttempts();
    const invocationId = randomUUID();
    let retryToken = await strategy.acquireInitialRetryToken(`${SERVICE.endpointPrefix}:${state.operation}`);

    // Counted when the scheduler starts the attempt, so a call refused or aborted in the
    // queue reports only the attempts that reached the network.
    const sendAttempt = () => {
      state.attempts += 1;
      const request = HttpRequest.clone(args.request as HttpRequest);
      request.headers['amz-sdk-invocation-id'] = invocationId;
      request.headers['amz-sdk-request'] = `attempt=${state.attempts}; max=${maxAttempts}`;
      return next({ input: args.input, request });
    };

    for (;;) {
      throwIfAborted(signal, state);

      try {
        const result = await config.scheduler.schedule(call, sendAttempt);
        strategy.recordSuccess(retryToken);
        annotate(result.output, state);
        return result;
      } catch (error) {
        if (error instanceof QuotaWaitExceededError) {
          throw error;
        }
        if (signal?.aborted) {
          throw abortError(signal, state);
        }

        const waitMs = retryAfterMs(error);
        const errorType = isRetryableError(error);
        // A ThrottlingException or any other 429: the whole directory should slow down.
        if (errorType === 'THROTTLING') {
          config.scheduler.onThrottled(call.directoryId, waitMs ?? DEFAULT_THROTTLE_WAIT_MS);
        }
        if (errorType === undefined) {
          throw annotate(error, state);
        }

        const waitStarted = performance.now();
        try {
          retryToken = await raceAbort(
            strategy.refreshRetryTokenForRetry(retryToken, {
              errorType: errorType as RetryErrorType,
              ...(waitMs === undefined ? {} : { retryAfterHint: new Date(Date.now() + waitMs) }),
            }),
            signal,
          );
        } catch {
          if (signal?.aborted) {
            throw abortError(signal, state);
          }
          // The strategy refused: attempts or retry capacity are used up.
          throw annotate(error, state);
        }

        // The standard strategy honours Retry-After only up to 5 s above its own backoff.
        const waitedMs = performance.now() - waitStarted;
        if (waitMs !== undefined && waitMs > waitedMs) {
          await sleep(Math.min(waitMs, MAX_RETRY_AFTER_MS) - waitedMs, signal, state);
        }
        state.totalRetryDelayMs += Math.round(performance.now() - waitStarted);
      }
    }
  };
}

function signingMiddleware(config: ResolvedClientConfig): FinalizeRequestMiddleware<any, MetadataBearer> {
  const signer = new SignatureV4({
    service: SERVICE.signingName,
    region: config.region,
    credentials: config.credentials,
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: true,
    applyChecksum: true,
  });
  return (next) => async (args) => {
    // Signed per attempt, so that a retry after a long quota wait carries a fresh date.
    // NOTE: unlike the AWS SDK, no clock-skew offset is learned from rejected signatures, so
    // a host clock that is minutes off AWS time makes every call fail until it is corrected.
    const request = await signer.sign(args.request as HttpRequest, { signingDate: new Date() });
    return next({ input: args.input, request });
  };
}

function deserializeMiddleware(): DeserializeMiddleware<any, MetadataBearer> {
  return (next, context) => async (args) => {
    const { operation } = (context as CallContext).dsData;
    const { response } = await next(args);
    const httpResponse = response as HttpResponse;
    if (httpResponse.statusCode >= 200 && httpResponse.statusCode < 300) {
      const output = await deserializeOutput(operation, httpResponse);
      return { response, output: output as unknown as MetadataBearer };
    }
    throw await deserializeError(httpResponse);
  };
}

/** Adds the attempt count and total retry wait to `$metadata`, as AWS SDK clients do. */
function annotate<T>(target: T, state: CallState): T {
  if (typeof target === 'object' && target !== null) {
    const holder = target as { $metadata?: Record<string, unknown> };
    holder.$metadata = Object.assign({}, holder.$metadata, { attempts: state.attempts, totalRetryDelay: state.totalRetryDelayMs });
  }
  return target;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

/**
 * Builds the error that every aborted call ends with, wherever it was (queued, in flight or
 * waiting to retry). It has `name` `AbortError`, the signal's reason as `cause`, and `$metadata`.
 */
function abortError(signal: CallAbortSignal, state: CallState): Error {
  const error = new Error(`The ${state.operation} call was aborted.`, { cause: signal.reason });
  error.name = 'AbortError';
  return annotate(error, state);
}

function throwIfAborted(signal: CallAbortSignal | undefined, state: CallState): void {
  if (signal?.aborted) {
    throw abortError(signal, state);
  }
}

function raceAbort<T>(promise: Promise<T>, signal: CallAbortSignal | undefined): Promise<T> {
  if (signal === undefined) {
    return promise;
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

async function sleep(ms: number, signal: CallAbortSignal | undefined, state: CallState): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await raceAbort(new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), signal);
  } catch {
    throw abortError(signal!, state);
  } finally {
    clearTimeout(timer);
  }
}
