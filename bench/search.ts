/**
 * Search, in-process: the time to load the concept base and build the index, the index's
 * heap, and the latency of one question over the project's labelled questions and generated
 * variants of them (typos, long, mixed languages), each variant seen once so that the
 * fuzzy-lookup cache can't flatter it; and the slowest input we could construct.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerQuestion, createCore } from '../src/core/answer.js';
import { loadKnowledgeBase } from '../src/knowledge/load.js';
import { buildSearchIndex, type SearchIndex } from '../src/knowledge/search.js';
import { ROOT } from './servers.js';
import { median, percentile, pick, seededRandom } from './stats.js';

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface SearchResultSummary {
  questions: number;
  /** First load in this process (modules already imported), and the median of later ones. */
  loadMs: { first: number; median: number };
  buildIndexMs: { first: number; median: number };
  /** Heap held by the loaded concept base, and by the index on top of it (MiB, after gc). */
  kbHeapMiB: number;
  indexHeapMiB: number;
  vocabularySize: number;
  /** All questions and variants together, then per kind. */
  all: LatencySummary;
  byKind: Record<string, LatencySummary>;
  /** search plus building the card (what a listener does before replying). */
  answerAll: LatencySummary;
  worst: { name: string; chars: number; p50Ms: number; maxMs: number; all: Record<string, LatencySummary> };
}

const gc = (globalThis as { gc?: () => void }).gc;
function heapAfterGc(): number {
  if (!gc) return Number.NaN;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function summarize(values: number[]): LatencySummary {
  return {
    count: values.length,
    p50Ms: percentile(values, 50),
    p99Ms: percentile(values, 99),
    maxMs: Math.max(...values),
  };
}

function timeOne(index: SearchIndex, question: string): number {
  const start = process.hrtime.bigint();
  index.search(question);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Three of the project's labelled question sets (data/examples), every question once. */
export function evalQuestions(): Array<{ q: string; lang?: string }> {
  const sets = ['heldout.jsonl', 'conversational.jsonl', 'chores.jsonl'];
  return sets.flatMap((name) =>
    readFileSync(join(ROOT, 'data', 'examples', name), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as { q: string; lang?: string }),
  );
}

// ---- generated variants -----------------------------------------------------------------

function typo(question: string, random: () => number): string {
  const words = question.split(' ');
  const candidates = words.map((word, i) => [word, i] as const).filter(([word]) => word.length >= 5);
  const edits = 1 + Math.floor(random() * 2);
  for (let e = 0; e < edits && candidates.length > 0; e++) {
    const [word, i] = pick(random, candidates);
    const at = 1 + Math.floor(random() * (word.length - 2));
    const kind = random();
    let changed: string;
    if (kind < 0.34) changed = word.slice(0, at) + (word[at + 1] ?? '') + word[at] + word.slice(at + 2);
    else if (kind < 0.67) changed = word.slice(0, at) + word.slice(at + 1);
    else
      changed = word.slice(0, at) + 'qwertyuiopasdfghjklzxcvbnm'[Math.floor(random() * 26)] + word.slice(at);
    words[i] = changed;
  }
  return words.join(' ');
}

const FILLER = [
  'Hey team, quick one before the planning meeting on Thursday.',
  'We are putting together the plan for next quarter and the budget is tight this year.',
  'Our agency sent a deck with lots of numbers that nobody here could explain to me.',
  'Sorry for the long message, I have been going back and forth on this for a while.',
  'Thanks in advance, and feel free to point me to the right channel if this is the wrong place!',
];

function long(question: string, random: () => number, questionFirst: boolean): string {
  const parts: string[] = [];
  let length = question.length;
  while (length < 5000) {
    const sentence = pick(random, FILLER);
    parts.push(sentence);
    length += sentence.length + 1;
  }
  return questionFirst ? `${question} ${parts.join(' ')}` : `${parts.join(' ')} ${question}`;
}

function mixed(a: string, b: string, random: () => number): string {
  const left = a.split(' ');
  const right = b.split(' ');
  const out: string[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const word = random() < 0.5 ? left[i] : right[i];
    if (word) out.push(word);
  }
  return out.join(' ');
}

const ODD = [
  '\u0301',
  '\u200d',
  '\u202e',
  '\ufeff',
  '𝔰𝔬𝔠𝔦𝔞𝔩',
  '👩‍👩‍👧‍👦',
  'ﷺ',
  'Ⅻ',
  'ǅ',
  'ﬀ',
  '㍿',
  '\ud83d\ude00',
  'ß',
  'İ',
  'ŉ',
  '゙',
  '\u0000',
  '<',
  '>',
  '<@U',
  '*_~`',
  '&amp;',
];

/** The slowest inputs we could think of; each call gets a fresh one (new words miss the lookup cache). */
const ADVERSARIAL: Record<string, (random: () => number) => string> = {
  'odd unicode, 10k chars': (random) => {
    let text = '';
    while (text.length < 10_000) text += pick(random, ODD) + (random() < 0.3 ? ' ' : '');
    return text;
  },
  'subject words repeated, 10k chars': (random) => {
    const words = ['social', 'media', 'networking', 'sosial', 'jaringan', 'Netzwerke', 'réseaux', 'vs'];
    let text = '';
    while (text.length < 10_000) text += `${pick(random, words)} `;
    return text;
  },
  'near-miss words (fuzzy lookups)': (random) => {
    const stems = ['engagment', 'comunication', 'relationshps', 'audeince', 'conversaton', 'kommunikaton'];
    const out: string[] = [];
    while (out.join(' ').length < 490) {
      const stem = pick(random, stems);
      const at = 2 + Math.floor(random() * (stem.length - 3));
      out.push(stem.slice(0, at) + 'xzq'[Math.floor(random() * 3)] + stem.slice(at + 1));
    }
    return out.join(' ');
  },
  'one 10k-char word': (random) => {
    let text = '';
    while (text.length < 10_000) text += 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)];
    return text;
  },
  'long unknown words, 500 chars': (random) => {
    const out: string[] = [];
    while (out.join(' ').length < 500) {
      let word = 'c';
      const length = 20 + Math.floor(random() * 20);
      while (word.length < length) word += 'aeioubcdfgklmnprst'[Math.floor(random() * 18)];
      out.push(word);
    }
    return out.join(' ');
  },
  'unclosed markup, 10k chars': (random) => {
    let text = '';
    while (text.length < 10_000) text += random() < 0.5 ? '<' : '<@U123|';
    return text;
  },
};

