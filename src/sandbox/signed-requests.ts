/**
 * Sends the bot what Slack sends, signed the way Slack signs it (v0, HMAC-SHA256 of
 * "v0:timestamp:body" with the signing secret): slash commands as form posts with a
 * response_url, Events API callbacks as JSON with an event_id, button presses, shortcuts
 * and modal submissions as a `payload=` form (the payloads themselves: slack-payloads.ts). The end-to-end tests and
 * the sandbox page both use it.
 */
import { createHmac } from 'node:crypto';
import {
  type BlockActionInput,
  blockActionPayload,
  eventCallbackPayload,
  isMessage,
  type MessageActionInput,
  messageActionPayload,
  newEventId,
  type ShortcutInput,
  type SlashCommandInput,
  shortcutPayload,
  slashCommandPayload,
  type ViewSubmissionInput,
  viewSubmissionPayload,
} from './slack-payloads.js';

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SentRequest {
  status: number;
  body: string;
}

/**
 * The message a slash command's acknowledgement carried, if any: the bot answers in the
 * ack itself when the answer is ready in time, else acknowledges empty and answers
 * through the response_url.
 */
export function messageInAck(sent: SentRequest): Record<string, unknown> | undefined {
  if (sent.status !== 200 || sent.body.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(sent.body);
    if (isMessage(parsed)) return parsed;
  } catch {
    // Not JSON: no message.
  }
  return undefined;
}

export interface SignOptions {
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Replace the signature (forged) or leave it out (null). */
  signature?: string | null;
  retryNum?: number;
  headers?: Record<string, string>;
}

export class SlackRequestSender {
  /** Every answer the bot gave, when asked to keep them (tests read what it sent in acks). */
  readonly replies: SentRequest[] = [];

  constructor(
    /** The bot's events URL, e.g. http://127.0.0.1:3000/slack/events */
    readonly eventsUrl: string,
    private readonly signingSecret: string,
    private readonly options: { keepReplies?: boolean } = {},
  ) {}

  async send(body: string, contentType: string, options: SignOptions = {}): Promise<SentRequest> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      ...options.headers,
    };
    const signature =
      options.signature === undefined
        ? slackSignature(this.signingSecret, timestamp, body)
        : options.signature;
    if (signature !== null) headers['x-slack-signature'] = signature;
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    const response = await fetch(this.eventsUrl, { method: 'POST', headers, body });
    const sent = { status: response.status, body: await response.text() };
    if (this.options.keepReplies) this.replies.push(sent);
    return sent;
  }

  /** `/socialvs <text>` typed by `userId` in `channelId`. */
  slashCommand(input: SlashCommandInput, options?: SignOptions): Promise<SentRequest> {
    const form = new URLSearchParams(slashCommandPayload(input));
    return this.send(form.toString(), 'application/x-www-form-urlencoded', options);
  }

  /** An Events API callback wrapping `event`; returns the event_id used. */
  async event(
    event: Record<string, unknown>,
    options: SignOptions & { eventId?: string } = {},
  ): Promise<SentRequest & { eventId: string }> {
    const eventId = options.eventId ?? newEventId();
    const body = JSON.stringify(eventCallbackPayload(event, eventId));
    return { ...(await this.send(body, 'application/json', options)), eventId };
  }

  /** A button press on a card: `container` says where the card is (message, ephemeral, or the home view). */
  blockAction(input: BlockActionInput, options?: SignOptions): Promise<SentRequest> {
    return this.interactive(blockActionPayload(input), options);
  }

  /** A global shortcut from the ⚡ / "+" menu. */
  shortcut(input: ShortcutInput, options?: SignOptions): Promise<SentRequest> {
    return this.interactive(shortcutPayload(input), options);
  }

  /** A message shortcut from a message's "⋯ More actions". */
  messageAction(input: MessageActionInput, options?: SignOptions): Promise<SentRequest> {
    return this.interactive(messageActionPayload(input), options);
  }

  /** A modal's submit; the bot's answer (an update, or errors beside fields) is in the reply's body. */
  viewSubmission(input: ViewSubmissionInput, options?: SignOptions): Promise<SentRequest> {
    return this.interactive(viewSubmissionPayload(input), options);
  }

  /** Any interactive payload, as Slack posts it: a `payload=` form. */
  private interactive(payload: Record<string, unknown>, options?: SignOptions): Promise<SentRequest> {
    const form = new URLSearchParams({ payload: JSON.stringify(payload) });
    return this.send(form.toString(), 'application/x-www-form-urlencoded', options);
  }
}
