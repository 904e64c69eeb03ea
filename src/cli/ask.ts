/**
 * `npm run ask -- "what is the ROI difference?"`: answers a question without Slack and
 * prints the card. `npm run --silent ask -- --json` reads questions from standard input,
 * one per line, and writes one JSON object per line: query, topic, language, score and
 * the exact Block Kit blocks the bot sends for it (as the reply to /socialvs).
 * `score` is how sure the match is: 0 a sure match, 1 no match at all (see SCORE_MEANING).
 * Options: --lang en|id|de|fr (the asker's language when the question's can't be told);
 * --explain (print how search scored the question: for editing the concept base).
 * A reader that stops early (`| head -3`) ends it quietly.
 */
import { createInterface } from 'node:readline';
import { answerQuestion, type Core, createCore } from '../core/answer.js';
import { isLanguage, type Language } from '../knowledge/languages.js';
import { DataError } from '../knowledge/load.js';
import { renderCard } from './render-terminal.js';

const SCORE_MEANING = '0 = sure match … 1 = no match';

const USAGE = [
  'Usage: npm run ask -- [--lang en|id|de|fr] [--explain] "your question"',
  '       npm run --silent ask -- --json < questions.txt   (one JSON object per line)',
  `score (in --json too): ${SCORE_MEANING}. --explain prints each topic's raw score (higher is better) and the decision.`,
].join('\n');

function toJson(core: Core, question: string, fallbackLanguage: Language | undefined): string {
  // The bot's card carries 👍 / 👎 for the recorded question's id; offline there is no
  // record, so the id is "offline": the only difference from what Slack receives.
  const answer = answerQuestion(core, question, {
    surface: 'ephemeral',
    fallbackLanguage,
    answerId: 'offline',
  });
  return JSON.stringify({
    query: answer.query,
    topic: answer.topic,
    language: answer.language,
    score: answer.score,
    blocks: answer.card.blocks,
  });
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const json = argv.includes('--json');
  const langAt = argv.indexOf('--lang');
  const lang = langAt >= 0 ? argv[langAt + 1] : undefined;
  if (lang !== undefined && !isLanguage(lang)) {
    process.stderr.write(`--lang must be one of en, id, de, fr (got "${lang}")\n`);
    return 2;
  }
  const words = argv.filter((arg, i) => !arg.startsWith('--') && !(langAt >= 0 && i === langAt + 1));
  const core = createCore();

  if (words.length > 0) {
    const question = words.join(' ');
    if (json) process.stdout.write(`${toJson(core, question, lang)}\n`);
    else {
      if (argv.includes('--explain')) {
        const trace: string[] = [];
        core.index.search(question, trace);
        process.stdout.write(`${trace.join('\n')}\n`);
      }
      const answer = answerQuestion(core, question, { surface: 'message', fallbackLanguage: lang });
      process.stdout.write(`${renderCard(answer.card, process.stdout.isTTY === true)}\n\n`);
      process.stdout.write(
        `topic: ${answer.topic ?? 'none'} · language: ${answer.language} · score: ${answer.score} (${SCORE_MEANING})\n`,
      );
    }
    return 0;
  }
  if (!json) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) process.stdout.write(`${toJson(core, line, lang)}\n`);
  return 0;
}

// The reader closed the pipe (`| head -3`): nothing more to say, and no stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Bad data is the likely failure here: say what is wrong, not where in our code.
    process.stderr.write(`${error instanceof DataError ? error.message : `ask failed: ${String(error)}`}\n`);
    process.exitCode = 1;
  },
);
