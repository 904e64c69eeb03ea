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

export const TopicTextSchema = z
  .object({
    title: safeText(80),
    summary: safeText(400),
    networking: safeText(900).optional(),
    media: safeText(900).optional(),
    both: safeText(900).optional(),
    aliases: z.array(safeText(80)).min(3, 'needs at least 3 aliases'),
    questions: z.array(safeText(200)).min(2, 'needs at least 2 example questions'),
  })
  .strict();

export const TipSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'),
    text: perLanguage(safeText(280)),
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
      language: z.enum(LANGUAGES),
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable(),
    })
    .strict(),
);

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
export type Source = z.infer<typeof SourcesFileSchema>[number];
