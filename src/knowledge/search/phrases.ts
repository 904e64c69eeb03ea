/**
 * Phrases of the lexicon found among a question's words: judgement, sameness, task openings,
 * counts, and chores of more than one word. Each list is kept by first word, so a question is
 * checked only against the phrases its words start.
 */
import {
  CHORE_PHRASES,
  COUNT_PHRASES,
  END,
  JUDGEMENT_PHRASES,
  NOT_CHORE_PHRASES,
  SAMENESS_PHRASES,
  TASK_OPENINGS,
} from '../lexicon.js';

/** Whether a phrase's words stand in `words` from `at` on. */
export function standsAt(words: readonly string[], phrase: readonly string[], at: number): boolean {
  return phrase.every((word, i) => words[at + i] === word);
}

/** Phrases by their first word, so a question is checked only against those its words start. */
export class PhraseList {
  private readonly byFirst = new Map<string, string[][]>();

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const words = phrase.split(' ');
      const first = words[0] as string;
      this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), words]);
    }
  }

  /** Whether `words` start with one of the phrases. */
  startsIn(words: readonly string[]): boolean {
    return (this.byFirst.get(words[0] ?? '') ?? []).some((phrase) => standsAt(words, phrase, 0));
  }

  /** Whether `words` contain one of the phrases. */
  foundIn(words: readonly string[]): boolean {
    return words.some((word, at) =>
      (this.byFirst.get(word) ?? []).some((phrase) => standsAt(words, phrase, at)),
    );
  }

  /** Where the phrases stand in `words`. */
  allIn(words: readonly string[]): { start: number; length: number }[] {
    const found: { start: number; length: number }[] = [];
    words.forEach((word, start) => {
      for (const phrase of this.byFirst.get(word) ?? [])
        if (standsAt(words, phrase, start)) found.push({ start, length: phrase.length });
    });
    return found;
  }
}

export const JUDGEMENT = new PhraseList(JUDGEMENT_PHRASES);
export const SAMENESS = new PhraseList(SAMENESS_PHRASES);
export const TASK = new PhraseList(TASK_OPENINGS);
export const COUNT = new PhraseList(COUNT_PHRASES);
export const CHORES = new PhraseList(CHORE_PHRASES);
export const NOT_CHORES = new PhraseList(NOT_CHORE_PHRASES);

/** A listed word, or a listed phrase among the words and the question's END. */
export function hasWordOrPhrase(
  words: readonly string[],
  listed: ReadonlySet<string>,
  phrases: PhraseList,
): boolean {
  return words.some((word) => listed.has(word)) || phrases.foundIn([...words, END]);
}
