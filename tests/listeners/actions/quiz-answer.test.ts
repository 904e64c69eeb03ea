/**
 * A quiz answer button on its own: acknowledged, then answered to the presser alone
 * (ephemeral, never replacing the quiz); the bot's own quiz post is updated with counts.
 */
import { describe, expect, it } from 'vitest';
import { encodeQuizValue, postedQuizId } from '../../../src/cards/actions.js';
import type { TopicQuizItem } from '../../../src/knowledge/load.js';
import { quizAnswer } from '../../../src/listeners/actions/quiz-answer.js';
import { isStaleCard, press } from '../../support/button-press.js';
import { kb } from '../../support/cards.js';
import { argsOf, calledBefore, linesWith, platformError, world } from '../../support/listeners.js';

type Args = Parameters<ReturnType<typeof quizAnswer>>[0];
const item = kb.quiz[0] as TopicQuizItem;

describe('quiz answer button', () => {
  it('acknowledges, then answers the presser privately without replacing the quiz', async () => {
    const { deps } = world();
    const call = press<Args>({
      actionId: `quiz_answer_${item.answer}`,
      value: encodeQuizValue({ item: item.key, language: 'en', quiz: 'pabc' }),
      where: 'message',
    });
    await quizAnswer(deps)(call.args);
    expect(call.ack).toHaveBeenCalledTimes(1);
    expect(call.respond).toHaveBeenCalledTimes(1);
    expect(calledBefore(call.ack, call.respond)).toBe(true);
    const [reply] = argsOf(call.respond);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply?.text)).toContain(item.explanation.en);
    expect(call.client.chat.update).not.toHaveBeenCalled();
  });

  it('updates the bot’s own quiz post with the counts, after the private answer', async () => {
    const { deps, store } = world();
    const day = '2026-12-04';
    await store.withTipClaim({ channelId: 'C0GENERAL', day, tipKey: item.key, language: 'en' }, async () => ({
      outcome: 'posted',
      messageTs: '1700000000.000001',
    }));
    const call = press<Args>({
      actionId: `quiz_answer_${item.answer}`,
      value: encodeQuizValue({ item: item.key, language: 'en', quiz: postedQuizId('C0GENERAL', day) }),
      where: 'message',
      userId: 'UQUIZZER',
    });
    await quizAnswer(deps)(call.args);
    expect(call.client.chat.update).toHaveBeenCalledTimes(1);
    expect(calledBefore(call.respond, call.client.chat.update)).toBe(true);
    const [update] = argsOf(call.client.chat.update);
    expect(update).toMatchObject({ channel: 'C0GENERAL', ts: '1700000000.000001' });
    expect(JSON.stringify(update)).toContain('1 answered · 100% right');
    expect(JSON.stringify(update)).not.toContain('UQUIZZER');
  });

  it('a value that is not ours gets the stale card, privately', async () => {
    const { deps } = world();
    const call = press<Args>({ actionId: 'quiz_answer_both', value: '{"t":"roi"}', where: 'message' });
    await quizAnswer(deps)(call.args);
    const [reply] = argsOf(call.respond);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(isStaleCard(reply ?? {}, 'en')).toBe(true);
  });

  it('logs a rejected respond() and does not throw', async () => {
    const { deps, lines } = world();
    const call = press<Args>({
      actionId: 'quiz_answer_media',
      value: encodeQuizValue({ item: item.key, language: 'en', quiz: 'pabc' }),
      channelId: 'C0OLD',
    });
    call.respond.mockRejectedValue(platformError('expired_url'));
    await expect(quizAnswer(deps)(call.args)).resolves.toBeUndefined();
    expect(linesWith(lines, 'response_url failed', 'C0OLD', 'expired_url')).toHaveLength(1);
  });
});
