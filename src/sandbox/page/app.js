/**
 * The SocialVS sandbox page: a small Slack look-alike in the browser. It follows the sandbox
 * server's state over server-sent events (/api/stream), renders channels, messages, threads,
 * the App Home tab and Block Kit, and posts what the user types or clicks back as JSON.
 *
 * Everything shown comes from the bot, the concept base or the user, so the DOM is built
 * only with createElement / textContent / append: never innerHTML or friends. Links are
 * rendered only for http: and https: URLs.
 */

import { decorateMessage, renderInputBlock, renderModal, wireShortcuts } from './modal.js';

// ---------------------------------------------------------------------------------------
// Small DOM helpers

const byId = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** A link for http(s) URLs only; anything else comes back as plain text in a span. */
function safeLink(rawUrl, label, className) {
  let url = null;
  try {
    url = new URL(rawUrl);
  } catch {
    url = null;
  }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
    const a = el('a', className || 'md-link', label);
    a.href = url.href;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    return a;
  }
  return el('span', 'md-unlinked', label);
}

function isHttpUrl(rawUrl) {
  try {
    const url = new URL(rawUrl);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------
// Emoji shortcodes and entities

const EMOJI = {
  bulb: '💡',
  mailbox_with_mail: '📬',
  thinking_face: '🤔',
  books: '📚',
  wave: '👋',
  handshake: '🤝',
  mega: '📣',
  link: '🔗',
  loudspeaker: '📢',
  white_check_mark: '✅',
  warning: '⚠️',
  tada: '🎉',
  rocket: '🚀',
  smile: '😄',
  slightly_smiling_face: '🙂',
  '+1': '👍',
  thumbsup: '👍',
  eyes: '👀',
  sparkles: '✨',
  speech_balloon: '💬',
  memo: '📝',
  calendar: '📆',
  date: '📅',
  bell: '🔔',
  no_bell: '🔕',
  x: '❌',
  question: '❓',
  information_source: 'ℹ️',
  globe_with_meridians: '🌐',
  point_right: '👉',
  pushpin: '📌',
  mag: '🔍',
  star: '⭐',
  heart: '❤️',
  fire: '🔥',
  bar_chart: '📊',
  chart_with_upwards_trend: '📈',
  busts_in_silhouette: '👥',
  pause_button: '⏸️',
  arrow_forward: '▶️',
  arrow_right: '➡️',
  arrow_left: '⬅️',
  clock9: '🕘',
  hourglass_flowing_sand: '⏳',
  robot_face: '🤖',
};

function emojify(text) {
  return text.replace(/:([a-z0-9_+-]+):/g, (match, name) => EMOJI[name] ?? match);
}

function decodeEntities(text) {
  return text.replace(/&(lt|gt|amp);/g, (_match, name) => ({ lt: '<', gt: '>', amp: '&' })[name]);
}

// ---------------------------------------------------------------------------------------
// Slack dates: <!date^1700000000^{date_short_pretty} {time}|fallback>, in the reader's language
// (the locale Slack has for the person the page acts as), as Slack renders them

const DAY_MS = 24 * 60 * 60 * 1000;

function capitalise(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function prettyDay(date) {
  const startOf = (d) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOf(date) - startOf(new Date())) / DAY_MS);
  if (days < -1 || days > 1) return null;
  return capitalise(new Intl.RelativeTimeFormat(readerLocale(), { numeric: 'auto' }).format(days, 'day'));
}

function agoText(date) {
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(readerLocale(), { numeric: 'auto' });
  const steps = [
    [60, 'second', 1],
    [3600, 'minute', 60],
    [86400, 'hour', 3600],
    [2592000, 'day', 86400],
    [31536000, 'month', 2592000],
  ];
  for (const [limit, unit, size] of steps) {
    if (Math.abs(seconds) < limit) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(Math.round(seconds / 31536000), 'year');
}

function formatDateToken(date, token) {
  const dateOptions = {
    date_num: { year: 'numeric', month: '2-digit', day: '2-digit' },
    date: { year: 'numeric', month: 'long', day: 'numeric' },
    date_short: { year: 'numeric', month: 'short', day: 'numeric' },
    date_long: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
  };
  switch (token) {
    case 'date_num':
    case 'date':
    case 'date_short':
    case 'date_long':
      return date.toLocaleString(readerLocale(), dateOptions[token]);
    case 'date_pretty':
    case 'date_short_pretty':
    case 'date_long_pretty':
      return (
        prettyDay(date) ?? date.toLocaleString(readerLocale(), dateOptions[token.replace('_pretty', '')])
      );
    case 'time':
      return date.toLocaleString(readerLocale(), { hour: 'numeric', minute: '2-digit' });
    case 'time_secs':
      return date.toLocaleString(readerLocale(), { hour: 'numeric', minute: '2-digit', second: '2-digit' });
    case 'ago':
      return agoText(date);
    default:
      throw new Error(`unknown date token ${token}`);
  }
}

function renderSlackDate(parts, fallback) {
  const [, epochText, format = '{date_short_pretty} {time}', link] = parts;
  let shown;
  let full = '';
  try {
    if (!/^-?\d+$/.test(epochText ?? '')) throw new Error('bad epoch');
    const date = new Date(Number(epochText) * 1000);
    if (Number.isNaN(date.getTime())) throw new Error('bad epoch');
    shown = format.replace(/\{([a-z_]+)\}/g, (_match, token) => formatDateToken(date, token));
    full = date.toLocaleString(readerLocale());
  } catch {
    shown = fallback ?? epochText ?? '';
  }
  const text = decodeEntities(shown);
  const node = link && isHttpUrl(decodeEntities(link)) ? safeLink(decodeEntities(link), text) : el('span');
  node.classList.add('md-date');
  if (!node.textContent) node.textContent = text;
  if (full) node.title = full;
  return node;
}

// ---------------------------------------------------------------------------------------
// Mrkdwn: Slack's <...> tokens first, then block structure (code fences, quotes, lines),
// then inline *bold* _italic_ ~strike~ `code`. Everything ends up as text nodes.
// As in Slack, a literal &, < or > arrives as &amp; &lt; &gt; (the workspace escapes what
// the user typed, the bot escapes what it echoes), so only real markup forms a <...> token,
// and the entities are decoded only when shown as text.

const ATOM_BASE = 0xe000;
const ATOM_MAX = 0x18ff; // up to U+F8FF, the private use area
const PRIVATE_USE = /[\uE000-\uF8FF]/g;
const SLACK_TOKEN = /<([^<>\n]*)>/g;

function userName(id) {
  if (state?.bot && id === state.bot.id) return state.bot.name;
  if (state?.me && id === state.me.id) return state.me.name;
  const person = state?.people?.find((p) => p.id === id);
  return person ? person.name : id;
}

function channelName(id) {
  const channel = state?.channels?.find((c) => c.id === id);
  return channel ? channel.name : id;
}

/** The DOM node for one <...> token. */
function renderToken(content) {
  const bar = content.indexOf('|');
  const head = bar < 0 ? content : content.slice(0, bar);
  const label = bar < 0 ? null : content.slice(bar + 1);
  if (head.startsWith('@')) {
    const name = label ? decodeEntities(label).replace(/^@/, '') : userName(head.slice(1));
    return el('span', 'mention', `@${name}`);
  }
  if (head.startsWith('#')) {
    const name = label ? decodeEntities(label) : channelName(head.slice(1));
    return el('span', 'mention', `#${name}`);
  }
  if (head.startsWith('!')) {
    const parts = head.slice(1).split('^');
    const kind = parts[0];
    if (kind === 'channel' || kind === 'here' || kind === 'everyone') {
      return el('span', 'mention mention-broadcast', `@${kind}`);
    }
    if (kind === 'date') return renderSlackDate(parts, label);
    if (kind === 'subteam') return el('span', 'mention', label ? decodeEntities(label) : '@group');
    return el('span', 'md-raw', decodeEntities(label ?? `<${content}>`));
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(head)) {
    const url = decodeEntities(head);
    return safeLink(url, label ? decodeEntities(label) : url);
  }
  // Not a Slack token at all (a stray "<b>"): show it exactly as written.
  return el('span', 'md-raw', decodeEntities(`<${content}>`));
}

/** Appends text that may hold atom placeholders, decoding entities and (optionally) emoji. */
function appendLeaf(parent, text, atoms, withEmoji) {
  let buffer = '';
  const flush = () => {
    if (!buffer) return;
    const decoded = decodeEntities(buffer);
    parent.append(document.createTextNode(withEmoji ? emojify(decoded) : decoded));
    buffer = '';
  };
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= ATOM_BASE && code - ATOM_BASE < atoms.length) {
      flush();
      parent.append(atoms[code - ATOM_BASE]);
    } else {
      buffer += char;
    }
  }
  flush();
}

