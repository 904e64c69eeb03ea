/**
 * The build's snapshot of the concept base (src/knowledge/snapshot.ts): a snapshot of data/
 * loads back the same as the YAML, is really used while data/ is unchanged, is ignored once
 * any data file changes (so broken data still throws DataError), falls back to the YAML when
 * missing or unusable, is never read with `{ snapshot: false }`, and is written atomically.
 * DEFAULT_SNAPSHOT_FILE is pointed at a temp file, so the default path can be tested without
 * writing the real one.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../src/core/answer.js';
import {
  DataError,
  DEFAULT_DATA_DIR,
  type KnowledgeBase,
  loadKnowledgeBase,
} from '../../src/knowledge/load.js';
import {
  DEFAULT_SNAPSHOT_FILE,
  dataFingerprint,
  readSnapshot,
  writeSnapshot,
} from '../../src/knowledge/snapshot.js';
import { copyData as copyDataInto, editYaml } from '../support/data-copy.js';

vi.mock('../../src/knowledge/snapshot.js', async (importOriginal) => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'socialvs-default-snapshot-'));
  return {
    ...(await importOriginal<typeof import('../../src/knowledge/snapshot.js')>()),
    DEFAULT_SNAPSHOT_FILE: path.join(dir, 'knowledge.snapshot.json'),
  };
});

const tmpDirs: string[] = [dirname(DEFAULT_SNAPSHOT_FILE)];

afterAll(() => {
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
}

const copyData = () => copyDataInto(tmpDirs);

/** A path for a snapshot file in a temp dir of its own (the file itself not yet written). */
function snapshotPath(): string {
  return join(tempDir('socialvs-snapshot-'), 'knowledge.snapshot.json');
}

/** Checks data/ from its YAML and writes its snapshot to a new temp file; returns that file. */
function snapshotOf(dataDir: string): string {
  const file = snapshotPath();
  const fingerprint = dataFingerprint(dataDir);
  writeSnapshot(loadKnowledgeBase(dataDir, { snapshot: false }), fingerprint, file);
  return file;
}

type SnapshotJson = {
  format: number;
  fingerprint: string;
  topics: Array<{ id: string; text: { en: { title: string } } }>;
};

/** Edits a written snapshot file by hand, the way nothing but a test would. */
function editSnapshot(file: string, edit: (json: SnapshotJson) => void): void {
  const json = JSON.parse(readFileSync(file, 'utf8')) as SnapshotJson;
  edit(json);
  writeFileSync(file, JSON.stringify(json));
}

/** Changes the English title of topic `id` in a snapshot file. */
function retitleInSnapshot(file: string, id: string, title: string): void {
  editSnapshot(file, (json) => {
    const topic = json.topics.find((t) => t.id === id);
    if (!topic) throw new Error(`topic ${id} not in the snapshot`);
    topic.text.en.title = title;
  });
}

const title = (kb: KnowledgeBase, id: string): string | undefined => kb.byId.get(id)?.text.en.title;

/** Same content as `expected`, and byId / tips wired to the topics the way the loader wires them. */
function expectSameKnowledge(actual: KnowledgeBase, expected: KnowledgeBase): void {
  expect(actual.topics).toStrictEqual(expected.topics);
  expect(actual.tips).toStrictEqual(expected.tips);
  expect(actual.ui).toStrictEqual(expected.ui);
  expect(actual.examples).toStrictEqual(expected.examples);
  expect(actual.byId).toBeInstanceOf(Map);
  expect([...actual.byId.keys()]).toEqual([...expected.byId.keys()]);
  expect([...actual.byId.values()]).toStrictEqual([...expected.byId.values()]);
  for (const topic of actual.topics) expect(actual.byId.get(topic.id)).toBe(topic);
  expect(actual.tips.length).toBeGreaterThan(0);
  for (const tip of actual.tips) expect(actual.byId.get(tip.topicId)?.tips).toContain(tip);
}

