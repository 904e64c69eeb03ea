/**
 * loadConfig: the defaults, and for every malformed variable a ConfigError of one
 * plain line naming it; a secret's value is never repeated.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, missingSlackCredentials } from '../../src/config.js';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig(${JSON.stringify(env)}) did not throw`);
}

describe('loadConfig defaults', () => {
  it('an empty environment gives the documented defaults, in HTTP mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      botToken: undefined,
      signingSecret: undefined,
      appToken: undefined,
      port: 3000,
      slackApiUrl: 'https://slack.com/api/',
      databaseUrl: 'sqlite:var/socialvs.db',
      defaultLanguage: 'en',
      logLevel: 'info',
      production: false,
      mode: 'http',
    });
    expect(missingSlackCredentials(config)).toEqual(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']);
  });

  it('QUIZ_DAY: Friday by default, any weekday in English in any case, or off', () => {
    expect(loadConfig({}).quizDay).toBe('friday');
    expect(loadConfig({ QUIZ_DAY: ' ' }).quizDay).toBe('friday');
    expect(loadConfig({ QUIZ_DAY: 'Monday' }).quizDay).toBe('monday');
    expect(loadConfig({ QUIZ_DAY: 'SUNDAY' }).quizDay).toBe('sunday');
    expect(loadConfig({ QUIZ_DAY: 'off' }).quizDay).toBeUndefined();
    expect(loadConfig({ QUIZ_DAY: 'OFF' }).quizDay).toBeUndefined();
  });

  it('empty and blank values count as unset', () => {
    const config = loadConfig({ PORT: '', LOG_LEVEL: '   ', SLACK_BOT_TOKEN: '', DEFAULT_LANGUAGE: ' ' });
    expect(config.port).toBe(3000);
    expect(config.logLevel).toBe('info');
    expect(config.botToken).toBeUndefined();
    expect(config.defaultLanguage).toBe('en');
  });

  it('reads valid values, trimming them', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: ' xoxb-123-456-abcDEF ',
      SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef',
      PORT: '0',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      DATABASE_URL: 'sqlite::memory:',
      DEFAULT_LANGUAGE: 'de',
      LOG_LEVEL: 'DEBUG',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({
      botToken: 'xoxb-123-456-abcDEF',
      port: 0,
      slackApiUrl: 'http://127.0.0.1:9999/api/',
      databaseUrl: 'sqlite::memory:',
      defaultLanguage: 'de',
      logLevel: 'debug',
      production: true,
      mode: 'http',
    });
    expect(missingSlackCredentials(config)).toEqual([]);
  });

  it.each([
    'postgres://socialvs:Pa55w0rd@db.internal:5432/socialvs',
    'postgresql://socialvs@10.0.0.7/socialvs?sslmode=require',
  ])('accepts a PostgreSQL DATABASE_URL (%s)', (url) => {
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it.each(['Production', ' PRODUCTION ', 'production'])('NODE_ENV=%j is production', (value) => {
    expect(loadConfig({ NODE_ENV: value }).production).toBe(true);
  });

  it.each(['', 'development', 'prod', 'test'])('NODE_ENV=%j is not production', (value) => {
    expect(loadConfig({ NODE_ENV: value }).production).toBe(false);
  });

  it('an app-level token means Socket Mode, which needs no signing secret', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_APP_TOKEN: 'xapp-1-A0-3-abc' });
    expect(config.mode).toBe('socket');
    expect(missingSlackCredentials(config)).toEqual([]);
  });
});

describe('loadConfig errors', () => {
  /** `secret`: a fragment of the value that must never appear in the message. */
  const malformed: Array<{ variable: string; value: string; secret?: string }> = [
    { variable: 'PORT', value: 'abc' },
    { variable: 'PORT', value: '70000' },
    { variable: 'PORT', value: '-1' },
    { variable: 'SLACK_BOT_TOKEN', value: 'xoxp-1234-5678-userTOKENvalue', secret: 'userTOKENvalue' },
    { variable: 'SLACK_BOT_TOKEN', value: 'xapp-1-A0-Kq9wrongPlace', secret: 'Kq9wrongPlace' },
    { variable: 'SLACK_SIGNING_SECRET', value: 'Zr8!notAlphanumeric', secret: 'notAlphanumeric' },
    { variable: 'SLACK_APP_TOKEN', value: 'xoxb-Wx4mixedUp-123', secret: 'Wx4mixedUp' },
    { variable: 'SLACK_API_URL', value: 'notaurl' },
    { variable: 'SLACK_API_URL', value: 'ftp://slack.example/api/' },
    { variable: 'DEFAULT_LANGUAGE', value: 'es' },
    { variable: 'LOG_LEVEL', value: 'LOUD' },
    { variable: 'DATABASE_URL', value: 'mysql://u:p@h/db', secret: 'mysql://u:p@h' },
    // No database name: a PostgreSQL URL must say which database.
    {
      variable: 'DATABASE_URL',
      value: 'postgres://svc:Pa55w0rdQ@db.internal:5432',
      secret: 'Pa55w0rdQ',
    },
    { variable: 'TIP_CRON', value: 'every morning' },
    { variable: 'TIP_TIMEZONE', value: 'Mars/Olympus_Mons' },
    { variable: 'TIP_CHANNELS', value: 'general,random' },
    { variable: 'QUIZ_DAY', value: 'freitag' },
    { variable: 'QUIZ_DAY', value: '5' },
    { variable: 'QUIZ_DAY', value: 'fri' },
  ];

  it.each(malformed)(
    '$variable=$value gives a ConfigError naming $variable',
    ({ variable, value, secret }) => {
      const error = configError({ [variable]: value });
      expect(error.message).toMatch(new RegExp(`^${variable} is not valid: expected `));
      expect(error.message).not.toContain('\n');
      expect(error.message).not.toContain('    at ');
      if (secret) {
        expect(error.message).not.toContain(value);
        expect(error.message).not.toContain(secret);
      } else {
        expect(error.message).toContain(value);
      }
    },
  );

  it('QUIZ_DAY names what it expects in one plain line', () => {
    expect(configError({ QUIZ_DAY: 'Freitag' }).message).toBe(
      'QUIZ_DAY is not valid: expected a weekday in English (monday, tuesday, … sunday) or off (got "Freitag").',
    );
  });

  it('names the bad variable, not a valid secret next to it', () => {
    const error = configError({
      SLACK_BOT_TOKEN: 'xoxb-111-222-validbutsecret',
      SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef',
      PORT: 'abc',
    });
    expect(error.message).toMatch(/^PORT /);
    expect(error.message).not.toContain('validbutsecret');
    expect(error.message).not.toContain('abcdef0123456789abcdef');
  });

  it('quotes at most 40 characters of a long non-secret value', () => {
    const value = `x${'y'.repeat(100)}`;
    const error = configError({ LOG_LEVEL: value });
    expect(error.message).toContain(value.slice(0, 40));
    expect(error.message).not.toContain(value.slice(0, 41));
  });
});
