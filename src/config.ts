/**
 * The environment (and .env), validated with zod. A bad value stops the start with
 * one plain line naming the variable and what it expects; secrets are never echoed.
 */
import { z } from 'zod';
import { LANGUAGES } from './knowledge/languages.js';

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
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^sqlite:.+$/, 'sqlite:PATH (like sqlite:var/socialvs.db) or sqlite::memory:')
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
  NODE_ENV: optionalString,
});

export type Config = {
  botToken: string | undefined;
  signingSecret: string | undefined;
  appToken: string | undefined;
  port: number;
  slackApiUrl: string;
  databaseUrl: string;
  defaultLanguage: (typeof LANGUAGES)[number];
  logLevel: LogLevelName;
  production: boolean;
  /** Socket Mode when an app token is set; HTTP otherwise. */
  mode: 'socket' | 'http';
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
    databaseUrl: e.DATABASE_URL,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
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
