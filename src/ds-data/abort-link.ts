/**
 * Per-call abort signals linked to a caller's signal through one shared listener.
 *
 * A caller such as a server's request handler may pass one signal to dozens of concurrent
 * calls. If each call listened on that signal itself, Node.js (20.x) would print a
 * MaxListenersExceededWarning past 10 listeners. Here the caller's signal gets a single
 * listener that aborts the linked calls.
 *
 * A linked call gets a `LightAbortSignal`, not a Node.js `AbortSignal`: a plain object
 * with the part of the signal interface that the scheduler, the retry loop and the HTTP
 * handler use. Creating a Node.js signal and adding and removing its listeners costs
 * several microseconds each, which a gateway would pay on every request and every AWS call.
 */

/** The part of `AbortSignal` that a call's pipeline reads; Node.js signals have it too. */
export interface CallAbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

type AbortListener = (this: LightAbortSignal, event: { readonly type: 'abort' }) => void;

/**
 * An abort signal and its controller in one plain object: `abort(reason)` aborts it once.
 * Linked calls get one, and so may a caller that needs a signal for every request.
 */
export class LightAbortSignal implements CallAbortSignal {
  aborted = false;
  reason: unknown = undefined;
  /** Called on abort before the listeners, as on an `AbortSignal`. The AWS SDK's HTTP handlers fall back to it. */
  onabort: AbortListener | null = null;
  private listeners: AbortListener[] = [];
  /** Calls linked to this signal, when it is a caller's signal; see `linkAbortSignal`. */
  linked: Set<LightAbortSignal> | undefined;

  /** Adds an abort listener, once per listener. `abort` runs and drops the listeners, and a second `abort` does nothing. */
  addEventListener(type: 'abort', listener: AbortListener): void {
    if (type === 'abort' && !this.aborted && !this.listeners.includes(listener)) {
      this.listeners.push(listener);
    }
  }

  removeEventListener(type: 'abort', listener: AbortListener): void {
    const index = type === 'abort' ? this.listeners.indexOf(listener) : -1;
    if (index >= 0) {
      this.listeners.splice(index, 1);
    }
  }

  throwIfAborted(): void {
    if (this.aborted) {
      throw this.reason;
    }
  }

  /** Aborts with `reason` and runs `onabort` and the listeners; later calls do nothing. */
  abort(reason: unknown): void {
    if (this.aborted) {
      return;
    }
    this.aborted = true;
    this.reason = reason;
    const event = { type: 'abort' as const };
    const listeners = this.listeners;
    this.listeners = [];
    this.onabort?.call(this, event);
    for (const listener of listeners) {
      listener.call(this, event);
    }
  }
}

/**
 * Linked calls of callers' Node.js signals. A `LightAbortSignal` keeps its own set instead:
 * a gateway links every request's signal, and a WeakMap entry per request stays in the
 * heap until a full garbage collection, with whatever the entry's value holds.
 */
const linkedSignals = new WeakMap<CallAbortSignal, Set<LightAbortSignal>>();

function linkedSetOf(parent: CallAbortSignal): Set<LightAbortSignal> | undefined {
  return parent instanceof LightAbortSignal ? parent.linked : linkedSignals.get(parent);
}

export interface LinkedSignal {
  /** Aborted with the caller's reason when the caller's signal aborts. */
  readonly signal: LightAbortSignal;
  /** Unlinks the call once it has ended, so that the caller's abort no longer reaches it. */
  release(): void;
}

/** Creates a per-call signal that aborts with `parent`, already aborted when `parent` is. */
export function linkAbortSignal(parent: CallAbortSignal): LinkedSignal {
  const signal = new LightAbortSignal();
  if (parent.aborted) {
    signal.abort(parent.reason);
    return new Link(signal, undefined);
  }

  let children = linkedSetOf(parent);
  if (children === undefined) {
    const created = new Set<LightAbortSignal>();
    if (parent instanceof LightAbortSignal) {
      parent.linked = created;
    } else {
      linkedSignals.set(parent, created);
    }
    parent.addEventListener(
      'abort',
      () => {
        for (const child of created) {
          child.abort(parent.reason);
        }
        created.clear();
      },
      { once: true },
    );
    children = created;
  }

  children.add(signal);
  return new Link(signal, children);
}

/** A class rather than a literal with a `release` closure, since every AWS call creates one. */
class Link implements LinkedSignal {
  constructor(
    readonly signal: LightAbortSignal,
    private readonly siblings: Set<LightAbortSignal> | undefined,
  ) {}

  release(): void {
    this.siblings?.delete(this.signal);
  }
}
