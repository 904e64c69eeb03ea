/**
 * `npm run stats` on the server: the report from the database, as text or CSV. Questions
 * from Slack users reach the database as the bot logs them, through Responder.ask, and
 * the report is read by running the CLI, as an admin would.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/answer.js';
import { Responder } from '../../src/core/responder.js';
import type { TopicQuizItem } from '../../src/knowledge/load.js';
import { QUIZ_ANSWERS } from '../../src/knowledge/schema.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { kb } from '../support/cards.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const missedItem = kb.quiz[0] as TopicQuizItem;
const wrongAnswer = QUIZ_ANSWERS.find((answer) => answer !== missedItem.answer) ?? 'both';
/** The prompt as the report shows it: at most 100 characters. */
const shown = (prompt: string) =>
  [...prompt].length <= 100 ? prompt : `${[...prompt].slice(0, 99).join('')}…`;
let dir: string;
let databaseUrl: string;

/** The CLI run from `cwd` with only PATH and `env` set (and no .env). */
function statsIn(cwd: string, env: Record<string, string>, ...args: string[]) {
  return spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/cli/stats.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, DOTENV_CONFIG_PATH: '/nonexistent', ...env },
  });
}

const stats = (...args: string[]) => statsIn(root, { DATABASE_URL: databaseUrl }, ...args);

/**
 * CSV as a spreadsheet reads it (RFC 4180): a quoted cell may hold commas, quotes and
 * line breaks; outside quotes, a line feed or a carriage return ends the row.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  return rows;
}

/** A new database holding each question as the bot logs it when that Slack user asks it. */
async function databaseAsked(
  name: string,
  asked: Array<[userId: string, question: string]>,
  questionLog = true,
): Promise<string> {
  const path = join(dir, name);
  const store = SqliteStore.open(path);
  const responder = new Responder(createCore(kb), store, { defaultLanguage: 'en', questionLog });
  for (const [userId, question] of asked) {
    const answer = await responder.ask(question, { userId }, 'ephemeral', 'command');
    // All of them are questions the concept base can't answer: the report's unanswered list.
    expect(answer.topic, question).toBeNull();
  }
  await store.close();
  return path;
}

