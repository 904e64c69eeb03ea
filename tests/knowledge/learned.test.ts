/**
 * The model search learns from labelled questions (src/knowledge/search/learned.ts): on a
 * few examples of our own, that it learns which words ask which topic, says "none" for
 * chores, learns the same model from the same examples every time, and overrules the
 * matcher only as decide.ts says.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import type { Example } from '../../src/knowledge/model.js';
import { featuresOf, trainModel } from '../../src/knowledge/search/learned.js';
import { readQuestion } from '../../src/knowledge/search/question.js';
import { buildSearchIndex } from '../../src/knowledge/search.js';

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

// How search weighs the model against the matcher (decide.ts), through the same search a
// question takes: the real topics, and a handful of examples that teach the model one thing.
describe('search with a learned model beside the matcher', () => {
  const kb = loadKnowledgeBase(undefined, { snapshot: false });
  const teach = (examples: Example[]) => buildSearchIndex({ topics: kb.topics, examples });
  const matcherAlone = buildSearchIndex({ topics: kb.topics });
  const OVERVIEW_EXAMPLES = [
    example('social networking vs social media difference', 'overview'),
    example('difference between networking and social media', 'overview'),
    example('what is the difference between the two', 'overview'),
  ];

  it('refuses a chore the matcher would answer, when the model is sure it is none', () => {
    const question = 'can someone book a photographer for the networking evening';
    expect(matcherAlone.search(question).topic).not.toBeNull();
    const search = teach([
      example('book a photographer for the team photo', null),
      example('who books the photographer for the gala', null),
      example('need a photographer for the evening event', null),
      example('what is networking for if not for closing deals', 'main-goal'),
      ...OVERVIEW_EXAMPLES,
    ]);
    expect(search.search(question)).toMatchObject({ topic: null, reason: 'off-topic' });
  });

  it('answers a question the matcher refused, when the model is sure of its topic', () => {
    const question = 'beyond closing deals, what is networking good for?';
    expect(matcherAlone.search(question).topic).toBeNull();
    const search = teach([
      example('what is networking for if not for closing deals', 'main-goal'),
      example('networking is for keeping relationships, not closing deals?', 'main-goal'),
      example('is social media only there for closing deals', 'main-goal'),
      example('book a photographer for the team photo', null),
      ...OVERVIEW_EXAMPLES,
    ]);
    const result = search.search(question);
    expect(result).toMatchObject({ topic: 'main-goal', reason: 'topic' });
    expect(result.score).toBeLessThan(0.2);
  });

  it('never lets its overview replace the topic the matcher found, nor refuses the matcher’s overview', () => {
    const search = teach([
      ...OVERVIEW_EXAMPLES,
      example('our manager wants the tiktok login', null),
      example('manager asks who posts on tiktok today', null),
      example('tiktok manager role still open?', null),
      example('what is networking for if not for closing deals', 'main-goal'),
    ]);
    expect(
      search.search('What is the ROI difference between social media and social networking?').topic,
    ).toBe('roi');
    const sameness = "my manager calls our TikTok 'networking' — is it all one thing?";
    expect(matcherAlone.search(sameness).topic).toBe('overview');
    expect(search.search(sameness).topic).toBe('overview');
  });

  it('says in --explain what the model thought and when it overruled the matcher', () => {
    const search = teach([
      example('book a photographer for the team photo', null),
      example('who books the photographer for the gala', null),
      example('need a photographer for the evening event', null),
      ...OVERVIEW_EXAMPLES,
    ]);
    const trace: string[] = [];
    search.search('can someone book a photographer for the networking evening', trace);
    expect(trace.find((line) => line.startsWith('learned: none'))).toContain('(overrules the matcher)');
  });
});
