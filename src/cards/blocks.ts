/**
 * The Block Kit subset SocialVS sends, typed after Slack's own shapes so the cards
 * can be passed to the Web API as they are, and Slack's size limits, checked by
 * `blockKitProblems` in the tests (every card of every topic and language, and
 * generated hostile input).
 */
import { truncate } from './mrkdwn.js';

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
}
export interface Button {
  type: 'button';
  action_id: string;
  text: PlainText;
  value?: string;
  style?: 'primary' | 'danger' | undefined;
}
export interface HeaderBlock {
  type: 'header';
  block_id?: string;
  text: PlainText;
}
export interface SectionBlock {
  type: 'section';
  block_id?: string;
  text?: Mrkdwn;
  fields?: Mrkdwn[];
  accessory?: Button;
}
export interface ContextBlock {
  type: 'context';
  block_id?: string;
  elements: Mrkdwn[];
}
export interface DividerBlock {
  type: 'divider';
  block_id?: string;
}
export interface ActionsBlock {
  type: 'actions';
  block_id?: string;
  elements: Button[];
}
export type Block = HeaderBlock | SectionBlock | ContextBlock | DividerBlock | ActionsBlock;

/** A message: blocks plus the plain text Slack shows in notifications and reads to screen readers. */
export interface Card {
  text: string;
  blocks: Block[];
}

/**
 * What a card's blocks say, as the text Slack shows in notifications and reads to screen
 * readers: the header, every section and field, and the context lines, in order. Buttons
 * are left out (a card that offers topics names them in its own words).
 */
export function textOfBlocks(blocks: readonly Block[], max = MAX_FALLBACK_TEXT): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === 'header') lines.push(block.text.text);
    if (block.type === 'section') {
      if (block.text) lines.push(block.text.text);
      for (const field of block.fields ?? []) lines.push(field.text);
    }
    if (block.type === 'context') lines.push(...block.elements.map((element) => element.text));
  }
  return truncate(lines.join('\n'), max);
}

/** A notification shows a few lines; a screen reader reads them all: a few thousand characters. */
const MAX_FALLBACK_TEXT = 3000;

export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  /** Slack truncates a message's top-level text beyond this. */
  messageText: 40_000,
} as const;

const length = (text: string | undefined) => (text === undefined ? 0 : [...text].length);

/** Every way the blocks break Slack's limits; empty when they are fine. */
export function blockKitProblems(blocks: Block[], maxBlocks: number = LIMITS.blocksPerMessage): string[] {
  const problems: string[] = [];
  if (blocks.length === 0) problems.push('no blocks');
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks, more than ${maxBlocks}`);
  const actionIds = new Set<string>();
  blocks.forEach((block, index) => {
    const where = `block ${index} (${block.type})`;
    if (length(block.block_id) > LIMITS.blockId) problems.push(`${where}: block_id too long`);
    if (block.type === 'header') {
      const size = length(block.text.text);
      if (size < 1 || size > LIMITS.headerText) problems.push(`${where}: header text ${size} characters`);
    }
    if (block.type === 'section') {
      if (!block.text && !block.fields) problems.push(`${where}: neither text nor fields`);
      const size = length(block.text?.text);
      if (block.text && (size < 1 || size > LIMITS.sectionText))
        problems.push(`${where}: text ${size} characters`);
      if (block.fields && block.fields.length > LIMITS.fields)
        problems.push(`${where}: ${block.fields.length} fields`);
      for (const field of block.fields ?? []) {
        const fieldSize = length(field.text);
        if (fieldSize < 1 || fieldSize > LIMITS.fieldText)
          problems.push(`${where}: a field of ${fieldSize} characters`);
      }
    }
    if (
      block.type === 'context' &&
      (block.elements.length < 1 || block.elements.length > LIMITS.contextElements)
    ) {
      problems.push(`${where}: ${block.elements.length} elements`);
    }
    if (
      block.type === 'actions' &&
      (block.elements.length < 1 || block.elements.length > LIMITS.actionsElements)
    ) {
      problems.push(`${where}: ${block.elements.length} elements`);
    }
    const buttons =
      block.type === 'actions'
        ? block.elements
        : block.type === 'section' && block.accessory
          ? [block.accessory]
          : [];
    for (const button of buttons) {
      const size = length(button.text.text);
      if (size < 1 || size > LIMITS.buttonText) problems.push(`${where}: button text ${size} characters`);
      if (length(button.value) > LIMITS.buttonValue) problems.push(`${where}: button value too long`);
      if (length(button.action_id) > LIMITS.actionId) problems.push(`${where}: action_id too long`);
      if (actionIds.has(button.action_id))
        problems.push(`${where}: action_id ${button.action_id} used twice`);
      actionIds.add(button.action_id);
    }
  });
  return problems;
}

/**
 * Freezes a value and everything in it. Card parts built once and shared by every card
 * are frozen, so code that changed one card's block in place would fail loudly instead
 * of changing every later card.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