/** The question log as stored, read past the store. */
function questionRows(path: string): Array<Record<string, unknown>> {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT * FROM questions ORDER BY id').all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'socialvs-stats-'));
  databaseUrl = `sqlite:${join(dir, 'stats.db')}`;
  const store = SqliteStore.open(join(dir, 'stats.db'));
  const now = new Date();
  const old = new Date(Date.now() - 60 * 24 * 60 * 60 * 1000);
  await store.recordQuestion({
    askedAt: now,
    surface: 'command',
    language: 'en',
    topic: 'roi',
    text: 'ROI',
    normalized: 'roi',
  });
  await store.recordQuestion({
    askedAt: now,
    surface: 'dm',
    language: 'fr',
    topic: null,
    text: 'pizza, "vite"',
    normalized: 'pizza vite',
    askerId: 'U0FR',
  });
  await store.recordQuestion({
    askedAt: old,
    surface: 'mention',
    language: 'de',
    topic: 'roi',
    text: 'ROI?',
    normalized: 'roi',
  });
  await store.recordVote({ answerId: '1', userId: 'U1', topic: 'roi', language: 'en', vote: -1, at: now });
  // Quiz answers as the bot records them: U0QA answers twice, and only the first (wrong) counts.
  const responder = new Responder(createCore(kb), store, { defaultLanguage: 'en' });
  const value = { item: missedItem.key, language: 'en' as const, quiz: 'pcli' };
  const press = (userId: string) => ({ userId, channelId: 'C0CLI', messageTs: '1.1' });
  await responder.answerQuiz(value, wrongAnswer, press('U0QA'));
  await responder.answerQuiz(value, missedItem.answer, press('U0QA'));
  await responder.answerQuiz(value, wrongAnswer, press('U0QB'));
  await responder.answerQuiz(value, missedItem.answer, press('U0QC'));
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run stats', () => {
  it('prints the last 30 days by default', () => {
    const run = stats();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('questions asked: 2, answered: 1 (50%)');
    expect(run.stdout).toContain('pizza, "vite"');
    expect(run.stdout).toContain('0 / 1  Return on investment');
  });

  it('adds the quiz: first answers, the share right, the most missed item by its prompt, and nobody’s id', () => {
    const run = stats();
    expect(run.stdout).toContain('Quiz (first answers)\n  answered: 3, right: 1 (33%)');
    expect(run.stdout).toContain(`most often missed: ${shown(missedItem.prompt.en)} (2 of 3 wrong)`);
    expect(run.stdout).not.toMatch(/U0Q[ABC]/);
    const german = stats('--lang', 'de');
    expect(german.stdout).toContain(`most often missed: ${shown(missedItem.prompt.de)}`);
  });

  it('--csv has the quiz rows too, and nobody’s id', () => {
    const run = stats('--csv');
    const rows = parseCsv(run.stdout);
    expect(rows).toContainEqual(['quiz', 'first_answers', '3', '1']);
    expect(rows).toContainEqual(['quiz_most_missed', shown(missedItem.prompt.en), '2', '3']);
    expect(run.stdout).not.toMatch(/U0Q[ABC]/);
  });

  it('--since all includes older questions', () => {
    expect(stats('--since', 'all').stdout).toContain('questions asked: 3, answered: 2');
  });

  it('--csv writes quoted CSV', () => {
    const run = stats('--csv');
    expect(run.stdout.split('\n')[0]).toBe('section,item,count,answered_or_down');
    expect(run.stdout).toContain('unanswered_people,"pizza, ""vite""",1,');
    expect(run.stdout).toContain('total,questions,2,1');
  });

  it('rejects a bad --since with a plain message', () => {
    const run = stats('--since', 'yesterday');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--since');
  });
});

const FORMULA = '=HYPERLINK("http://x.example","x")';
/** Retitles the terminal, clears the screen, then reverses what follows. */
const ESCAPES = 'lunch menu \u001b]0;pwned\u0007 for \u001b[2J\u202e friday';
const ESCAPES_SHOWN = 'lunch menu ]0;pwned for [2J friday';
/** Unquoted, the carriage return would start a row of its own, beginning with a formula. */
const CARRIAGE_RETURN = 'quarterly totals\r=1+1';
const AT_SUM = '@SUM(1+1)*cmd|" /C calc"!A0';
const SPAM = 'when do we get a bigger monitor';
const TAXI = 'how do I expense a taxi';

