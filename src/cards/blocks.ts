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
export interface Option {
  text: PlainText;
  value: string;
}
/** A menu of fixed choices (the modal's language choice). */
export interface StaticSelect {
  type: 'static_select';
  action_id: string;
  placeholder?: PlainText;
  options: Option[];
  initial_option?: Option;
}
/**
 * A conversation picker; in a modal's input block with `response_url_enabled`, Slack hands
 * the bot a response_url for the conversation chosen, on submission.
 */
export interface ConversationsSelect {
  type: 'conversations_select';
  action_id: string;
  placeholder?: PlainText;
  response_url_enabled?: boolean;
  default_to_current_conversation?: boolean;
}
export interface ActionsBlock {
  type: 'actions';
  block_id?: string;
  elements: Button[];
}
/** A modal's row of controls: buttons and a menu (messages carry buttons only). */
export interface ControlsBlock {
  type: 'actions';
  block_id?: string;
  elements: Array<Button | StaticSelect>;
}
/** A field of a modal, sent with its value on submission (only in modals). */
export interface InputBlock {
  type: 'input';
  block_id?: string;
  label: PlainText;
  hint?: PlainText;
  element: ConversationsSelect;
}
export type Block = HeaderBlock | SectionBlock | ContextBlock | DividerBlock | ActionsBlock;
/** What a modal may hold: a message's blocks, controls with menus, and input fields. */
export type ModalBlock = Block | ControlsBlock | InputBlock;

/** A modal (views.open / views.update). */
export interface ModalView {
  type: 'modal';
  callback_id: string;
  title: PlainText;
  close?: PlainText;
  submit?: PlainText;
  private_metadata?: string;
  blocks: ModalBlock[];
}

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
  /** A modal's title, submit and close labels. */
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  inputLabel: 2000,
} as const;

const length = (text: string | undefined) => (text === undefined ? 0 : [...text].length);

/** Every way the blocks break Slack's limits; empty when they are fine. */
export function blockKitProblems(
  blocks: readonly ModalBlock[],
  maxBlocks: number = LIMITS.blocksPerMessage,
): string[] {
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
    if (block.type === 'actions') {
      for (const select of block.elements as Array<Button | StaticSelect>) {
        if (select.type === 'static_select') problems.push(...selectProblems(select, where, actionIds));
      }
    }
    if (block.type === 'input') problems.push(...inputProblems(block, where));
    const buttons =
      block.type === 'actions'
        ? (block.elements as Array<Button | StaticSelect>).filter(
            (element): element is Button => element.type === 'button',
          )
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

function selectProblems(select: StaticSelect, where: string, actionIds: Set<string>): string[] {
  const problems: string[] = [];
  if (select.options.length < 1 || select.options.length > LIMITS.selectOptions)
    problems.push(`${where}: ${select.options.length} options`);
  for (const option of select.options) {
    if (length(option.text.text) > LIMITS.optionText) problems.push(`${where}: option text too long`);
    if (length(option.value) > LIMITS.optionValue) problems.push(`${where}: option value too long`);
  }
  if (length(select.placeholder?.text) > LIMITS.placeholder) problems.push(`${where}: placeholder too long`);
  if (actionIds.has(select.action_id)) problems.push(`${where}: action_id ${select.action_id} used twice`);
  actionIds.add(select.action_id);
  return problems;
}

function inputProblems(block: InputBlock, where: string): string[] {
  const problems: string[] = [];
  const label = length(block.label.text);
  if (label < 1 || label > LIMITS.inputLabel) problems.push(`${where}: label ${label} characters`);
  if (length(block.hint?.text) > LIMITS.inputLabel) problems.push(`${where}: hint too long`);
  if (length(block.element.placeholder?.text) > LIMITS.placeholder)
    problems.push(`${where}: placeholder too long`);
  return problems;
}

/**
 * Every way a modal breaks Slack's limits: its blocks (at most 100), its title, submit and
 * close labels (at most 24 characters), its metadata; a modal with an input needs a submit.
 */
export function viewProblems(view: ModalView): string[] {
  const problems = blockKitProblems(view.blocks, LIMITS.blocksPerView);
  const title = length(view.title.text);
  if (title < 1 || title > LIMITS.viewTitle) problems.push(`title ${title} characters`);
  for (const [name, label] of [
    ['submit', view.submit],
    ['close', view.close],
  ] as const) {
    const size = length(label?.text);
    if (label && (size < 1 || size > LIMITS.viewButton)) problems.push(`${name} label ${size} characters`);
  }
  if (view.blocks.some((block) => block.type === 'input') && !view.submit)
    problems.push('an input without a submit button');
  if (length(view.private_metadata) > LIMITS.privateMetadata) problems.push('private_metadata too long');
  const callbackId = length(view.callback_id);
  if (callbackId < 1 || callbackId > LIMITS.callbackId) problems.push(`callback_id ${callbackId} characters`);
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
