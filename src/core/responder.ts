/**
 * What SocialVS does for a person, whatever the surface: answer a question, run a
 * /socialvs subcommand, open a topic, take a vote, show the home tab. Slack listeners,
 * the sandbox and the tests all go through here; it never talks to Slack itself.
 */
import { randomBytes } from 'node:crypto';
import { type ButtonValue, type QuizButtonValue, readPostedQuizId } from '../cards/actions.js';
import type { Block, Card, ModalView } from '../cards/blocks.js';
import { type BrowseState, browseModal } from '../cards/browse-modal.js';
import { greetingCard } from '../cards/greeting-card.js';
import { helpCard, noticeCard } from '../cards/help-card.js';
import { type HomeView, homeView } from '../cards/home-view.js';
import { listCard } from '../cards/list-card.js';
import { quizCard, quizResultCard } from '../cards/quiz-card.js';
import { statsBlocks, statsCard } from '../cards/stats-card.js';
import { tipCard } from '../cards/tip-card.js';
import { type Surface, topicCard } from '../cards/topic-card.js';
import { type Language, languageFromLocale, languageNameIn } from '../knowledge/languages.js';
import { fold, MAX_QUERY_CHARS } from '../knowledge/normalize.js';
import type { QuizAnswer } from '../knowledge/schema.js';
import { translate, type UiKey } from '../knowledge/ui-strings.js';
import type { QuestionSurface, Store } from '../store/store.js';
import { type Answer, answerFromSearch, type Core } from './answer.js';
import { type Command, languagesOfCommandWord, parseCommand, parseTypedCommand } from './command.js';
import { recognizeSmallTalk } from './small-talk.js';

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
  /** Subscribes the channel to tips in `tipLanguage`; the reply is in `language`, the asker's. */
  subscribe(context: ChannelContext, tipLanguage: Language, language: Language): Promise<Card>;
  unsubscribe(context: ChannelContext, language: Language): Promise<Card>;
  status(context: ChannelContext, language: Language): Promise<Card>;
}

export interface ResponderOptions {
  defaultLanguage: Language;
  tips?: TipCommands;
  /** Slack user ids who may see the usage report (ADMIN_USER_IDS). */
  admins?: readonly string[];
  /** Whether question text is kept (QUESTION_LOG); outcomes always are. */
  questionLog?: boolean;
  /** Random source for `/socialvs tip`; tests pass a fixed one. */
  random?: () => number;
  now?: () => Date;
}

/** Who pressed a quiz answer, and where the quiz was (the message's channel and ts). */
export interface QuizPress {
  userId: string;
  channelId: string | undefined;
  messageTs: string | undefined;
}

/** What a quiz answer leads to: a reply for the presser alone, and maybe new counts on the bot's post. */
export interface QuizAnswerOutcome {
  reply: Card;
  /** The quiz the bot posted, rebuilt with how many answered and the share right (no one's name). */
  update?: { channelId: string; ts: string; card: Card };
}

/** Report period when `/socialvs stats` names none, and on the admins' home tab. */
const DEFAULT_STATS_DAYS = 30;

/** What to tell someone whose share Slack refused, by Slack's reason; anything else is 'share.failed'. */
const SHARE_REFUSALS: ReadonlyMap<string, UiKey> = new Map([
  ['not_in_channel', 'share.not_in_channel'],
  ['channel_not_found', 'share.channel_not_found'],
  ['is_archived', 'share.archived'],
  ['channel_is_archived', 'share.archived'],
]);