function loadError(dataDir: string, snapshot: string): DataError {
  try {
    loadKnowledgeBase(dataDir, { snapshot });
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error(`loadKnowledgeBase(${dataDir}) did not throw`);
}

const fromYaml = loadKnowledgeBase(DEFAULT_DATA_DIR, { snapshot: false });
const MARKER = 'Edited in the snapshot only';

describe('the knowledge snapshot', () => {
  it('loads a snapshot of the real data/ back with the same content as the YAML', () => {
    const file = snapshotOf(DEFAULT_DATA_DIR);
    expect(readSnapshot(DEFAULT_DATA_DIR, file), 'the snapshot is fresh for data/').toBeDefined();

    const kb = loadKnowledgeBase(DEFAULT_DATA_DIR, { snapshot: file });
    expect(kb.topics).toHaveLength(13);
    expectSameKnowledge(kb, fromYaml);
  });

  it('is data only, and search over it answers exactly as search over the YAML', () => {
    const file = snapshotOf(DEFAULT_DATA_DIR);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8'))).sort()).toEqual([
      'examples',
      'fingerprint',
      'format',
      'topics',
      'ui',
    ]);
    const fromSnapshot = loadKnowledgeBase(DEFAULT_DATA_DIR, { snapshot: file });
    const before = JSON.stringify(fromSnapshot.topics);
    const viaSnapshot = createCore(fromSnapshot);
    const derived = createCore(fromYaml);
    const questions = fromYaml.examples.filter((example) => example.set === 'heldout').map(({ q }) => q);
    expect(questions.length).toBeGreaterThan(100);
    for (const question of [...questions, 'socail medai vs netwrok?', 'berkomunikasi', '']) {
      expect(viaSnapshot.index.search(question), question).toStrictEqual(derived.index.search(question));
    }
    // createCore takes nothing away from the knowledge base it is given.
    expect(JSON.stringify(viaSnapshot.kb.topics)).toBe(before);
    expect(viaSnapshot.kb).toBe(fromSnapshot);
  });

  it('is what gets loaded while the data files are unchanged', () => {
    const dir = copyData();
    const file = snapshotOf(dir);
    const yamlTitle = title(fromYaml, 'focus');
    retitleInSnapshot(file, 'focus', MARKER);

    const kb = loadKnowledgeBase(dir, { snapshot: file });
    expect(title(kb, 'focus')).toBe(MARKER);
    // The edited topic is the same object in topics and byId, and the data files are untouched.
    expect(kb.topics.find((topic) => topic.id === 'focus')?.text.en.title).toBe(MARKER);
    expect(title(loadKnowledgeBase(dir, { snapshot: false }), 'focus')).toBe(yamlTitle);
  });

  it('is ignored once a data file is edited, and the new YAML is loaded', () => {
    const dir = copyData();
    const file = snapshotOf(dir);
    retitleInSnapshot(file, 'roi', MARKER);
    editYaml(dir, 'topics/focus.yml', (doc) => doc.setIn(['text', 'en', 'title'], 'A new focus title'));

    expect(readSnapshot(dir, file)).toBeUndefined();
    const kb = loadKnowledgeBase(dir, { snapshot: file });
    expect(title(kb, 'focus')).toBe('A new focus title');
    expect(title(kb, 'roi')).toBe(title(fromYaml, 'roi'));
  });

  it('is ignored when a data file was saved while the build was loading it', () => {
    const dir = copyData();
    const file = snapshotPath();
    // The build takes the fingerprint first, then loads: an edit in between...
    const fingerprint = dataFingerprint(dir);
    const kb = loadKnowledgeBase(dir, { snapshot: false });
    editYaml(dir, 'topics/focus.yml', (doc) => doc.setIn(['text', 'en', 'title'], 'Saved during the build'));
    writeSnapshot(kb, fingerprint, file);
    // ...leaves a copy of the old content that is never taken for the new.
    expect(readSnapshot(dir, file)).toBeUndefined();
    expect(title(loadKnowledgeBase(dir, { snapshot: file }), 'focus')).toBe('Saved during the build');
  });

  it('is ignored once a topic file is added, and the new topic is loaded', () => {
    const dir = copyData();
    const file = snapshotOf(dir);
    cpSync(join(dir, 'topics', 'focus.yml'), join(dir, 'topics', 'extra-topic.yml'));
    editYaml(dir, 'topics/extra-topic.yml', (doc) => {
      doc.setIn(['id'], 'extra-topic');
      doc.setIn(['order'], 999);
      doc.setIn(['text', 'en', 'title'], 'An extra topic');
      for (let i = 0; doc.hasIn(['tips', i]); i++) doc.setIn(['tips', i, 'key'], `extra-topic-${i + 1}`);
      for (let i = 0; doc.hasIn(['quiz', i]); i++) doc.setIn(['quiz', i, 'key'], `extra-topic-quiz-${i + 1}`);
    });

    expect(readSnapshot(dir, file)).toBeUndefined();
    const kb = loadKnowledgeBase(dir, { snapshot: file });
    expect(kb.topics).toHaveLength(fromYaml.topics.length + 1);
    expect(title(kb, 'extra-topic')).toBe('An extra topic');
    expect(kb.topics.at(-1)?.id).toBe('extra-topic');
  });

  it.each([
    {
      name: 'invalid YAML',
      file: 'platforms.yml',
      break: (dir: string) =>
        writeFileSync(
          join(dir, 'topics', 'platforms.yml'),
          'id: platforms\ntext: [unclosed\n  en: {title: "x"\n',
        ),
      expected: ['platforms.yml', 'YAML'],
    },
    {
      name: 'a title over 80 characters',
      file: 'business-use.yml',
      break: (dir: string) =>
        editYaml(dir, 'topics/business-use.yml', (doc) => doc.setIn(['text', 'fr', 'title'], 'x'.repeat(81))),
      expected: ['business-use.yml', 'topic business-use', 'text.fr.title'],
    },
    {
      name: 'a deleted required topic file',
      file: 'similarities.yml',
      break: (dir: string) => unlinkSync(join(dir, 'topics', 'similarities.yml')),
      expected: ['similarities.yml', '"similarities"', 'missing'],
    },
  ])('never hides broken data: $name beside a snapshot throws DataError naming the file', (breakage) => {
    const dir = copyData();
    const file = snapshotOf(dir);
    breakage.break(dir);

    const error = loadError(dir, file);
    const line = error.problems.find((problem) => breakage.expected.every((part) => problem.includes(part)));
    expect(line, error.message).toBeDefined();
    expect(error.message).toContain(breakage.file);
  });

  it.each([
    { name: 'a missing snapshot file', make: (file: string) => unlinkSync(file) },
    { name: 'a snapshot that is not JSON', make: (file: string) => writeFileSync(file, 'not json {') },
    {
      name: 'a truncated snapshot',
      make: (file: string) => {
        const text = readFileSync(file, 'utf8');
        writeFileSync(file, text.slice(0, text.length / 2));
      },
    },
    { name: 'an empty snapshot file', make: (file: string) => writeFileSync(file, '') },
    { name: 'a snapshot of JSON null', make: (file: string) => writeFileSync(file, 'null') },
    {
      name: 'a snapshot with another format number',
      make: (file: string) =>
        editSnapshot(file, (json) => {
          json.format += 1;
        }),
    },
    {
      name: 'a snapshot with another fingerprint',
      make: (file: string) =>
        editSnapshot(file, (json) => {
          json.fingerprint = '0'.repeat(64);
        }),
    },
    {
      name: 'a snapshot without its topics (right format and fingerprint)',
      make: (file: string) =>
        editSnapshot(file, (json) => {
          (json as Partial<SnapshotJson>).topics = undefined;
        }),
    },
    {
      name: 'a snapshot with no topics at all',
      make: (file: string) =>
        editSnapshot(file, (json) => {
          json.topics = [];
        }),
    },
    {
      name: 'a folder where the snapshot should be',
      make: (file: string) => {
        unlinkSync(file);
        mkdirSync(file);
      },
    },
  ])('falls back to the YAML silently for $name', ({ make }) => {
    const dir = copyData();
    const file = snapshotOf(dir);
    // A snapshot that were read after all would show this title.
    retitleInSnapshot(file, 'focus', MARKER);
    make(file);

    expect(readSnapshot(dir, file)).toBeUndefined();
    const kb = loadKnowledgeBase(dir, { snapshot: file });
    expect(title(kb, 'focus')).not.toBe(MARKER);
    expectSameKnowledge(kb, fromYaml);
  });

  it('never reads even a fresh snapshot with { snapshot: false }', () => {
    const dir = copyData();
    const file = snapshotOf(dir);
    retitleInSnapshot(file, 'focus', MARKER);
    expect(title(loadKnowledgeBase(dir, { snapshot: file }), 'focus')).toBe(MARKER);

    const kb = loadKnowledgeBase(dir, { snapshot: false });
    expect(title(kb, 'focus')).toBe(title(fromYaml, 'focus'));
    expectSameKnowledge(kb, fromYaml);
  });

  it('reads DEFAULT_SNAPSHOT_FILE without options, but not with { snapshot: false }', () => {
    expect(DEFAULT_SNAPSHOT_FILE.startsWith(tmpdir()), DEFAULT_SNAPSHOT_FILE).toBe(true);
    const dir = copyData();
    writeSnapshot(loadKnowledgeBase(dir, { snapshot: false }), dataFingerprint(dir), DEFAULT_SNAPSHOT_FILE);
    retitleInSnapshot(DEFAULT_SNAPSHOT_FILE, 'focus', MARKER);
    try {
      expect(title(loadKnowledgeBase(dir), 'focus')).toBe(MARKER);
      expect(title(loadKnowledgeBase(dir, { snapshot: false }), 'focus')).toBe(title(fromYaml, 'focus'));
    } finally {
      rmSync(DEFAULT_SNAPSHOT_FILE, { force: true });
    }
  });

  it('writeSnapshot writes valid JSON for the data, creating its folder, and leaves no .tmp file', () => {
    const dir = copyData();
    const folder = join(tempDir('socialvs-snapshot-'), 'nested', 'dist');
    const file = join(folder, 'knowledge.snapshot.json');
    const kb = loadKnowledgeBase(dir, { snapshot: false });

    writeSnapshot(kb, dataFingerprint(dir), file);
    // Overwriting an existing snapshot goes the same way.
    writeSnapshot(kb, dataFingerprint(dir), file);

    expect(readdirSync(folder)).toEqual(['knowledge.snapshot.json']);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const json = JSON.parse(readFileSync(file, 'utf8')) as SnapshotJson;
    expect(json.format).toBe(5);
    expect(json.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(json.fingerprint).toBe(dataFingerprint(dir));
    expect(json.fingerprint).toBe(dataFingerprint(DEFAULT_DATA_DIR));
    expect(json.topics.map((topic) => topic.id)).toEqual(fromYaml.topics.map((topic) => topic.id));
  });
});