export function benchSearch(): SearchResultSummary {
  const random = seededRandom(20261122);
  const questions = evalQuestions();

  // Load and build: the first time in this process, then again a few times.
  const before = heapAfterGc();
  let start = process.hrtime.bigint();
  const kb = loadKnowledgeBase();
  const loadFirst = Number(process.hrtime.bigint() - start) / 1e6;
  const afterKb = heapAfterGc();
  start = process.hrtime.bigint();
  const index = buildSearchIndex(kb);
  const buildFirst = Number(process.hrtime.bigint() - start) / 1e6;
  const afterIndex = heapAfterGc();
  const loads: number[] = [];
  const builds: number[] = [];
  for (let i = 0; i < 5; i++) {
    let t = process.hrtime.bigint();
    const again = loadKnowledgeBase();
    loads.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    buildSearchIndex(again);
    builds.push(Number(process.hrtime.bigint() - t) / 1e6);
  }

  // Inputs: each variant is a new string, most with words the lookup cache hasn't seen.
  const base = questions.map((q) => q.q);
  const byKind: Record<string, string[]> = {
    questions: base,
    typo: Array.from({ length: 3000 }, () => typo(pick(random, base), random)),
    long: Array.from({ length: 400 }, (_, i) => long(pick(random, base), random, i % 2 === 0)),
    mixed: Array.from({ length: 1000 }, () => mixed(pick(random, base), pick(random, base), random)),
  };
  // Warm-up on other variants of the same kinds, so the JIT has compiled search.
  for (let i = 0; i < 3000; i++) index.search(typo(pick(random, base), random));
  for (let i = 0; i < 20; i++) for (const q of base) index.search(q);

  const times: Record<string, number[]> = {};
  for (const [kind, inputs] of Object.entries(byKind)) {
    gc?.();
    const rounds = kind === 'questions' ? 20 : 1;
    times[kind] = [];
    for (let r = 0; r < rounds; r++) for (const q of inputs) times[kind]?.push(timeOne(index, q));
  }
  const all = Object.values(times).flat();

  const core = createCore(kb);
  const answerTimes: number[] = [];
  for (const q of [...base, ...(byKind.typo ?? []).slice(0, 500)]) {
    const t = process.hrtime.bigint();
    answerQuestion(core, q, { surface: 'ephemeral' });
    answerTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
  }

  const worstAll: Record<string, LatencySummary> = {};
  let worst = { name: '', chars: 0, p50Ms: 0, maxMs: 0 };
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    for (let i = 0; i < 20; i++) index.search(make(random)); // warm-up
    const inputs = Array.from({ length: 200 }, () => make(random));
    gc?.();
    const t = inputs.map((q) => timeOne(index, q));
    worstAll[name] = summarize(t);
    const p50 = median(t);
    if (p50 > worst.p50Ms) worst = { name, chars: inputs[0]?.length ?? 0, p50Ms: p50, maxMs: Math.max(...t) };
  }

  return {
    questions: questions.length,
    loadMs: { first: loadFirst, median: median(loads) },
    buildIndexMs: { first: buildFirst, median: median(builds) },
    kbHeapMiB: (afterKb - before) / 1048576,
    indexHeapMiB: (afterIndex - afterKb) / 1048576,
    vocabularySize: index.vocabularySize,
    all: summarize(all),
    byKind: Object.fromEntries(Object.entries(times).map(([kind, t]) => [kind, summarize(t)])),
    answerAll: summarize(answerTimes),
    worst: { ...worst, all: worstAll },
  };
}

// Run alone: `node --expose-gc --import tsx bench/search.ts`
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(benchSearch(), null, 2));
}
