/**
 * The sandbox's Slack: a couple of channels, each person's DM with the bot, the messages in
 * them, and each person's App Home. Two people share it: you, and Ben, whom the page can act
 * as, so that what one person's press does to a card others see can be tried. What a person
 * does on the page becomes what Slack would send the bot (a slash command, an app_mention or
 * message.im event, a block_actions payload); what the bot sends back (Web API calls and
 * response_url posts, seen by the stand-in) becomes messages here, an ephemeral one marked
 * with the one person who may see it. The page renders this state.
 */
import { EventEmitter } from 'node:events';
import { BOT_USER_ID, type RecordedCall, type ResponseUrlPost, type SlackStandIn } from './slack-stand-in.js';
import { nextSlackTs } from './slack-ts.js';
import type { SlackTransport } from './transport.js';

export const ME = { id: 'U0SANDBOXME', name: 'you' } as const;
/** The second person: a colleague in the same channels, who reads Slack in German. */
export const BEN = { id: 'U0SANDBOXBEN', name: 'Ben', locale: 'de-DE' } as const;
export const BOT = { id: BOT_USER_ID, name: 'SocialVS' } as const;
export const CHANNELS: ReadonlyArray<{
  id: string;
  name: string;
  kind: 'channel' | 'dm';
  /** For a DM: the person whose conversation with the bot it is. */
  with?: string;
}> = [
  { id: 'C0SANDBOXGEN', name: 'general', kind: 'channel' },
  { id: 'C0SANDBOXMKT', name: 'marketing', kind: 'channel' },
  { id: 'D0SANDBOXDM', name: BOT.name, kind: 'dm', with: ME.id },
  { id: 'D0SANDBOXBEN', name: BOT.name, kind: 'dm', with: BEN.id },
];

/** Who does something on the page: `me` (you) or `ben`. */
export type PersonKey = 'me' | 'ben';

export interface SandboxPerson {
  key: PersonKey;
  id: string;
  name: string;
  /** The locale Slack reports for the person (users.info), and the page's reading language for them. */
  locale: string;
  /** In ADMIN_USER_IDS: may run `/socialvs stats` and sees the usage report on the App Home. */
  admin: boolean;
}

/** You (with the locale and admin rights the sandbox was started with) and Ben (never an admin). */
export function sandboxPeople(me: { locale: string; admin: boolean }): SandboxPerson[] {
  return [
    { key: 'me', id: ME.id, name: ME.name, ...me },
    { key: 'ben', id: BEN.id, name: BEN.name, locale: BEN.locale, admin: false },
  ];
}
/** The channel that starts subscribed to the daily tip. */
export const TIP_CHANNEL = 'C0SANDBOXMKT';

export interface SandboxMessage {
  id: string;
  channel: string;
  ts: string;
  threadTs: string | null;
  author: PersonKey | 'bot';
  authorName: string;
  text: string;
  blocks: unknown[] | null;
  ephemeral: boolean;
  /** For an ephemeral message: the user id of the one person who sees it. */
  visibleTo: string | null;
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
  people: SandboxPerson[];
  bot: typeof BOT;
  channels: Array<{ id: string; name: string; kind: 'channel' | 'dm'; with?: string; subscribed: boolean }>;
  messages: SandboxMessage[];
  /** Each person's App Home, by user id, once the bot has published it. */
  homes: Record<string, { blocks: unknown[] }>;
  notices: SandboxNotice[];
  /** The open modal, if any. */
  modal: SandboxModal | null;
}

/**
 * Where a response_url's posts go: the channel (and thread) of the command or the button,
 * the message a button was on, and who acted, the only one to see an ephemeral answer.
 */
interface ResponseTarget {
  channel: string;
  userId: string;
  threadTs?: string | null;
  messageId?: string;
  command?: string;
}

const MAX_MESSAGES = 500;
const MAX_TEXT = 4000;

