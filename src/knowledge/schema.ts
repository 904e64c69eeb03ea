/**
 * The shape of the files in data/, checked with zod when the bot starts and by
 * `npm run validate`. Limits here keep every card inside Slack's Block Kit limits
 * with room to spare, so a card never has to be cut at send time.
 */
import * as z from 'zod';
import { LANGUAGES } from './languages.js';

export const TOPIC_KINDS = ['difference', 'similarity', 'overview', 'guidance'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

/** Topic ids that cards, buttons, tools and tip history refer to: they must all exist. */
export const REQUIRED_TOPIC_IDS = [
  'overview',
  'definition',
  'focus',
  'main-goal',
  'communication-style',
  'target-audience',
  'timely-response',
  'roi',
  'ask-or-tell',
  'business-use',
  'platforms',
  'similarities',
  'marketer-takeaway',
] as const;

// Our own text is sent as mrkdwn unescaped, so it must not be able to form Slack
// markup: no <...> (mentions, links, <!channel>), no & entities, no raw @.
const safeText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !/[<>&@]/.test(value), 'must not contain <, >, & or @ (Slack markup)');

const perLanguage = <T extends z.ZodType>(schema: T) =>
  z.object({ en: schema, id: schema, de: schema, fr: schema }).strict();

/**
 * How much a card may say: a one-sentence takeaway and tight sides, so that a busy
 * marketer reads a card in about twenty seconds.
 */
export const CARD_LIMITS = { summary: 220, side: 600, note: 220 } as const;

/** At least this many tips and quiz items in the whole concept base, in every language. */
export const CONTENT_MINIMUMS = { tips: 52, quizItems: 26, quizItemsPerTopic: 2 } as const;

/**
 * The topics whose French and German cards say which everyday word means which side:
 * "réseaux sociaux" and "soziale Netzwerke" usually mean the platforms (our social media).
 */
export const FALSE_FRIEND_NOTE = { topics: ['overview', 'definition'], languages: ['de', 'fr'] } as const;

export const TopicTextSchema = z
  .object({
    title: safeText(80),
    summary: safeText(CARD_LIMITS.summary),
    networking: safeText(CARD_LIMITS.side).optional(),
    media: safeText(CARD_LIMITS.side).optional(),
    both: safeText(CARD_LIMITS.side).optional(),
    /** One line under the card: which everyday word means which side (see FALSE_FRIEND_NOTE). */
    note: safeText(CARD_LIMITS.note).optional(),
    aliases: z.array(safeText(80)).min(3, 'needs at least 3 aliases'),
    questions: z.array(safeText(200)).min(2, 'needs at least 2 example questions'),
  })
  .strict();

/**
 * What a tip or a quiz item rests on: the article (an id from data/sources.yml) and the
 * claim it makes, paraphrased in our own words (in English, for whoever maintains data/).
 */
export const ArticleClaimSchema = z
  .object({
    article: z.string().regex(/^s\d{3}$/, 'must be a source id like s003'),
    claim: z.string().trim().min(10, 'must say what the article claims').max(300),
  })
  .strict();

const key = z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes');

export const TipSchema = z
  .object({
    key,
    source: ArticleClaimSchema,
    text: perLanguage(safeText(280)),
  })
  .strict();

export const QUIZ_ANSWERS = ['networking', 'media', 'both'] as const;
export type QuizAnswer = (typeof QUIZ_ANSWERS)[number];

/** A statement or question from the articles, answered "Social networking", "Social media" or "Both". */
export const QuizItemSchema = z
  .object({
    key,
    source: ArticleClaimSchema,
    answer: z.enum(QUIZ_ANSWERS),
    prompt: perLanguage(safeText(200)),
    /** One sentence saying why, shown to whoever answered. */
    explanation: perLanguage(safeText(240)),
  })
  .strict();

export const TopicFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'),
    kind: z.enum(TOPIC_KINDS),
    order: z.number().int().positive(),
    sources: z.array(z.string()).min(1, 'needs at least one source'),
    text: perLanguage(TopicTextSchema),
    tips: z.array(TipSchema).default([]),
    quiz: z
      .array(QuizItemSchema)
      .min(
        CONTENT_MINIMUMS.quizItemsPerTopic,
        `needs at least ${CONTENT_MINIMUMS.quizItemsPerTopic} quiz items`,
      ),
  })
  .strict()
  .superRefine((topic, ctx) => {
    for (const language of LANGUAGES) {
      const text = topic.text[language];
      const needed = topic.kind === 'similarity' ? (['both'] as const) : (['networking', 'media'] as const);
      for (const field of needed) {
        if (!text[field]) {
          ctx.addIssue({
            code: 'custom',
            path: ['text', language, field],
            message: `is required for a topic of kind ${topic.kind}`,
          });
        }
      }
    }
    if ((FALSE_FRIEND_NOTE.topics as readonly string[]).includes(topic.id)) {
      for (const language of FALSE_FRIEND_NOTE.languages) {
        if (!topic.text[language].note) {
          ctx.addIssue({
            code: 'custom',
            path: ['text', language, 'note'],
            message: 'is required: say which everyday word means which side',
          });
        }
      }
    }
    if ((topic.kind === 'difference' || topic.kind === 'similarity') && topic.tips.length < 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['tips'],
        message: `a ${topic.kind} topic needs at least 3 tips`,
      });
    }
  });

export const SourcesFileSchema = z.array(
  z
    .object({
      id: z.string().regex(/^s\d{3}$/),
      seed: z.string(),
      title: z.string().min(1),
      /** How a card's sources line names the article: its title, shortened, or its opening words if it has none. */
      short: z.string().min(1).max(45),
      language: z.enum(LANGUAGES),
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable(),
    })
    .strict(),
);

/**
 * One line of data/examples/<set>.jsonl: a question as someone typed it, the topic it asks
 * (null: none of ours, a chore or chatter) and its language, if it has one.
 */
export const ExampleSchema = z
  .object({
    q: z.string().min(1, 'must not be empty').max(4000, 'must be at most 4000 characters'),
    topic: z.string().nullable(),
    /** Absent for a question of no one language ("ROI", "LinkedIn"). */
    lang: z.enum(LANGUAGES).optional(),
  })
  .strict();

// UI strings may name the bot ("@SocialVS") in plain text; they still can't form markup.
const uiText = z
  .string()
  .min(1, 'must not be empty')
  .max(1500, 'must be at most 1500 characters')
  .refine((value) => !/[<>&]/.test(value), 'must not contain <, > or & (Slack markup)');

export const UiStringsFileSchema = z.record(z.string(), perLanguage(uiText));

export type TopicFile = z.infer<typeof TopicFileSchema>;
export type TopicText = z.infer<typeof TopicTextSchema>;
export type Tip = z.infer<typeof TipSchema>;
export type QuizItem = z.infer<typeof QuizItemSchema>;
export type ArticleClaim = z.infer<typeof ArticleClaimSchema>;
export type Source = z.infer<typeof SourcesFileSchema>[number];
