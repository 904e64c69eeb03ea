/**
 * Text as Slack sends it, back to what the person typed. Slack escapes a typed `&`, `<`
 * and `>` as `&amp;`, `&lt;` and `&gt;`, while its own markup (mentions, links) stays in
 * angle brackets. Decoded once, `&amp;` last, so a typed "&lt;" stays "&lt;"; the cards
 * escape whatever they echo again (cards/mrkdwn.ts).
 */
export function typedText(slackText: string): string {
  return slackText.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
