/**
 * Slack's date token: every reader sees the instant in their own time zone and language,
 * with the UTC text as fallback for clients that can't render it.
 * https://docs.slack.dev/messaging/formatting-message-text/#date-formatting
 */
export function slackDate(instant: Date, format = '{date_short_pretty} {time}'): string {
  const seconds = Math.floor(instant.getTime() / 1000);
  const fallback = `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^${format}|${fallback}>`;
}
