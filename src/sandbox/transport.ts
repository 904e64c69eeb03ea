/**
 * How the sandbox's Slack reaches the bot: signed HTTP requests to its events URL (HTTP
 * mode), or envelopes on the WebSocket the bot opened to the stand-in (Socket Mode). The
 * workspace sends through either the same way and reads a slash command's answer from
 * its acknowledgement in both.
 */
import { messageInAck, type SlackRequestSender } from './signed-requests.js';
import {
  type BlockActionInput,
  isMessage,
  type MessageActionInput,
  messageActionPayload,
  type ShortcutInput,
  type SlashCommandInput,
  shortcutPayload,
  type ViewSubmissionInput,
  viewSubmissionPayload,
} from './slack-payloads.js';
import type { SocketModeStandIn } from './socket-mode-stand-in.js';

export interface SlackTransport {
  /** Resolves with the message the command's acknowledgement carried, if it carried one. */
  slashCommand(input: SlashCommandInput): Promise<Record<string, unknown> | undefined>;
  event(event: Record<string, unknown>): Promise<void>;
  blockAction(input: BlockActionInput): Promise<void>;
  shortcut(input: ShortcutInput): Promise<void>;
  messageAction(input: MessageActionInput): Promise<void>;
  /** Resolves with what the acknowledgement carried (errors beside a field, an update), if anything. */
  viewSubmission(input: ViewSubmissionInput): Promise<Record<string, unknown> | undefined>;
}

/** The JSON an acknowledgement carried, if it carried an object. */
function ackObject(raw: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function httpTransport(sender: SlackRequestSender): SlackTransport {
  return {
    async slashCommand(input) {
      return messageInAck(await sender.slashCommand(input));
    },
    async event(event) {
      await sender.event(event);
    },
    async blockAction(input) {
      await sender.blockAction(input);
    },
    async shortcut(input) {
      await sender.shortcut(input);
    },
    async messageAction(input) {
      await sender.messageAction(input);
    },
    async viewSubmission(input) {
      return ackObject((await sender.viewSubmission(input)).body);
    },
  };
}

export function socketTransport(socket: SocketModeStandIn): SlackTransport {
  return {
    async slashCommand(input) {
      const ack = await socket.slashCommand(input);
      return isMessage(ack) ? ack : undefined;
    },
    async event(event) {
      await socket.event(event);
    },
    async blockAction(input) {
      await socket.blockAction(input);
    },
    async shortcut(input) {
      await socket.interactive(shortcutPayload(input));
    },
    async messageAction(input) {
      await socket.interactive(messageActionPayload(input));
    },
    async viewSubmission(input) {
      return socket.interactive(viewSubmissionPayload(input));
    },
  };
}
