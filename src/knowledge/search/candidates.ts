/**
 * Candidate terms for a word of a question: what the index could read it as. Exactly by
 * its stem in some language of the index; else (or when the exact term is only body
 * text) fuzzily for typos (fuse.js proposes, an edit-distance check keeps real near-misses),
 * and longer or shorter forms (compounds, derivations, Indonesian affixes).
 */
import Fuse from 'fuse.js';
import type { Language } from '../languages.js';
import { editDistance } from '../normalize.js';
import { stemIn } from '../stem.js';
import { SCORING } from './config.js';
import type { SearchIndexData, Term } from './search-index.js';

export interface Candidate {
  term: Term;
  /** 1 for the word itself, less for a typo or another form. */
  sim: number;
}

/** A typo is at most this many edits away; more and any word is some other word. */
const MAX_EDITS = 2;
/** Bounds the per-stem cache of approximate readings. */
const MAX_CACHED = 10_000;

export class CandidateFinder {
  /**
   * fuse indexes by first letter and length: a typo rarely hits the first letter, and a word
   * more than two letters longer or shorter can't pass the edit-distance check, so a lookup
   * searches only the few small lists it could pass in (measured: a whole-letter list made
   * typo lookups several times slower).
   */
  private readonly fuzzy = new Map<string, { fuse: Fuse<string>; terms: Term[] }>();
  private readonly sortedStems: string[];
  private readonly cache = new Map<string, Candidate[]>();

  constructor(private readonly index: SearchIndexData) {
    const buckets = new Map<string, Term[]>();
    for (const term of index.terms.values()) {
      if (term.stem.length < SCORING.minApproximateLength) continue;
      const bucket = bucketKey(term.stem[0] as string, term.stem.length);
      const list = buckets.get(bucket) ?? [];
      list.push(term);
      buckets.set(bucket, list);
    }
    for (const [bucket, terms] of buckets) {
      const fuse = new Fuse(
        terms.map((term) => term.stem),
        { includeScore: true, location: 0, minMatchCharLength: 3, ...SCORING.fuse },
      );
      this.fuzzy.set(bucket, { fuse, terms });
    }
    this.sortedStems = [...index.terms.keys()].sort();
  }

  /** Terms that are this word exactly: its stem in a language whose texts have that term. */
  exact(word: string, order: readonly Language[]): Candidate[] {
    const found = new Set<Term>();
    const lexiconOnly = new Set<Term>();
    for (const language of order) {
      const term = this.index.terms.get(stemIn(language, word));
      if (term?.languages.has(language)) found.add(term);
      else if (term?.languages.size === 0) lexiconOnly.add(term);
    }
    // A word of the lexicon that no topic text has (a subject word's rare inflection) is
    // read as such only when no topic's word matches.
    return [...(found.size > 0 ? found : lexiconOnly)].map((term) => ({ term, sim: 1 }));
  }

  /** Readings of a stem the index lacks or knows only from body text: typos, then other forms. */
  approximate(key: string): Candidate[] {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const found = new Map<Term, number>();
    const keep = (term: Term, sim: number) => found.set(term, Math.max(found.get(term) ?? 0, sim));
    for (const { term, sim } of this.typos(key)) keep(term, sim);
    for (const term of this.otherForms(key)) keep(term, SCORING.affixSimilarity);
    const candidates = [...found].map(([term, sim]) => ({ term, sim })).sort((a, b) => b.sim - a.sim);
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(key, candidates);
    return candidates;
  }

  /** fuse's proposals that are really a typo away: first letter kept, few edits for the length. */
  private typos(key: string): Candidate[] {
    const typos: Candidate[] = [];
    for (let length = key.length - MAX_EDITS; length <= key.length + MAX_EDITS; length++) {
      const bucket = this.fuzzy.get(bucketKey(key[0] as string, length));
      for (const hit of bucket?.fuse.search(key, { limit: SCORING.typoProposals }) ?? []) {
        const term = bucket?.terms[hit.refIndex] as Term;
        const allowed = allowedEdits(key, term);
        const edits = editDistance(key, term.stem, allowed);
        if (allowed > 0 && edits <= allowed) {
          typos.push({
            term,
            sim: SCORING.fuzzyDiscount * (1 - edits / Math.max(key.length, term.stem.length)),
          });
        }
      }
    }
    return typos;
  }

