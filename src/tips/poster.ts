/**
 * How the tip feature posts to a channel, as the outcomes that matter to it. The Slack
 * adapter (src/slack/slack-poster.ts) turns Web API errors into these; tests and the
 * benchmark can pass their own.
 */
import type { Card } from '../cards/blocks.js';

export type PostOutcome =
  | { ok: true; ts: string }
  /** 429: try again after this long; nothing was posted. */
  | { ok: false; kind: 'rate-limited'; retryAfterMs: number }
  /** The bot can't post there until someone acts (not_in_channel, channel_not_found, is_archived). */
  | { ok: false; kind: 'unreachable'; code: string }
  /** Slack said no, or was never reached: nothing was posted, a later run may retry. */
  | { ok: false; kind: 'not-posted'; code: string }
  /** No answer (a timeout, a garbled reply): it may or may not have been posted. */
  | { ok: false; kind: 'in-doubt'; code: string };

export interface Poster {
  post(channelId: string, card: Card): Promise<PostOutcome>;
}
