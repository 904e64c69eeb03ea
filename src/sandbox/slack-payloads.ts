/**
 * What Slack sends the bot, as plain objects: a slash command's fields, an Events API
 * callback, a block_actions payload, a shortcut, a message shortcut, a modal's submission. The same payloads travel signed over HTTP
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
  /** The modal the press was in, as Slack sends it (id, hash, callback_id, private_metadata). */
  view?: ViewInPayload;
  /** A menu choice instead of a button press (the modal's language menu). */
  selectedOption?: { value: string; text: string };
}

/** A modal as Slack describes it in block_actions and view_submission payloads. */
export interface ViewInPayload {
  id: string;
  hash: string;
  callback_id: string;
  private_metadata?: string;
  blocks?: unknown[];
}

export interface ShortcutInput {
  callbackId: string;
  userId: string;
  userName?: string;
}

/** "⋯ More actions" → a message shortcut on `message` in `channelId`. */
export interface MessageActionInput extends ShortcutInput {
  channelId: string;
  channelName?: string;
  responseUrl: string;
  /** The message as Slack sends it: text (may be empty for a file), its author, ts, blocks, files. */
  message: { ts: string; text?: string; user?: string; blocks?: unknown[]; files?: unknown[] };
}

export interface ViewSubmissionInput {
  userId: string;
  userName?: string;
  view: ViewInPayload;
  /** For each conversation select with response_url_enabled: the conversation chosen and its response_url. */
  responseUrls?: Array<{ blockId: string; actionId: string; channelId: string; responseUrl: string }>;
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

/** A fresh trigger_id: Slack's are valid for 3 seconds; the stand-in reads the time at their start. */
export function newTriggerId(): string {
  return `${Date.now()}.${randomUUID().slice(0, 8)}.trigger`;
}

const userOf = (input: { userId: string; userName?: string }) => ({
  id: input.userId,
  username: input.userName ?? input.userId.toLowerCase(),
  name: input.userName ?? input.userId.toLowerCase(),
  team_id: TEAM_ID,
});

/** A global shortcut chosen from the ⚡ / "+" menu. */
export function shortcutPayload(input: ShortcutInput): Record<string, unknown> {
  return {
    type: 'shortcut',
    token: 'legacy-verification-token',
    action_ts: `${Date.now() / 1000}`,
    team: { id: TEAM_ID, domain: 'sandbox' },
    user: userOf(input),
    api_app_id: APP_ID,
    callback_id: input.callbackId,
    trigger_id: newTriggerId(),
  };
}

/** A message shortcut chosen from a message's "⋯ More actions". */
export function messageActionPayload(input: MessageActionInput): Record<string, unknown> {
  // The global shortcut's fields, plus where the message is and the message itself.
  return {
    ...shortcutPayload(input),
    type: 'message_action',
    channel: {
      id: input.channelId,
      name: input.channelName ?? (input.channelId.startsWith('D') ? 'directmessage' : 'general'),
    },
    message_ts: input.message.ts,
    message: { type: 'message', ...input.message },
    response_url: input.responseUrl,
  };
}

/** A modal's submit: the view, and a response_url per conversation select that asks for one. */
export function viewSubmissionPayload(input: ViewSubmissionInput): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: 'sandbox' },
    user: userOf(input),
    api_app_id: APP_ID,
    token: 'legacy-verification-token',
    trigger_id: newTriggerId(),
    view: {
      type: 'modal',
      team_id: TEAM_ID,
      app_id: APP_ID,
      bot_id: 'B0SOCIALVS',
      root_view_id: input.view.id,
      previous_view_id: null,
      state: {
        values: Object.fromEntries(
          (input.responseUrls ?? []).map((url) => [
            url.blockId,
            { [url.actionId]: { type: 'conversations_select', selected_conversation: url.channelId } },
          ]),
        ),
      },
      ...input.view,
    },
    response_urls: (input.responseUrls ?? []).map((url) => ({
      block_id: url.blockId,
      action_id: url.actionId,
      channel_id: url.channelId,
      response_url: url.responseUrl,
    })),
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
    trigger_id: newTriggerId(),
    team: { id: TEAM_ID, domain: 'sandbox' },
    ...(input.channelId ? { channel: { id: input.channelId, name: 'general' } } : {}),
    ...(input.responseUrl ? { response_url: input.responseUrl } : {}),
    ...(input.message ? { message: { type: 'message', ...input.message } } : {}),
    ...(input.view ? { view: { type: 'modal', ...input.view } } : {}),
    actions: [
      input.selectedOption
        ? {
            type: 'static_select',
            action_id: input.actionId,
            block_id: input.blockId ?? 'block',
            selected_option: {
              text: { type: 'plain_text', text: input.selectedOption.text, emoji: true },
              value: input.selectedOption.value,
            },
            action_ts: `${Date.now() / 1000}`,
          }
        : {
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
