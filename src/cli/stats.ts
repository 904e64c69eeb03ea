/**
 * `npm run stats -- [--since 30d|7d|all] [--csv] [--lang en|id|de|fr]`: the usage report
 * on the server, read from DATABASE_URL (.env or the environment): questions asked and
 * the share answered, top topics, the unanswered questions most people asked, 👍 / 👎
 * per topic, the split by language, and the quiz (first answers, the share right, the item
 * most often missed). It reads an existing database and never makes one.
 *
 * Question text is whatever anyone in Slack typed, so it is printed defanged: without
 * terminal controls, and in CSV never as a spreadsheet formula.
 */
import dotenv from 'dotenv';
import { truncate } from '../cards/mrkdwn.js';
import { ConfigError, loadConfig } from '../config.js';
import { isLanguage, LANGUAGE_NAMES } from '../knowledge/languages.js';
import { loadKnowledgeBase } from '../knowledge/load.js';
import { openStore } from '../store/open-store.js';
import { NoDatabaseError, type Store, StoreError, type UsageReport } from '../store/store.js';
import { terminalSafe, withoutControls } from './render-terminal.js';

dotenv.config({ quiet: true });

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

function parseSince(value: string | undefined): number | undefined | 'invalid' {
  if (value === undefined) return 30;
  if (value === 'all') return undefined;
  const match = /^(\d{1,4})d?$/.exec(value);
  return match ? Math.max(1, Number(match[1])) : 'invalid';
}

/**
 * First characters that make a spreadsheet read a cell as a formula (or, tab and carriage
 * return, skip to one): such a cell gets a leading ' and is read as text, as OWASP's
 * guidance on CSV injection says and spreadsheets expect.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: numbers as they are; text without controls, never a formula, quoted when it must be. */
function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const clean = withoutControls(value);
  const text = FORMULA_START.test(clean) ? `'${clean}` : clean;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The quiz item's prompt for the report, shortened; its key when the item is gone from data/. */
export type PromptOf = (itemKey: string) => string;

/** How much of the most missed item's prompt the report shows. */
const MISSED_PROMPT_CHARS = 100;
const shortened = (text: string) => truncate(text, MISSED_PROMPT_CHARS);

export function reportAsCsv(
  report: UsageReport,
  titleOf: (id: string) => string,
  promptOf: PromptOf = (key) => key,
): string {
  const rows: Array<Array<string | number>> = [['section', 'item', 'count', 'answered_or_down']];
  rows.push(['total', 'questions', report.asked, report.answered]);
  for (const row of report.topTopics) rows.push(['top_topic', titleOf(row.topic), row.count, '']);
  // The count is people who asked, not times asked; the section's name says so.
  for (const row of report.unanswered) rows.push(['unanswered_people', row.text, row.count, '']);
  for (const row of report.votes) rows.push(['votes', titleOf(row.topic), row.up, row.down]);
  for (const row of report.languages) rows.push(['language', row.language, row.asked, row.answered]);
  // Quiz: first answers and how many were right; the most missed item with its wrong and all answers.
  rows.push(['quiz', 'first_answers', report.quiz.answered, report.quiz.right]);
  const missed = report.quiz.mostMissed;
  if (missed)
    rows.push(['quiz_most_missed', shortened(promptOf(missed.itemKey)), missed.missed, missed.answered]);
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

export function reportAsText(
  report: UsageReport,
  unsafeTitleOf: (id: string) => string,
  period: string,
  promptOf: PromptOf = (key) => key,
): string {
  // Every string from the database is printed through terminalSafe (topic ids and
  // languages too: they are only as safe as whatever wrote the rows).
  const titleOf = (id: string) => terminalSafe(unsafeTitleOf(id));
  const share = report.asked ? `${Math.round((100 * report.answered) / report.asked)}%` : '–';
  const lines = [
    `SocialVS usage, ${period}`,
    `  questions asked: ${report.asked}, answered: ${report.answered} (${share})`,
  ];
  const section = (title: string, items: string[]) => {
    lines.push('', title);
    lines.push(...(items.length ? items.map((item) => `  ${item}`) : ['  (none)']));
  };
  section(
    'Top topics',
    report.topTopics.map((row) => `${String(row.count).padStart(5)}  ${titleOf(row.topic)}`),
  );
  section(
    'Unanswered questions (people who asked)',
    report.unanswered.map((row) => `${String(row.count).padStart(5)}  ${terminalSafe(row.text)}`),
  );
  section(
    'Votes per topic (up / down)',
    report.votes.map((row) => `${String(row.up).padStart(5)} / ${row.down}  ${titleOf(row.topic)}`),
  );
  section(
    'By language (asked, answered)',
    report.languages.map(
      (row) =>
        `${isLanguage(row.language) ? LANGUAGE_NAMES[row.language] : terminalSafe(row.language)}: ${row.asked}, ${row.answered}`,
    ),
  );
  const quiz = report.quiz;
  const quizShare = quiz.answered ? `${Math.round((100 * quiz.right) / quiz.answered)}%` : '–';
  section('Quiz (first answers)', [
    `answered: ${quiz.answered}, right: ${quiz.right} (${quizShare})`,
    quiz.mostMissed
      ? `most often missed: ${terminalSafe(shortened(promptOf(quiz.mostMissed.itemKey)))} ` +
        `(${quiz.mostMissed.missed} of ${quiz.mostMissed.answered} wrong)`
      : 'most often missed: (none)',
  ]);
  return `${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const since = parseSince(option(argv, '--since'));
  if (since === 'invalid') {
    process.stderr.write('--since must be a number of days like 7d or 30d, or all\n');
    return 2;
  }
  const lang = option(argv, '--lang') ?? 'en';
  if (!isLanguage(lang)) {
    process.stderr.write('--lang must be one of en, id, de, fr\n');
    return 2;
  }
  const config = loadConfig(process.env);
  const kb = loadKnowledgeBase();
  let store: Store;
  try {
    store = await openStore(config.databaseUrl, { mustExist: true });
  } catch (error) {
    if (!(error instanceof NoDatabaseError)) throw error;
    // Only a sqlite: URL gets here, so it holds no password to hide.
    const from = process.env.DATABASE_URL
      ? `from DATABASE_URL=${config.databaseUrl}`
      : `DATABASE_URL is not set; the default is ${config.databaseUrl}`;
    process.stderr.write(`stats: no database yet at ${error.path} (${from}); nothing was created.\n`);
    return 1;
  }
  try {
    const from = since === undefined ? undefined : new Date(Date.now() - since * 24 * 60 * 60 * 1000);
    const report = await store.usageReport(from);
    const titleOf = (id: string) => kb.byId.get(id)?.text[lang].title ?? id;
    const promptOf = (key: string) => kb.quiz.find((item) => item.key === key)?.prompt[lang] ?? key;
    process.stdout.write(
      argv.includes('--csv')
        ? reportAsCsv(report, titleOf, promptOf)
        : reportAsText(report, titleOf, since === undefined ? 'all time' : `last ${since} days`, promptOf),
    );
  } finally {
    await store.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const plain = error instanceof ConfigError || error instanceof StoreError;
    process.stderr.write(`stats failed: ${plain ? (error as Error).message : String(error)}\n`);
    process.exitCode = 1;
  },
);
