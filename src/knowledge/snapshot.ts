/**
 * A JSON copy of the validated concept base, written by `npm run build` beside the
 * built bot (dist/knowledge.snapshot.json). Parsing the YAML and checking it with zod
 * were most of the bot's own start-up time; the copy skips both, and is used only while data/ holds exactly
 * the bytes it was made from. Any edit to a data file makes it stale, and the bot then
 * reads and checks the YAML as before (a broken file still stops the start with every
 * problem listed). The build writes it with the same code that reads it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  EXAMPLES_DIR,
  exampleFileNames,
  SOURCES_FILE,
  TOPICS_DIR,
  topicFileNames,
  UI_FILE,
} from './data-files.js';
import type { Example, KnowledgeBase, Topic } from './model.js';
import type { UiStrings } from './ui-strings.js';

/** Bumped whenever the shape of KnowledgeBase changes, so an old copy is never read as a new one. */
const FORMAT = 5;

export const SNAPSHOT_FILE_NAME = 'knowledge.snapshot.json';

/**
 * Beside the code that reads it: dist/knowledge.snapshot.json for the built bot (one file,
 * dist/app.js, where every module's import.meta.url is the bundle's); under src/knowledge/
 * for the sources run with tsx, where no build writes one.
 */
export const DEFAULT_SNAPSHOT_FILE = join(dirname(fileURLToPath(import.meta.url)), SNAPSHOT_FILE_NAME);

interface SnapshotFile {
  format: number;
  fingerprint: string;
  topics: Topic[];
  ui: UiStrings;
  examples: Example[];
}

/** The files the loader reads, in the order it reads them, relative to the data folder. */
function dataFiles(dataDir: string): string[] {
  return [
    SOURCES_FILE,
    ...topicFileNames(dataDir).map((name) => join(TOPICS_DIR, name)),
    UI_FILE,
    ...exampleFileNames(dataDir).map((name) => join(EXAMPLES_DIR, name)),
  ];
}

/** A hash of every data file's name and bytes. Throws when a file can't be read. */
export function dataFingerprint(dataDir: string): string {
  const hash = createHash('sha256');
  for (const name of dataFiles(dataDir)) {
    hash
      .update(name)
      .update('\0')
      .update(readFileSync(join(dataDir, name)))
      .update('\0');
  }
  return hash.digest('hex');
}

/**
 * Writes the copy of a knowledge base loaded (and checked) from `dataDir`. `fingerprint`
 * must be taken before loading: were a file saved meanwhile, the copy then carries the
 * old fingerprint and is never used, instead of passing old content off as new.
 */
export function writeSnapshot(
  kb: KnowledgeBase,
  fingerprint: string,
  file: string = DEFAULT_SNAPSHOT_FILE,
): void {
  const snapshot: SnapshotFile = {
    format: FORMAT,
    fingerprint,
    topics: kb.topics,
    ui: kb.ui,
    examples: kb.examples,
  };
  mkdirSync(dirname(file), { recursive: true });
  // Written whole, then renamed: a bot starting meanwhile sees the old copy or the new one.
  const partial = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(partial, JSON.stringify(snapshot));
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** The knowledge base from the copy, or undefined when there is none, it is unreadable, or data/ changed since. */
export function readSnapshot(
  dataDir: string,
  file: string = DEFAULT_SNAPSHOT_FILE,
): KnowledgeBase | undefined {
  try {
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Partial<SnapshotFile> | null;
    if (snapshot?.format !== FORMAT || snapshot.fingerprint !== dataFingerprint(dataDir)) return undefined;
    const { topics, ui, examples } = snapshot;
    if (!Array.isArray(topics) || topics.length === 0 || !ui || typeof ui !== 'object') return undefined;
    if (!Array.isArray(examples)) return undefined;
    return {
      topics,
      byId: new Map(topics.map((topic) => [topic.id, topic])),
      tips: topics.flatMap((topic) => topic.tips),
      quiz: topics.flatMap((topic) => topic.quiz),
      ui,
      examples,
    };
  } catch {
    // Unreadable or not ours: the YAML decides.
    return undefined;
  }
}
