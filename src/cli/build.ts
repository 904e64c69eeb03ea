/**
 * `npm run build` (after `tsc --noEmit`): the bot as production runs it, in dist/.
 *
 *   dist/app.js                   the bot and what it uses of zod, fuse.js, node-cron and
 *                                 dotenv (`node dist/app.js`), with a chunk per store,
 *                                 loaded only when DATABASE_URL names that store
 *   dist/*.js.map                 for `node --enable-source-maps dist/app.js`
 *   dist/knowledge.snapshot.json  the checked concept base it starts from (snapshot.ts)
 *
 * Why bundled: the sources are some sixty modules, and zod alone loads 95 more (every
 * locale, JSON-schema tools) that Node would load, compile and keep in memory though the bot
 * uses a fraction of them. Bundled, only what is used is loaded. Bolt, the database drivers
 * and the YAML parser stay in node_modules: the drivers are native or loaded only on
 * demand, and Bolt is the framework the benchmark measures us against, loaded as it is.
 * Broken data fails the build, with every problem listed.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DataError, DEFAULT_DATA_DIR, loadKnowledgeBase } from '../knowledge/load.js';
import { dataFingerprint, SNAPSHOT_FILE_NAME, writeSnapshot } from '../knowledge/snapshot.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Left to node_modules; see above. */
const EXTERNAL = ['@slack/bolt', 'better-sqlite3', 'pg', 'yaml'];

/** Builds into `outDir` (dist/ by default); returns the bundle's path. Throws DataError on broken data. */
export async function buildBot(outDir = join(ROOT, 'dist'), dataDir = DEFAULT_DATA_DIR): Promise<string> {
  // The old build goes first, and the data is checked before anything is written: a
  // build that fails leaves nothing to run, rather than an old snapshot or old code.
  rmSync(outDir, { recursive: true, force: true });
  // The fingerprint is taken before loading (see writeSnapshot).
  const fingerprint = dataFingerprint(dataDir);
  const kb = loadKnowledgeBase(dataDir, { snapshot: false });
  await build({
    entryPoints: [join(ROOT, 'src/app.ts')],
    outdir: outDir,
    // Split, so that a store the configuration doesn't ask for (with its driver) stays
    // unloaded, as with the sources' import(); one folder, so that every chunk's
    // import.meta.url finds the snapshot beside it.
    splitting: true,
    chunkNames: '[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    sourcemap: 'linked',
    // Without comments and indentation: V8 keeps every module's source in memory, and one
    // non-Latin-1 character in a comment (an emoji, say) doubles that string's size.
    minifyWhitespace: true,
    logLevel: 'warning',
    // The CommonJS packages inside (dotenv) call require(), which an ES module lacks.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  writeSnapshot(kb, fingerprint, join(outDir, SNAPSHOT_FILE_NAME));
  return join(outDir, 'app.js');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const outfile = await buildBot();
    process.stdout.write(`built ${outfile}, with the snapshot of data/ beside it\n`);
  } catch (error) {
    process.stderr.write(
      `${error instanceof DataError ? error.message : `build failed: ${(error as Error).message}`}\n`,
    );
    process.exitCode = 1;
  }
}
