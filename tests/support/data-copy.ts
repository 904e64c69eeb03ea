/** Copies of data/ in temporary folders, for tests that change or break a file. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { DEFAULT_DATA_DIR } from '../../src/knowledge/load.js';

/** A fresh copy of data/; its folder is added to `created`, for the test file to remove. */
export function copyData(created: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'socialvs-data-'));
  created.push(dir);
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}

/** Edits one YAML file of a data copy, keeping everything else as it is. */
export function editYaml(
  dir: string,
  file: string,
  edit: (doc: ReturnType<typeof parseDocument>) => void,
): void {
  const path = join(dir, file);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  edit(doc);
  writeFileSync(path, doc.toString());
}
