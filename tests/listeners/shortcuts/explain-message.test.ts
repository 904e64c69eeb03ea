/**
 * "Explain with SocialVS" on its own: acknowledged first, answered to the user alone through
 * the response_url; a store that refuses still gets the user one plain line; a refused
 * response_url is logged, not thrown.
 */
import { describe, expect, it, vi } from 'vitest';
import { translate } from '../../../src/knowledge/ui-strings.js';
import { explainMessage } from '../../../src/listeners/shortcuts/explain-message.js';
import { headerOf, kb, titleOf } from '../../support/cards.js';
import {
  argsOf,
  asArgs,
  calledBefore,
  fakeAckRespond,
  fakeClient,
  linesWith,
  world,
} from '../../support/listeners.js';

type Args = Parameters<ReturnType<typeof explainMessage>>[0];

function shortcut(text: string | undefined) {
  const { ack, respond } = fakeAckRespond();
  const client = fakeClient();
  const body = {
    type: 'message_action',
    callback_id: 'explain_message',
    user: { id: 'UASK', name: 'asker' },
    channel: { id: 'C0PRIVATE', name: 'secret' },
    message: { type: 'message', ts: '1700000000.000100', ...(text === undefined ? {} : { text }) },
    response_url: 'https://hooks.slack.invalid/actions/2',
  };
  return {
    ack,
    respond,
    client,
    args: asArgs<Args>({ body, shortcut: body, payload: body, ack, respond, client }),
  };
}

describe('the message shortcut listener', () => {
  it('acknowledges, then answers the user alone with the card for the message', async () => {
    const { deps } = world();
    const call = shortcut('Which one shows a clearer return on investment, networking or media?');
    await explainMessage(deps)(call.args);
    expect(calledBefore(call.ack, call.respond)).toBe(true);
    const [reply] = argsOf(call.respond);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(headerOf(reply ?? {})).toBe(titleOf('roi', 'en'));
    expect(call.client.chat.postMessage).not.toHaveBeenCalled();
  });

  it('reads Slack-escaped text back as typed before answering and quoting it', async () => {
    const { deps } = world();
    const call = shortcut('ROI &amp; budget &lt;3');
    await explainMessage(deps)(call.args);
    const text = JSON.stringify(argsOf(call.respond)[0]);
    expect(text).toContain('ROI &amp; budget &lt;3');
    expect(text).not.toContain('&amp;amp;');
  });

  it('a store that refuses the log still gets the user one plain line, logged once', async () => {
    const { deps, store, lines } = world();
    vi.spyOn(store, 'recordQuestion').mockRejectedValue(new Error('disk full'));
    const call = shortcut('ROI?');
    await explainMessage(deps)(call.args);
    expect(argsOf(call.respond)[0]?.text).toBe(translate(kb.ui, 'en', 'error.generic'));
    expect(linesWith(lines, 'explaining a message failed', 'C0PRIVATE')).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('ROI?');
  });

  it('logs a refused response_url with the channel and user, and does not throw', async () => {
    const { deps, lines } = world();
    const call = shortcut('ROI?');
    call.respond.mockRejectedValue(new Error('Request failed with status code 404'));
    await expect(explainMessage(deps)(call.args)).resolves.toBeUndefined();
    expect(linesWith(lines, 'response_url failed', 'C0PRIVATE', 'UASK')).toHaveLength(1);
  });
});
