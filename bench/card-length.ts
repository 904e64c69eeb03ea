/**
 * `npm run card-length`: how much a reader reads on each topic card, in each language: the
 * visible characters of its header, sections, fields and context lines (not buttons), as
 * the answer to `/socialvs` shows them. Prints the median and the largest.
 */
import { topicCard } from '../src/cards/topic-card.js';
import { LANGUAGES } from '../src/knowledge/languages.js';
import { loadKnowledgeBase } from '../src/knowledge/load.js';

interface TextBlock {
  type: string;
  text?: { text: string };
  fields?: Array<{ text: string }>;
  elements?: Array<{ type: string; text?: string | { text: string } }>;
}

/** Characters a reader sees: mrkdwn's * and _ markers are not shown. */
const visible = (text: string) => [...text.replace(/[*_]/g, '')].length;

function visibleCharacters(blocks: TextBlock[]): number {
  let total = 0;
  for (const block of blocks) {
    if (block.type === 'actions') continue;
    if (block.text) total += visible(block.text.text);
    for (const field of block.fields ?? []) total += visible(field.text);
    if (block.type === 'context') {
      for (const element of block.elements ?? []) {
        if (typeof element.text === 'string') total += visible(element.text);
      }
    }
  }
  return total;
}

const kb = loadKnowledgeBase(undefined, { snapshot: false });
const rows: Array<{ card: string; characters: number }> = [];
for (const topic of kb.topics) {
  for (const language of LANGUAGES) {
    const card = topicCard(kb, topic, language, { surface: 'ephemeral', answerId: 'length' });
    rows.push({
      card: `${topic.id} (${language})`,
      characters: visibleCharacters(card.blocks as TextBlock[]),
    });
  }
}
rows.sort((a, b) => a.characters - b.characters);
const median = rows[Math.floor(rows.length / 2)];
const largest = rows.at(-1);
for (const language of LANGUAGES) {
  const mine = rows.filter((row) => row.card.endsWith(`(${language})`));
  process.stdout.write(
    `${language}: median ${mine[Math.floor(mine.length / 2)]?.characters}, largest ${mine.at(-1)?.characters} (${mine.at(-1)?.card})\n`,
  );
}
process.stdout.write(
  `all ${rows.length} cards: median ${median?.characters}, largest ${largest?.characters} (${largest?.card})\n`,
);
