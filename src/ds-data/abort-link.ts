/**
 * Per-call abort signals linked to a caller's signal through one shared listener.
 *
 * A caller such as a server's request handler may pass one signal to dozens of concurrent
 * calls. If each call listened on that signal itself, Node.js (20.x) would print a
 * MaxListenersExceededWarning past 10 listeners. Here the caller's signal gets a single
 * listener that aborts the linked per-call controllers.
 */

const linkedControllers = new WeakMap<AbortSignal, Set<AbortController>>();

export interface LinkedSignal {
  /** Aborted with the caller's reason when the caller's signal aborts. */
  readonly signal: AbortSignal;
  /** Unlinks the call once it has ended, so that the caller's abort no longer reaches it. */
  release(): void;
}

/** Creates a per-call signal that aborts with `parent`, already aborted when `parent` is. */
export function linkAbortSignal(parent: AbortSignal): LinkedSignal {
  const controller = new AbortController();
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { signal: controller.signal, release: () => {} };
  }

  let children = linkedControllers.get(parent);
  if (children === undefined) {
    const created = new Set<AbortController>();
    linkedControllers.set(parent, created);
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

  const registered = children;
  registered.add(controller);
  return { signal: controller.signal, release: () => registered.delete(controller) };
}
