/**
 * The environment (and .env), validated with zod. A bad value stops the start with
 * one plain line naming the variable and what it expects; secrets are never echoed.
 */
import { validate as validateCron } from 'node-cron';
import * as z from 'zod';
import { LANGUAGES, type Language } from './knowledge/languages.js';
import { WEEKDAYS, type Weekday } from './tips/day.js';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** Variables whose values are (or may hold) secrets: an error about them never repeats the value. */
export const SECRET_VARIABLES = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'DATABASE_URL',
] as const;

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: optionalString.pipe(
    z
      .string()
      .regex(
        /^xoxb-[A-Za-z0-9-]+$/,
        'a bot token starting with xoxb- (Slack app settings → OAuth & Permissions)',
      )
      .optional(),
  ),
  SLACK_SIGNING_SECRET: optionalString.pipe(
    z
      .string()
      .regex(
        /^[A-Za-z0-9]{16,}$/,
        'the signing secret (Basic Information → App Credentials), letters and digits',
      )
      .optional(),
  ),
  SLACK_APP_TOKEN: optionalString.pipe(
    z
      .string()
      .regex(
        /^xapp-[A-Za-z0-9-]+$/,
        'an app-level token starting with xapp- (Basic Information → App-Level Tokens)',
      )
      .optional(),
  ),
  PORT: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'a port number between 1 and 65535 (0: any free port)')
      .transform(Number)
      .refine((port) => port <= 65535, 'a port number between 1 and 65535 (0: any free port)')
      .default(3000),
  ),
  SLACK_API_URL: optionalString.pipe(
    z
      .url({
        protocol: /^https?$/,
        error: 'an http(s) URL of the Slack Web API, like https://slack.com/api/',
      })
      .transform((url) => (url.endsWith('/') ? url : `${url}/`))
      .default('https://slack.com/api/'),
  ),
  SLACK_TIMEOUT_MS: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'milliseconds, between 100 and 120000')
      .transform(Number)
      .refine((ms) => ms >= 100 && ms <= 120_000, 'milliseconds, between 100 and 120000')
      .default(10_000),
  ),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .refine(
        isDatabaseUrl,
        'sqlite:PATH (like sqlite:var/socialvs.db), sqlite::memory: or postgres://USER:PASSWORD@HOST:PORT/DATABASE',
      )
      .default('sqlite:var/socialvs.db'),
  ),
  DEFAULT_LANGUAGE: optionalString.pipe(
    z.enum(LANGUAGES, { error: `one of ${LANGUAGES.join(', ')}` }).default('en'),
  ),
  LOG_LEVEL: optionalString.pipe(
    z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(z.enum(LOG_LEVELS, { error: `one of ${LOG_LEVELS.join(', ')}` }))
      .default('info'),
  ),
  TIP_CRON: optionalString.pipe(
    z
      .string()
      .refine(
        (value) => [5, 6].includes(value.split(/\s+/).length) && validateCron(value),
        'a cron schedule of five fields (minute hour day month weekday) or six with seconds first, like "0 9 * * 1-5"',
      )
      .default('0 9 * * 1-5'),
  ),
  TIP_TIMEZONE: optionalString.pipe(
    z
      .string()
      .refine(isTimeZone, 'an IANA time zone name like Europe/Berlin, Asia/Jakarta or UTC')
      .default('UTC'),
  ),
  TIP_POSTS_PER_SECOND: optionalString.pipe(
    z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'a number of posts per second between 0.1 and 100')
      .transform(Number)
      .refine((rate) => rate >= 0.1 && rate <= 100, 'a number of posts per second between 0.1 and 100')
      .default(5),
  ),
  QUIZ_DAY: optionalString.pipe(
    z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(
        z.enum([...WEEKDAYS, 'off'], {
          error: 'a weekday in English (monday, tuesday, … sunday) or off',
        }),
      )
      .default('friday'),
  ),
  TIP_CHANNELS: optionalString.pipe(
    z
      .string()
      .regex(
        /^\s*[CG][A-Z0-9]{2,}(:(en|id|de|fr))?(\s*,\s*[CG][A-Z0-9]{2,}(:(en|id|de|fr))?)*\s*$/,
        'comma-separated channel ids, each optionally with :en, :id, :de or :fr, like C0123ABCD:de,C0456EFGH',
      )
      .optional(),
  ),
  QUESTION_LOG: optionalString.pipe(
    z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(
        z.enum(['true', 'false', 'on', 'off', 'yes', 'no', '1', '0'], { error: 'on or off (true/false)' }),
      )
      .transform((value) => ['true', 'on', 'yes', '1'].includes(value))
      .default(true),
  ),
  QUESTION_RETENTION_DAYS: optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, 'a whole number of days, at least 1')
      .transform(Number)
      .refine((days) => days >= 1 && days <= 36_500, 'a whole number of days, at least 1')
      .default(90),
  ),
  ADMIN_USER_IDS: optionalString.pipe(
    z
      .string()
      .regex(
        /^\s*[UW][A-Z0-9]{2,}(\s*,\s*[UW][A-Z0-9]{2,})*\s*$/,
        'comma-separated Slack user ids, like U0123ABCD,U0456EFGH',
      )
      .transform((value) => value.split(',').map((id) => id.trim()))
      .optional(),
  ),
  NODE_ENV: optionalString,
});

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** TIP_CHANNELS: channels that always get the daily tip, with their language if given. */
export function parseTipChannels(
  value: string | undefined,
): Array<{ channelId: string; language?: Language }> {
  if (!value) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [channelId, language] = entry.split(':') as [string, Language | undefined];
      return language ? { channelId, language } : { channelId };
    });
}

