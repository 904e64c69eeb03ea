/**
 * A button this version doesn't know, on its own: acknowledged, logged once, and the
 * user gets the stale card (the topic list) privately instead of silence.
 */
import { describe, expect, it } from 'vitest';
import { unknownAction } from '../../../src/listeners/actions/unknown-action.js';
import { isStaleCard, press, value } from '../../support/button-press.js';
import { argsOf, calledBefore, linesWith, platformError, world } from '../../support/listeners.js';

type Args = Parameters<ReturnType<typeof unknownAction>>[0];

describe('unknown action', () => {
  it('acknowledges, logs it, and answers privately with the stale card', async () => {
    const { deps, lines } = world();
    const call = press<Args>({ actionId: 'topic_bookmark', value: value('roi', 'en') });
    await unknownAction(deps)(call.args);
    expect(call.ack).toHaveBeenCalledTimes(1);
    expect(call.respond).toHaveBeenCalledTimes(1);
    expect(calledBefore(call.ack, call.respond)).toBe(true);
    const [reply] = argsOf(call.respond);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(isStaleCard(reply ?? {}, 'en')).toBe(true);
    expect(linesWith(lines, 'WARN', 'unknown action topic_bookmark')).toHaveLength(1);
  });

  it("answers in the user's saved language", async () => {
    const { deps, store } = world();
    await store.setUserLanguage('UCLICK', 'id');
    const call = press<Args>({ actionId: 'legacy_button' });
    await unknownAction(deps)(call.args);
    expect(isStaleCard(argsOf(call.respond)[0] ?? {}, 'id')).toBe(true);
  });

  it('logs at most 80 characters of the action id', async () => {
    const { deps, lines } = world();
    const call = press<Args>({ actionId: `x${'y'.repeat(200)}` });
    await unknownAction(deps)(call.args);
    const [line] = linesWith(lines, 'unknown action');
    expect(line).toContain(`x${'y'.repeat(79)}`);
    expect(line).not.toContain('y'.repeat(80));
  });

  it('in the Home tab, acknowledges and logs but sends nothing', async () => {
    const { deps, lines } = world();
    const call = press<Args>({ actionId: 'home_refresh', where: 'home' });
    await unknownAction(deps)(call.args);
    expect(call.ack).toHaveBeenCalledTimes(1);
    expect(call.respond).not.toHaveBeenCalled();
    expect(call.client.chat.postMessage).not.toHaveBeenCalled();
    expect(linesWith(lines, 'unknown action home_refresh')).toHaveLength(1);
  });

  it('logs a rejected respond() with the method and channel, and does not throw', async () => {
    const { deps, lines } = world();
    const call = press<Args>({ actionId: 'legacy_button', channelId: 'C0OLD' });
    call.respond.mockRejectedValue(platformError('expired_url'));
    await expect(unknownAction(deps)(call.args)).resolves.toBeUndefined();
    expect(linesWith(lines, 'response_url failed', 'C0OLD', 'expired_url')).toHaveLength(1);
  });
});
