/**
 * The topic browser's submission on its own, against the stand-in's response_urls: the
 * shared card posted to the conversation chosen and the modal closed; Slack's refusal in
 * time shown beside the field in the modal's language; no conversation, or a topic that is
 * gone, answered in the modal itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browseModal,
  encodeBrowseState,
  SHARE_ACTION_ID,
  SHARE_BLOCK_ID,
} from '../../../src/cards/browse-modal.js';
import { translate } from '../../../src/knowledge/ui-strings.js';
import { shareTopic } from '../../../src/listeners/views/share-topic.js';
import { SlackStandIn } from '../../../src/sandbox/slack-stand-in.js';
import { buttonsOf, headerOf, kb, titleOf } from '../../support/cards.js';
import { argsOf, asArgs, fakeAckRespond, fakeClient, platformError, world } from '../../support/listeners.js';

type Args = Parameters<ReturnType<typeof shareTopic>>[0];

let standIn: SlackStandIn;
beforeAll(async () => {
  standIn = await SlackStandIn.start();
});
afterAll(async () => {
  await standIn.close();
});

function submission(
  state: { language: 'en' | 'de'; topic?: string },
  channelId?: string,
  { withResponseUrl = true }: { withResponseUrl?: boolean } = {},
) {
  const { ack } = fakeAckRespond();
  const client = fakeClient();
  // What the modal says it shows, as its private_metadata carries it (a topic may since be gone).
  const view = {
    ...browseModal(kb, state),
    private_metadata: encodeBrowseState(state),
    id: 'V0MODAL',
    hash: '1.a',
    state: {
      values: channelId
        ? {
            [SHARE_BLOCK_ID]: {
              [SHARE_ACTION_ID]: { type: 'conversations_select', selected_conversation: channelId },
            },
          }
        : {},
    },
  };
  const body = {
    type: 'view_submission',
    user: { id: 'UANA', name: 'ana' },
    view,
    response_urls:
      channelId && withResponseUrl
        ? [
            {
              block_id: SHARE_BLOCK_ID,
              action_id: SHARE_ACTION_ID,
              channel_id: channelId,
              response_url: standIn.responseUrlFor(channelId),
            },
          ]
        : [],
  };
  return { ack, client, args: asArgs<Args>({ body, view, payload: view, ack, client }) };
}

describe('sharing from the topic browser', () => {
  it('posts the shared card to the conversation chosen, then closes the modal', async () => {
    const { deps } = world();
    const call = submission({ language: 'en', topic: 'focus' }, 'C0SHARE');
    await shareTopic(deps)(call.args);
    expect(argsOf(call.ack)).toEqual([{}]);
    expect(call.ack.mock.calls[0]).toEqual([]);
    const [posted] = standIn.responses.filter((post) => standIn.channelOfResponse(post.id) === 'C0SHARE');
    expect(posted?.body.response_type).toBe('in_channel');
    expect(headerOf(posted?.body ?? {})).toBe(titleOf('focus', 'en'));
    expect(JSON.stringify(posted?.body)).toContain(translate(kb.ui, 'en', 'card.shared_by', { user: 'ana' }));
    expect(buttonsOf(posted?.body ?? {}).map((b) => b.action_id)).not.toContain('topic_share');
  });

  it("shows Slack's refusal beside the field, in the modal's language, and posts nothing", async () => {
    const { deps } = world();
    standIn.refuseResponses('C0NOTIN', 'action_prohibited');
    const before = standIn.responses.length;
    const call = submission({ language: 'de', topic: 'roi' }, 'C0NOTIN');
    await shareTopic(deps)(call.args);
    expect(argsOf(call.ack)).toEqual([
      { response_action: 'errors', errors: { [SHARE_BLOCK_ID]: translate(kb.ui, 'de', 'share.failed') } },
    ]);
    expect(standIn.responses.length).toBe(before);
  });

  it('without a response_url from Slack, posts to the conversation chosen with the Web API, refusals beside the field', async () => {
    const { deps } = world();
    const call = submission({ language: 'en', topic: 'roi' }, 'C0JOINED', { withResponseUrl: false });
    await shareTopic(deps)(call.args);
    expect(call.ack.mock.calls[0]).toEqual([]);
    const [posted] = argsOf(call.client.chat.postMessage);
    expect(posted?.channel).toBe('C0JOINED');
    expect(headerOf(posted ?? {})).toBe(titleOf('roi', 'en'));
    expect(JSON.stringify(posted)).toContain(translate(kb.ui, 'en', 'card.shared_by', { user: 'ana' }));

    const refused = submission({ language: 'de', topic: 'roi' }, 'C0NOTJOINED', { withResponseUrl: false });
    refused.client.chat.postMessage.mockRejectedValue(platformError('not_in_channel'));
    await shareTopic(deps)(refused.args);
    expect(argsOf(refused.ack)).toEqual([
      {
        response_action: 'errors',
        errors: { [SHARE_BLOCK_ID]: translate(kb.ui, 'de', 'share.not_in_channel') },
      },
    ]);
  });

  it('with no conversation at all, says so beside the field', async () => {
    const { deps } = world();
    const call = submission({ language: 'en', topic: 'roi' });
    await shareTopic(deps)(call.args);
    expect(argsOf(call.ack)).toEqual([
      {
        response_action: 'errors',
        errors: { [SHARE_BLOCK_ID]: translate(kb.ui, 'en', 'share.channel_not_found') },
      },
    ]);
  });

  it('a topic that is gone (an older modal) turns the modal back to the list', async () => {
    const { deps } = world();
    const call = submission({ language: 'en', topic: 'retired-topic' }, 'C0SHARE');
    await shareTopic(deps)(call.args);
    const [answer] = argsOf(call.ack);
    expect(answer?.response_action).toBe('update');
    expect(buttonsOf(answer?.view as Record<string, unknown>)).toHaveLength(kb.topics.length);
  });
});