const INLINE_TAGS = { '*': 'strong', _: 'em', '~': 's', '`': 'code' };
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/** Index of the marker closing the one at `start`, or -1 if it does not open anything. */
function findCloser(text, start, marker) {
  const next = text[start + 1];
  if (next === undefined || next === marker) return -1;
  if (marker === '`') {
    const end = text.indexOf('`', start + 1);
    return end > start + 1 ? end : -1;
  }
  const previous = text[start - 1];
  if (previous !== undefined && WORD_CHAR.test(previous)) return -1;
  if (SPACE.test(next)) return -1;
  for (let end = start + 2; end < text.length; end += 1) {
    if (text[end] !== marker || SPACE.test(text[end - 1])) continue;
    const after = text[end + 1];
    if (after === undefined || !WORD_CHAR.test(after)) return end;
  }
  return -1;
}

function parseInline(text, parent, atoms) {
  let plain = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const tag = INLINE_TAGS[char];
    const end = tag ? findCloser(text, index, char) : -1;
    if (end > 0) {
      appendLeaf(parent, plain, atoms, true);
      plain = '';
      const node = el(tag, `md-${tag}`);
      const inner = text.slice(index + 1, end);
      if (char === '`') appendLeaf(node, inner, atoms, false);
      else parseInline(inner, node, atoms);
      parent.append(node);
      index = end + 1;
    } else {
      plain += char;
      index += 1;
    }
  }
  appendLeaf(parent, plain, atoms, true);
}

const QUOTE_LINE = /^(?:&gt;|>) ?/;

