/**
 * Run by `npm run build` after compiling: checks data/ and writes the snapshot the
 * compiled bot starts from (dist/knowledge.snapshot.json; see knowledge/snapshot.ts).
 * Broken data fails the build, with every problem listed.
 */
import { DataError, DEFAULT_DATA_DIR, loadKnowledgeBase } from '../knowledge/load.js';
import {
  DEFAULT_SNAPSHOT_FILE,
  dataFingerprint,
  removeSnapshot,
  writeSnapshot,
} from '../knowledge/snapshot.js';

try {
  // The old copy goes first: if the check below fails (new code asking more of the data),
  // the compiled bot must read and check the YAML itself, not start from the old copy.
  removeSnapshot(DEFAULT_SNAPSHOT_FILE);
  const fingerprint = dataFingerprint(DEFAULT_DATA_DIR);
  const kb = loadKnowledgeBase(DEFAULT_DATA_DIR, { snapshot: false });
  writeSnapshot(kb, fingerprint, DEFAULT_SNAPSHOT_FILE);
  process.stdout.write(
    `snapshot of data/ (${kb.topics.length} topics) written to ${DEFAULT_SNAPSHOT_FILE}\n`,
  );
} catch (error) {
  process.stderr.write(
    `${error instanceof DataError ? error.message : `snapshot failed: ${String(error)}`}\n`,
  );
  process.exitCode = 1;
}
