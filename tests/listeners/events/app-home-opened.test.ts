/**
 * The app_home_opened listener on its own: the Home tab is published for the user who
 * opened it, in their language, with every topic; the Messages tab gets nothing.
 */
import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/knowledge/ui-strings.js';
import { appHomeOpened } from '../../../src/listeners/events/app-home-opened.js';
import { buttonsOf, headerOf, kb } from '../../support/cards.js';
import {
  argsOf,
  asArgs,
  type FakeClient,
  fakeClient,
  linesWith,
  platformError,
  world,
} from '../../support/listeners.js';

type Args = Parameters<ReturnType<typeof appHomeOpened>>[0];

function opened(user: string, tab: 'home' | 'messages' = 'home', client: FakeClient = fakeClient()) {
  const event = { type: 'app_home_opened', user, channel: 'D0HOME', tab, event_ts: '1700000000.000100' };
  return { event, client, args: asArgs<Args>({ event, body: { event }, client }) };
}

function publishedView(client: FakeClient): Record<string, unknown> {
  expect(client.views.publish).toHaveBeenCalledTimes(1);
  const [args] = argsOf(client.views.publish);
  return (args?.view ?? {}) as Record<string, unknown>;
}

describe('app_home_opened listener', () => {
  it('publishes the home view for that user, with a button for every topic', async () => {
    const { deps } = world();
    const call = opened('UHOME');
    await appHomeOpened(deps)(call.args);
    expect(argsOf(call.client.views.publish)[0]?.user_id).toBe('UHOME');
    const view = publishedView(call.client);
    expect(view.type).toBe('home');
    expect(headerOf(view)).toBe(translate(kb.ui, 'en', 'home.header'));
    expect(buttonsOf(view).map((button) => button.action_id)).toEqual(
      kb.topics.map((topic) => `topic_open_${topic.id}`),
    );
  });

  it('shows the topics in the saved language', async () => {
    const { deps, store } = world();
    await store.setUserLanguage('UFR', 'fr');
    const call = opened('UFR');
    await appHomeOpened(deps)(call.args);
    const text = JSON.stringify(publishedView(call.client));
    for (const topic of kb.topics) expect(text).toContain(JSON.stringify(topic.text.fr.title).slice(1, -1));
    expect(call.client.users.info).not.toHaveBeenCalled();
  });

  it('shows the topics in the Slack locale when nothing is saved', async () => {
    const { deps } = world();
    const call = opened('UDE', 'home', fakeClient({ UDE: 'de-AT' }));
    await appHomeOpened(deps)(call.args);
    const text = JSON.stringify(publishedView(call.client));
    for (const topic of kb.topics) expect(text).toContain(JSON.stringify(topic.text.de.title).slice(1, -1));
  });

  it('does nothing for the Messages tab', async () => {
    const { deps } = world();
    const call = opened('UMSG', 'messages');
    await appHomeOpened(deps)(call.args);
    expect(call.client.views.publish).not.toHaveBeenCalled();
    expect(call.client.chat.postMessage).not.toHaveBeenCalled();
  });

  it('logs a rejected views.publish with the method and user, and does not throw', async () => {
    const { deps, lines } = world();
    const call = opened('UFAIL');
    call.client.views.publish.mockRejectedValue(platformError('not_enabled'));
    await expect(appHomeOpened(deps)(call.args)).resolves.toBeUndefined();
    expect(linesWith(lines, 'views.publish failed', 'UFAIL', 'not_enabled')).toHaveLength(1);
  });
});
