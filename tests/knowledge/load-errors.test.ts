import { spawnSync } from 'node:child_process';
import { appendFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataError, loadKnowledgeBase } from '../../src/knowledge/load.js';
import { copyData as copyDataInto, editYaml } from '../support/data-copy.js';

const ROOT = join(import.meta.dirname, '..', '..');
const tmpDirs: string[] = [];

afterAll(() => {
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

const copyData = () => copyDataInto(tmpDirs);

function loadError(dir: string): DataError {
  try {
    loadKnowledgeBase(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error(`loadKnowledgeBase(${dir}) did not throw`);
}

function validate(dir?: string) {
  return spawnSync('npx', ['tsx', 'src/cli/validate.ts', ...(dir ? [dir] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

interface Breakage {
  name: string;
  break: (dir: string) => void;
  /** Everything the message must name: file, topic, field. */
  expected: string[];
  /** Counted over the whole concept base, so told only when every file loaded. */
  onlyWhenAllElseLoads?: boolean;
}

const breakages: Breakage[] = [
  {
    name: 'a missing translation',
    break: (dir) => editYaml(dir, 'topics/roi.yml', (doc) => doc.deleteIn(['text', 'de', 'summary'])),
    expected: ['roi.yml', 'topic roi', 'text.de.summary'],
  },
  {
    name: 'a title over 80 characters',
    break: (dir) =>
      editYaml(dir, 'topics/business-use.yml', (doc) => doc.setIn(['text', 'fr', 'title'], 'x'.repeat(81))),
    expected: ['business-use.yml', 'topic business-use', 'text.fr.title', '80'],
  },
  {
    name: 'invalid YAML',
    break: (dir) =>
      writeFileSync(
        join(dir, 'topics', 'platforms.yml'),
        'id: platforms\ntext: [unclosed\n  en: {title: "x"\n',
      ),
    // The file name is the topic id; there is no field to name when the file can't be read.
    expected: ['platforms.yml', 'platforms', 'YAML'],
  },
  {
    name: 'an unknown source id',
    break: (dir) => editYaml(dir, 'topics/main-goal.yml', (doc) => doc.setIn(['sources'], ['s999'])),
    expected: ['main-goal.yml', 'topic main-goal', 'sources.0', 's999'],
  },
  {
    name: 'a missing required topic file',
    break: (dir) => unlinkSync(join(dir, 'topics', 'similarities.yml')),
    expected: ['similarities.yml', '"similarities"', 'missing'],
  },
  {
    name: 'a duplicate tip key',
    // target-audience.yml is read after focus.yml, so its tip is the duplicate.
    break: (dir) =>
      editYaml(dir, 'topics/target-audience.yml', (doc) => doc.setIn(['tips', 1, 'key'], 'focus-1')),
    expected: ['target-audience.yml', 'topic target-audience', 'tips.1.key', 'focus-1', 'topic focus'],
  },
  {
    name: 'a side missing for the topic kind',
    break: (dir) =>
      editYaml(dir, 'topics/timely-response.yml', (doc) => doc.deleteIn(['text', 'id', 'media'])),
    expected: ['timely-response.yml', 'topic timely-response', 'text.id.media'],
  },
  {
    name: 'a tip without the article claim it rests on',
    break: (dir) => editYaml(dir, 'topics/roi.yml', (doc) => doc.deleteIn(['tips', 0, 'source'])),
    expected: ['roi.yml', 'topic roi', 'tips.0.source'],
  },
  {
    name: 'a tip resting on an article that is not in sources.yml',
    break: (dir) =>
      editYaml(dir, 'topics/communication-style.yml', (doc) =>
        doc.setIn(['tips', 1, 'source', 'article'], 's099'),
      ),
    expected: ['communication-style.yml', 'topic communication-style', 'tips.1.source.article', 's099'],
  },
  {
    name: 'a quiz item without its article claim',
    break: (dir) => editYaml(dir, 'topics/definition.yml', (doc) => doc.deleteIn(['quiz', 0, 'source'])),
    expected: ['definition.yml', 'topic definition', 'quiz.0.source'],
  },
  {
    name: 'a quiz item missing a language',
    break: (dir) =>
      editYaml(dir, 'topics/definition.yml', (doc) => doc.deleteIn(['quiz', 1, 'prompt', 'fr'])),
    expected: ['definition.yml', 'topic definition', 'quiz.1.prompt.fr'],
  },
  {
    name: 'a tip missing a language',
    break: (dir) => editYaml(dir, 'topics/definition.yml', (doc) => doc.deleteIn(['tips', 0, 'text', 'id'])),
    expected: ['definition.yml', 'topic definition', 'tips.0.text.id'],
  },
  {
    name: 'a topic with fewer than two quiz items',
    break: (dir) =>
      editYaml(dir, 'topics/business-use.yml', (doc) => {
        while (doc.hasIn(['quiz', 1])) doc.deleteIn(['quiz', 1]);
      }),
    expected: ['business-use.yml', 'topic business-use', 'quiz', 'at least 2'],
  },
  {
    name: 'fewer than 52 tips in all',
    break: (dir) => editYaml(dir, 'topics/roi.yml', (doc) => doc.deleteIn(['tips', 3])),
    expected: ['topics', '51 tips in all', 'at least 52'],
    onlyWhenAllElseLoads: true,
  },
  {
    name: 'a French overview without the note on which word means which side',
    break: (dir) => editYaml(dir, 'topics/overview.yml', (doc) => doc.deleteIn(['text', 'fr', 'note'])),
    expected: ['overview.yml', 'topic overview', 'text.fr.note'],
  },
  {
    name: 'a labelled question that is not JSON',
    break: (dir) => appendFileSync(join(dir, 'examples', 'traps.jsonl'), '{"q": "half a line\n'),
    expected: ['traps.jsonl:', 'not a JSON object'],
  },
  {
    name: 'a labelled question with an unknown topic',
    break: (dir) =>
      appendFileSync(
        join(dir, 'examples', 'chores.jsonl'),
        '{"q": "roi?", "topic": "return", "lang": "en"}\n',
      ),
    expected: ['chores.jsonl:', 'topic', 'unknown topic "return"'],
  },
  {
    name: 'a labelled question in an unknown language',
    break: (dir) =>
      appendFileSync(join(dir, 'examples', 'chat.jsonl'), '{"q": "roi?", "topic": "roi", "lang": "es"}\n'),
    expected: ['chat.jsonl:', 'lang'],
  },
  {
    name: 'a missing UI translation',
    break: (dir) => editYaml(dir, 'ui/strings.yml', (doc) => doc.deleteIn(['card.media', 'fr'])),
    expected: ['strings.yml', 'card.media.fr'],
  },
];

describe('loadKnowledgeBase with broken data', () => {
  it('loads an untouched copy of data/', () => {
    const kb = loadKnowledgeBase(copyData());
    expect(kb.topics.length).toBe(13);
  });

  it.each(breakages.map((b) => [b.name, b] as const))(
    'names file, topic and field for %s',
    (_name, breakage) => {
      const dir = copyData();
      breakage.break(dir);
      const error = loadError(dir);
      expect(error.problems.length).toBeGreaterThan(0);
      for (const part of breakage.expected) expect(error.message).toContain(part);
      // The whole thing is on one problem line, not scattered over several.
      const line = error.problems.find((problem) =>
        breakage.expected.every((part) => problem.includes(part)),
      );
      expect(line, error.message).toBeDefined();
    },
  );

  it('reports the problems of every file at once', () => {
    const dir = copyData();
    const together = breakages.filter((breakage) => !breakage.onlyWhenAllElseLoads);
    for (const breakage of together) breakage.break(dir);
    const error = loadError(dir);
    for (const breakage of together) {
      for (const part of breakage.expected) expect(error.message).toContain(part);
    }
  });
});

describe('validate command', () => {
  it('accepts the real data with exit code 0', () => {
    const result = validate();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('data OK');
    // Editors check the counts per language: at least 52 tips and 26 quiz items in each.
    for (const kind of ['tips', 'quiz items']) {
      const line = result.stdout.split('\n').find((l) => l.startsWith(`${kind} per language:`)) ?? '';
      const counts = [...line.matchAll(/\b(en|id|de|fr) (\d+)/g)].map((m) => [m[1], Number(m[2])]);
      expect(
        counts.map(([language]) => language),
        line,
      ).toEqual(['en', 'id', 'de', 'fr']);
      for (const [, count] of counts) expect(count).toBeGreaterThanOrEqual(kind === 'tips' ? 52 : 26);
    }
  });

  it('accepts the data dir as its first argument', () => {
    const result = validate(copyData());
    expect(result.status, result.stderr).toBe(0);
  });

  it.each(breakages.map((b) => [b.name, b] as const))(
    'exits 1 with the problem line and no stack trace for %s',
    (_name, breakage) => {
      const dir = copyData();
      breakage.break(dir);
      const result = validate(dir);
      expect(result.status).toBe(1);
      const line = result.stderr.split('\n').find((l) => breakage.expected.every((part) => l.includes(part)));
      expect(line, result.stderr).toBeDefined();
      expect(result.stderr).not.toContain('    at ');
      expect(result.stdout).not.toContain('data OK');
    },
  );
});
