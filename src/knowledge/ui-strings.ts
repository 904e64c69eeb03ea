/** The UI strings of data/ui/strings.yml: the keys the code needs, and lookup with placeholders. */
import type { Language } from './languages.js';

export const UI_KEYS = [
  'card.networking',
  'card.media',
  'card.both',
  'card.sources',
  'card.position',
  'card.you_asked',
  'card.shared_by',
  'button.previous',
  'button.next',
  'button.share',
  'button.open_topic',
  'nomatch.header',
  'nomatch.body',
  'nomatch.suggestions',
  'nomatch.topics',
  'list.header',
  'list.intro',
  'help.header',
  'help.intro',
  'help.commands',
  'help.mention',
  'help.examples',
  'help.hint',
  'lang.saved',
  'lang.invalid',
  'error.generic',
  'error.not_in_channel',
  'error.channel_not_found',
  'error.rate_limited',
  'error.stale_card',
  'tip.header',
  'tip.topic',
  'tip.open',
  'subscribe.done',
  'subscribe.dm',
  'unsubscribe.done',
  'unsubscribe.none',
  'unsubscribe.fixed',
  'status.subscribed',
  'status.none',
  'status.last',
  'status.paused',
  'status.never',
  'reason.not_in_channel',
  'reason.channel_gone',
  'subscribe.announce',
  'home.header',
  'home.intro',
  'home.language',
  'home.topics',
  'home.subscribe',
  'home.ask',
] as const;
export type UiKey = (typeof UI_KEYS)[number];
export type UiStrings = Record<UiKey, Record<Language, string>>;

/** The string for `key` in `language`, with each {name} replaced by vars[name]. */
export function translate(
  ui: UiStrings,
  language: Language,
  key: UiKey,
  vars: Record<string, string | number> = {},
): string {
  return ui[key][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}
