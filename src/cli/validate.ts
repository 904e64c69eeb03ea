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
  // The schema requires every language of every tip and quiz item, so the counts agree;
  // they are reported per language all the same, as editors check them.
  const perLanguage = (
    items: ReadonlyArray<{ text?: Record<string, string>; prompt?: Record<string, string> }>,
  ) =>
    LANGUAGES.map((l) => `${l} ${items.filter((item) => (item.text ?? item.prompt)?.[l]).length}`).join(', ');
  process.stdout.write(
    `data OK: ${kb.topics.length} topics, ${Object.keys(kb.ui).length} UI strings, ${aliases} aliases, ` +
      `each in ${LANGUAGES.join(', ')}\n` +
      `tips per language: ${perLanguage(kb.tips)}\n` +
      `quiz items per language: ${perLanguage(kb.quiz)}\n` +
      `labelled questions: ${kb.examples.length} in ${new Set(kb.examples.map((e) => e.set)).size} sets\n`,
  );
} catch (error) {
  process.stderr.write(
    `${error instanceof DataError ? error.message : `validate failed: ${String(error)}`}\n`,
  );
  process.exitCode = 1;
}
