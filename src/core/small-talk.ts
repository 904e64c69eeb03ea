/**
 * Greetings and thanks said to the bot ("hi", "Guten Morgen!", "merci 🙏", a lone 👋), which
 * get a short reply instead of a search. Only text made of nothing but such words, a few
 * words that go with them ("hi all", "thanks a lot"), emoji and punctuation counts:
 * "hi, is social media the same as networking?" is a question.
 */
import type { Language } from '../knowledge/languages.js';
import { fold, stripSlackMarkup } from '../knowledge/normalize.js';

export type SmallTalkKind = 'greeting' | 'thanks';

export interface SmallTalk {
  kind: SmallTalkKind;
  /**
   * The languages its words are said in, the one they are most typical of first ("hallo":
   * German, then Indonesian); empty for emoji alone, which say nothing of a language.
   */
  languages: readonly Language[];
}

/** Each greeting, and the languages it is said in, the one it is most typical of first. */
const GREETINGS: Record<string, readonly Language[]> = {
  hi: ['en', 'de', 'id'],
  hello: ['en'],
  hey: ['en', 'de', 'fr'],
  hiya: ['en'],
  howdy: ['en'],
  'good morning': ['en'],
  'good afternoon': ['en'],
  'good evening': ['en'],
  morning: ['en'],
  halo: ['id'],
  hai: ['id'],
  'selamat pagi': ['id'],
  'selamat siang': ['id'],
  'selamat sore': ['id'],
  'selamat malam': ['id'],
  pagi: ['id'],
  siang: ['id'],
  sore: ['id'],
  assalamualaikum: ['id'],
  hallo: ['de', 'id'],
  moin: ['de'],
  'moin moin': ['de'],
  servus: ['de'],
  'guten morgen': ['de'],
  'guten tag': ['de'],
  'guten abend': ['de'],
  'grüß gott': ['de'],
  grüezi: ['de'],
  bonjour: ['fr'],
  bonsoir: ['fr'],
  salut: ['fr'],
  coucou: ['fr'],
};

/** Each thanks, and the languages it is said in, the one it is most typical of first. */
const THANKS: Record<string, readonly Language[]> = {
  thanks: ['en'],
  'thank you': ['en'],
  'thank u': ['en'],
  thx: ['en', 'de'],
  ty: ['en'],
  tysm: ['en'],
  cheers: ['en'],
  'much appreciated': ['en'],
  makasih: ['id'],
  'terima kasih': ['id'],
  'trima kasih': ['id'],
  trims: ['id'],
  tq: ['id'],
  danke: ['de'],
  'danke schön': ['de'],
  dankeschön: ['de'],
  'vielen dank': ['de'],
  'herzlichen dank': ['de'],
  merci: ['fr', 'de'],
  'merci bien': ['fr'],
  'merci beaucoup': ['fr'],
  'mille mercis': ['fr'],
  'je vous remercie': ['fr'],
};

/**
 * Words that go with a greeting or thanks without making it a question: whom it is said to
 * ("hi all", "halo kak", "salut à tous"), how much ("thanks a lot", "terima kasih banyak").
 */
const ALONGSIDE = [
  ...['a', 'again', 'all', 'everyone', 'folks', 'great', 'lot', 'much', 'ok', 'okay', 'so', 'team', 'there'],
  ...['very', 'you'],
  ...['banyak', 'bu', 'kak', 'pak', 'semua', 'sekali', 'ya'],
  ...['alle', 'allerseits', 'auch', 'nochmal', 'schön', 'sehr', 'super', 'zusammen'],
  ...['à', 'beaucoup', 'encore', 'le', 'monde', 'tous', 'tout', 'toi', 'vous'],
  ...['socialvs', 'bot'],
];

/** Longer text than this is never just a greeting or a thanks. */
const MAX_WORDS = 8;
/** Nor is text this long, emoji and markup included: every question is checked, so a long one is not folded for nothing. */
const MAX_CHARS = 200;
/** The longest phrase of GREETINGS and THANKS, in words. */
const MAX_PHRASE_WORDS = 3;

