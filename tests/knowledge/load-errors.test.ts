import { spawnSync } from 'node:child_process';
import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
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
    for (const breakage of breakages) breakage.break(dir);
    const error = loadError(dir);
    for (const breakage of breakages) {
      for (const part of breakage.expected) expect(error.message).toContain(part);
    }
  });
});

describe('validate command', () => {
  it('accepts the real data with exit code 0', () => {
    const result = validate();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('data OK');
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
