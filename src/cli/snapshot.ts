/**
 * Run by `npm run build` after compiling: checks data/ and writes the snapshot the
 * compiled bot starts from (dist/knowledge.snapshot.json; see knowledge/snapshot.ts).
 * Broken data fails the build, with every problem listed.
 */
import { DataError, DEFAULT_DATA_DIR, loadKnowledgeBase } from '../knowledge/load.js';
import { DEFAULT_SNAPSHOT_FILE, writeSnapshot } from '../knowledge/snapshot.js';

try {
  const kb = loadKnowledgeBase(DEFAULT_DATA_DIR, { snapshot: false });
  writeSnapshot(kb, DEFAULT_DATA_DIR, DEFAULT_SNAPSHOT_FILE);
  process.stdout.write(
    `snapshot of data/ (${kb.topics.length} topics) written to ${DEFAULT_SNAPSHOT_FILE}\n`,
  );
} catch (error) {
  process.stderr.write(
    `${error instanceof DataError ? error.message : `snapshot failed: ${String(error)}`}\n`,
  );
  process.exitCode = 1;
}