export class SandboxWorkspace extends EventEmitter {
  private readonly messages: SandboxMessage[] = [];
  private readonly targets = new Map<string, ResponseTarget>();
  private readonly homes: Record<string, { blocks: unknown[] }> = {};
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
    private readonly people: SandboxPerson[] = sandboxPeople({ locale: 'en-US', admin: false }),
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
      people: this.people,
      bot: BOT,
      channels: CHANNELS.map((channel) => ({ ...channel, subscribed: this.subscribedNow.has(channel.id) })),
      messages: this.messages,
      homes: this.homes,
      notices: this.notices,
      modal: this.modal,
    };
  }

  notice(text: string, level: SandboxNotice['level'] = 'info'): void {
    this.notices = [...this.notices.slice(-4), { id: this.nextId('n'), text, level }];
    this.changed();
  }

  /** The person a page request acts as: you unless it names Ben. */
  person(key: unknown = 'me'): SandboxPerson {
    const person = this.people.find((candidate) => candidate.key === key);
    if (!person) throw new SandboxInputError('unknown person: act as me or ben');
    return person;
  }

  /** What a person typed in a channel's (or a thread's) message box. */
  async send(channel: string, rawText: string, threadTs?: string, as: PersonKey = 'me'): Promise<void> {
    const person = this.person(as);
    const known = CHANNELS.find((candidate) => candidate.id === channel);
    if (!known || (known.with !== undefined && known.with !== person.id)) {
      throw new SandboxInputError('unknown channel');
    }
    const text = rawText.slice(0, MAX_TEXT);
    if (!text.trim()) throw new SandboxInputError('type a message first');

    const command = /^\/socialvs(?:\s+|$)([\s\S]*)$/i.exec(text.trim());
    if (command) {
      const responseUrl = this.standIn.responseUrl();
      this.targets.set(idOf(responseUrl), { channel, userId: person.id, command: text.trim() });
      const inAck = await this.slack.slashCommand({
        text: escapeTyped((command[1] ?? '').trim()),
        userId: person.id,
        userName: person.name,
        channelId: channel,
        channelName: known.kind === 'dm' ? 'directmessage' : known.name,
        responseUrl,
      });
      // The answer usually rides on the acknowledgement; Slack shows it as it would a response.
      if (inAck) this.onResponse({ id: idOf(responseUrl), body: inAck, at: Date.now() });
      // A subscribe or unsubscribe shows on the channel's badge at once.
      await this.refreshSubscriptions();
      return;
    }
    if (text.trim().startsWith('/')) throw new SandboxInputError('the only slash command here is /socialvs');

    const ts = nextSlackTs();
    const mentioned = /^\s*@socialvs\b/i.test(text);
    // Slack escapes what was typed, then writes its own markup for the mention it recognised.
    const escaped = escapeTyped(text);
    const shown = mentioned ? escaped.replace(/^\s*@socialvs\b/i, `<@${BOT.id}>`) : escaped;
    this.add({
      channel,
      ts,
      threadTs: threadTs ?? null,
      author: person.key,
      authorName: person.name,
      text: shown,
      blocks: null,
      ephemeral: false,
      visibleTo: null,
      command: null,
    });
    // A DM arrives as message.im, a mention as app_mention; the rest of the event is the same.
    if (known.kind === 'dm' || mentioned) {
      const kind = known.kind === 'dm' ? { type: 'message', channel_type: 'im' } : { type: 'app_mention' };
      await this.slack.event({
        ...kind,
        channel,
        user: person.id,
        text: shown,
        ts,
        event_ts: ts,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
    }
    // A plain channel message without a mention: Slack sends the bot nothing (it has no
    // channels:history scope), so neither do we.
  }

  /** A button (or select) pressed on a message, or on the home tab, by you or Ben. */
  async act(input: {
    messageId?: string;
    view?: 'home';
    actionId: string;
    blockId?: string;
    value?: string;
    as?: PersonKey;
  }): Promise<void> {
    const person = this.person(input.as);
    const pressed = {
      actionId: input.actionId,
      ...(input.value === undefined ? {} : { value: input.value }),
      ...(input.blockId ? { blockId: input.blockId } : {}),
      userId: person.id,
      userName: person.name,
    };
    if (input.view === 'home') {
      await this.slack.blockAction({
        ...pressed,
        container: { type: 'view', viewId: `V0SANDBOXHOME${person.key.toUpperCase()}` },
      });
      await this.refreshSubscriptions();
      return;
    }
    const message = this.messages.find((candidate) => candidate.id === input.messageId);
    // Someone else's ephemeral message is not there for this person to press.
    if (!message || (message.visibleTo !== null && message.visibleTo !== person.id)) {
      throw new SandboxInputError('that message is gone');
    }
    const responseUrl = this.standIn.responseUrl();
    this.targets.set(idOf(responseUrl), {
      channel: message.channel,
      userId: person.id,
      threadTs: message.threadTs,
      messageId: message.id,
    });
    await this.slack.blockAction({
      ...pressed,
      channelId: message.channel,
      responseUrl,
      container: { type: 'message', messageTs: message.ts, isEphemeral: message.ephemeral },
      // Slack sends the message with a press, except on an ephemeral one.
      ...(message.ephemeral
        ? {}
        : { message: { ts: message.ts, text: message.text, blocks: message.blocks ?? [] } }),
    });
  }

  /** "⋯ More actions" → "Explain with SocialVS" on a message: Slack sends the message shortcut. */
  async explain(messageId: string, as: PersonKey = 'me'): Promise<void> {
    const person = this.person(as);
    const message = this.messages.find((candidate) => candidate.id === messageId);
    // Someone else's ephemeral message is not there for this person to use.
    if (!message || (message.visibleTo !== null && message.visibleTo !== person.id)) {
      throw new SandboxInputError('that message is gone');
    }
    const responseUrl = this.standIn.responseUrl();
    this.targets.set(idOf(responseUrl), { channel: message.channel, userId: person.id });
    await this.slack.messageAction({
      callbackId: 'explain_message',
      userId: person.id,
      userName: person.name,
      channelId: message.channel,
      responseUrl,
      message: {
        ts: message.ts,
        user: message.author === 'bot' ? BOT.id : this.person(message.author).id,
        // A card's own text is its notification fallback; a message with blocks only sends none.
        text: message.text,
      },
    });
  }

  /** ⚡ → "Browse SocialVS topics": Slack sends the global shortcut. */
  async shortcut(callbackId: string, as: PersonKey = 'me'): Promise<void> {
    const person = this.person(as);
    await this.slack.shortcut({ callbackId, userId: person.id, userName: person.name });
  }

  /** A button or menu in the open modal. */
  async actInModal(input: {
    actionId: string;
    blockId?: string;
    value?: string;
    selectedOption?: { value: string; text: string };
    as?: PersonKey;
  }): Promise<void> {
    const person = this.person(input.as);
    const modal = this.modal;
    if (!modal) throw new SandboxInputError('no modal is open');
    await this.slack.blockAction({
      actionId: input.actionId,
      ...(input.value === undefined ? {} : { value: input.value }),
      ...(input.blockId ? { blockId: input.blockId } : {}),
      ...(input.selectedOption ? { selectedOption: input.selectedOption } : {}),
      userId: person.id,
      userName: person.name,
      container: { type: 'view', viewId: modal.id },
      view: this.viewInPayload(modal),
    });
  }

  /**
   * The modal's submit, with the conversation chosen in its select: Slack hands the bot a
   * response_url for that conversation; errors in the acknowledgement stay beside the field,
   * an empty one closes the modal.
   */
  async submitModal(
    conversations: Record<string, { actionId: string; channel: string }>,
    as: PersonKey = 'me',
  ): Promise<void> {
    const person = this.person(as);
    const modal = this.modal;
    if (!modal) throw new SandboxInputError('no modal is open');
    const responseUrls = Object.entries(conversations).map(([blockId, { actionId, channel }]) => {
      if (!CHANNELS.some((known) => known.id === channel)) throw new SandboxInputError('unknown channel');
      const responseUrl = this.standIn.responseUrlFor(channel);
      this.targets.set(idOf(responseUrl), { channel, userId: person.id });
      return { blockId, actionId, channelId: channel, responseUrl };
    });
    const ack = await this.slack.viewSubmission({
      userId: person.id,
      userName: person.name,
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

  /** A person opened their App Home tab. */
  async openHome(as: PersonKey = 'me'): Promise<void> {
    const person = this.person(as);
    const ts = nextSlackTs();
    await this.slack.event({
      type: 'app_home_opened',
      user: person.id,
      channel: dmWith(person.id),
      tab: 'home',
      event_ts: ts,
    });
  }

  private onCall(call: RecordedCall): void {
    if (call.outcome !== 'ok') return;
    const args = call.args;
    const channelArg = typeof args.channel === 'string' ? args.channel : '';
    // A post to a user id lands in the bot's DM with that user (the Messages tab).
    const channel = dmWith(channelArg) ?? channelArg;
    const blocks = Array.isArray(args.blocks) ? args.blocks : null;
    const text = typeof args.text === 'string' ? args.text : '';
    switch (call.method) {
      case 'chat.postMessage': {
        const ts = typeof call.result?.ts === 'string' ? call.result.ts : nextSlackTs();
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
          visibleTo: null,
          command: null,
        });
        void this.refreshSubscriptions();
        break;
      }
      case 'chat.postEphemeral':
        this.add({
          channel,
          ts: typeof call.result?.message_ts === 'string' ? call.result.message_ts : nextSlackTs(),
          threadTs: typeof args.thread_ts === 'string' ? args.thread_ts : null,
          author: 'bot',
          authorName: BOT.name,
          text,
          blocks,
          ephemeral: true,
          visibleTo: typeof args.user === 'string' ? args.user : null,
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
        const userId = typeof args.user_id === 'string' ? args.user_id : '';
        if (this.people.some((person) => person.id === userId) && Array.isArray(view?.blocks)) {
          this.homes[userId] = { blocks: view.blocks };
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
    // Where the button was: an answer to a press in a thread stays in that thread.
    this.add({
      channel: target.channel,
      ts: nextSlackTs(),
      threadTs: target.threadTs ?? null,
      author: 'bot',
      authorName: BOT.name,
      text,
      blocks,
      ephemeral,
      visibleTo: ephemeral ? target.userId : null,
      command: target.command ?? null,
    });
    // An answer that came late (a subscribe that posted first, say) changes the badge too.
    void this.refreshSubscriptions();
  }

  /** Keeps the messages in ts order, as Slack shows them, whichever arrived first. */
  private add(message: Omit<SandboxMessage, 'id'>): void {
    let index = this.messages.length;
    while (index > 0 && compareTs(this.messages[index - 1]?.ts ?? '', message.ts) > 0) index -= 1;
    this.messages.splice(index, 0, { ...message, id: this.nextId('m') });
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

/** The bot's DM with a person of the sandbox, or undefined for any other id. */
function dmWith(userId: string): string | undefined {
  return CHANNELS.find((channel) => channel.kind === 'dm' && channel.with === userId)?.id;
}

/** Orders two Slack ts ("seconds.micros"), which a float can't hold exactly. */
function compareTs(a: string, b: string): number {
  const [aSeconds = '', aMicros = ''] = a.split('.');
  const [bSeconds = '', bMicros = ''] = b.split('.');
  const seconds = Number(aSeconds) - Number(bSeconds);
  return seconds !== 0 ? seconds : aMicros.padEnd(6, '0').localeCompare(bMicros.padEnd(6, '0'));
}

function idOf(responseUrl: string): string {
  return responseUrl.slice(responseUrl.lastIndexOf('/') + 1);
}