  /** Longer forms ("gemeinsam" → "gemeinsamkeit"), shorter forms, Indonesian roots. */
  private otherForms(key: string): Term[] {
    const forms: Term[] = [];
    if (key.length >= SCORING.minShorterForm) {
      forms.push(...this.longerForms(key));
      for (
        let end = key.length - 1;
        end >= Math.max(SCORING.minShorterForm, key.length - SCORING.maxAffix);
        end--
      ) {
        const shorter = this.index.terms.get(key.slice(0, end));
        if (shorter) forms.push(shorter);
      }
    }
    for (const root of indonesianRoots(key)) {
      const term = this.index.terms.get(root);
      if (term) forms.push(term);
    }
    return forms;
  }

  /** A longer form counts only when the start is long and says one thing ("inter…" says nothing). */
  private longerForms(key: string): Term[] {
    if (key.length < SCORING.minLongerFormStart) return [];
    const longer: Term[] = [];
    for (let i = lowerBound(this.sortedStems, key); i < this.sortedStems.length; i++) {
      const stem = this.sortedStems[i] as string;
      if (!stem.startsWith(key)) break;
      if (stem.length - key.length <= SCORING.maxAffix) longer.push(this.index.terms.get(stem) as Term);
    }
    return longer.length <= SCORING.maxLongerForms ? longer : [];
  }
}

function bucketKey(letter: string, length: number): string {
  return `${letter}${length}`;
}

/**
 * Short words have many neighbours ("reset" is one letter from "riset"): a content word
 * is forgiven one typo from a few letters on, two from more; subject words, which every
 * question about us has, earlier.
 */
function allowedEdits(key: string, term: Term): number {
  const lengths = SCORING.typoLength;
  const subject = term.cls !== 'content';
  const wrongLetterOnly = term.stem.length === key.length && !sameLetters(term.stem, key);
  const oneEdit = subject
    ? lengths.subjectOneEdit
    : wrongLetterOnly
      ? lengths.contentOneEdit
      : lengths.contentOneEditNotWrongLetter;
  if (key.length >= (subject ? lengths.subjectTwoEdits : lengths.contentTwoEdits)) return 2;
  return key.length >= oneEdit ? 1 : 0;
}

function sameLetters(a: string, b: string): boolean {
  return [...a].sort().join('') === [...b].sort().join('');
}

/** The first position in a sorted list whose entry is not before `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as string) < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

const INDONESIAN_PREFIXES = [
  'memper',
  'menge',
  'meng',
  'meny',
  'mem',
  'men',
  'ber',
  'per',
  'ter',
  'me',
  'di',
  'ke',
  'pe',
];
const INDONESIAN_SUFFIXES = ['kan', 'an', 'i', 'lah', 'kah', 'nya'];

/**
 * Roots an Indonesian word may be built on ("berkomunikasi" → "komunikasi"): the
 * stemmer leaves loanwords' affixes on where it can't tell them from the root.
 */
function indonesianRoots(word: string): string[] {
  const bases = [
    word,
    ...INDONESIAN_PREFIXES.filter((p) => word.startsWith(p)).map((p) => word.slice(p.length)),
  ];
  const roots = new Set<string>();
  for (const base of bases) {
    if (base !== word && base.length >= SCORING.minApproximateLength) roots.add(base);
    for (const suffix of INDONESIAN_SUFFIXES) {
      const root = base.slice(0, -suffix.length);
      if (base.endsWith(suffix) && root.length >= SCORING.minApproximateLength) roots.add(root);
    }
  }
  return [...roots];
}
