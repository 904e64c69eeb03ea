/** Renders a card readably in a terminal: the `ask` command's human output. */
import type { Block, Card } from '../cards/blocks.js';

const COLUMN = 44;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && [...line].length + 1 + [...word].length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** mrkdwn to plain terminal text: entities decoded, bold and italic marks dropped. */
function plain(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/(^|\s)[*_](\S[^*_\n]*?)[*_](?=\s|$|[.,:;!?)])/g, '$1$2');
}

function renderBlock(block: Block, bold: (text: string) => string): string[] {
  switch (block.type) {
    case 'header':
      return ['', bold(block.text.text), '='.repeat(Math.min([...block.text.text].length + 2, 80))];
    case 'section': {
      const out: string[] = [];
      if (block.text) out.push(...wrap(plain(block.text.text), 2 * COLUMN));
      if (block.fields) {
        const columns = block.fields.map((field) => wrap(plain(field.text), COLUMN - 2));
        const rows = Math.max(...columns.map((column) => column.length));
        for (let row = 0; row < rows; row += 1) {
          out.push(
            columns
              .map((column) => (column[row] ?? '').padEnd(COLUMN))
              .join('│ ')
              .trimEnd(),
          );
        }
      }
      if (block.accessory) out.push(`  [${block.accessory.text.text}]`);
      return ['', ...out];
    }
    case 'context':
      return [
        '',
        ...block.elements.flatMap((element) =>
          wrap(plain(element.text), 2 * COLUMN).map((line) => `  ${line}`),
        ),
      ];
    case 'divider':
      return ['─'.repeat(2 * COLUMN)];
    case 'actions':
      return ['', block.elements.map((element) => `[${element.text.text}]`).join(' ')];
  }
}

export function renderCard(card: Card, color: boolean): string {
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[0m` : text);
  return card.blocks.flatMap((block) => renderBlock(block, bold)).join('\n');
}
