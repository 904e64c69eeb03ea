/**
 * The sandbox page's two Slack-native doors and its modals: a "⋯" menu on every message
 * with "Explain with SocialVS" (the message shortcut), a ⚡ shortcuts button by the message
 * box ("Browse SocialVS topics"), and the modal the bot opens (title, its blocks, input
 * fields, submit and close, Slack's errors under a field). Loaded by app.js, whose Block Kit
 * renderer draws the modal's blocks; built with createElement / textContent only.
 */
import { asActing, closeMenus, el, emojify, plainTextOf, postJson, renderBlocks, showNotice } from './app.js';

/** The shortcuts the manifests declare, by name (not translated) and, for the global one, callback id. */
const MESSAGE_SHORTCUTS = [{ name: 'Explain with SocialVS' }];
const GLOBAL_SHORTCUTS = [{ callbackId: 'browse_topics', name: 'Browse SocialVS topics' }];

/** The latest page state, for the conversations a select offers. */
let pageState = null;
/** What the modal shown was drawn from, so that it is redrawn only when it changed. */
let drawnKey = '';
/** The conversation chosen in each conversation select of the open modal, by block id. */
const chosen = new Map();

/** A "⋯" button with a menu of items, closed by app.js's closeMenus like every menu. */
function menuButton(label, ariaLabel, testId, items, className) {
  const wrap = el('span', `overflow ${className}`);
  const button = el('button', 'sk-button menu-button', label);
  button.type = 'button';
  button.dataset.testid = testId;
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-label', ariaLabel);
  const menu = el('div', 'overflow-menu');
  menu.setAttribute('role', 'menu');
  menu.hidden = true;
  for (const item of items) {
    const entry = el('button', 'overflow-item', item.name);
    entry.type = 'button';
    entry.setAttribute('role', 'menuitem');
    entry.dataset.testid = item.testId;
    entry.addEventListener('click', async () => {
      menu.hidden = true;
      const result = await item.run();
      if (!result.ok) showNotice(result.error || `${item.name} failed`, 'warn');
    });
    menu.append(entry);
  }
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    const opening = menu.hidden;
    closeMenus(menu);
    menu.hidden = !opening;
  });
  wrap.append(button, menu);
  return wrap;
}

/** "⋯ More actions" on a message, as Slack shows on hover; an ephemeral message has none in Slack. */
export function decorateMessage(node, message) {
  if (message.ephemeral) return;
  const items = MESSAGE_SHORTCUTS.map((shortcut) => ({
    name: shortcut.name,
    testId: 'explain-message',
    run: () => postJson('/api/explain', asActing({ messageId: message.id })),
  }));
  node.append(menuButton('⋯', 'More actions', 'message-menu', items, 'message-actions'));
}

/** The ⚡ button by the message box: the app's global shortcuts. */
export function wireShortcuts() {
  const slot = document.getElementById('shortcuts');
  if (!slot) return;
  const items = GLOBAL_SHORTCUTS.map((shortcut) => ({
    name: shortcut.name,
    testId: 'browse-topics',
    run: () => postJson('/api/shortcut', asActing({ callbackId: shortcut.callbackId })),
  }));
  slot.append(menuButton('⚡', 'Shortcuts', 'shortcuts-button', items, 'shortcuts-menu'));
}

/** An input block (a conversation select, the only input the bot sends): label, field, hint, error. */
export function renderInputBlock(block, node) {
  const blockId = String(block.block_id ?? '');
  const element = block.element ?? {};
  const label = el('label', 'input-label', emojify(plainTextOf(block.label)));
  node.append(label);
  if (element.type !== 'conversations_select') {
    node.append(el('span', 'block-unsupported', `[unsupported input: ${element.type}]`));
    return node;
  }
  const select = el('select', 'sk-select input-select');
  select.dataset.testid = 'conversation-select';
  select.dataset.actionId = String(element.action_id ?? '');
  select.id = `input-${blockId}`;
  label.htmlFor = select.id;
  const conversations = pageState?.channels ?? [];
  for (const conversation of conversations) {
    const option = el(
      'option',
      null,
      conversation.kind === 'dm' ? conversation.name : `# ${conversation.name}`,
    );
    option.value = conversation.id;
    select.append(option);
  }
  if (!chosen.has(blockId) && conversations[0]) chosen.set(blockId, conversations[0].id);
  select.value = chosen.get(blockId) ?? '';
  select.addEventListener('change', () => chosen.set(blockId, select.value));
  node.append(select);
  if (block.hint) node.append(el('div', 'input-hint', emojify(plainTextOf(block.hint))));
  const error = pageState?.modal?.errors?.[blockId];
  if (error) {
    const line = el('div', 'input-error', error);
    line.dataset.testid = 'field-error';
    line.setAttribute('role', 'alert');
    node.append(line);
  }
  return node;
}

async function submit(button) {
  const view = pageState?.modal?.view;
  const conversations = {};
  for (const block of Array.isArray(view?.blocks) ? view.blocks : []) {
    if (block?.type !== 'input' || block.element?.type !== 'conversations_select') continue;
    const blockId = String(block.block_id ?? '');
    conversations[blockId] = {
      actionId: String(block.element.action_id ?? ''),
      channel: chosen.get(blockId),
    };
  }
  button.disabled = true;
  const result = await postJson('/api/modal/submit', asActing({ conversations }));
  button.disabled = false;
  if (!result.ok) showNotice(result.error || 'The modal could not be submitted', 'warn');
}

async function close() {
  const result = await postJson('/api/modal/close', {});
  if (!result.ok) showNotice(result.error || 'The modal could not be closed', 'warn');
}

function footerButton(label, className, testId, onClick) {
  const button = el('button', `sk-button ${className}`, emojify(label));
  button.type = 'button';
  button.dataset.testid = testId;
  button.addEventListener('click', () => onClick(button));
  return button;
}

/** Draws the open modal over the page, or hides it; redrawn only when the bot changed it. */
export function renderModal(state) {
  pageState = state;
  const root = document.getElementById('modal-root');
  if (!root) return;
  const modal = state?.modal;
  const key = modal ? JSON.stringify([modal.id, modal.hash, modal.errors, state.channels?.length]) : '';
  if (key === drawnKey) return;
  drawnKey = key;
  root.replaceChildren();
  root.hidden = !modal;
  if (!modal) {
    chosen.clear();
    return;
  }
  const view = modal.view ?? {};
  const panel = el('div', 'modal');
  panel.dataset.testid = 'modal';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'true');
  const header = el('div', 'modal-header');
  const title = el('h2', 'modal-title', emojify(plainTextOf(view.title)));
  title.dataset.testid = 'modal-title';
  panel.setAttribute('aria-label', title.textContent);
  const cross = el('button', 'icon-button modal-cross', '✕');
  cross.type = 'button';
  cross.setAttribute('aria-label', 'Close');
  cross.addEventListener('click', close);
  header.append(title, cross);
  const body = el('div', 'modal-body');
  body.append(renderBlocks(view.blocks, { view: 'modal' }));
  const footer = el('div', 'modal-footer');
  footer.append(footerButton(plainTextOf(view.close) || 'Close', 'modal-close', 'modal-close', close));
  if (view.submit) {
    footer.append(footerButton(plainTextOf(view.submit), 'sk-primary modal-submit', 'modal-submit', submit));
  }
  panel.append(header, body, footer);
  root.append(panel);
}
