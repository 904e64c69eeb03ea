/**
 * Posts a card to a channel and says how it went, in the terms the tip feature needs.
 * Its own Web API client: rate limits come back at once (the tip job waits them out for
 * all its workers together) and nothing is retried behind the job's back, which could
 * post a tip twice.
 */
import { type Logger, webApi } from '@slack/bolt';
import type { Card } from '../cards/blocks.js';
import type { Poster, PostOutcome } from '../tips/poster.js';
import { slackErrorCode } from './errors.js';

const UNREACHABLE = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

export class SlackPoster implements Poster {
  private readonly client: webApi.WebClient;

  constructor(token: string | undefined, slackApiUrl: string, logger: Logger, timeoutMs = 10_000) {
    this.client = new webApi.WebClient(token, {
      slackApiUrl,
      logger,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: timeoutMs,
    });
  }

  async post(channelId: string, card: Card): Promise<PostOutcome> {
    try {
      const result = await this.client.chat.postMessage({
        channel: channelId,
        text: card.text,
        blocks: card.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      return { ok: true, ts: result.ts ?? '' };
    } catch (error) {
      return classify(error);
    }
  }
}

export function classify(error: unknown): PostOutcome {
  const code = slackErrorCode(error);
  if (code === 'ratelimited') {
    const seconds = Number((error as { retryAfter?: number }).retryAfter);
    return {
      ok: false,
      kind: 'rate-limited',
      retryAfterMs: (Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000,
    };
  }
  if (UNREACHABLE.has(code)) return { ok: false, kind: 'unreachable', code };
  const original = (error as { original?: { code?: string } }).original?.code;
  if (code === 'request_failed' && (original === 'ECONNREFUSED' || original === 'ENOTFOUND')) {
    return { ok: false, kind: 'not-posted', code: original.toLowerCase() };
  }
  if (
    code === 'timeout' ||
    code === 'request_failed' ||
    code === 'unexpected' ||
    code === 'malformed_response'
  ) {
    return { ok: false, kind: 'in-doubt', code };
  }
  // A Slack error answer (ok: false) or an HTTP error status: Slack did not post.
  return { ok: false, kind: 'not-posted', code };
}
