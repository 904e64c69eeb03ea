/**
 * "Share in channel" on a private quiz, on its own: the same quiz (same id) posted in the
 * channel through the response_url, naming who shared it; the private copy removed.
 */
import { describe, expect, it } from 'vitest';
import { encodeQuizValue } from '../../../src/cards/actions.js';
import type { TopicQuizItem } from '../../../src/knowledge/load.js';
import { quizShare } from '../../../src/listeners/actions/quiz-share.js';
import { isStaleCard, press } from '../../support/button-press.js';
import { kb } from '../../support/cards.js';
import { argsOf, world } from '../../support/listeners.js';

type Args = Parameters<ReturnType<typeof quizShare>>[0];
const item = kb.quiz[0] as TopicQuizItem;

describe('quiz share button', () => {
  it('posts the same quiz in the channel, naming who shared it, then removes the private copy', async () => {
    const { deps } = world();
    const value = encodeQuizValue({ item: item.key, language: 'en', quiz: 'pshare' });
    const call = press<Args>({ actionId: 'quiz_share', value, userName: 'ana' });
    await quizShare(deps)(call.args);
    const [shared, removed] = argsOf(call.respond);
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(JSON.stringify(shared)).toContain('Shared by ana');
    expect(JSON.stringify(shared)).toContain(JSON.stringify(value).slice(1, -1));
    expect(JSON.stringify(shared)).not.toContain('quiz_share');
    expect(removed).toEqual({ delete_original: true });
  });

  it('a quiz whose item is gone is replaced by the stale card', async () => {
    const { deps } = world();
    const value = encodeQuizValue({ item: 'retired-quiz', language: 'de', quiz: 'pshare' });
    const call = press<Args>({ actionId: 'quiz_share', value });
    await quizShare(deps)(call.args);
    const [reply] = argsOf(call.respond);
    expect(reply).toMatchObject({ replace_original: true });
    expect(isStaleCard(reply ?? {}, 'de')).toBe(true);
  });
});
