/**
 * The quiz in the core (Responder), on an in-memory store: `/socialvs quiz` and "quiz" in a
 * DM or a mention, the first answer per quiz and person counted and later ones shown but not counted,
 * new counts for the bot's own quiz post only, and sharing that keeps the quiz's id.
 */
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, decodeQuizValue, postedQuizId } from '../../src/cards/actions.js';
import { parseCommand } from '../../src/core/command.js';
import type { TopicQuizItem } from '../../src/knowledge/load.js';
import { QUIZ_ANSWERS } from '../../src/knowledge/schema.js';
import { translate } from '../../src/knowledge/ui-strings.js';
import { buttonsOf, headerOf, kb } from '../support/cards.js';
import { world } from '../support/listeners.js';

const item = kb.quiz[0] as TopicQuizItem;
const wrong = QUIZ_ANSWERS.find((answer) => answer !== item.answer) ?? 'both';
const context = { userId: 'UASK', channelId: 'C0GENERAL', isDirectMessage: false };
const quizHeader = (language: 'en' | 'id' | 'de' | 'fr') => translate(kb.ui, language, 'quiz.header');
const asRecord = (card: unknown) => card as Record<string, unknown>;

describe('asking for a quiz', () => {
  it.each([
    ['quiz', 'quiz'],
    ['QUIZ', 'quiz'],
    [' Quiz ', 'quiz'],
    ['kuis', 'quiz'],
    ['quiz me on ROI', 'question'],
    ['quizzes', 'question'],
  ])('parseCommand(%j) is a %s', (text, kind) => {
    expect(parseCommand(text).kind).toBe(kind);
  });

  it('/socialvs quiz: a private quiz with three answers and a share button, in the asker’s language', async () => {
    const { responder, store } = world();
    await store.setUserLanguage('UASK', 'de');
    const card = asRecord(await responder.command('quiz', context));
    expect(headerOf(card)).toBe(quizHeader('de'));
    const ids = buttonsOf(card).map((button) => button.action_id);
    expect(ids).toEqual([
      'quiz_answer_networking',
      'quiz_answer_media',
      'quiz_answer_both',
      ACTION_IDS.quizShare,
    ]);
    const value = decodeQuizValue(buttonsOf(card)[0]?.value);
    expect(value?.language).toBe('de');
    expect(value?.quiz).toMatch(/^p[0-9a-f]{12}$/);
  });

  it('the help card lists /socialvs quiz, in every language', async () => {
    const { responder, store } = world();
    for (const language of ['en', 'id', 'de', 'fr'] as const) {
      await store.setUserLanguage('UASK', language);
      const help = JSON.stringify(await responder.command('help', context));
      expect(help).toContain('`/socialvs quiz`');
      expect(help).toContain(JSON.stringify(translate(kb.ui, language, 'help.quiz')).slice(1, -1));
    }
  });

  it('each /socialvs quiz is a new quiz (its own id)', async () => {
    const { responder } = world();
    const first = decodeQuizValue(buttonsOf(asRecord(await responder.command('quiz', context)))[0]?.value);
    const second = decodeQuizValue(buttonsOf(asRecord(await responder.command('quiz', context)))[0]?.value);
    expect(first?.quiz).not.toBe(second?.quiz);
  });

  it('"quiz" or "kuis" alone in a DM or after a mention gets a quiz with no share button; other text stays a question', async () => {
    const { responder } = world();
    const dmContext = { userId: 'UDM', channelId: 'D0DM', isDirectMessage: true };
    const dm = asRecord(await responder.converse('Quiz', dmContext));
    expect(headerOf(dm)).toBe(quizHeader('en'));
    expect(buttonsOf(dm).map((button) => button.action_id)).not.toContain(ACTION_IDS.quizShare);
    const question = asRecord(await responder.converse('quiz about ROI', dmContext));
    expect(headerOf(question)).not.toBe(quizHeader('en'));
    const mention = asRecord(await responder.converse('kuis', { ...dmContext, isDirectMessage: false }));
    expect(headerOf(mention)).toBe(quizHeader('id'));
    expect(buttonsOf(mention).map((button) => button.action_id)).not.toContain(ACTION_IDS.quizShare);
  });
});