/** Emoji that greet or thank on their own: Unicode, and Slack's names for them (Slack sends `:wave:`). */
const GREETING_EMOJI = ['👋', '🖐', '✋', '🙋', 'wave', 'raised_hand', 'hand', 'raising_hand'];
const THANKS_EMOJI = [
  ...['🙏', '👍', '❤', '♥', '🙌', '👌', '💯', '👏', '🤗', '💙', '💚', '💛', '💜', '🧡'],
  ...['pray', '+1', 'thumbsup', 'heart', 'raised_hands', 'ok_hand', '100', 'clap', 'hugging_face', 'hugs'],
  ...['blue_heart', 'green_heart', 'yellow_heart', 'purple_heart', 'orange_heart'],
];

/** The phrases folded as questions are (case, accents), so "Grüß Gott!" and "gruss gott" match. */
const PHRASES = new Map<string, SmallTalk>();
for (const [kind, phrases] of [
  ['greeting', GREETINGS],
  ['thanks', THANKS],
] as const) {
  for (const [phrase, languages] of Object.entries(phrases)) PHRASES.set(fold(phrase), { kind, languages });
}
const ALONGSIDE_WORDS = new Set(ALONGSIDE.map(fold));
const EMOJI_KINDS = new Map<string, SmallTalkKind>([
  ...GREETING_EMOJI.map((emoji) => [emoji, 'greeting'] as const),
  ...THANKS_EMOJI.map((emoji) => [emoji, 'thanks'] as const),
]);

/** Slack's `:name:` emoji (with `::skin-tone-2:` after it), and Unicode pictographs with their modifiers. */
const SLACK_EMOJI = /:([a-z0-9_+-]+):/g;
const UNICODE_EMOJI = /\p{Extended_Pictographic}|[\u2665\u2764]/gu;
const EMOJI_MODIFIERS = /[\u{1F3FB}-\u{1F3FF}\uFE0F\u200D]/gu;

/** What `text` is, when it is only a greeting or a thanks; undefined for anything else. */
export function recognizeSmallTalk(text: string): SmallTalk | undefined {
  if (text.length > MAX_CHARS) return undefined;
  const emojiKinds: Array<SmallTalkKind | undefined> = [];
  const words = stripSlackMarkup(text)
    .replace(SLACK_EMOJI, (_whole, name: string) => {
      if (!name.startsWith('skin-tone-')) emojiKinds.push(EMOJI_KINDS.get(name));
      return ' ';
    })
    .replace(EMOJI_MODIFIERS, '')
    .replace(UNICODE_EMOJI, (emoji) => {
      emojiKinds.push(EMOJI_KINDS.get(emoji));
      return ' ';
    });
  const folded = fold(words);
  if (folded === '') return smallTalkOfEmoji(emojiKinds);
  const tokens = folded.split(' ');
  if (tokens.length > MAX_WORDS) return undefined;
  return smallTalkOfWords(tokens);
}

/** Emoji alone: small talk when each is one that greets or thanks (thanks wins when both are there). */
function smallTalkOfEmoji(kinds: ReadonlyArray<SmallTalkKind | undefined>): SmallTalk | undefined {
  if (kinds.length === 0 || kinds.some((kind) => kind === undefined)) return undefined;
  return { kind: kinds.includes('thanks') ? 'thanks' : 'greeting', languages: [] };
}

/**
 * Words: small talk when every word belongs to a greeting, a thanks or the words alongside
 * them, and at least one greeting or thanks is there. The languages are the first phrase's.
 */
function smallTalkOfWords(tokens: readonly string[]): SmallTalk | undefined {
  let kind: SmallTalkKind | undefined;
  let languages: readonly Language[] = [];
  let at = 0;
  while (at < tokens.length) {
    const found = longestPhraseAt(tokens, at);
    if (found) {
      if (!kind) languages = found.languages;
      // "hi, thanks!" is a thanks: that is what the reply should answer.
      kind = kind === 'thanks' ? 'thanks' : found.kind;
      at += found.length;
    } else if (ALONGSIDE_WORDS.has(tokens[at] ?? '')) {
      at += 1;
    } else {
      return undefined;
    }
  }
  return kind ? { kind, languages } : undefined;
}

function longestPhraseAt(tokens: readonly string[], at: number) {
  for (let length = Math.min(MAX_PHRASE_WORDS, tokens.length - at); length > 0; length--) {
    const phrase = PHRASES.get(tokens.slice(at, at + length).join(' '));
    if (phrase) return { ...phrase, length };
  }
  return undefined;
}
