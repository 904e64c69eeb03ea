/**
 * What a DM or a mention says before it is searched: a greeting or a thanks (in four
 * languages, or an emoji alone), a subcommand's words as `/socialvs` reads them, or a
 * question.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languagesOfCommandWord, parseCommand, parseTypedCommand } from '../../src/core/command.js';
import { recognizeSmallTalk } from '../../src/core/small-talk.js';

describe('recognizeSmallTalk', () => {
  it.each([
    ['hi', 'greeting', 'en'],
    ['Hello!', 'greeting', 'en'],
    ['hey there 👋', 'greeting', 'en'],
    ['Good morning, SocialVS', 'greeting', 'en'],
    ['halo', 'greeting', 'id'],
    ['Hai kak!', 'greeting', 'id'],
    ['Selamat pagi', 'greeting', 'id'],
    ['pagi', 'greeting', 'id'],
    ['Hallo zusammen!', 'greeting', 'de'],
    ['moin', 'greeting', 'de'],
    ['Servus', 'greeting', 'de'],
    ['Guten Morgen!', 'greeting', 'de'],
    ['Grüß Gott', 'greeting', 'de'],
    ['bonjour', 'greeting', 'fr'],
    ['Salut à tous !', 'greeting', 'fr'],
    ['coucou', 'greeting', 'fr'],
    ['thanks!', 'thanks', 'en'],
    ['Thank you so much 🙏', 'thanks', 'en'],
    ['thx', 'thanks', 'en'],
    ['ty', 'thanks', 'en'],
    ['makasih ya', 'thanks', 'id'],
    ['Terima kasih banyak!', 'thanks', 'id'],
    ['danke', 'thanks', 'de'],
    ['Vielen Dank!', 'thanks', 'de'],
    ['Dankeschön', 'thanks', 'de'],
    ['merci !', 'thanks', 'fr'],
    ['Merci beaucoup', 'thanks', 'fr'],
    ['hi, thanks!', 'thanks', 'en'],
  ])('%j is a %s in %s', (text, kind, language) => {
    const found = recognizeSmallTalk(text);
    expect(found?.kind).toBe(kind);
    expect(found?.languages[0]).toBe(language);
  });

  it.each([
    ['👋', 'greeting'],
    [':wave:', 'greeting'],
    [':wave::skin-tone-3:', 'greeting'],
    ['👋🏽', 'greeting'],
    ['🙏', 'thanks'],
    ['👍', 'thanks'],
    [':+1:', 'thanks'],
    ['❤️', 'thanks'],
    [':heart:', 'thanks'],
    ['🙌', 'thanks'],
    ['👋 🙏', 'thanks'],
  ])('the emoji %j alone is a %s, in no language of its own', (text, kind) => {
    expect(recognizeSmallTalk(text)).toEqual({ kind, languages: [] });
  });

  it('a word used in several languages names them all, the most typical first', () => {
    expect(recognizeSmallTalk('hi')?.languages).toEqual(['en', 'de', 'id']);
    expect(recognizeSmallTalk('Hallo')?.languages).toEqual(['de', 'id']);
  });

  it.each([
    'hi, is social media the same as social networking?',
    'hello what is ROI',
    'thanks, and what about the target audience?',
    'Hallo, was ist Social Media?',
    'merci, et le ROI ?',
    'help',
    'ok',
    'there',
    'ROI 👍',
    '🤔',
    ':thinking_face:',
    '',
    '   ',
    'hi hi hi hi hi hi hi hi hi',
    'highlights',
    'thanksgiving campaign',
  ])('%j is not small talk', (text) => {
    expect(recognizeSmallTalk(text)).toBeUndefined();
  });

  it('ignores Slack markup around the words: "hi <@U0BEN>" is a greeting', () => {
    expect(recognizeSmallTalk('hi <@U0BEN>')?.kind).toBe('greeting');
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const found = recognizeSmallTalk(text);
        if (found) expect(['greeting', 'thanks']).toContain(found.kind);
      }),
      { numRuns: 500, seed: 20 },
    );
  });
});

describe('subcommand words typed in a DM or after a mention', () => {
  it.each([
    ['help', 'help', []],
    ['bantuan', 'help', ['id']],
    ['Hilfe', 'help', ['de']],
    ['aide', 'help', ['fr']],
    ['list', 'list', []],
    ['daftar', 'list', ['id']],
    ['Themen', 'list', ['de']],
    ['sujets', 'list', ['fr']],
    ['liste', 'list', ['de', 'fr']],
    ['tip', 'tip', []],
    ['kiat', 'tip', ['id']],
    ['Tipp', 'tip', ['de']],
    ['astuce', 'tip', ['fr']],
    ['quiz', 'quiz', []],
    ['kuis', 'quiz', ['id']],
    ['status', 'status', []],
    ['lang de', 'lang', []],
    ['bahasa inggris', 'lang', ['id']],
    ['Sprache fr', 'lang', ['de']],
    ['langue allemand', 'lang', ['fr']],
  ])('%j is the %s subcommand, in %j', (text, kind, languages) => {
    expect(parseTypedCommand(text).kind).toBe(kind);
    expect(parseTypedCommand(text)).toEqual(parseCommand(text));
    expect(languagesOfCommandWord(text)).toEqual(languages);
  });

  it('reads a subcommand as /socialvs does, a closing "!", "?" or "." aside', () => {
    expect(parseTypedCommand('Hilfe!').kind).toBe('help');
    expect(parseTypedCommand('status?').kind).toBe('status');
    expect(parseTypedCommand('lang de.')).toEqual({ kind: 'lang', language: 'de' });
    expect(parseTypedCommand('?').kind).toBe('help');
    expect(parseTypedCommand('tip…').kind).toBe('tip');
    expect(languagesOfCommandWord('Hilfe!')).toEqual(['de']);
    expect(languagesOfCommandWord('?')).toEqual([]);
  });

  it.each([
    'help me with ROI',
    'tip for networking?',
    'what is the status of social media?',
    'list the differences',
    'Hilfe beim ROI',
  ])('%j stays a question, as it is for /socialvs', (text) => {
    expect(parseTypedCommand(text)).toEqual({ kind: 'question', text });
  });

  it('a question names no command language', () => {
    expect(languagesOfCommandWord('what is ROI?')).toEqual([]);
    expect(languagesOfCommandWord('constructor')).toEqual([]);
  });
});