export class Responder {
  constructor(
    readonly core: Core,
    readonly store: Store,
    private readonly options: ResponderOptions,
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The language when nothing else tells (DEFAULT_LANGUAGE). */
  get defaultLanguage(): Language {
    return this.options.defaultLanguage;
  }

  isAdmin(userId: string): boolean {
    return this.options.admins?.includes(userId) ?? false;
  }

  /** The asker's language when a question's own can't be told: saved, then Slack locale, then the default. */
  async languageFor(asker: Asker): Promise<Language> {
    const saved = await this.store.getUserLanguage(asker.userId);
    if (saved) return saved;
    const fromLocale = languageFromLocale(await asker.locale?.().catch(() => undefined));
    return fromLocale ?? this.options.defaultLanguage;
  }

  /**
   * The one plain line for a request that could not be answered (the store refusing, say),
   * in `known` (the card's language) or the asker's when it can still be read, else in the
   * default language.
   */
  async failureNotice(asker: Asker, known?: Language): Promise<Card> {
    const language = known ?? (await this.languageFor(asker).catch(() => this.options.defaultLanguage));
    return this.notice(language, 'error.generic');
  }

  /**
   * Answer ids, for 👍 / 👎 (one vote per user per answer): a random prefix per process,
   * so replicas never hand out the same id, and a counter.
   */
  private readonly answerIdPrefix = randomBytes(6).toString('base64url');
  private answerCount = 0;

  /** Answers a question, and logs it with its outcome. */
  async ask(question: string, asker: Asker, surface: Surface, where: QuestionSurface): Promise<Answer> {
    const result = this.core.index.search(question);
    const language = result.language ?? (await this.languageFor(asker));
    let answerId: string | undefined;
    if (result.reason !== 'empty') {
      const text = question.trim().slice(0, MAX_QUERY_CHARS);
      // An explained message is someone else's words, perhaps from a private channel.
      const logged = where !== 'shortcut' && (this.options.questionLog ?? true);
      await this.store.recordQuestion({
        askedAt: this.now(),
        surface: where,
        language,
        topic: result.topic,
        ...(logged ? { text, askerId: asker.userId } : {}),
        ...(logged && result.topic === null ? { normalized: fold(text) } : {}),
      });
      answerId = `${this.answerIdPrefix}${(++this.answerCount).toString(36)}`;
    }
    return answerFromSearch(this.core, question, result, {
      surface,
      fallbackLanguage: language,
      answerId,
      // A reply in a thread is a turn of a conversation: a refusal there stays short.
      shortRefusal: where === 'mention',
      explained: where === 'shortcut',
    });
  }

  /**
   * "Explain with SocialVS" on someone's message: the card for its text, in the message's
   * language when it can be told, else the asker's, quoting the message; a message without
   * text gets one plain line. The message is someone else's words, perhaps from a private
   * channel: only the outcome is logged, never the text nor who asked, whatever QUESTION_LOG says.
   */
  async explain(message: string, asker: Asker): Promise<Card> {
    if (!message.trim()) return this.notice(await this.languageFor(asker), 'explain.nothing');
    return (await this.ask(message, asker, 'ephemeral', 'shortcut')).card;
  }

  /** The topic browser modal: the list in `state.language`, or one topic's comparison. */
  browse(state: BrowseState): ModalView {
    const topic = state.topic && this.core.kb.byId.has(state.topic) ? state.topic : undefined;
    return browseModal(this.core.kb, { language: state.language, ...(topic ? { topic } : {}) });
  }

  /** The card the topic browser shares: public, naming who shared it; undefined for a topic that is gone. */
  sharedFromBrowser(state: BrowseState, sharedBy: string): Card | undefined {
    if (!state.topic) return undefined;
    return this.openTopic({ topic: state.topic, language: state.language }, 'message', { sharedBy });
  }

  /**
   * What to tell someone whose share Slack refused (`code`: not_in_channel, channel_not_found,
   * is_archived or channel_is_archived, or anything else), with what to do about it.
   */
  shareRefusal(language: Language, code: string): string {
    return translate(this.core.kb.ui, language, SHARE_REFUSALS.get(code) ?? 'share.failed');
  }

  /** The same, for when the refusal came too late to show beside the field: said privately, naming the topic. */
  shareRefusalNotice(state: BrowseState, code: string): Card {
    const topic = state.topic ? this.core.kb.byId.get(state.topic) : undefined;
    return this.notice(state.language, 'share.not_shared', {
      topic: topic?.text[state.language].title ?? '',
      reason: this.shareRefusal(state.language, code),
    });
  }

  /**
   * A DM or a mention: a greeting or a thanks gets a short reply; a subcommand's words
   * ("help", "Hilfe", "lang de", "status") do what `/socialvs` does with them; anything else
   * is a question. Greetings and subcommands are not questions, so they are not recorded.
   */
  async converse(text: string, context: ChannelContext): Promise<Card> {
    const where = context.isDirectMessage ? 'dm' : 'mention';
    const smallTalk = recognizeSmallTalk(text);
    if (smallTalk) {
      const language = await this.languageAmong(smallTalk.languages, context);
      return greetingCard(this.core.kb, smallTalk.kind, language);
    }
    const command = parseTypedCommand(text);
    if (command.kind === 'question' || command.kind === 'empty') {
      return (await this.ask(text, context, 'message', where)).card;
    }
    const language = await this.languageAmong(languagesOfCommandWord(text), context);
    if (where === 'mention') {
      // A reply in a thread is seen by the whole channel. Subscribing announces in the channel
      // and answers the subscriber privately; through a mention both would be public, so the
      // channel's tips stay with the slash command. Usage figures are only for admins' eyes.
      if (command.kind === 'subscribe' || command.kind === 'unsubscribe') {
        const subcommand =
          command.kind === 'subscribe' && command.language ? `subscribe ${command.language}` : command.kind;
        return this.notice(language, 'mention.tips_command', { subcommand });
      }
      if (command.kind === 'stats') return this.notice(language, 'mention.stats');
    }
    // A DM is private, as `/socialvs` is, so the rest does what the slash command does; the
    // cards are messages of the conversation (a quiz without a share button).
    return this.run(command, context, language, 'message');
  }

  /**
   * The reply's language among `candidates`, the languages of what was typed: the only one,
   * or the asker's when it is among them (a German saying "hi" is answered in German), else
   * the likeliest; the asker's when nothing typed tells (an emoji, "help").
   */
  private async languageAmong(candidates: readonly Language[], asker: Asker): Promise<Language> {
    const [likeliest] = candidates;
    if (likeliest && candidates.length === 1) return likeliest;
    const preferred = await this.languageFor(asker);
    return likeliest && !candidates.includes(preferred) ? likeliest : preferred;
  }

  /**
   * A quiz item picked at random (as `/socialvs tip` picks a tip), with a new quiz id: a
   * private one ('ephemeral') can be shared, and keeps its id when it is.
   */
  quiz(language: Language, surface: Surface): Card {
    const item = this.pickAtRandom(this.core.kb.quiz);
    if (!item) return this.notice(language, 'error.generic');
    return quizCard(this.core.kb, item, language, { quiz: `p${randomBytes(6).toString('hex')}`, surface });
  }

  /**
   * A quiz answer: stored when it is the person's first to this quiz, and answered to them
   * alone. A first answer to a quiz the bot posted itself (the quiz day's post, checked
   * against the tip history: that channel, that day, that item, that message) also gives
   * the post's new counts.
   */
  async answerQuiz(
    value: QuizButtonValue | undefined,
    chosen: QuizAnswer | undefined,
    press: QuizPress,
  ): Promise<QuizAnswerOutcome> {
    const kb = this.core.kb;
    const item = value && kb.quiz.find((candidate) => candidate.key === value.item);
    if (!value || !item || !chosen) {
      return { reply: this.staleCard(value?.language ?? (await this.languageFor({ userId: press.userId }))) };
    }
    const counted = await this.store.recordQuizAnswer({
      quiz: value.quiz,
      itemKey: item.key,
      userId: press.userId,
      answer: chosen,
      correct: chosen === item.answer,
      at: this.now(),
    });
    const reply = quizResultCard(kb, item, value.language, { chosen, counted });
    const posted = readPostedQuizId(value.quiz);
    if (!counted || !posted || posted.channelId !== press.channelId || !press.messageTs) return { reply };
    const record = (await this.store.tipHistory(posted.channelId)).find(
      (candidate) => candidate.day === posted.day && candidate.tipKey === item.key,
    );
    if (record?.messageTs !== press.messageTs) return { reply };
    const counts = await this.store.quizCounts(value.quiz);
    const card = quizCard(kb, item, value.language, { quiz: value.quiz, surface: 'message', counts });
    return { reply, update: { channelId: posted.channelId, ts: press.messageTs, card } };
  }

  /** A private quiz shared in the channel: the same quiz (same id), public, naming who shared it. */
  shareQuiz(value: QuizButtonValue | undefined, sharedBy: string): Card | undefined {
    const item = value && this.core.kb.quiz.find((candidate) => candidate.key === value.item);
    if (!value || !item) return undefined;
    return quizCard(this.core.kb, item, value.language, { quiz: value.quiz, surface: 'message', sharedBy });
  }

  notice(language: Language, key: UiKey, vars?: Record<string, string>): Card {
    return noticeCard(translate(this.core.kb.ui, language, key, vars));
  }

  /** The reply to `/socialvs <text>`, always shown to the asker only. */
  async command(text: string, context: ChannelContext): Promise<Card> {
    const command = parseCommand(text);
    if (command.kind === 'question' || command.kind === 'empty') {
      return (
        await this.ask(command.kind === 'question' ? command.text : '', context, 'ephemeral', 'command')
      ).card;
    }
    return this.run(command, context, await this.languageFor(context), 'ephemeral');
  }

  /** A subcommand, answered in `language`; `surface` is where its card is shown. */
  private async run(
    command: Exclude<Command, { kind: 'question' | 'empty' }>,
    context: ChannelContext,
    language: Language,
    surface: Surface,
  ): Promise<Card> {
    const kb = this.core.kb;
    switch (command.kind) {
      case 'help':
        return helpCard(kb, language);
      case 'list':
        return listCard(kb, language);
      case 'tip': {
        const tip = this.pickAtRandom(kb.tips);
        return tip ? tipCard(kb, tip, language) : this.notice(language, 'error.generic');
      }
      case 'quiz':
        return this.quiz(language, surface);
      case 'lang': {
        if (!command.language) return this.notice(language, 'lang.invalid', { subcommand: 'lang' });
        await this.store.setUserLanguage(context.userId, command.language);
        return this.notice(command.language, 'lang.saved', {
          language: languageNameIn(command.language, command.language),
        });
      }
      case 'stats': {
        if (!this.isAdmin(context.userId)) return this.notice(language, 'stats.refused');
        return statsCard(kb, await this.store.usageReport(this.since(command.days)), language, {
          days: command.days,
          questionLog: this.options.questionLog ?? true,
        });
      }
      case 'subscribe':
      case 'unsubscribe':
      case 'status': {
        // Tips are per channel, and a DM is none: it says so, and how to subscribe one. It
        // does not list the channels that get tips, which would show anyone who asks the
        // settings of private channels they are not in.
        if (context.isDirectMessage) return this.notice(language, 'subscribe.dm');
        const tips = this.options.tips;
        if (!tips) return this.notice(language, 'error.generic');
        if (command.kind === 'subscribe') {
          if (command.invalidLanguage)
            return this.notice(language, 'lang.invalid', { subcommand: 'subscribe' });
          return tips.subscribe(context, command.language ?? language, language);
        }
        return command.kind === 'unsubscribe'
          ? tips.unsubscribe(context, language)
          : tips.status(context, language);
      }
    }
  }

  /** One of `items` at random (the options' random source, so tests can fix it). */
  private pickAtRandom<T>(items: readonly T[]): T | undefined {
    const random = this.options.random ?? Math.random;
    return items[Math.floor(random() * items.length)] ?? items[0];
  }

  private since(days: number | undefined): Date | undefined {
    return days === undefined ? undefined : new Date(this.now().getTime() - days * 24 * 60 * 60 * 1000);
  }

  /**
   * A topic's card for a button press; undefined when the topic no longer exists (an old
   * card). A card reached by a button is an answer of its own, with its own id for votes,
   * except a shared card, which stays the answer it was shared from.
   */
  openTopic(value: ButtonValue, surface: Surface, extras: { sharedBy?: string } = {}): Card | undefined {
    const topic = this.core.kb.byId.get(value.topic);
    if (!topic) return undefined;
    const answerId = extras.sharedBy && value.answer ? value.answer : `n${randomBytes(6).toString('hex')}`;
    return topicCard(this.core.kb, topic, value.language, {
      surface,
      answerId,
      ...(extras.sharedBy ? { sharedBy: extras.sharedBy } : {}),
      ...(value.question ? { question: value.question } : {}),
    });
  }

  /**
   * Records a 👍 / 👎 (one per user per answer; voting again changes it) and returns the
   * same card acknowledging it, so the card keeps its content; or, for a vote on a card
   * others see (`privately`), just the thanks, for the voter alone.
   */
  async vote(
    value: ButtonValue,
    userId: string,
    vote: 'up' | 'down',
    { surface, privately = false }: { surface: Surface; privately?: boolean },
  ): Promise<Card | undefined> {
    const topic = this.core.kb.byId.get(value.topic);
    if (!topic || !value.answer) return undefined;
    await this.store.recordVote({
      answerId: value.answer,
      userId,
      topic: topic.id,
      language: value.language,
      vote: vote === 'up' ? 1 : -1,
      at: this.now(),
    });
    if (privately) return this.notice(value.language, vote === 'up' ? 'feedback.up' : 'feedback.down');
    return topicCard(this.core.kb, topic, value.language, {
      surface,
      answerId: value.answer,
      vote,
      ...(value.question ? { question: value.question } : {}),
    });
  }

  /** What to show instead of a card whose topic is gone: the notice, then the topic list. */
  staleCard(language: Language): Card {
    const list = listCard(this.core.kb, language);
    const notice = translate(this.core.kb.ui, language, 'error.stale_card');
    return { text: notice, blocks: [...noticeCard(notice).blocks, ...list.blocks] };
  }

  /** The App Home tab; admins also see the usage report of the last 30 days. */
  async home(asker: Asker): Promise<HomeView> {
    const language = await this.languageFor(asker);
    const view = homeView(this.core.kb, language);
    if (this.isAdmin(asker.userId)) {
      const report = await this.store.usageReport(this.since(DEFAULT_STATS_DAYS));
      const blocks: Block[] = statsBlocks(this.core.kb, report, language, {
        days: DEFAULT_STATS_DAYS,
        questionLog: this.options.questionLog ?? true,
      });
      view.blocks.push({ type: 'divider', block_id: 'home_divider_stats' }, ...blocks);
    }
    return view;
  }
}
