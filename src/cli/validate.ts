/**
 * `npm run validate`: checks data/ the way the bot does at start, and reports every
 * problem with its file, topic and field. Exit code 1 when anything is wrong.
 */
import { LANGUAGES } from '../knowledge/languages.js';
import { DataError, DEFAULT_DATA_DIR, loadKnowledgeBase } from '../knowledge/load.js';

const dataDir = process.argv[2];
try {
  // Always the YAML itself, never the build's snapshot: this is the check.
  const kb = loadKnowledgeBase(dataDir ?? DEFAULT_DATA_DIR, { snapshot: false });
  const aliases = kb.topics.reduce(
    (sum, topic) => sum + LANGUAGES.reduce((n, l) => n + topic.text[l].aliases.length, 0),
    0,
  );
  process.stdout.write(
    `data OK: ${kb.topics.length} topics, ${kb.tips.length} tips, ${Object.keys(kb.ui).length} UI strings, ` +
      `${aliases} aliases, each in ${LANGUAGES.join(', ')}\n`,
  );
} catch (error) {
  process.stderr.write(
    `${error instanceof DataError ? error.message : `validate failed: ${String(error)}`}\n`,
  );
  process.exitCode = 1;
}
