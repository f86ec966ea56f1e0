import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

import { linkAbortSignal, LightAbortSignal } from '../../src/ds-data/abort-link.js';

describe('linkAbortSignal', () => {
  it('adds one listener to the caller signal however many calls link to it', () => {
    const caller = new AbortController();
    const links = Array.from({ length: 25 }, () => linkAbortSignal(caller.signal));

    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1);
    expect(links.every((link) => !link.signal.aborted)).toBe(true);
  });

  it('aborts linked calls once', () => {
    const caller = new AbortController();
    const first = linkAbortSignal(caller.signal);
    const second = linkAbortSignal(caller.signal);
    const listener = vi.fn();
    const onabort = vi.fn();
    first.signal.addEventListener('abort', listener);
    first.signal.addEventListener('abort', listener);
    first.signal.onabort = onabort;
    const reason = new Error('client left');

    caller.abort(reason);
    first.signal.abort(new Error('second abort'));

    expect(first.signal.aborted).toBe(true);
    expect(first.signal.reason).toBe(reason);
    expect(second.signal.reason).toBe(reason);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ type: 'abort' });
    expect(onabort).toHaveBeenCalledTimes(1);
    expect(() => first.signal.throwIfAborted()).toThrow(reason);
  });

  it('no longer aborts a released call', () => {
    const caller = new AbortController();
    const released = linkAbortSignal(caller.signal);
    const linked = linkAbortSignal(caller.signal);

    released.release();
    caller.abort(new Error('timeout'));

    expect(released.signal.aborted).toBe(false);
    expect(linked.signal.aborted).toBe(true);
  });

  it('links calls to a light caller signal through the signal itself', () => {
    const caller = new LightAbortSignal();
    const first = linkAbortSignal(caller);
    const second = linkAbortSignal(caller);
    first.release();

    expect(caller.linked?.size).toBe(1);
    caller.abort(new Error('timeout'));

    expect(first.signal.aborted).toBe(false);
    expect(second.signal.aborted).toBe(true);
    expect(caller.linked?.size).toBe(0);
  });

  it('returns an aborted signal for a caller signal that is already aborted', () => {
    const reason = new DOMException('The query exceeded 15000 ms.', 'TimeoutError');
    const link = linkAbortSignal(AbortSignal.abort(reason));

    expect(link.signal.aborted).toBe(true);
    expect(link.signal.reason).toBe(reason);
  });
});

describe('LightAbortSignal', () => {
  it('runs no listener that was removed before the abort', () => {
    const signal = new LightAbortSignal();
    const removed = vi.fn();
    const remaining = vi.fn();
    signal.addEventListener('abort', removed);
    signal.addEventListener('abort', remaining);

    signal.removeEventListener('abort', removed);
    signal.abort('stop');

    expect(removed).not.toHaveBeenCalled();
    expect(remaining).toHaveBeenCalledTimes(1);
    expect(signal.reason).toBe('stop');
  });

  it('ignores listeners added after the abort, as they could never run', () => {
    const signal = new LightAbortSignal();
    signal.abort('stop');
    const late = vi.fn();

    signal.addEventListener('abort', late);
    signal.abort('again');

    expect(late).not.toHaveBeenCalled();
    expect(signal.reason).toBe('stop');
  });
});
