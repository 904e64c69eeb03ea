/**
 * A second opinion learned from labelled questions (data/examples/): which topic a question
 * asks, or none, as people who never saw our data word it.
 *
 * The matcher (scoring.ts, decide.ts) reads a question by the topics' own words and the
 * shape rules; it misses questions worded far from both ("what's networking actually for
 * if it's not closing deals?"). Thousands of questions written blind by others teach a
 * model how such wording maps to a topic. It is a logistic regression over the
 * question's stems and pairs of neighbouring stems, trained once when search starts,
 * the same way every time; decide.ts weighs its opinion against the matcher's verdict.
 */
import type { Language } from '../languages.js';
import { isStopword } from '../lexicon.js';
import type { Example } from '../model.js';
import { stemIn } from '../stem.js';
import { SCORING } from './config.js';
import { questionWords } from './question.js';

/** The model's probability for each topic, and for none. */
export interface Opinion {
  /** The likeliest answer (null: no topic) and its probability. */
  best: { topic: string | null; probability: number };
  probabilityOf(topic: string | null): number;
  /** The likeliest three, for `--explain`. */
  top(count: number): { topic: string | null; probability: number }[];
}

export interface LearnedModel {
  opinion(words: readonly string[], language: Language): Opinion;
}

/** What a question's words say to the model: its stems, and each stem with the next. */
export function featuresOf(words: readonly string[], language: Language): string[] {
  const stems = words.filter((word) => !isStopword(word)).map((word) => stemIn(language, word));
  const features = new Set(stems);
  for (let i = 0; i + 1 < stems.length; i++) features.add(`${stems[i]} ${stems[i + 1]}`);
  features.add(BIAS);
  return [...features];
}

/** Present in every question: carries how common each answer is. */
const BIAS = '';

export function trainModel(examples: readonly Example[]): LearnedModel {
  const labels = [...new Set(examples.map((example) => example.topic))];
  const featureIds = new Map<string, number>();
  const idOf = (feature: string) => {
    let id = featureIds.get(feature);
    if (id === undefined) {
      id = featureIds.size;
      featureIds.set(feature, id);
    }
    return id;
  };
  const rows = examples.map((example) =>
    featuresOf(questionWords(example.q), example.lang ?? 'en').map(idOf),
  );
  const answers = examples.map((example) => labels.indexOf(example.topic));
  const weights = fitWeights(rows, answers, labels.length, featureIds.size);
  return {
    opinion(words, language) {
      const row = featuresOf(words, language).flatMap((feature) => featureIds.get(feature) ?? []);
      return opinionFrom(labels, probabilitiesInto(new Float64Array(labels.length), weights, row));
    },
  };
}

/**
 * Softmax regression by stochastic gradient descent with AdaGrad steps and L2 shrinkage,
 * the examples in one seeded shuffled order per pass: the same data gives the same model.
 */
function fitWeights(rows: number[][], answers: number[], labelCount: number, featureCount: number) {
  const { passes, learningRate, shrinkage } = SCORING.learned;
  const weights = new Float64Array(featureCount * labelCount);
  const squaredSteps = new Float64Array(featureCount * labelCount).fill(1e-8);
  const p = new Float64Array(labelCount);
  const order = rows.map((_, i) => i);
  const random = seededRandom(1);
  for (let pass = 0; pass < passes; pass++) {
    shuffle(order, random);
    for (const n of order) {
      const row = rows[n] as number[];
      probabilitiesInto(p, weights, row);
      for (let label = 0; label < labelCount; label++) {
        const error = (p[label] as number) - (label === answers[n] ? 1 : 0);
        for (const feature of row) {
          const k = feature * labelCount + label;
          const step = error + shrinkage * (weights[k] as number);
          squaredSteps[k] = (squaredSteps[k] as number) + step * step;
          weights[k] = (weights[k] as number) - (learningRate * step) / Math.sqrt(squaredSteps[k] as number);
        }
      }
    }
  }
  return weights;
}

/** Softmax of each label's summed feature weights, written into p (one slot per label). */
function probabilitiesInto(p: Float64Array, weights: Float64Array, row: readonly number[]): Float64Array {
  const labelCount = p.length;
  let max = Number.NEGATIVE_INFINITY;
  for (let label = 0; label < labelCount; label++) {
    let sum = 0;
    for (const feature of row) sum += weights[feature * labelCount + label] as number;
    p[label] = sum;
    if (sum > max) max = sum;
  }
  let total = 0;
  for (let label = 0; label < labelCount; label++) {
    p[label] = Math.exp((p[label] as number) - max);
    total += p[label] as number;
  }
  for (let label = 0; label < labelCount; label++) p[label] = (p[label] as number) / total;
  return p;
}

function opinionFrom(labels: readonly (string | null)[], p: Float64Array): Opinion {
  const ranked = labels
    .map((topic, i) => ({ topic, probability: p[i] as number }))
    .sort((a, b) => b.probability - a.probability);
  return {
    best: ranked[0] ?? { topic: null, probability: 1 },
    probabilityOf: (topic) => ranked.find((entry) => entry.topic === topic)?.probability ?? 0,
    top: (count) => ranked.slice(0, count),
  };
}

/** A small linear congruential generator: enough to shuffle, and the same every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
}