export type Config = {
  botToken: string | undefined;
  signingSecret: string | undefined;
  appToken: string | undefined;
  port: number;
  slackApiUrl: string;
  /** How long a Web API call may take before the bot gives up on it. */
  slackTimeoutMs: number;
  databaseUrl: string;
  defaultLanguage: (typeof LANGUAGES)[number];
  logLevel: LogLevelName;
  production: boolean;
  /** Socket Mode when an app token is set; HTTP otherwise. */
  mode: 'socket' | 'http';
  tipCron: string;
  tipTimezone: string;
  tipChannels: Array<{ channelId: string; language?: Language }>;
  /** The pace of the daily fan-out, under Slack's workspace-wide limit on chat.postMessage. */
  tipPostsPerSecond: number;
  /** The weekday (in TIP_TIMEZONE) whose run posts a quiz instead of a tip; undefined: never. */
  quizDay: Weekday | undefined;
  /** Whether the text of questions is kept (their outcome always is). */
  questionLog: boolean;
  questionRetentionDays: number;
  adminUserIds: string[];
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment; throws ConfigError with a one-line, secret-free message. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const secret = (SECRET_VARIABLES as readonly string[]).includes(variable);
    const given = env[variable];
    const shown = secret || given === undefined ? '' : ` (got "${given.slice(0, 40)}")`;
    throw new ConfigError(`${variable} is not valid: expected ${issue?.message ?? 'a valid value'}${shown}.`);
  }
  const e = parsed.data;
  const config: Config = {
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    port: e.PORT,
    slackApiUrl: e.SLACK_API_URL,
    slackTimeoutMs: e.SLACK_TIMEOUT_MS,
    databaseUrl: e.DATABASE_URL,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    logLevel: e.LOG_LEVEL,
    production: isProduction(e.NODE_ENV),
    mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
    tipCron: e.TIP_CRON,
    tipTimezone: e.TIP_TIMEZONE,
    tipChannels: parseTipChannels(e.TIP_CHANNELS),
    tipPostsPerSecond: e.TIP_POSTS_PER_SECOND,
    quizDay: e.QUIZ_DAY === 'off' ? undefined : e.QUIZ_DAY,
    questionLog: e.QUESTION_LOG,
    questionRetentionDays: e.QUESTION_RETENTION_DAYS,
    adminUserIds: e.ADMIN_USER_IDS ?? [],
  };
  return config;
}

/** What a real Slack connection still lacks, as variable names; empty when the bot can connect. */
export function missingSlackCredentials(config: Config): string[] {
  const missing: string[] = [];
  if (!config.botToken) missing.push('SLACK_BOT_TOKEN');
  if (config.mode === 'http' && !config.signingSecret) missing.push('SLACK_SIGNING_SECRET');
  return missing;
}

/** sqlite:PATH, or a postgres:// (postgresql://) URL with a host and a database name. */
function isDatabaseUrl(value: string): boolean {
  if (/^sqlite:.+$/.test(value)) return true;
  if (!/^postgres(ql)?:\/\//.test(value)) return false;
  try {
    const url = new URL(value);
    return url.hostname !== '' && url.pathname.length > 1;
  } catch {
    return false;
  }
}

/** NODE_ENV as people write it: "production", "Production" and " PRODUCTION " alike. */
export function isProduction(nodeEnv: string | undefined): boolean {
  return nodeEnv?.trim().toLowerCase() === 'production';
}
