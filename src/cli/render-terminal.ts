/** Renders a card readably in a terminal: the `ask` command's human output. */
import type { Block, Card } from '../cards/blocks.js';

const COLUMN = 44;

/**
 * What other people typed that a terminal must not act on: C0 and C1 controls and DEL
 * (escape sequences can retitle the window, clear the screen, rewrite what is shown) and
 * the bidirectional overrides and isolates (text that reads otherwise than it is).
 */
const CONTROLS = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;
/** The same, except tab and line breaks, which data (CSV) keeps. */
const CONTROLS_BUT_LINE_BREAKS = /[^\P{Cc}\t\n\r]|[\u202a-\u202e\u2066-\u2069]/gu;
/** Controls that only space text out: a space instead, so words stay apart. */
const SPACING_CONTROLS = /[\t\n\v\f\r\u0085]/g;

/** User-derived text for one line of a terminal: spacing controls become spaces, other controls go. */
export function terminalSafe(text: string): string {
  return text.replace(SPACING_CONTROLS, ' ').replace(CONTROLS, '');
}

/** User-derived text for data that keeps line breaks (CSV): every other control goes. */
export function withoutControls(text: string): string {
  return text.replace(CONTROLS_BUT_LINE_BREAKS, '');
}

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
