/**
 * The only-once middleware on its own: next() runs once per event_id, however often
 * Slack delivers it, even after a restart; requests without an event_id always pass.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../src/core/answer.js';
import { Responder } from '../../../src/core/responder.js';
import { onlyOncePerEvent } from '../../../src/listeners/events/only-once.js';
import { RedactingLogger } from '../../../src/logger.js';
import { LocaleCache } from '../../../src/slack/user-locale.js';
import { SqliteStore } from '../../../src/store/sqlite-store.js';
import { kb } from '../../support/cards.js';
import { asArgs, linesWith, world } from '../../support/listeners.js';

type Middleware = ReturnType<typeof onlyOncePerEvent>;
type Args = Parameters<Middleware>[0];

const tmpDirs: string[] = [];
afterAll(() => {
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

function delivery(body: Record<string, unknown>, retryNum?: number) {
  const next = vi.fn(async () => {});
  const context = retryNum === undefined ? {} : { retryNum, retryReason: 'http_timeout' };
  return { next, args: asArgs<Args>({ body, next, context, payload: body.event ?? body }) };
}

function event(eventId: string): Record<string, unknown> {
  return {
    type: 'event_callback',
    event_id: eventId,
    event: { type: 'app_mention', user: 'UASKER', text: '<@U0SOCIALVS> ROI', channel: 'C0', ts: '1.1' },
  };
}

describe('only-once middleware', () => {
  it('calls next() once per event_id, however often it is delivered', async () => {
    const { deps, lines } = world();
    const middleware = onlyOncePerEvent(deps);
    const deliveries = [delivery(event('EvONE')), delivery(event('EvONE'), 1), delivery(event('EvONE'), 2)];
    for (const { args } of deliveries) await middleware(args);
    expect(deliveries.map(({ next }) => next.mock.calls.length)).toEqual([1, 0, 0]);
    expect(linesWith(lines, 'DEBUG', 'EvONE', 'already handled', 'retry 1')).toHaveLength(1);
    expect(linesWith(lines, 'DEBUG', 'EvONE', 'already handled', 'retry 2')).toHaveLength(1);
  });

  it('lets each different event through once', async () => {
    const { deps } = world();
    const middleware = onlyOncePerEvent(deps);
    const first = delivery(event('EvA'));
    const second = delivery(event('EvB'));
    await middleware(first.args);
    await middleware(second.args);
    expect(first.next).toHaveBeenCalledTimes(1);
    expect(second.next).toHaveBeenCalledTimes(1);
  });

  it('lets two concurrent deliveries of one event through once', async () => {
    const { deps } = world();
    const middleware = onlyOncePerEvent(deps);
    const deliveries = [delivery(event('EvRACE')), delivery(event('EvRACE'), 1)];
    await Promise.all(deliveries.map(({ args }) => middleware(args)));
    expect(deliveries.reduce((sum, { next }) => sum + next.mock.calls.length, 0)).toBe(1);
  });

  it('always lets through requests without an event_id (commands, button presses)', async () => {
    const { deps } = world();
    const middleware = onlyOncePerEvent(deps);
    const command = { command: '/socialvs', text: 'ROI', user_id: 'U1' };
    const action = { type: 'block_actions', actions: [{ action_id: 'topic_next' }] };
    const deliveries = [delivery(command), delivery(command), delivery(action), delivery(action)];
    for (const { args } of deliveries) await middleware(args);
    for (const { next } of deliveries) expect(next).toHaveBeenCalledTimes(1);
  });

  it('remembers a handled event across a restart (a file store reopened)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'socialvs-once-'));
    tmpDirs.push(dir);
    const path = join(dir, 'socialvs.db');
    const core = createCore(kb);
    const middlewareOn = (store: SqliteStore) => {
      const logger = new RedactingLogger('debug', [], () => {});
      const responder = new Responder(core, store, { defaultLanguage: 'en' });
      return onlyOncePerEvent({ responder, logger, locales: new LocaleCache(logger) });
    };

    const before = SqliteStore.open(path);
    const first = delivery(event('EvRESTART'));
    await middlewareOn(before)(first.args);
    await before.close();

    const after = SqliteStore.open(path);
    const retry = delivery(event('EvRESTART'), 1);
    await middlewareOn(after)(retry.args);
    await after.close();

    expect(first.next).toHaveBeenCalledTimes(1);
    expect(retry.next).not.toHaveBeenCalled();
  });
});
