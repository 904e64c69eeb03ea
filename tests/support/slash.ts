/**
 * A /socialvs command sent as Slack sends it, and the reply the asker sees: the message
 * the acknowledgement carried, or else the first post to the command's response_url.
 */
import {
  messageInAck,
  type SignOptions,
  type SlackRequestSender,
} from '../../src/sandbox/signed-requests.js';
import type { SlackStandIn } from '../../src/sandbox/slack-stand-in.js';

export interface SlashReply {
  status: number;
  body: Record<string, unknown>;
  via: 'ack' | 'response_url';
  responseUrl: string;
}

export async function slashReply(
  slack: SlackRequestSender,
  standIn: SlackStandIn,
  input: { text: string; userId: string; channelId: string; channelName?: string },
  options: SignOptions & { timeoutMs?: number } = {},
): Promise<SlashReply> {
  const responseUrl = standIn.responseUrl();
  const sent = await slack.slashCommand({ ...input, responseUrl }, options);
  const inAck = messageInAck(sent);
  if (inAck) return { status: sent.status, body: inAck, via: 'ack', responseUrl };
  const post = await standIn.waitFor(() => standIn.responsesTo(responseUrl)[0], options.timeoutMs);
  return { status: sent.status, body: post.body, via: 'response_url', responseUrl };
}
