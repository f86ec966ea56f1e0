import { constructStack } from '@smithy/middleware-stack';
import type { MetadataBearer, MiddlewareStack } from '@smithy/types';
import { describe, expect, it } from 'vitest';

import { resolveOrderedStack } from '../../src/ds-data/middleware-order.js';

type Stack = MiddlewareStack<any, MetadataBearer>;
type AnyHandler = (args: any) => Promise<any>;

/** Returns a middleware that appends `name` to the `trace` array of the context it was resolved with. */
function tracing(name: string) {
  return (next: AnyHandler, context: any) => async (args: unknown) => {
    context.trace.push(name);
    return next(args);
  };
}

/** Runs the handler that `resolve` builds and returns the names of the middleware in the order they ran. */
async function runOrder(resolve: (terminal: AnyHandler, context: object) => AnyHandler) {
  const context = { trace: [] as string[] };
  await resolve(async () => {
    context.trace.push('terminal');
    return { output: {}, response: {} };
  }, context)({ input: {} });
  return context.trace;
}

/** Builds a stack with every kind of entry Smithy orders: steps, priorities and relative entries. */
function mixedStack(): Stack {
  const stack = constructStack<any, MetadataBearer>();
  stack.add(tracing('deserialize'), { step: 'deserialize', name: 'deserialize' });
  stack.add(tracing('build'), { step: 'build', name: 'build' });
  stack.add(tracing('initialize-low'), { step: 'initialize', priority: 'low', name: 'initializeLow' });
  stack.add(tracing('initialize-high'), { step: 'initialize', priority: 'high', name: 'initializeHigh' });
  stack.add(tracing('serialize'), { step: 'serialize', name: 'serialize', tags: ['optional'] });
  stack.addRelativeTo(tracing('before-build'), { relation: 'before', toMiddleware: 'build', name: 'beforeBuild' });
  stack.addRelativeTo(tracing('after-build'), { relation: 'after', toMiddleware: 'build', name: 'afterBuild' });
  stack.add(tracing('finalize'), { step: 'finalizeRequest', name: 'finalize' });
  return stack;
}

describe('resolveOrderedStack', () => {
  it('matches the order of Smithy’s resolve', async () => {
    const smithy = await runOrder((terminal, context) => mixedStack().resolve(terminal, context as never));
    const ordered = await runOrder((terminal, context) => resolveOrderedStack(mixedStack(), terminal, context as never));

    expect(ordered).toEqual([
      'initialize-high',
      'initialize-low',
      'serialize',
      'before-build',
      'build',
      'after-build',
      'finalize',
      'deserialize',
      'terminal',
    ]);
    expect(ordered).toEqual(smithy);
  });

  it('uses the context of each call', async () => {
    const stack = mixedStack();

    const first = await runOrder((terminal, context) => resolveOrderedStack(stack, terminal, context as never));
    const second = await runOrder((terminal, context) => resolveOrderedStack(stack, terminal, context as never));

    expect(second).toEqual(first);
    expect(second).toHaveLength(9);
  });

  describe('after the stack changes', () => {
    it('applies middleware added later', async () => {
      const stack = mixedStack();
      await runOrder((terminal, context) => resolveOrderedStack(stack, terminal, context as never));

      stack.add(tracing('added'), { step: 'initialize', priority: 'high', name: 'added' });
      stack.addRelativeTo(tracing('added-relative'), { relation: 'after', toMiddleware: 'finalize', name: 'addedRelative' });

      const order = await runOrder((terminal, context) => resolveOrderedStack(stack, terminal, context as never));
      expect(order.slice(0, 2)).toEqual(['initialize-high', 'added']);
      expect(order.slice(-3)).toEqual(['added-relative', 'deserialize', 'terminal']);
    });

    it('drops middleware removed in any way', async () => {
      const stack = mixedStack();
      const byReference = tracing('by-reference');
      stack.add(byReference, { step: 'build', priority: 'low', name: 'byReference' });
      await runOrder((terminal, context) => resolveOrderedStack(stack, terminal, context as never));

      expect(stack.remove('finalize')).toBe(true);
      expect(stack.remove(byReference)).toBe(true);
      expect(stack.removeByTag('optional')).toBe(true);

      const order = await runOrder((terminal, context) => resolveOrderedStack(stack, terminal, context as never));
      expect(order).toEqual(['initialize-high', 'initialize-low', 'before-build', 'build', 'after-build', 'deserialize', 'terminal']);
    });

    it('applies middleware a plugin adds', async () => {
      const stack = mixedStack();
      await runOrder((terminal, context) => resolveOrderedStack(stack, terminal, context as never));

      stack.use({ applyToStack: (target) => target.add(tracing('plugin'), { step: 'deserialize', priority: 'low', name: 'plugin' }) });

      const order = await runOrder((terminal, context) => resolveOrderedStack(stack, terminal, context as never));
      expect(order.slice(-3)).toEqual(['deserialize', 'plugin', 'terminal']);
    });

    it('applies an overriding middleware', async () => {
      const stack = mixedStack();
      await runOrder((terminal, context) => resolveOrderedStack(stack, terminal, context as never));

      stack.add(tracing('build-replaced'), { step: 'build', name: 'build', override: true });

      const order = await runOrder((terminal, context) => resolveOrderedStack(stack, terminal, context as never));
      expect(order).toContain('build-replaced');
      expect(order).not.toContain('build');
    });
  });
});
