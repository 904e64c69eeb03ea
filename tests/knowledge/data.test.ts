import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/knowledge/languages.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { REQUIRED_TOPIC_IDS } from '../../src/knowledge/schema.js';
import { UI_KEYS } from '../../src/knowledge/ui-strings.js';

const kb = loadKnowledgeBase();

// Spelled out here on purpose: dropping an id from REQUIRED_TOPIC_IDS must not make this pass.
const EXPECTED_TOPIC_IDS = [
  'overview',
  'definition',
  'focus',
  'main-goal',
  'communication-style',
  'target-audience',
  'timely-response',
  'roi',
  'ask-or-tell',
  'business-use',
  'platforms',
  'similarities',
  'marketer-takeaway',
];

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

/** Every text of the concept base that a card can show, with where it is. */
function allTexts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const topic of kb.topics) {
    for (const language of LANGUAGES) {
      const text = topic.text[language];
      const where = `${topic.id} text.${language}`;
      out.push([`${where}.title`, text.title], [`${where}.summary`, text.summary]);
      for (const field of ['networking', 'media', 'both'] as const) {
        const value = text[field];
        if (value !== undefined) out.push([`${where}.${field}`, value]);
      }
      text.aliases.forEach((alias, i) => {
        out.push([`${where}.aliases.${i}`, alias]);
      });
      text.questions.forEach((question, i) => {
        out.push([`${where}.questions.${i}`, question]);
      });
    }
    for (const tip of topic.tips) {
      for (const language of LANGUAGES) out.push([`tip ${tip.key}.${language}`, tip.text[language]]);
    }
  }
  for (const key of UI_KEYS) {
    for (const language of LANGUAGES) out.push([`ui ${key}.${language}`, kb.ui[key][language]]);
  }
  return out;
}

describe('the concept base in data/', () => {
  it('loads with loadKnowledgeBase()', () => {
    expect(kb.topics.length).toBeGreaterThanOrEqual(EXPECTED_TOPIC_IDS.length);
    expect(kb.byId.size).toBe(kb.topics.length);
  });

  it('has all 13 required topics', () => {
    expect(EXPECTED_TOPIC_IDS).toHaveLength(13);
    expect([...REQUIRED_TOPIC_IDS].sort()).toEqual([...EXPECTED_TOPIC_IDS].sort());
    const missing = EXPECTED_TOPIC_IDS.filter((id) => !kb.byId.has(id));
    expect(missing, `missing topics: ${missing.join(', ')}`).toEqual([]);
  });

  it('keeps topics sorted by a unique order', () => {
    const orders = kb.topics.map((topic) => topic.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(new Set(orders).size).toBe(orders.length);
  });

  it.each(kb.topics.map((topic) => [topic.id, topic] as const))(
    'topic %s has every language with title, summary and the sides its kind needs',
    (_id, topic) => {
      expect(topic.sources.length).toBeGreaterThan(0);
      for (const language of LANGUAGES) {
        const text = topic.text[language];
        expect(text, `${topic.id}: text.${language}`).toBeDefined();
        expect(text.title.trim(), `${topic.id}: text.${language}.title`).not.toBe('');
        expect(text.summary.trim(), `${topic.id}: text.${language}.summary`).not.toBe('');
        const sides = topic.kind === 'similarity' ? (['both'] as const) : (['networking', 'media'] as const);
        for (const side of sides) {
          expect(text[side]?.trim() ?? '', `${topic.id}: text.${language}.${side}`).not.toBe('');
        }
      }
    },
  );

  it('has every tip in all four languages', () => {
    expect(kb.tips.length).toBeGreaterThan(0);
    for (const tip of kb.tips) {
      for (const language of LANGUAGES) {
        expect(tip.text[language]?.trim() ?? '', `tip ${tip.key}.${language}`).not.toBe('');
      }
    }
  });

  it('has unique tip keys', () => {
    const keys = kb.tips.map((tip) => tip.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has at least 3 tips for every difference and similarity topic', () => {
    const short = kb.topics
      .filter((topic) => topic.kind === 'difference' || topic.kind === 'similarity')
      .filter((topic) => topic.tips.length < 3)
      .map((topic) => `${topic.id} (${topic.tips.length})`);
    expect(short).toEqual([]);
  });

  it('has every UI key in all four languages', () => {
    for (const key of UI_KEYS) {
      expect(kb.ui[key], `ui ${key}`).toBeDefined();
      for (const language of LANGUAGES) {
        expect(kb.ui[key][language]?.trim() ?? '', `ui ${key}.${language}`).not.toBe('');
      }
    }
  });

  it('keeps every {placeholder} of an English UI string in its translations', () => {
    const dropped: string[] = [];
    for (const key of UI_KEYS) {
      const needed = placeholders(kb.ui[key].en);
      for (const language of LANGUAGES) {
        const present = new Set(placeholders(kb.ui[key][language]));
        for (const name of needed) if (!present.has(name)) dropped.push(`${key}.${language}: {${name}}`);
      }
    }
    expect(dropped).toEqual([]);
  });

  it('never contains <, > or & in any text (they would form Slack markup)', () => {
    const bad = allTexts()
      .filter(([, text]) => /[<>&]/.test(text))
      .map(([where]) => where);
    expect(bad).toEqual([]);
  });
});

// The labelled questions search learns from (data/examples/): their own checks, as the
// topics have theirs. Their accuracy is in question-sets.test.ts.
describe('the labelled questions in data/examples/', () => {
  const normal = (question: string) => question.toLowerCase().split(/\s+/).join(' ');

  it('teach every topic, and no topic, in every language', () => {
    for (const topic of [...EXPECTED_TOPIC_IDS, null]) {
      for (const language of LANGUAGES) {
        const count = kb.examples.filter((e) => e.topic === topic && e.lang === language).length;
        expect(count, `${topic ?? 'no topic'} in ${language}`).toBeGreaterThanOrEqual(50);
      }
    }
  });

  it('hold no question twice within a set', () => {
    const seen = new Set<string>();
    const twice = kb.examples.filter((e) => {
      const key = `${e.set}\n${normal(e.q)}`;
      const repeated = seen.has(key);
      seen.add(key);
      return repeated;
    });
    expect(twice.map((e) => `${e.set}: ${e.q}`)).toEqual([]);
  });

  it('label a question the same way wherever two sets both have it', () => {
    const labels = new Map<string, string | null>();
    const conflicts = kb.examples.filter((e) => {
      const key = normal(e.q);
      const before = labels.get(key);
      labels.set(key, e.topic);
      return before !== undefined && before !== e.topic;
    });
    expect(conflicts.map((e) => `${e.set}: ${e.q}`)).toEqual([]);
  });

  it('carry no Slack markup that could ping anyone', () => {
    const pinging = kb.examples.filter((e) =>
      /<!(channel|here|everyone)|@(channel|here|everyone)\b/.test(e.q),
    );
    expect(pinging.map((e) => `${e.set}: ${e.q}`)).toEqual([]);
  });
});
