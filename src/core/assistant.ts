/**
 * What SocialVS does for a person, whatever the surface: answer a question, run a
 * /socialvs subcommand, open a topic, show the home tab. Slack listeners, the
 * sandbox and the tests all go through here; it never talks to Slack itself.
 */
import type { ButtonValue } from '../cards/actions.js';
import type { Card } from '../cards/blocks.js';
import { helpCard, noticeCard } from '../cards/help-card.js';
import { type HomeView, homeView } from '../cards/home-view.js';
import { listCard } from '../cards/list-card.js';
import { tipCard } from '../cards/tip-card.js';
import { type Surface, topicCard } from '../cards/topic-card.js';
import { LANGUAGE_NAMES, type Language, languageFromLocale } from '../knowledge/languages.js';
import { translate, type UiKey } from '../knowledge/ui-strings.js';
import type { Store } from '../store/store.js';
import { type Answer, answerQuestion, type Core } from './answer.js';
import { parseCommand } from './command.js';

/** Who is asking. `locale` asks Slack for the user's locale, only when it is needed. */
export interface Asker {
  userId: string;
  locale?: () => Promise<string | undefined>;
}

export interface ChannelContext extends Asker {
  channelId: string;
  /** A DM with the bot (D…): daily tips make no sense there. */
  isDirectMessage: boolean;
}

/** The daily-tip subcommands; the tip-of-the-day feature provides them. */
export interface TipCommands {
  subscribe(context: ChannelContext, language: Language): Promise<Card>;
  unsubscribe(context: ChannelContext, language: Language): Promise<Card>;
  status(context: ChannelContext, language: Language): Promise<Card>;
}

export interface AssistantOptions {
  defaultLanguage: Language;
  tips?: TipCommands;
  /** Random source for `/socialvs tip`; tests pass a fixed one. */
  random?: () => number;
}

export class Assistant {
  constructor(
    readonly core: Core,
    readonly store: Store,
    private readonly options: AssistantOptions,
  ) {}

  /** The asker's language when a question's own can't be told: saved, then Slack locale, then the default. */
  async languageFor(asker: Asker): Promise<Language> {
    const saved = await this.store.getUserLanguage(asker.userId);
    if (saved) return saved;
    const fromLocale = languageFromLocale(await asker.locale?.().catch(() => undefined));
    return fromLocale ?? this.options.defaultLanguage;
  }

  async ask(question: string, asker: Asker, surface: Surface): Promise<Answer> {
    const first = answerQuestion(this.core, question, { surface });
    if (first.languageFromQuestion) return first;
    return answerQuestion(this.core, question, { surface, fallbackLanguage: await this.languageFor(asker) });
  }

  notice(language: Language, key: UiKey, vars?: Record<string, string>): Card {
    return noticeCard(translate(this.core.kb.ui, language, key, vars));
  }

  /** The reply to `/socialvs <text>`, always shown to the asker only. */
  async command(text: string, context: ChannelContext): Promise<Card> {
    const command = parseCommand(text);
    if (command.kind === 'question' || command.kind === 'empty') {
      return (await this.ask(command.kind === 'question' ? command.text : '', context, 'ephemeral')).card;
    }
    const language = await this.languageFor(context);
    const kb = this.core.kb;
    switch (command.kind) {
      case 'help':
        return helpCard(kb, language);
      case 'list':
        return listCard(kb, language);
      case 'tip': {
        const random = this.options.random ?? Math.random;
        const tip = kb.tips[Math.floor(random() * kb.tips.length)] ?? kb.tips[0];
        return tip ? tipCard(kb, tip, language) : this.notice(language, 'error.generic');
      }
      case 'lang': {
        if (!command.language) return this.notice(language, 'lang.invalid');
        await this.store.setUserLanguage(context.userId, command.language);
        return this.notice(command.language, 'lang.saved', { language: LANGUAGE_NAMES[command.language] });
      }
      case 'subscribe':
      case 'unsubscribe':
      case 'status': {
        if (context.isDirectMessage) return this.notice(language, 'subscribe.dm');
        const tips = this.options.tips;
        if (!tips) return this.notice(language, 'error.generic');
        if (command.kind === 'subscribe') {
          if (command.invalidLanguage) return this.notice(language, 'lang.invalid');
          return tips.subscribe(context, command.language ?? language);
        }
        return command.kind === 'unsubscribe'
          ? tips.unsubscribe(context, language)
          : tips.status(context, language);
      }
    }
  }

  /** A topic's card for a button press; undefined when the topic no longer exists (an old card). */
  openTopic(value: ButtonValue, surface: Surface, extras: { sharedBy?: string } = {}): Card | undefined {
    const topic = this.core.kb.byId.get(value.topic);
    return topic ? topicCard(this.core.kb, topic, value.language, { surface, ...extras }) : undefined;
  }

  /** What to show instead of a card whose topic is gone: the notice, then the topic list. */
  staleCard(language: Language): Card {
    const list = listCard(this.core.kb, language);
    const notice = translate(this.core.kb.ui, language, 'error.stale_card');
    return { text: notice, blocks: [...noticeCard(notice).blocks, ...list.blocks] };
  }

  async home(asker: Asker): Promise<HomeView> {
    return homeView(this.core.kb, await this.languageFor(asker));
  }
}
