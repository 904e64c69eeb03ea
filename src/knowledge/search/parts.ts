/**
 * Parts of a refused question asked again alone: past a lead-in ("before I schedule Friday's
 * posts: why do contacts answer faster?"), or before an afterword ("c'est quoi le networking ?
 * je dois l'expliquer samedi"). Asked only when the whole was refused, so a part never costs
 * an answer.
 */
import { REQUEST_WORDS } from '../lexicon.js';
import { MAX_QUERY_CHARS } from '../normalize.js';
import type { SearchResult } from './decide.js';
import { TASK } from './phrases.js';
import { classify, questionWords, readQuestion } from './question.js';
import { MIN_TITLE_WORDS, namesThemOutright } from './shape.js';

/** Parts of a refused question, and what must come of one to answer. */
const PARTS: ReadonlyArray<{
  name: string;
  of: (question: string) => string | undefined;
  answers: (result: SearchResult) => boolean;
}> = [
  // The chore before a colon or a dash is where the asker is; what follows is what they ask.
  { name: 'past the lead-in', of: afterLeadIn, answers: (result) => result.topic !== null },
  // Only a topic that stands out answers, not the overview by default: "is the social media
  // banner up to date? it still shows xmas" asks nothing of the two.
  { name: 'before the afterword', of: beforeAfterword, answers: (result) => result.reason === 'topic' },
];

/** The whole question, and when it is refused, each part in turn. */
export function searchWithParts(
  question: string,
  searchText: (text: string, trace?: string[]) => SearchResult,
  trace?: string[],
): SearchResult {
  const whole = searchText(question, trace);
  if (whole.topic !== null) return whole;
  // The parts are cut from the characters read: what follows them can't count.
  const read = question.slice(0, MAX_QUERY_CHARS);
  for (const { name, of, answers } of PARTS) {
    const asked = of(read);
    if (asked === undefined) continue;
    const lines: string[] = [];
    const part = searchText(asked, trace ? lines : undefined);
    if (!answers(part)) continue;
    trace?.push(`${name}, asking "${asked}":`, ...lines);
    return { ...part, language: whole.language ?? part.language };
  }
  return whole;
}

/**
 * A lead-in ends at the first colon or dash between words ("vor dem Redaktionsplan: …",
 * "Jahresplan – …"), or at the full stop of a statement ("Wir starten nächste Woche. Soll
 * ich …?"). A question mark ends no lead-in: "who has the login? need to change the bio"
 * is one task, not context and a question.
 */
const LEAD_IN_END = /[:;.!]\s|\s[-–—]+\s/;
/** Words the question after a lead-in needs to be one. */
const MIN_WORDS_AFTER_LEAD_IN = 3;

function afterLeadIn(question: string): string | undefined {
  const end = LEAD_IN_END.exec(question);
  if (!end) return undefined;
  // "CAC vs LTV — which one?": a lead-in that compares is the question itself.
  const leadIn = questionWords(question.slice(0, end.index));
  if (leadIn.some((word) => classify(word) === 'comparison')) return undefined;
  const rest = question.slice(end.index + end[0].length).trim();
  if (rest.split(/\s+/).length < MIN_WORDS_AFTER_LEAD_IN || isQuotedText(rest)) return undefined;
  return rest;
}

/**
 * "Korrekturlesen bitte: „Networking & Social Media – Tipps“ – Bindestrich?", "proofread the
 * caption: 'New drop, same vibes'": past the lead-in is still the chore's text, when it
 * quotes a text and names the subjects nowhere outside the quotes.
 */
function isQuotedText(text: string): boolean {
  const { words, quoted } = readQuestion(text);
  const subjectOutside = words.some((word, i) => !quoted[i] && classify(word) === 'subject');
  // A word in scare quotes ('not "everyone"') is the asker's, not a text to work on.
  return quoted.filter(Boolean).length >= MIN_TITLE_WORDS && !subjectOutside;
}

/**
 * "Concrètement, le networking c'est quoi ? Je dois l'expliquer aux bénévoles samedi": a
 * question about the subjects, then a note on why it is asked. The note's chore ("samedi",
 * "at dinner") is the asker's situation. Only a first question that names the subjects
 * outright, and asks nothing of anyone, is asked alone: "who has the login? need to change
 * the bio" and "can someone update the social media banner? it still shows xmas" stay one task.
 */
function beforeAfterword(question: string): string | undefined {
  const end = question.indexOf('?');
  if (end < 0) return undefined;
  const first = question.slice(0, end + 1);
  const rest = question.slice(end + 1).trim();
  if (rest.split(/\s+/).length < MIN_WORDS_AFTER_LEAD_IN) return undefined;
  const words = questionWords(first);
  const namesThem = words.some((word) => classify(word) === 'subject' && namesThemOutright(word));
  // "Can someone update the social media banner? it still shows xmas" is one request.
  const requests = TASK.startsIn(words) || words.some((word) => REQUEST_WORDS.has(word));
  return namesThem && !requests ? first : undefined;
}
