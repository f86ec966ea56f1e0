/**
 * Open-loop load at a steady rate: request k is due at `k / rate` seconds after the start,
 * whether or not earlier responses have returned, and its latency runs from that due time to
 * the end of its response. A slow response therefore delays no later request, and time spent
 * waiting for a free connection counts as latency (no coordinated omission).
 *
 * autocannon's `overallRate` is not used for latency at a given rate: it lets each connection
 * send back to back until its quota for the current second is used up, then pauses it until
 * the next second. The first part of every second then runs at peak load, and percentiles
 * at "half the peak rate" measure peak latency.
 */
import { Agent, request } from 'node:http';

import { percentile } from './stats.js';

export interface OpenLoopOptions {
  /** GraphQL endpoint on 127.0.0.1. */
  readonly url: string;
  /** JSON body of every POST. */
  readonly body: string;
  /** Requests per second, spread evenly over each second. */
  readonly rate: number;
  readonly durationSeconds: number;
  /** Maximum number of keep-alive connections. A request that finds them all busy waits, and the wait counts as latency. */
  readonly maxConnections: number;
  /** Returns whether a response body is the expected result. Failures count as `mismatches`. */
  readonly verifyBody?: (body: string) => boolean;
}

export interface OpenLoopResult {
  readonly requests: number;
  /** Requests per second actually sent. */
  readonly sentPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly latencyMaxMs: number;
  /** Connection errors. */
  readonly errors: number;
  readonly non2xx: number;
  readonly mismatches: number;
}

/** How often the sender wakes to send the requests that have fallen due, in ms. */
const TICK_MS = 1;

export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const target = new URL(options.url);
  if (target.hostname !== '127.0.0.1') {
    throw new Error(`Load is sent only to 127.0.0.1, got ${target.hostname}.`);
  }
  if (!(options.rate > 0) || !(options.durationSeconds > 0)) {
    throw new Error(`rate and durationSeconds must be positive, got ${options.rate} and ${options.durationSeconds}.`);
  }

  const agent = new Agent({ keepAlive: true, maxSockets: options.maxConnections });
  const body = Buffer.from(options.body);
  const total = Math.round(options.rate * options.durationSeconds);
  const intervalMs = 1000 / options.rate;
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let mismatches = 0;
  let sent = 0;
  let settled = 0;

  const send = (dueAt: number, done: () => void): void => {
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            non2xx += 1;
          } else if (options.verifyBody && !options.verifyBody(Buffer.concat(chunks).toString('utf8'))) {
            mismatches += 1;
          } else {
            latencies.push(performance.now() - dueAt);
          }
          done();
        });
      },
    );
    outgoing.on('error', () => {
      errors += 1;
      done();
    });
    outgoing.end(body);
  };

  const started = performance.now();
  await new Promise<void>((resolve) => {
    const onSettled = (): void => {
      settled += 1;
      if (settled === total) {
        resolve();
      }
    };
    const tick = (): void => {
      const now = performance.now();
      while (sent < total && started + sent * intervalMs <= now) {
        send(started + sent * intervalMs, onSettled);
        sent += 1;
      }
      if (sent < total) {
        setTimeout(tick, TICK_MS);
      }
    };
    tick();
  });
  const elapsedSeconds = (performance.now() - started) / 1000;
  agent.destroy();

  return {
    requests: total,
    sentPerSecond: total / Math.max(elapsedSeconds, options.durationSeconds),
    latencyP50Ms: percentile(latencies, 50),
    latencyP99Ms: percentile(latencies, 99),
    latencyMaxMs: latencies.length === 0 ? Number.NaN : latencies.reduce((max, value) => Math.max(max, value)),
    errors,
    non2xx,
    mismatches,
  };
}
