/**
 * The sandbox's Slack: a couple of channels and a DM, the messages in them, and the App
 * Home. What the user does on the page becomes what Slack would send the bot (a
 * slash command, an app_mention or message.im event, a block_actions payload); what the
 * bot sends back (Web API calls and response_url posts, seen by the stand-in) becomes
 * messages here. The page renders this state.
 */
import { EventEmitter } from 'node:events';
import { BOT_USER_ID, type RecordedCall, type ResponseUrlPost, type SlackStandIn } from './slack-stand-in.js';
import type { SlackTransport } from './transport.js';

export const ME = { id: 'U0SANDBOXME', name: 'you' } as const;
export const BOT = { id: BOT_USER_ID, name: 'SocialVS' } as const;
export const CHANNELS = [
  { id: 'C0SANDBOXGEN', name: 'general', kind: 'channel' as const },
  { id: 'C0SANDBOXMKT', name: 'marketing', kind: 'channel' as const },
  { id: 'D0SANDBOXDM', name: BOT.name, kind: 'dm' as const },
];
/** The channel that starts subscribed to the daily tip. */
export const TIP_CHANNEL = 'C0SANDBOXMKT';

export interface SandboxMessage {
  id: string;
  channel: string;
  ts: string;
  threadTs: string | null;
  author: 'me' | 'bot';
  authorName: string;
  text: string;
  blocks: unknown[] | null;
  ephemeral: boolean;
  /** For a slash command's reply: what the user ran. */
  command: string | null;
}

export interface SandboxNotice {
  id: string;
  text: string;
  level: 'info' | 'warn';
}

/** The modal open over the page (the topic browser), with Slack's errors beside its fields. */
export interface SandboxModal {
  id: string;
  hash: string;
  view: Record<string, unknown>;
  /** block_id → message, from a submission answered with response_action "errors". */
  errors: Record<string, string>;
}

export interface SandboxState {
  me: typeof ME;
  bot: typeof BOT;
  channels: Array<{ id: string; name: string; kind: 'channel' | 'dm'; subscribed: boolean }>;
  messages: SandboxMessage[];
  home: { blocks: unknown[] } | null;
  notices: SandboxNotice[];
  /** The open modal, if any. */
  modal: SandboxModal | null;
}

/** Where a response_url's posts go: the channel, and the message a button was on. */
interface ResponseTarget {
  channel: string;
  messageId?: string;
  command?: string;
}

const MAX_MESSAGES = 500;
const MAX_TEXT = 4000;

export class SandboxWorkspace extends EventEmitter {
  private readonly messages: SandboxMessage[] = [];
  private readonly targets = new Map<string, ResponseTarget>();
  private home: { blocks: unknown[] } | null = null;
  private modal: SandboxModal | null = null;
  private notices: SandboxNotice[] = [];
  private counter = 0;
  private subscribed: () => Promise<Set<string>>;
  private subscribedNow = new Set<string>();

  constructor(
    private readonly standIn: SlackStandIn,
    /** Signed HTTP requests or Socket Mode envelopes (transport.ts): the workspace doesn't mind which. */
    private readonly slack: SlackTransport,
    subscribedChannels: () => Promise<Set<string>>,
  ) {
    super();
    this.subscribed = subscribedChannels;
    standIn.on('call', (call: RecordedCall) => this.onCall(call));
    standIn.on('response', (post: ResponseUrlPost) => this.onResponse(post));
  }

  async refreshSubscriptions(): Promise<void> {
    this.subscribedNow = await this.subscribed();
    this.changed();
  }

  state(): SandboxState {
    return {
      me: ME,
      bot: BOT,
      channels: CHANNELS.map((channel) => ({ ...channel, subscribed: this.subscribedNow.has(channel.id) })),
      messages: this.messages,
      home: this.home,
      notices: this.notices,
      modal: this.modal,
    };
  }

