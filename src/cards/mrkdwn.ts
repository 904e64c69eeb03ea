/**
 * Escaping for text a user typed that a card shows again. Slack reads <...> as
 * markup (mentions, <!channel>, links with any label), so &, < and > are sent as
 * entities, which Slack displays as the characters themselves.
 */
export function escapeMrkdwn(text: string): string {
  // Most text has none of these, and every card escapes a few strings.
  if (!NEEDS_ESCAPING.test(text)) return text;
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A bare "@channel" only pings with link_names, which we never set; the zero-width
      // joiner makes sure no client or future setting turns an echo into a ping.
      .replace(/@(channel|here|everyone)\b/gi, '@\u2060$1')
  );
}

const NEEDS_ESCAPING = /[&<>@]/;

/** Cuts text to `max` characters (not UTF-16 units), ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  // A string has at least as many UTF-16 units as characters: short enough either way.
  if (text.length <= max) return text;
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * Characters that change how the text around them is shown without being seen themselves:
 * direction overrides, isolates and marks, zero-width spaces and joiners. A quote of what a
 * user typed drops them, so that it reads as it is.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** Text shown back to the user: one line, cut, then escaped (cut first so no entity is split). */
export function quoteUserText(text: string, max = 150): string {
  const oneLine = text
    .replace(INVISIBLE, '')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return escapeMrkdwn(truncate(oneLine, max));
}