function renderLines(text, container, atoms) {
  let quote = null;
  let afterLine = false;
  for (const line of text.split('\n')) {
    const marker = QUOTE_LINE.exec(line);
    if (marker) {
      if (quote) quote.append(el('br'));
      else {
        quote = el('blockquote', 'md-quote');
        container.append(quote);
      }
      parseInline(line.slice(marker[0].length), quote, atoms);
      afterLine = false;
    } else {
      quote = null;
      if (afterLine) container.append(el('br'));
      parseInline(line, container, atoms);
      afterLine = true;
    }
  }
}

/** Slack mrkdwn as a DOM element (a div of class "mrkdwn"). */
function renderMrkdwn(source, className) {
  const container = el('div', className ? `mrkdwn ${className}` : 'mrkdwn');
  const atoms = [];
  const text = String(source ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(PRIVATE_USE, '\uFFFD')
    .replace(SLACK_TOKEN, (match, content) => {
      if (atoms.length > ATOM_MAX) return match.replace(/</g, '&lt;').replace(/>/g, '&gt;');
      atoms.push(renderToken(content));
      return String.fromCharCode(ATOM_BASE + atoms.length - 1);
    });
  const parts = text.split('```');
  if (parts.length % 2 === 0) {
    // An unmatched fence is just text.
    const last = parts.pop();
    parts[parts.length - 1] += `\`\`\`${last}`;
  }
  parts.forEach((part, index) => {
    if (index % 2 === 1) {
      const pre = el('pre', 'md-pre');
      appendLeaf(pre, part.replace(/^\n/, '').replace(/\n$/, ''), atoms, false);
      container.append(pre);
      return;
    }
    let segment = part;
    if (index > 0) segment = segment.replace(/^\n/, '');
    if (index < parts.length - 1) segment = segment.replace(/\n$/, '');
    if (segment || parts.length === 1) renderLines(segment, container, atoms);
  });
  return container;
}

/** A Block Kit text object: mrkdwn, or plain_text (with :emoji: unless emoji is false). */
function renderTextObject(object, className) {
  if (!object || typeof object !== 'object') return el('span', className);
  if (object.type === 'mrkdwn') return renderMrkdwn(object.text, className);
  const text = String(object.text ?? '');
  return el(
    'span',
    className ? `plain ${className}` : 'plain',
    object.emoji === false ? text : emojify(text),
  );
}

function plainTextOf(object) {
  return object && typeof object === 'object' ? String(object.text ?? '') : '';
}

// ---------------------------------------------------------------------------------------
// Talking to the server

/**
 * Every change goes to the server as JSON with this content type: the server refuses
 * anything else (415), since a cross-site form can send text/plain but never JSON.
 */
async function postJson(url, body) {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    const raw = await response.text();
    let data = null;
    try {
      data = JSON.parse(raw);
    } catch {
      data = null;
    }
    if (data && typeof data === 'object') {
      if (!response.ok && data.ok !== false) return { ok: false, error: `HTTP ${response.status}` };
      return data;
    }
    if (response.ok) return { ok: true };
    // A refusal (wrong Host, Origin or content type) says why in one line of plain text.
    const reason = raw.trim().split('\n')[0];
    return { ok: false, error: reason ? `HTTP ${response.status}: ${reason}` : `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, error: `Could not reach the sandbox server (${error?.message ?? error})` };
  }
}

// ---------------------------------------------------------------------------------------
// Notices (toasts)

const shownNotices = new Set();

function showNotice(text, level = 'info') {
  const toasts = byId('toasts');
  // The same words twice at once (the page's own and the server's notice of a tip run): once.
  if ([...toasts.children].some((t) => t.dataset.text === text && !t.classList.contains('fading'))) return;
  const toast = el('div', `toast toast-${level === 'warn' ? 'warn' : 'info'}`);
  toast.dataset.testid = 'notice';
  toast.dataset.text = text;
  toast.setAttribute('role', level === 'warn' ? 'alert' : 'status');
  toast.append(renderMrkdwn(text, 'toast-text'));
  const remove = () => toast.remove();
  toast.addEventListener('click', remove);
  toasts.append(toast);
  setTimeout(() => toast.classList.add('fading'), 5000);
  setTimeout(remove, 5800);
}

// ---------------------------------------------------------------------------------------
// Block Kit

function confirmed(element) {
  const confirm = element.confirm;
  if (!confirm || typeof confirm !== 'object') return true;
  const question = [plainTextOf(confirm.title), plainTextOf(confirm.text)].filter(Boolean).join('\n\n');
  return window.confirm(question || 'Are you sure?');
}

async function sendAction(target, payload, control) {
  control.disabled = true;
  control.classList.add('busy');
  const result = await postJson('/api/action', asActing({ ...target, ...payload }));
  control.disabled = false;
  control.classList.remove('busy');
  if (!result.ok) showNotice(result.error || 'The action failed', 'warn');
}

function blockIdOf(block) {
  return typeof block.block_id === 'string' ? block.block_id : '';
}

function renderButton(element, block, target) {
  const label = emojify(plainTextOf(element.text));
  const button = el('button', 'sk-button', label);
  button.type = 'button';
  button.title = label;
  button.dataset.actionId = String(element.action_id ?? '');
  if (element.style === 'primary') button.classList.add('sk-primary');
  if (element.style === 'danger') button.classList.add('sk-danger');
  button.addEventListener('click', () => {
    if (!confirmed(element)) return;
    if (typeof element.url === 'string' && isHttpUrl(element.url)) {
      window.open(element.url, '_blank', 'noopener,noreferrer');
    }
    const payload = { actionId: element.action_id, blockId: blockIdOf(block) };
    if (element.value !== undefined) payload.value = element.value;
    sendAction(target, payload, button);
  });
  return button;
}

function closeMenus(except) {
  for (const menu of document.querySelectorAll('.overflow-menu')) {
    if (menu !== except) menu.hidden = true;
  }
}

function renderStaticSelect(element, block, target) {
  const select = el('select', 'sk-select');
  select.dataset.actionId = String(element.action_id ?? '');
  const placeholder = el('option', null, plainTextOf(element.placeholder) || 'Select an item');
  placeholder.value = '';
  placeholder.disabled = true;
  placeholder.selected = true;
  select.append(placeholder);
  const options = [];
  const addOption = (option, parent) => {
    const node = el('option', null, emojify(plainTextOf(option.text)));
    node.value = String(options.length);
    options.push(option);
    if (element.initial_option && element.initial_option.value === option.value) node.selected = true;
    parent.append(node);
  };
  for (const option of Array.isArray(element.options) ? element.options : []) addOption(option, select);
  for (const group of Array.isArray(element.option_groups) ? element.option_groups : []) {
    const optgroup = el('optgroup');
    optgroup.label = plainTextOf(group.label);
    for (const option of Array.isArray(group.options) ? group.options : []) addOption(option, optgroup);
    select.append(optgroup);
  }
  select.addEventListener('change', () => {
    const option = options[Number(select.value)];
    if (!option) return;
    if (!confirmed(element)) return;
    sendAction(
      target,
      {
        actionId: element.action_id,
        blockId: blockIdOf(block),
        selectedOption: { text: plainTextOf(option.text), value: option.value },
      },
      select,
    );
  });
  return select;
}

function renderElement(element, block, target) {
  if (!element || typeof element !== 'object')
    return el('span', 'block-unsupported', '[unsupported element]');
  switch (element.type) {
    case 'button':
      return renderButton(element, block, target);
    case 'static_select':
      return renderStaticSelect(element, block, target);
    default:
      return el('span', 'block-unsupported', `[unsupported element: ${element.type}]`);
  }
}

function renderBlock(block, target) {
  const type = block && typeof block === 'object' ? String(block.type) : '?';
  const node = el('div', `block block-${type.replace(/[^a-z_]/g, '')}`);
  node.dataset.blockType = type;
  if (block && typeof block.block_id === 'string') node.dataset.blockId = block.block_id;
  switch (type) {
    case 'header':
      node.className = 'block block-header';
      node.textContent = emojify(plainTextOf(block.text));
      return node;
    case 'section': {
      const body = el('div', 'section-body');
      if (block.text) body.append(renderTextObject(block.text, 'section-text'));
      if (Array.isArray(block.fields) && block.fields.length > 0) {
        const fields = el('div', 'section-fields');
        for (const field of block.fields) fields.append(renderTextObject(field, 'section-field'));
        body.append(fields);
      }
      node.append(body);
      if (block.accessory) {
        const accessory = el('div', 'section-accessory');
        accessory.append(renderElement(block.accessory, block, target));
        node.append(accessory);
      }
      return node;
    }
    case 'context':
      for (const element of Array.isArray(block.elements) ? block.elements : []) {
        node.append(renderTextObject(element, 'context-item'));
      }
      return node;
    case 'divider':
      node.append(el('hr', 'block-rule'));
      return node;
    case 'actions':
      for (const element of Array.isArray(block.elements) ? block.elements : []) {
        node.append(renderElement(element, block, target));
      }
      return node;
    case 'input':
      return renderInputBlock(block, node);
    default:
      node.className = 'block block-unsupported';
      node.textContent = `[unsupported block: ${type}]`;
      return node;
  }
}

function renderBlocks(blocks, target) {
  const container = el('div', 'blocks');
  for (const block of Array.isArray(blocks) ? blocks : []) {
    try {
      container.append(renderBlock(block, target));
    } catch (error) {
      const type = block && typeof block === 'object' ? block.type : '?';
      const node = el('div', 'block block-unsupported', `[unsupported block: ${type}]`);
      node.dataset.blockType = String(type);
      container.append(node);
      console.error('could not render a block', error);
    }
  }
  return container;
}

// ---------------------------------------------------------------------------------------
// State

/** The latest state from the server. */
let state = null;
/** What the main pane shows: { kind: 'channel', id } or { kind: 'home' }. */
let view = null;
/** The open thread: { channel, ts } or null. */
let openThread = null;
/** Set after "@SocialVS …" is sent in a channel: open the thread when the bot answers there. */
let mentionWatch = null;
let firstState = true;
const replyCounts = new Map();
const seenCounts = new Map();
let mainRendered = { key: '', ids: new Set() };
let threadRendered = { key: '', ids: new Set() };

const isReply = (message) =>
  message.threadTs !== null && message.threadTs !== undefined && message.threadTs !== message.ts;

/** Top-level messages of a channel and their replies, keyed by the parent's ts. */
function channelThreads(channelId) {
  const inChannel = (state?.messages ?? []).filter((m) => m.channel === channelId && shownToReader(m));
  const parents = new Set(inChannel.filter((m) => !isReply(m)).map((m) => m.ts));
  const top = [];
  const replies = new Map();
  for (const message of inChannel) {
    if (isReply(message) && parents.has(message.threadTs)) {
      const list = replies.get(message.threadTs) ?? [];
      list.push(message);
      replies.set(message.threadTs, list);
    } else {
      top.push(message);
    }
  }
  return { top, replies };
}

function currentChannel() {
  return view?.kind === 'channel' ? state?.channels?.find((c) => c.id === view.id) : undefined;
}

function defaultView() {
  const channels = state?.channels ?? [];
  const first = channels.find((c) => c.kind === 'channel') ?? channels.find(isReadersChannel);
  return first ? { kind: 'channel', id: first.id } : { kind: 'home' };
}

function messageCount(channelId) {
  const shown = (state?.messages ?? []).filter((m) => m.channel === channelId && shownToReader(m));
  return shown.filter((m) => !isReply(m)).length;
}

function mentionsBot(text) {
  const name = (state?.bot?.name ?? 'SocialVS').toLowerCase();
  const lower = text.toLowerCase();
  return lower.includes(`@${name}`) || lower.includes('@socialvs') || text.includes(`<@${state?.bot?.id}`);
}

/** Opens the thread the user started when the bot answers in it. */
function autoOpenThreads() {
  if (mentionWatch && Date.now() - mentionWatch.since > 120_000) mentionWatch = null;
  for (const channel of state.channels ?? []) {
    const { top, replies } = channelThreads(channel.id);
    for (const message of top) {
      const list = replies.get(message.ts) ?? [];
      const before = replyCounts.get(message.id) ?? 0;
      replyCounts.set(message.id, list.length);
      if (firstState || message.author !== actingAs || list.length === 0) continue;
      const watched =
        mentionWatch && mentionWatch.channel === channel.id && !mentionWatch.known.has(message.id);
      const grew = list.length > before && list[list.length - 1].author === 'bot';
      if (watched) {
        mentionWatch = null;
        openThread = { channel: channel.id, ts: message.ts };
      } else if (grew && !openThread && view?.kind === 'channel' && view.id === channel.id) {
        openThread = { channel: channel.id, ts: message.ts };
      }
    }
  }
}

function handleNotices() {
  const notices = Array.isArray(state.notices) ? state.notices : [];
  const fresh = notices.filter((notice) => !shownNotices.has(notice.id));
  for (const notice of notices) shownNotices.add(notice.id);
  // A notice is news once: the first state (a reload) brings only old ones, not shown again.
  if (firstState) return;
  for (const notice of fresh) showNotice(notice.text, notice.level);
}

function onState(next) {
  if (!next || typeof next !== 'object') return;
  state = next;
  state.channels = Array.isArray(state.channels) ? state.channels : [];
  state.messages = Array.isArray(state.messages) ? state.messages : [];
  if (
    !view ||
    (view.kind === 'channel' && !state.channels.some((c) => c.id === view.id && isReadersChannel(c)))
  ) {
    view = defaultView();
  }
  if (firstState) {
    for (const channel of state.channels) seenCounts.set(channel.id, messageCount(channel.id));
  }
  handleNotices();
  autoOpenThreads();
  if (view.kind === 'channel') seenCounts.set(view.id, messageCount(view.id));
  firstState = false;
  render();
}

// ---------------------------------------------------------------------------------------
// People: the page acts as you or as Ben, and shows what that person would see in Slack

/** The key of the person the page acts as: 'me' (you) or 'ben'. */
let actingAs = 'me';

function actingPerson() {
  const people = Array.isArray(state?.people) ? state.people : [];
  return people.find((p) => p.key === actingAs) ?? people[0] ?? { key: 'me', id: state?.me?.id, name: 'you' };
}

/** The language dates and times are shown in: the acting person's Slack locale. */
function readerLocale() {
  const locale = actingPerson().locale;
  try {
    return locale ? Intl.getCanonicalLocales(locale)[0] : undefined;
  } catch {
    return undefined;
  }
}

/** An ephemeral message is there only for the person it is for, as in Slack. */
function shownToReader(message) {
  return !message.ephemeral || !message.visibleTo || message.visibleTo === actingPerson().id;
}

/** Channels, and only the acting person's own DM with the bot. */
function isReadersChannel(channel) {
  return channel.kind !== 'dm' || !channel.with || channel.with === actingPerson().id;
}

function asActing(body) {
  return { ...body, as: actingAs };
}

function avatarKind(author) {
  if (author === 'bot') return 'bot';
  return author === 'ben' ? 'ben' : 'me';
}

function renderPersonSwitch() {
  const select = byId('person-select');
  const people = Array.isArray(state.people) ? state.people : [];
  const options = people.map((person) => {
    const option = el(
      'option',
      null,
      person.key === 'me' ? `you${person.admin ? ' (admin)' : ''}` : person.name,
    );
    option.value = person.key;
    option.selected = person.key === actingAs;
    return option;
  });
  if (select.options.length !== options.length || document.activeElement !== select) {
    select.replaceChildren(...options);
  }
  // What tells the people apart: the language Slack shows them dates in, and admin rights.
  const person = actingPerson();
  const locale = person.locale ? `Locale ${person.locale}` : 'Try the bot, no Slack needed';
  byId('me-name').textContent = person.admin ? `${locale} · workspace admin` : locale;
}

/** Acts as another person: their DM, their Home, their ephemeral messages. */
function switchPerson(key) {
  if (!state?.people?.some((p) => p.key === key) || key === actingAs) return;
  actingAs = key;
  openThread = null;
  mentionWatch = null;
  const channel = currentChannel();
  if (view?.kind === 'home') {
    selectView({ kind: 'home' });
    return;
  }
  if (channel && !isReadersChannel(channel)) {
    const ownDm = state.channels.find((c) => c.kind === 'dm' && isReadersChannel(c));
    view = ownDm ? { kind: 'channel', id: ownDm.id } : defaultView();
  }
  render();
}

// ---------------------------------------------------------------------------------------
// Rendering

function formatTime(ts) {
  const seconds = Number.parseFloat(ts);
  if (!Number.isFinite(seconds)) return { short: '', full: '' };
  const date = new Date(seconds * 1000);
  const sameDay = date.toDateString() === new Date().toDateString();
  const short = sameDay
    ? date.toLocaleTimeString(readerLocale(), { hour: 'numeric', minute: '2-digit' })
    : date.toLocaleString(readerLocale(), {
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      });
  return { short, full: date.toLocaleString(readerLocale()) };
}

function initial(name) {
  const first = [...String(name || '?').trim()][0] ?? '?';
  return first.toUpperCase();
}

function renderMessage(message, options = {}) {
  const node = el('div', 'message');
  node.dataset.testid = 'message';
  node.dataset.messageId = String(message.id);
  node.dataset.author = String(message.author);
  node.dataset.ts = String(message.ts);
  if (message.ephemeral) {
    node.dataset.ephemeral = 'true';
    node.classList.add('message-ephemeral');
  }
  try {
    const authorName = message.authorName || (message.author === 'bot' ? state?.bot?.name : state?.me?.name);
    const avatar = el('div', `avatar avatar-${avatarKind(message.author)}`, initial(authorName));
    avatar.setAttribute('aria-hidden', 'true');
    const body = el('div', 'message-body');

    if (message.ephemeral) body.append(el('div', 'ephemeral-label', '👁 Only visible to you'));
    const meta = el('div', 'message-meta');
    meta.append(el('span', 'author-name', authorName || 'Someone'));
    if (message.author === 'bot') meta.append(el('span', 'app-badge', 'APP'));
    const time = formatTime(message.ts);
    const timeNode = el('span', 'message-time', time.short);
    timeNode.title = time.full;
    meta.append(timeNode);
    body.append(meta);

    if (message.command) {
      const command = String(message.command);
      body.append(el('div', 'message-command', command.startsWith('/') ? command : `/socialvs ${command}`));
    }
    // rich_text blocks only repeat what a person typed: the text shows it.
    const blocks = Array.isArray(message.blocks) ? message.blocks.filter((b) => b?.type !== 'rich_text') : [];
    // As in Slack: when blocks are there, the text is only the notification fallback.
    if (message.text && blocks.length === 0) body.append(renderMrkdwn(message.text, 'message-text'));
    if (blocks.length > 0) body.append(renderBlocks(blocks, { messageId: message.id }));

    if (options.replies && options.replies.length > 0) {
      const count = options.replies.length;
      const link = el('button', 'thread-link');
      link.type = 'button';
      link.dataset.testid = 'open-thread';
      link.append(el('span', 'thread-link-count', `${count} ${count === 1 ? 'reply' : 'replies'}`));
      const last = formatTime(options.replies[count - 1].ts);
      link.append(el('span', 'thread-link-last', `Last reply ${last.short}`));
      link.addEventListener('click', () => {
        openThread = { channel: message.channel, ts: message.ts };
        render();
        byId('thread-message-box').focus();
      });
      body.append(link);
    }
    node.append(avatar, body);
    decorateMessage(node, message);
  } catch (error) {
    console.error('could not render a message', error);
    node.append(el('div', 'block-unsupported', '[this message could not be shown]'));
  }
  return node;
}

function sidebarItem(active, onClick) {
  const li = el('li');
  const button = el('button', `sidebar-item${active ? ' active' : ''}`);
  button.type = 'button';
  button.addEventListener('click', onClick);
  li.append(button);
  return { li, button };
}

function selectView(next) {
  const changed = JSON.stringify(next) !== JSON.stringify(view);
  view = next;
  if (changed && openThread && (next.kind !== 'channel' || openThread.channel !== next.id)) openThread = null;
  if (next.kind === 'channel') seenCounts.set(next.id, messageCount(next.id));
  if (next.kind === 'home') {
    postJson('/api/home/open', asActing({})).then((result) => {
      if (!result.ok) showNotice(result.error || 'Could not open the App Home', 'warn');
    });
  }
  render();
  if (next.kind === 'channel') byId('message-box').focus();
}

function renderSidebar() {
  const channelList = byId('channel-list');
  const dmList = byId('dm-list');
  const channelItems = [];
  const dmItems = [];
  for (const channel of state.channels.filter(isReadersChannel)) {
    const active = view.kind === 'channel' && view.id === channel.id;
    const { li, button } = sidebarItem(active, () => selectView({ kind: 'channel', id: channel.id }));
    button.dataset.channelId = channel.id;
    const unread = !active && messageCount(channel.id) > (seenCounts.get(channel.id) ?? 0);
    if (unread) button.classList.add('unread');
    if (channel.kind === 'dm') {
      button.dataset.testid = 'dm-link';
      const presence = el('span', 'sidebar-icon presence');
      presence.setAttribute('aria-hidden', 'true');
      button.append(presence, el('span', 'sidebar-label', channel.name || state.bot?.name || 'SocialVS'));
      dmItems.push(li);
    } else {
      button.dataset.testid = 'channel-link';
      button.append(el('span', 'sidebar-icon hash', '#'), el('span', 'sidebar-label', channel.name));
      if (channel.subscribed) {
        const badge = el('span', 'badge', '📬 daily tips');
        badge.title = 'Subscribed to the daily tip';
        button.append(badge);
      }
      channelItems.push(li);
    }
  }
  channelList.replaceChildren(...channelItems);
  dmList.replaceChildren(...dmItems);
  const home = byId('home-link');
  home.classList.toggle('active', view.kind === 'home');
  renderPersonSwitch();
}

function renderHeader(channel) {
  const title = byId('main-title');
  const subtitle = byId('main-subtitle');
  const actions = byId('header-actions');
  actions.replaceChildren();
  if (view.kind === 'home') {
    title.textContent = `${state.bot?.name ?? 'SocialVS'}`;
    subtitle.textContent = 'Home';
    document.title = `${state.bot?.name ?? 'SocialVS'} Home – SocialVS sandbox`;
    return;
  }
  if (!channel) {
    title.textContent = 'No channel';
    subtitle.textContent = '';
    return;
  }
  const dm = channel.kind === 'dm';
  title.textContent = dm ? channel.name : `# ${channel.name}`;
  subtitle.textContent = dm
    ? 'Direct message with the bot: just ask'
    : channel.subscribed
      ? '📬 Subscribed to the daily tip'
      : 'Try /socialvs or @mention the bot';
  document.title = `${dm ? channel.name : `#${channel.name}`} – SocialVS sandbox`;
  if (channel.subscribed) {
    const run = el('button', 'sk-button header-button', 'Run tip job now');
    run.type = 'button';
    run.dataset.testid = 'run-tips';
    run.addEventListener('click', () => runTips(run));
    actions.append(run);
  }
}

async function runTips(button) {
  button.disabled = true;
  const result = await postJson('/api/tips/run', {});
  button.disabled = false;
  if (!result.ok) {
    showNotice(result.error || 'The tip job failed', 'warn');
    return;
  }
  const report = result.report ?? {};
  const count = (list) => (Array.isArray(list) ? list.length : 0);
  let text = `Tip job for ${report.day ?? 'today'}: ${count(report.posted)} posted, ${count(report.skipped)} already sent today`;
  if (count(report.paused) > 0) text += `, ${count(report.paused)} paused`;
  if (count(report.failed) > 0) text += `, ${count(report.failed)} failed`;
  showNotice(text, count(report.failed) > 0 ? 'warn' : 'info');
}

function renderChannelIntro(channel) {
  const intro = el('div', 'channel-intro');
  if (channel.kind === 'dm') {
    intro.append(el('div', 'channel-intro-title', channel.name));
    intro.append(
      el(
        'div',
        'channel-intro-text',
        `This is your direct message with ${channel.name}. Just ask, for example: what is the ROI difference?`,
      ),
    );
  } else {
    intro.append(el('div', 'channel-intro-title', `# ${channel.name}`));
    intro.append(
      el(
        'div',
        'channel-intro-text',
        `This is the very beginning of #${channel.name}. Try /socialvs help, /socialvs what is the ROI difference? or @${state.bot?.name ?? 'SocialVS'} two-way communication.`,
      ),
    );
  }
  return intro;
}

function isAtBottom(container) {
  return container.scrollHeight - container.scrollTop - container.clientHeight < 40;
}

/** Rebuilds a scrolling list, keeping its scroll position unless something new arrived. */
function rebuildList(container, key, previous, nodes, ids, atBottom = isAtBottom(container)) {
  const scrollTop = container.scrollTop;
  const arrived = key !== previous.key || [...ids].some((id) => !previous.ids.has(id));
  container.replaceChildren(...nodes);
  if (arrived || atBottom) container.scrollTop = container.scrollHeight;
  else container.scrollTop = scrollTop;
  return { key, ids };
}

function renderMain(channel, listWasAtBottom) {
  const list = byId('message-list');
  const home = byId('home-view');
  const composer = byId('composer');
  const onHome = view.kind === 'home';
  list.hidden = onHome;
  composer.hidden = onHome;
  home.hidden = !onHome;
  if (onHome) {
    const scrollTop = home.scrollTop;
    const blocks = state.homes?.[actingPerson().id]?.blocks;
    home.replaceChildren(
      Array.isArray(blocks)
        ? renderBlocks(blocks, { view: 'home' })
        : el('div', 'loading', 'Opening the Home tab…'),
    );
    home.scrollTop = scrollTop;
    mainRendered = { key: 'home', ids: new Set() };
    return;
  }
  if (!channel) {
    list.replaceChildren(el('div', 'loading', 'No channels yet.'));
    return;
  }
  const { top, replies } = channelThreads(channel.id);
  const nodes = [renderChannelIntro(channel)];
  for (const message of top) nodes.push(renderMessage(message, { replies: replies.get(message.ts) ?? [] }));
  const ids = new Set(top.map((m) => m.id));
  mainRendered = rebuildList(list, channel.id, mainRendered, nodes, ids, listWasAtBottom);

  const box = byId('message-box');
  const botName = state.bot?.name ?? 'SocialVS';
  box.placeholder =
    channel.kind === 'dm'
      ? `Message ${channel.name} — just ask, e.g. what is the ROI difference?`
      : `Message #${channel.name} — try /socialvs what is the ROI difference? or @${botName} two-way communication`;
}

function renderThread() {
  const app = byId('app');
  const pane = byId('thread-pane');
  let parent = null;
  let replies = [];
  if (openThread) {
    const threads = channelThreads(openThread.channel);
    parent = threads.top.find((m) => m.ts === openThread.ts) ?? null;
    replies = threads.replies.get(openThread.ts) ?? [];
  }
  if (!parent) {
    openThread = null;
    pane.hidden = true;
    app.classList.remove('with-thread');
    threadRendered = { key: '', ids: new Set() };
    return;
  }
  pane.hidden = false;
  app.classList.add('with-thread');
  const channel = state.channels.find((c) => c.id === parent.channel);
  byId('thread-channel').textContent = channel
    ? channel.kind === 'dm'
      ? channel.name
      : `# ${channel.name}`
    : '';
  const nodes = [renderMessage(parent)];
  const divider = el('div', 'thread-divider');
  divider.append(el('span', null, `${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}`));
  nodes.push(divider);
  for (const reply of replies) nodes.push(renderMessage(reply));
  const key = `${parent.channel}:${parent.ts}`;
  threadRendered = rebuildList(
    byId('thread-messages'),
    key,
    threadRendered,
    nodes,
    new Set(replies.map((m) => m.id)),
  );
}

function render() {
  if (!state) return;
  closeMenus();
  const channel = currentChannel();
  // Measured before the thread pane opens or closes, which changes the list's width.
  const listWasAtBottom = isAtBottom(byId('message-list'));
  renderSidebar();
  renderHeader(channel);
  renderThread();
  renderMain(channel, listWasAtBottom);
  renderModal(state);
}

// ---------------------------------------------------------------------------------------
// Composers

function autosize(box) {
  box.style.height = 'auto';
  box.style.height = `${Math.min(box.scrollHeight, 200)}px`;
  box.style.overflowY = box.scrollHeight > 200 ? 'auto' : 'hidden';
}

async function send(box, button, inThread) {
  const text = box.value;
  if (!text.trim() || !state || button.disabled) return;
  let body;
  if (inThread) {
    if (!openThread) return;
    body = { channel: openThread.channel, text, threadTs: openThread.ts };
  } else {
    const channel = currentChannel();
    if (!channel) return;
    body = { channel: channel.id, text };
    if (channel.kind === 'channel' && mentionsBot(text)) {
      const known = new Set(state.messages.filter((m) => m.channel === channel.id).map((m) => m.id));
      mentionWatch = { channel: channel.id, known, since: Date.now() };
    }
  }
  button.disabled = true;
  const result = await postJson('/api/send', asActing(body));
  button.disabled = false;
  if (result.ok) {
    box.value = '';
    autosize(box);
  } else {
    if (!inThread) mentionWatch = null;
    showNotice(result.error || 'Could not send the message', 'warn');
  }
  box.focus();
}

function wireComposer(formId, boxId, buttonId, inThread) {
  const form = byId(formId);
  const box = byId(boxId);
  const button = byId(buttonId);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(box, button, inThread);
  });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send(box, button, inThread);
    }
  });
  box.addEventListener('input', () => autosize(box));
}