describe('npm run stats, with what anyone in Slack can type', () => {
  let hostile: string;
  beforeAll(async () => {
    hostile = await databaseAsked('hostile.db', [
      ...Array.from({ length: 50 }, (): [string, string] => ['U0MALLORY', SPAM]),
      ['U0ADA', FORMULA],
      ['U0BEN', FORMULA],
      ['U0ADA', TAXI],
      ['U0BEN', TAXI],
      ['U0EVE', ESCAPES],
    ]);
  });
  const run = (...args: string[]) => statsIn(root, { DATABASE_URL: `sqlite:${hostile}` }, ...args);
  /** A line of the terminal report's lists: the count right-aligned, then the item. */
  const line = (count: number, item: string) => `  ${String(count).padStart(5)}  ${item}`;
  /** The terminal report's unanswered lines, in order. */
  const unansweredLines = (text: string) =>
    (text.split('Unanswered questions (people who asked)\n')[1]?.split('\n\n')[0] ?? '').split('\n');

  it('CSV: a formula comes back as text in one cell, with a leading quote, and no control gets through', async () => {
    // The report lists five questions: these get a database of their own.
    const formulas = await databaseAsked('formulas.db', [
      ['U0ADA', FORMULA],
      ['U0BEN', FORMULA],
      ['U0EVE', ESCAPES],
      ['U0EVE', CARRIAGE_RETURN],
      ['U0EVE', AT_SUM],
    ]);
    const csv = statsIn(root, { DATABASE_URL: `sqlite:${formulas}` }, '--csv');
    expect(csv.status).toBe(0);
    const rows = parseCsv(csv.stdout);
    expect(rows.every((row) => row.length === 4)).toBe(true);
    expect(rows).toContainEqual(['unanswered_people', `'${FORMULA}`, '2', '']);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows).toContainEqual(['unanswered_people', ESCAPES_SHOWN, '1', '']);
    expect(rows).toContainEqual(['unanswered_people', CARRIAGE_RETURN, '1', '']);
    expect(rows).toContainEqual(['unanswered_people', `'${AT_SUM}`, '1', '']);
    expect(csv.stdout.replace(/[\n\r]/g, '')).not.toMatch(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
  });

  it('terminal: escape sequences and direction overrides never reach it', () => {
    const text = run();
    expect(text.status).toBe(0);
    expect(text.stdout.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
    expect(unansweredLines(text.stdout)).toContain(line(1, ESCAPES_SHOWN));
  });

  it('one person asking fifty times ranks below two people asking once each, and counts once', () => {
    const text = run().stdout;
    expect(text).toContain('questions asked: 55, answered: 0');
    const lines = unansweredLines(text);
    expect(lines.slice(0, 2).sort()).toEqual([line(2, FORMULA), line(2, TAXI)]);
    expect(lines.indexOf(line(1, SPAM))).toBeGreaterThan(1);
    expect(parseCsv(run('--csv').stdout)).toContainEqual(['unanswered_people', SPAM, '1', '']);
  });

  it('the log keeps no Slack user id: a hash per person and question only', () => {
    const rows = questionRows(hostile);
    expect(rows).toHaveLength(55);
    expect(JSON.stringify(rows)).not.toMatch(/U0(MALLORY|ADA|BEN|EVE)/);
    // Mallory once; Ada and Ben for each of two questions; Eve once.
    expect(new Set(rows.map((row) => row.asker_hash)).size).toBe(1 + 2 + 2 + 1);
  });

  it('QUESTION_LOG=off: neither the text nor who asked is kept, so nothing is listed', async () => {
    const off = await databaseAsked(
      'log-off.db',
      [
        ['U0ADA', FORMULA],
        ['U0BEN', FORMULA],
      ],
      false,
    );
    expect(questionRows(off).map((row) => [row.text, row.normalized, row.asker_hash])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
    const csv = parseCsv(statsIn(root, { DATABASE_URL: `sqlite:${off}` }, '--csv').stdout);
    expect(csv).toContainEqual(['total', 'questions', '2', '0']);
    expect(csv.filter((row) => row[0] === 'unanswered_people')).toEqual([]);
  });
});

describe('npm run stats with no database', () => {
  it('says so in one line naming where it looked, exits non-zero, and creates nothing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'socialvs-stats-none-'));
    try {
      // No settings at all: DATABASE_URL's default, var/socialvs.db under the current folder.
      const run = statsIn(empty, {});
      expect(run.status).not.toBe(0);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`no database yet at ${join(empty, 'var', 'socialvs.db')}`);
      expect(lines[0]).toContain('DATABASE_URL is not set');
      expect(readdirSync(empty)).toEqual([]);

      // DATABASE_URL naming a file that isn't there: the same, and no folder made for it.
      const missing = join(empty, 'deeper', 'bot.db');
      const named = statsIn(empty, { DATABASE_URL: `sqlite:${missing}` });
      expect(named.status).not.toBe(0);
      expect(named.stderr.trimEnd().split('\n')).toEqual([
        expect.stringContaining(`no database yet at ${missing}`),
      ]);
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
