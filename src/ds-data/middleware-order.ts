/**
 * Applies a client's middleware in the order Smithy gives it, without ordering the stack on
 * every call.
 *
 * Smithy's `stack.resolve` normalizes, sorts and expands the stack's entries each time it
 * runs, and a command runs it once per call after copying the client's stack. That costs CPU
 * time and a few KB of short-lived objects on every call. The order only changes when
 * middleware is added or removed, so it is computed once per change of the stack. A call
 * then only wraps the terminal handler with each middleware factory in that order.
 */
import { constructStack } from '@smithy/middleware-stack';
import type { HandlerExecutionContext, MetadataBearer, MiddlewareStack } from '@smithy/types';

type AnyStack = MiddlewareStack<any, MetadataBearer>;
type AnyHandler = (args: any) => Promise<any>;
type Factory = (next: AnyHandler, context: HandlerExecutionContext) => AnyHandler;

/** The methods that change a Smithy stack's entries. `use` goes through `add`, but a plugin may also remove entries. */
const MUTATORS = ['add', 'addRelativeTo', 'remove', 'removeByTag', 'use'] as const;

class OrderedStack {
  /** Bumped by every change of the stack. */
  private version = 0;
  private orderedVersion = -1;
  /** Middleware factories, innermost (next to the terminal handler) first. */
  private factories: readonly Factory[] = [];

  constructor(private readonly stack: AnyStack) {
    for (const name of MUTATORS) {
      const original = stack[name] as (...args: unknown[]) => unknown;
      (stack as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        this.version += 1;
        return original.apply(stack, args);
      };
    }
  }

  resolve(terminal: AnyHandler, context: HandlerExecutionContext): AnyHandler {
    if (this.orderedVersion !== this.version) {
      this.factories = orderOf(this.stack);
      this.orderedVersion = this.version;
    }
    let handler = terminal;
    for (const factory of this.factories) {
      handler = factory(handler, context);
    }
    return handler;
  }
}

const unreachable = (): never => {
  throw new Error('A recording resolution never runs its handler.');
};

const orderedStacks = new WeakMap<AnyStack, OrderedStack>();

/**
 * Starts tracking the changes of `stack` by wrapping its `add`, `addRelativeTo`, `remove`,
 * `removeByTag` and `use` methods, so that a change takes effect on the next call, as it does
 * with Smithy's own resolution. The client calls this when it is built, before any caller
 * can keep a reference to one of the original methods, which would bypass the tracking.
 */
export function trackMiddlewareOrder(stack: AnyStack): void {
  orderedStackOf(stack);
}

/**
 * Returns the handler that `stack.resolve(terminal, context)` would return. A stack that is
 * not tracked yet, such as one assigned to `client.middlewareStack` later, is tracked from
 * its first call on.
 */
export function resolveOrderedStack(stack: AnyStack, terminal: AnyHandler, context: HandlerExecutionContext): AnyHandler {
  return orderedStackOf(stack).resolve(terminal, context);
}

/** Returns the tracker of `stack`, created on the first request for it. */
function orderedStackOf(stack: AnyStack): OrderedStack {
  let ordered = orderedStacks.get(stack);
  if (!ordered) {
    ordered = new OrderedStack(stack);
    orderedStacks.set(stack, ordered);
  }
  return ordered;
}

/**
 * Lets Smithy order a copy of `stack` whose factories only record themselves, so that the
 * order follows Smithy's rules (steps, priorities, relative entries, overrides) exactly.
 */
function orderOf(stack: AnyStack): Factory[] {
  const order: Factory[] = [];
  const recorder = (factory: Factory): Factory => (next) => {
    order.push(factory);
    return next;
  };

  const copy = constructStack<any, MetadataBearer>();
  // Smithy passes each entry's `middleware` among its options too, so the copy drops it for the recorder.
  const target = {
    add: (factory: Factory, { middleware: _, ...options }: Record<string, unknown>) => copy.add(recorder(factory), options),
    addRelativeTo: (factory: Factory, { middleware: _, ...options }: Record<string, unknown>) =>
      copy.addRelativeTo(recorder(factory), options as never),
  };
  stack.applyToStack(target as unknown as AnyStack);

  // The recorders never call the terminal handler, so resolving only runs the factories.
  copy.resolve(unreachable, {});
  return order;
}