// ---------------------------------------------------------------------------------------
// Start

function connect() {
  const connection = byId('connection');
  const source = new EventSource('/api/stream');
  source.addEventListener('open', () => {
    connection.dataset.state = 'connected';
    connection.textContent = 'Connected to the sandbox';
  });
  source.addEventListener('error', () => {
    connection.dataset.state = 'reconnecting';
    connection.textContent = 'Reconnecting…';
  });
  source.addEventListener('message', (event) => {
    let next;
    try {
      next = JSON.parse(event.data);
    } catch (error) {
      console.error('bad state from /api/stream', error);
      return;
    }
    onState(next);
  });
}

function start() {
  wireComposer('composer', 'message-box', 'send-button', false);
  wireComposer('thread-composer', 'thread-message-box', 'thread-send-button', true);
  wireShortcuts();
  byId('home-link').addEventListener('click', () => selectView({ kind: 'home' }));
  byId('person-select').addEventListener('change', (event) => switchPerson(event.target.value));
  byId('thread-close').addEventListener('click', () => {
    openThread = null;
    render();
  });
  document.addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('.overflow')) closeMenus();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeMenus();
  });
  connect();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();

// What modal.js draws with.
export { asActing, closeMenus, el, emojify, plainTextOf, postJson, renderBlocks, showNotice };