describe('answering a quiz', () => {
  const value = { item: item.key, language: 'en' as const, quiz: 'ptest00000001' };
  const press = (userId: string) => ({ userId, channelId: 'C0GENERAL', messageTs: '1700000000.000001' });

  it('counts the first answer per person and quiz; a later press is answered but not counted', async () => {
    const { responder, store } = world();
    const first = await responder.answerQuiz(value, wrong, press('U1'));
    expect(first.reply.text).toContain(item.explanation.en);
    expect(JSON.stringify(first.reply)).not.toContain(translate(kb.ui, 'en', 'quiz.repeat'));
    const second = await responder.answerQuiz(value, item.answer, press('U1'));
    expect(second.reply.text.startsWith('✅')).toBe(true);
    expect(JSON.stringify(second.reply)).toContain(translate(kb.ui, 'en', 'quiz.repeat'));
    await responder.answerQuiz(value, item.answer, press('U2'));
    // U1's first (wrong) answer stands; U2's counts on its own.
    expect(await store.quizCounts(value.quiz)).toEqual({ answered: 2, right: 1 });
    // The same person on another quiz counts again.
    await responder.answerQuiz({ ...value, quiz: 'ptest00000002' }, item.answer, press('U1'));
    expect(await store.quizCounts('ptest00000002')).toEqual({ answered: 1, right: 1 });
  });

  it('a quiz that is not the bot’s own post gives no update', async () => {
    const { responder } = world();
    const outcome = await responder.answerQuiz(value, item.answer, press('U1'));
    expect(outcome.update).toBeUndefined();
  });

  it('the bot’s own quiz post gets counts only (no user id) after a first answer, and nothing after a repeat', async () => {
    const { responder, store } = world();
    const day = '2026-12-04';
    const quiz = postedQuizId('C0QUIZ', day);
    await store.withTipClaim({ channelId: 'C0QUIZ', day, tipKey: item.key, language: 'fr' }, async () => ({
      outcome: 'posted',
      messageTs: '1764000000.000100',
    }));
    const at = { channelId: 'C0QUIZ', messageTs: '1764000000.000100' };
    const posted = { item: item.key, language: 'fr' as const, quiz };
    const first = await responder.answerQuiz(posted, item.answer, { userId: 'USECRET1', ...at });
    expect(first.update?.channelId).toBe('C0QUIZ');
    expect(first.update?.ts).toBe('1764000000.000100');
    const text = JSON.stringify(first.update?.card);
    expect(text).toContain(translate(kb.ui, 'fr', 'quiz.counts', { answered: 1, share: '100%' }));
    expect(text).toContain(JSON.stringify(item.prompt.fr).slice(1, -1));
    expect(text).not.toContain('USECRET1');
    const second = await responder.answerQuiz(posted, wrong, { userId: 'USECRET2', ...at });
    expect(JSON.stringify(second.update?.card)).toContain(
      translate(kb.ui, 'fr', 'quiz.counts', { answered: 2, share: '50%' }),
    );
    expect(JSON.stringify(second.update)).not.toMatch(/USECRET/);
    const again = await responder.answerQuiz(posted, item.answer, { userId: 'USECRET2', ...at });
    expect(again.update).toBeUndefined();
  });

  it('no update when the press is not on that post (another message, another channel)', async () => {
    const { responder, store } = world();
    const day = '2026-12-04';
    await store.withTipClaim({ channelId: 'C0QUIZ', day, tipKey: item.key, language: 'en' }, async () => ({
      outcome: 'posted',
      messageTs: '1764000000.000100',
    }));
    const posted = { item: item.key, language: 'en' as const, quiz: postedQuizId('C0QUIZ', day) };
    const elsewhere = await responder.answerQuiz(posted, item.answer, {
      userId: 'U1',
      channelId: 'C0QUIZ',
      messageTs: '1764000000.999999',
    });
    expect(elsewhere.update).toBeUndefined();
    const otherChannel = await responder.answerQuiz(posted, item.answer, {
      userId: 'U2',
      channelId: 'C0OTHER',
      messageTs: '1764000000.000100',
    });
    expect(otherChannel.update).toBeUndefined();
  });

  it('an item gone from the data, or no answer, gets the stale card and records nothing', async () => {
    const { responder, store } = world();
    const gone = await responder.answerQuiz({ ...value, item: 'retired-quiz' }, 'both', press('U1'));
    expect(gone.reply.text).toBe(translate(kb.ui, 'en', 'error.stale_card'));
    const noAnswer = await responder.answerQuiz(value, undefined, press('U1'));
    expect(noAnswer.reply.text).toBe(translate(kb.ui, 'en', 'error.stale_card'));
    expect(await store.quizCounts(value.quiz)).toEqual({ answered: 0, right: 0 });
  });
});

describe('sharing a quiz', () => {
  it('is the same quiz (same id), public, naming who shared it', () => {
    const { responder } = world();
    const card = asRecord(
      responder.shareQuiz({ item: item.key, language: 'id', quiz: 'pshared000001' }, 'Ana'),
    );
    expect(headerOf(card)).toBe(quizHeader('id'));
    const buttons = buttonsOf(card);
    expect(buttons.map((button) => button.action_id)).not.toContain(ACTION_IDS.quizShare);
    expect(decodeQuizValue(buttons[0]?.value)?.quiz).toBe('pshared000001');
    expect(JSON.stringify(card)).toContain(translate(kb.ui, 'id', 'card.shared_by', { user: 'Ana' }));
    expect(responder.shareQuiz({ item: 'retired-quiz', language: 'id', quiz: 'p1' }, 'Ana')).toBeUndefined();
  });
});
