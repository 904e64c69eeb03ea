/** Fake Bolt arguments for a block_actions button press, for the action listener unit tests. */
import { encodeValue } from '../../src/cards/actions.js';
import type { Language } from '../../src/knowledge/languages.js';
import { translate } from '../../src/knowledge/ui-strings.js';
import { buttonsOf, headerOf, kb } from './cards.js';
import { asArgs, type FakeClient, fakeAckRespond, fakeClient } from './listeners.js';

export type Where = 'ephemeral' | 'message' | 'home';

export interface PressOptions {
  actionId: string;
  /** The raw button value; see `value()` for one of ours. */
  value?: string;
  where?: Where;
  userId?: string;
  userName?: string;
  channelId?: string;
  client?: FakeClient;
}

export function value(topic: string, language: Language): string {
  return encodeValue({ topic, language });
}

export function press<T>(options: PressOptions) {
  const { ack, respond } = fakeAckRespond();
  const client = options.client ?? fakeClient();
  const where = options.where ?? 'ephemeral';
  const channelId = options.channelId ?? 'C0GENERAL';
  const userId = options.userId ?? 'UCLICK';
  const action = {
    type: 'button',
    action_id: options.actionId,
    block_id: 'block',
    text: { type: 'plain_text', text: 'button', emoji: true },
    ...(options.value === undefined ? {} : { value: options.value }),
    action_ts: '1700000000.000200',
  };
  const container =
    where === 'home'
      ? { type: 'view', view_id: 'V0HOME' }
      : {
          type: 'message',
          message_ts: '1700000000.000001',
          channel_id: channelId,
          is_ephemeral: where === 'ephemeral',
        };
  const body = {
    type: 'block_actions',
    user: { id: userId, username: options.userName ?? 'clicker', name: options.userName ?? 'clicker' },
    container,
    trigger_id: '1700000000.000300.trigger',
    ...(where === 'home' ? {} : { channel: { id: channelId, name: 'general' } }),
    ...(where === 'home' ? {} : { response_url: 'https://hooks.slack.invalid/actions/1' }),
    actions: [action],
  };
  return { ack, respond, client, args: asArgs<T>({ body, action, payload: action, ack, respond, client }) };
}

/** The "card from an older version" answer: the notice, then the topic list, in `language`. */
export function isStaleCard(body: Record<string, unknown>, language: Language): boolean {
  return (
    body.text === translate(kb.ui, language, 'error.stale_card') &&
    headerOf(body) === translate(kb.ui, language, 'list.header') &&
    JSON.stringify(buttonsOf(body).map((button) => button.action_id)) ===
      JSON.stringify(kb.topics.map((topic) => `topic_open_${topic.id}`))
  );
}
