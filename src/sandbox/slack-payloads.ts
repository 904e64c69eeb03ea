/**
 * What Slack sends the bot, as plain objects: a slash command's fields, an Events API
 * callback, a block_actions payload. The same payloads travel signed over HTTP
 * (signed-requests.ts) and in Socket Mode envelopes (socket-mode-stand-in.ts).
 */
import { randomUUID } from 'node:crypto';
import { APP_ID, BOT_USER_ID, TEAM_ID } from './slack-ids.js';

export interface SlashCommandInput {
  text: string;
  userId: string;
  channelId: string;
  channelName?: string;
  responseUrl: string;
  userName?: string;
}

export interface BlockActionInput {
  actionId: string;
  value?: string;
  blockId?: string;
  userId: string;
  userName?: string;
  channelId?: string;
  responseUrl?: string;
  /** Where the card is: a message (ephemeral or not), or the home view. */
  container: { type: 'message'; messageTs: string; isEphemeral: boolean } | { type: 'view'; viewId: string };
  /** The message the button is on, as Slack sends it with a press on a message others see. */
  message?: { ts: string; text?: string; blocks?: unknown[] };
}

/** `/socialvs <text>` typed by `userId` in `channelId`: the fields Slack sends (a form over HTTP). */
export function slashCommandPayload(input: SlashCommandInput): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    team_domain: 'sandbox',
    channel_id: input.channelId,
    channel_name: input.channelName ?? (input.channelId.startsWith('D') ? 'directmessage' : 'general'),
    user_id: input.userId,
    user_name: input.userName ?? input.userId.toLowerCase(),
    command: '/socialvs',
    text: input.text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: `${Date.now()}.trigger`,
  };
}

/** A fresh event_id, shaped like Slack's. */
export function newEventId(): string {
  return `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
}

/** The Events API callback wrapping `event`. */
export function eventCallbackPayload(
  event: Record<string, unknown>,
  eventId: string,
): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    api_app_id: APP_ID,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
  };
}

/** A button press on a card. */
export function blockActionPayload(input: BlockActionInput): Record<string, unknown> {
  const container =
    input.container.type === 'message'
      ? {
          type: 'message',
          message_ts: input.container.messageTs,
          channel_id: input.channelId,
          is_ephemeral: input.container.isEphemeral,
        }
      : { type: 'view', view_id: input.container.viewId };
  return {
    type: 'block_actions',
    user: {
      id: input.userId,
      username: input.userName ?? input.userId.toLowerCase(),
      name: input.userName ?? input.userId.toLowerCase(),
      team_id: TEAM_ID,
    },
    api_app_id: APP_ID,
    token: 'legacy-verification-token',
    container,
    trigger_id: `${Date.now()}.trigger`,
    team: { id: TEAM_ID, domain: 'sandbox' },
    ...(input.channelId ? { channel: { id: input.channelId, name: 'general' } } : {}),
    ...(input.responseUrl ? { response_url: input.responseUrl } : {}),
    ...(input.message ? { message: { type: 'message', ...input.message } } : {}),
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: input.blockId ?? 'block',
        text: { type: 'plain_text', text: 'button', emoji: true },
        ...(input.value === undefined ? {} : { value: input.value }),
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

/** The message an acknowledgement carried (blocks or text), if it carried one. */
export function isMessage(value: unknown): value is Record<string, unknown> {
  return Boolean(value && typeof value === 'object' && ('blocks' in value || 'text' in value));
}
