/**
 * Posting to a response_url and reading Slack's refusal. Bolt's `respond` throws on a
 * refusal with the HTTP status only; Slack says why in the body ("channel_not_found",
 * "action_prohibited", "channel_is_archived"), and the person sharing a card needs the why.
 * Like Bolt's own respond, it uses the platform's fetch; unlike it, it gives up after a while.
 */
import type { Card } from '../cards/blocks.js';

/** A post Slack has not answered by then is given up ("request_failed"): the user is told. */
const RESPONSE_URL_TIMEOUT_MS = 10_000;

/** "ok", or Slack's reason for refusing (its code, else `http_<status>`), or "request_failed". */
export type ResponseUrlOutcome = 'ok' | string;

export async function postToResponseUrl(
  responseUrl: string,
  message: Card & { response_type: 'in_channel' | 'ephemeral'; replace_original?: boolean },
): Promise<ResponseUrlOutcome> {
  try {
    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
    });
    const body = (await response.text()).trim();
    const code = slackCodeIn(body);
    if (!response.ok) return code ?? `http_${response.status}`;
    return code && code !== 'ok' ? code : 'ok';
  } catch {
    return 'request_failed';
  }
}

/** Slack's code in a response_url answer: a bare word ("channel_not_found") or {"ok":false,"error":…}. */
function slackCodeIn(body: string): string | undefined {
  if (/^[a-z0-9_]{2,64}$/.test(body)) return body;
  try {
    const parsed = JSON.parse(body) as { ok?: unknown; error?: unknown };
    if (parsed.ok === true) return 'ok';
    if (typeof parsed.error === 'string' && /^[a-z0-9_]{2,64}$/.test(parsed.error)) return parsed.error;
  } catch {
    // neither: no code
  }
  return undefined;
}
