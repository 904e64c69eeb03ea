/**
 * Slack API failures: what they were, logged with the method and channel (never the
 * token).
 */
import type { Logger } from '@slack/bolt';

/** The Slack error code ("not_in_channel", "ratelimited", "http_500", "timeout") of a thrown error. */
export function slackErrorCode(error: unknown): string {
  const e = error as {
    code?: string;
    data?: { error?: string };
    statusCode?: number;
    original?: { code?: string };
  };
  // A body that isn't Slack's JSON reaches us as a "platform error" whose code is the body
  // itself: Slack's codes are short snake_case words, so anything else is a garbled answer.
  if (e?.code === 'slack_webapi_platform_error' && e.data?.error) {
    return /^[a-z0-9_]{2,64}$/.test(e.data.error) ? e.data.error : 'malformed_response';
  }
  if (e?.code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  // Bolt's respond(): the response_url answered with an error status (expired, invalid blocks).
  if (e?.code === 'slack_bolt_respond_error') return `http_${e.statusCode ?? 'error'}`;
  if (e?.code === 'slack_webapi_http_error') return `http_${e.statusCode ?? 'error'}`;
  if (e?.code === 'slack_webapi_request_error') {
    return e.original?.code === 'ECONNABORTED' || e.original?.code === 'ETIMEDOUT'
      ? 'timeout'
      : 'request_failed';
  }
  return 'unexpected';
}

/** Logs a failed Slack call with what it was doing; returns the error code. */
export function logSlackError(
  logger: Logger,
  error: unknown,
  where: { method: string; channel?: string | undefined; user?: string | undefined },
): string {
  const code = slackErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const place = [where.channel && `channel ${where.channel}`, where.user && `user ${where.user}`]
    .filter(Boolean)
    .join(', ');
  const level = code === 'invalid_auth' || code === 'unexpected' ? 'error' : 'warn';
  logger[level](
    `${where.method} failed${place ? ` (${place})` : ''}: ${code}${code === 'unexpected' ? `: ${message}` : ''}`,
  );
  return code;
}
