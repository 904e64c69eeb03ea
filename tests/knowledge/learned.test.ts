/**
 * The model search learns from labelled questions (src/knowledge/search/learned.ts): on a
 * few examples of our own, that it learns which words ask which topic, says "none" for
 * chores, and learns the same model from the same examples every time.
 */
import { describe, expect, it } from 'vitest';
import type { Example } from '../../src/knowledge/model.js';
import { featuresOf, trainModel } from '../../src/knowledge/search/learned.js';
import { readQuestion } from '../../src/knowledge/search/question.js';

const example = (q: string, topic: string | null): Example => ({ q, topic, lang: 'en', set: 'toy' });
const EXAMPLES: Example[] = [
  example('how fast do people answer on social media', 'timely-response'),
  example('how quickly does a contact reply compared to followers', 'timely-response'),
  example('is waiting for followers a marathon', 'timely-response'),
  example('who is our audience on social media', 'target-audience'),
  example('broad crowd or chosen people, who do we reach', 'target-audience'),
  example('audience of networking vs media', 'target-audience'),
  example('can someone schedule the post for friday', null),
  example('who has the password for the company page', null),
  example('book a room for the networking lunch', null),
];

const opinion = (model: ReturnType<typeof trainModel>, question: string) =>
  model.opinion(readQuestion(question).words, 'en').best;

describe('the learned model', () => {
  const model = trainModel(EXAMPLES);

  it('names the topic whose examples share the question’s words', () => {
    expect(opinion(model, 'how fast will a contact answer?').topic).toBe('timely-response');
    expect(opinion(model, 'which audience, broad or chosen?').topic).toBe('target-audience');
  });

  it('says no topic for a chore like the ones it learned as none', () => {
    expect(opinion(model, 'who has the password for instagram').topic).toBeNull();
  });

  it('learns the same model from the same examples, whatever the run', () => {
    const again = trainModel(EXAMPLES);
    for (const question of ['how fast', 'audience', 'schedule the post', 'gibberish qwxz']) {
      expect(again.opinion(readQuestion(question).words, 'en').top(14)).toEqual(
        model.opinion(readQuestion(question).words, 'en').top(14),
      );
    }
  });

  it('gives every label it learned a probability, adding up to one', () => {
    const top = model.opinion(readQuestion('qwxz zzyq').words, 'en').top(14);
    expect(top.reduce((sum, entry) => sum + entry.probability, 0)).toBeCloseTo(1, 9);
    expect(top.map((entry) => entry.topic).sort()).toEqual(
      ['target-audience', 'timely-response', null].sort(),
    );
  });

  it('reads stems and neighbouring pairs, not grammar words', () => {
    const features = featuresOf(readQuestion('what is the target audience').words, 'en');
    expect(features).toContain('target');
    expect(features).toContain('target audienc');
    expect(features).not.toContain('the');
  });
});
