/**
 * The files of data/ the loader reads, in one place: the snapshot's fingerprint covers
 * exactly these, so a file the loader starts reading can't escape it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SOURCES_FILE = 'sources.yml';
export const TOPICS_DIR = 'topics';
export const UI_FILE = join('ui', 'strings.yml');
export const EXAMPLES_DIR = 'examples';

/** The topic files' names, sorted; throws when the folder is missing. */
export function topicFileNames(dataDir: string): string[] {
  return readdirSync(join(dataDir, TOPICS_DIR))
    .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
    .sort();
}

/** The labelled question sets' file names, sorted; none when the folder is missing. */
export function exampleFileNames(dataDir: string): string[] {
  try {
    return readdirSync(join(dataDir, EXAMPLES_DIR))
      .filter((name) => name.endsWith('.jsonl'))
      .sort();
  } catch {
    return [];
  }
}