  notice(text: string, level: SandboxNotice['level'] = 'info'): void {
    this.notices = [...this.notices.slice(-4), { id: this.nextId('n'), text, level }];
    this.changed();
  }

  /** What the user typed in a channel's (or a thread's) message box. */
  async send(channel: string, rawText: string, threadTs?: string): Promise<void> {
    const known = CHANNELS.find((candidate) => candidate.id === channel);
    if (!known) throw new SandboxInputError('unknown channel');
    const text = rawText.slice(0, MAX_TEXT);
    if (!text.trim()) throw new SandboxInputError('type a message first');

    const command = /^\/socialvs(?:\s+|$)([\s\S]*)$/i.exec(text.trim());
    if (command) {
      const responseUrl = this.standIn.responseUrl();
      this.targets.set(idOf(responseUrl), { channel, command: text.trim() });
      const inAck = await this.slack.slashCommand({
        text: escapeTyped((command[1] ?? '').trim()),
        userId: ME.id,
        userName: ME.name,
        channelId: channel,
        channelName: known.kind === 'dm' ? 'directmessage' : known.name,
        responseUrl,
      });
      // The answer usually rides on the acknowledgement; Slack shows it as it would a response.
      if (inAck) this.onResponse({ id: idOf(responseUrl), body: inAck, at: Date.now() });
      return;
    }
    if (text.trim().startsWith('/')) throw new SandboxInputError('the only slash command here is /socialvs');

    const ts = this.nextTs();
    const mentioned = /^\s*@socialvs\b/i.test(text);
    // Slack escapes what was typed, then writes its own markup for the mention it recognised.
    const escaped = escapeTyped(text);
    const shown = mentioned ? escaped.replace(/^\s*@socialvs\b/i, `<@${BOT.id}>`) : escaped;
    this.add({
      channel,
      ts,
      threadTs: threadTs ?? null,
      author: 'me',
      authorName: ME.name,
      text: shown,
      blocks: null,
      ephemeral: false,
      command: null,
    });
    // A DM arrives as message.im, a mention as app_mention; the rest of the event is the same.
    if (known.kind === 'dm' || mentioned) {
      const kind = known.kind === 'dm' ? { type: 'message', channel_type: 'im' } : { type: 'app_mention' };
      await this.slack.event({
        ...kind,
        channel,
        user: ME.id,
        text: shown,
        ts,
        event_ts: ts,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
    }
    // A plain channel message without a mention: Slack sends the bot nothing (it has no
    // channels:history scope), so neither do we.
  }

  /** A button (or select) pressed on a message, or on the home tab. */
  async act(input: {
    messageId?: string;
    view?: 'home';
    actionId: string;
    blockId?: string;
    value?: string;
  }): Promise<void> {
    const pressed = {
      actionId: input.actionId,
      ...(input.value === undefined ? {} : { value: input.value }),
      ...(input.blockId ? { blockId: input.blockId } : {}),
      userId: ME.id,
      userName: ME.name,
    };
    if (input.view === 'home') {
      await this.slack.blockAction({ ...pressed, container: { type: 'view', viewId: 'V0SANDBOXHOME' } });
      return;
    }
    const message = this.messages.find((candidate) => candidate.id === input.messageId);
    if (!message) throw new SandboxInputError('that message is gone');
    const responseUrl = this.standIn.responseUrl();
    this.targets.set(idOf(responseUrl), { channel: message.channel, messageId: message.id });
    await this.slack.blockAction({
      ...pressed,
      channelId: message.channel,
      responseUrl,
      container: { type: 'message', messageTs: message.ts, isEphemeral: message.ephemeral },
    });
  }

  /** "⋯ More actions" → "Explain with SocialVS" on a message: Slack sends the message shortcut. */
  async explain(messageId: string): Promise<void> {
    const message = this.messages.find((candidate) => candidate.id === messageId);
    if (!message) throw new SandboxInputError('that message is gone');
    const responseUrl = this.standIn.responseUrl();
    this.targets.set(idOf(responseUrl), { channel: message.channel });
    await this.slack.messageAction({
      callbackId: 'explain_message',
      userId: ME.id,
      userName: ME.name,
      channelId: message.channel,
      responseUrl,
      message: {
        ts: message.ts,
        user: message.author === 'bot' ? BOT.id : ME.id,
        // A card's own text is its notification fallback; a message with blocks only sends none.
        text: message.text,
      },
    });
  }

  /** ⚡ → "Browse SocialVS topics": Slack sends the global shortcut. */
  async shortcut(callbackId: string): Promise<void> {
    await this.slack.shortcut({ callbackId, userId: ME.id, userName: ME.name });
  }

  /** A button or menu in the open modal. */
  async actInModal(input: {
    actionId: string;
    blockId?: string;
    value?: string;
    selectedOption?: { value: string; text: string };
  }): Promise<void> {
    const modal = this.modal;
    if (!modal) throw new SandboxInputError('no modal is open');
    await this.slack.blockAction({
      actionId: input.actionId,
      ...(input.value === undefined ? {} : { value: input.value }),
      ...(input.blockId ? { blockId: input.blockId } : {}),
      ...(input.selectedOption ? { selectedOption: input.selectedOption } : {}),
      userId: ME.id,
      userName: ME.name,
      container: { type: 'view', viewId: modal.id },
      view: this.viewInPayload(modal),
    });
  }

  /**
   * The modal's submit, with the conversation chosen in its select: Slack hands the bot a
   * response_url for that conversation; errors in the acknowledgement stay beside the field,
   * an empty one closes the modal.
   */
  async submitModal(conversations: Record<string, { actionId: string; channel: string }>): Promise<void> {
    const modal = this.modal;
    if (!modal) throw new SandboxInputError('no modal is open');
    const responseUrls = Object.entries(conversations).map(([blockId, { actionId, channel }]) => {
      if (!CHANNELS.some((known) => known.id === channel)) throw new SandboxInputError('unknown channel');
      const responseUrl = this.standIn.responseUrlFor(channel);
      this.targets.set(idOf(responseUrl), { channel });
      return { blockId, actionId, channelId: channel, responseUrl };
    });
    const ack = await this.slack.viewSubmission({
      userId: ME.id,
      userName: ME.name,
      view: this.viewInPayload(modal),
      responseUrls,
    });
    if (ack?.response_action === 'errors' && ack.errors && typeof ack.errors === 'object') {
      modal.errors = Object.fromEntries(
        Object.entries(ack.errors as Record<string, unknown>).map(([block, text]) => [block, String(text)]),
      );
    } else if (ack?.response_action === 'update' && ack.view && typeof ack.view === 'object') {
      modal.view = ack.view as Record<string, unknown>;
      modal.errors = {};
    } else {
      this.modal = null;
    }
    this.changed();
  }

  /** The modal's close button (Slack tells the bot nothing: it asked for no view_closed). */
  closeModal(): void {
    this.modal = null;
    this.changed();
  }

  private viewInPayload(modal: SandboxModal) {
    return {
      id: modal.id,
      hash: modal.hash,
      callback_id: String(modal.view.callback_id ?? ''),
      private_metadata: String(modal.view.private_metadata ?? ''),
      blocks: Array.isArray(modal.view.blocks) ? modal.view.blocks : [],
    };
  }

  /** The user opened the App Home tab. */
  async openHome(): Promise<void> {
    const ts = this.nextTs();
    await this.slack.event({
      type: 'app_home_opened',
      user: ME.id,
      channel: 'D0SANDBOXDM',
      tab: 'home',
      event_ts: ts,
    });
  }

  private onCall(call: RecordedCall): void {
    if (call.outcome !== 'ok') return;
    const args = call.args;
    const channelArg = typeof args.channel === 'string' ? args.channel : '';
    // A post to a user id lands in the bot's DM with that user (the Messages tab).
    const channel = channelArg === ME.id ? 'D0SANDBOXDM' : channelArg;
    const blocks = Array.isArray(args.blocks) ? args.blocks : null;
    const text = typeof args.text === 'string' ? args.text : '';
    switch (call.method) {
      case 'chat.postMessage': {
        const ts = typeof call.result?.ts === 'string' ? call.result.ts : this.nextTs();
        const threadTs = typeof args.thread_ts === 'string' ? args.thread_ts : null;
        this.add({
          channel,
          ts,
          threadTs,
          author: 'bot',
          authorName: BOT.name,
          text,
          blocks,
          ephemeral: false,
          command: null,
        });
        void this.refreshSubscriptions();
        break;
      }
      case 'chat.postEphemeral':
        this.add({
          channel,
          ts: this.nextTs(),
          threadTs: null,
          author: 'bot',
          authorName: BOT.name,
          text,
          blocks,
          ephemeral: true,
          command: null,
        });
        break;
      case 'chat.update': {
        const message = this.messages.find(
          (candidate) => candidate.channel === channel && candidate.ts === args.ts,
        );
        if (message) Object.assign(message, { text, blocks });
        this.changed();
        break;
      }
      case 'chat.delete':
        this.remove((candidate) => candidate.channel === channel && candidate.ts === args.ts);
        break;
      case 'views.open':
      case 'views.push':
      case 'views.update': {
        const opened = call.result?.view as { id?: unknown; hash?: unknown } | undefined;
        const view = args.view as Record<string, unknown> | undefined;
        if (typeof opened?.id === 'string' && view) {
          this.modal = { id: opened.id, hash: String(opened.hash ?? ''), view, errors: {} };
          this.changed();
        }
        break;
      }
      case 'views.publish': {
        const view = args.view as { blocks?: unknown[] } | undefined;
        if (args.user_id === ME.id && Array.isArray(view?.blocks)) {
          this.home = { blocks: view.blocks };
          this.changed();
        }
        break;
      }
    }
  }

  private onResponse(post: ResponseUrlPost): void {
    const target = this.targets.get(post.id);
    if (!target) return;
    const body = post.body;
    const blocks = Array.isArray(body.blocks) ? body.blocks : null;
    const text = typeof body.text === 'string' ? body.text : '';
    const original = target.messageId
      ? this.messages.find((message) => message.id === target.messageId)
      : undefined;
    if (body.delete_original === true) {
      if (original) this.remove((message) => message.id === original.id);
      return;
    }
    if (body.replace_original === true && original) {
      Object.assign(original, { text, blocks });
      this.changed();
      return;
    }
    const ephemeral = body.response_type !== 'in_channel';
    this.add({
      channel: target.channel,
      ts: this.nextTs(),
      threadTs: null,
      author: 'bot',
      authorName: BOT.name,
      text,
      blocks,
      ephemeral,
      command: target.command ?? null,
    });
  }

  private add(message: Omit<SandboxMessage, 'id'>): void {
    this.messages.push({ ...message, id: this.nextId('m') });
    if (this.messages.length > MAX_MESSAGES) this.messages.splice(0, this.messages.length - MAX_MESSAGES);
    this.changed();
  }

  private remove(match: (message: SandboxMessage) => boolean): void {
    const index = this.messages.findIndex(match);
    if (index >= 0) this.messages.splice(index, 1);
    this.changed();
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  private nextTs(): string {
    this.counter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.counter).padStart(6, '0')}`;
  }

  private changed(): void {
    this.emit('change');
  }
}

/** A mistake in what the page sent (unknown channel, empty text): shown to the user, not logged as a fault. */
export class SandboxInputError extends Error {}

/**
 * Typed text as Slack sends it in message and slash command text: &, < and > as entities,
 * so that nothing a person types can pass for markup (a mention, <!channel>, a disguised
 * link); only the markup Slack writes itself is real.
 */
function escapeTyped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function idOf(responseUrl: string): string {
  return responseUrl.slice(responseUrl.lastIndexOf('/') + 1);
}
