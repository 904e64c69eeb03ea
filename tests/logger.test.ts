/**
 * The logger every line goes through (ours and Bolt's): Slack tokens, configured secrets
 * and passwords in URLs never reach the log; an error is logged by its message, no stack.
 */
import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { RedactingLogger } from '../src/logger.js';

function recording(
  level: 'debug' | 'info' | 'warn' | 'error' = 'debug',
  secrets: Array<string | undefined> = [],
) {
  const lines: string[] = [];
  return { lines, logger: new RedactingLogger(level, secrets, (line) => lines.push(line)) };
}

describe('RedactingLogger', () => {
  it('removes bot, app and user tokens, wherever they are in the line', () => {
    const { lines, logger } = recording();
    logger.info('token xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp in the middle');
    logger.warn('app token=xapp-1-A0123456-7890123456-abcdef0123456789');
    logger.error('user "xoxp-111-222-333-aaabbbccc", then text');
    const text = lines.join('\n');
    expect(text).not.toContain('AbCdEfGhIjKlMnOp');
    expect(text).not.toContain('abcdef0123456789');
    expect(text).not.toContain('aaabbbccc');
    expect(text).not.toMatch(/xox[bp]-\d/);
    expect(text).not.toMatch(/xapp-\d/);
    expect(lines[0]).toContain('in the middle');
    expect(lines[2]).toContain('then text');
  });

  it('removes configured secrets, and tokens inside objects and errors', () => {
    const { lines, logger } = recording('debug', ['signingSecret0123456789abcdef', undefined, 'short']);
    logger.debug('request signed with signingSecret0123456789abcdef');
    logger.info({ headers: { authorization: 'Bearer xoxb-42-42-objectTokenValue' } });
    logger.error('call failed:', new Error('bad token xoxb-9-9-errorTokenValue'));
    const text = lines.join('\n');
    expect(text).not.toContain('signingSecret0123456789abcdef');
    expect(text).not.toContain('objectTokenValue');
    expect(text).not.toContain('errorTokenValue');
    expect(text).toContain('[redacted]');
  });

  it('removes the password of a URL, keeping the rest', () => {
    const { lines, logger } = recording();
    logger.warn('connecting to postgres://socialvs:hunter2secret@db.internal:5432/prod');
    logger.warn('proxy https://user:p%40ss@proxy.example:8080/');
    const text = lines.join('\n');
    expect(text).not.toContain('hunter2secret');
    expect(text).not.toContain('p%40ss');
    expect(text).toContain('db.internal:5432/prod');
    expect(text).toContain('postgres://socialvs:');
  });

  it('removes refresh tokens, password parameters and passwords that hold an @', () => {
    const { lines, logger } = recording();
    logger.warn('refresh with xoxe-1-My0xYzRefreshTokenValue and xoxe.xoxp-1-RotatedUserTokenValue');
    logger.warn('connecting to postgres://socialvs:p@ss@word!@db.internal:5432/prod');
    logger.warn('dsn host=db user=socialvs password=Sup3rSecret sslmode=require');
    logger.warn('GET https://proxy.example/login?user=ana&password=hunter2&next=/home');
    const text = lines.join('\n');
    for (const secret of [
      'RefreshTokenValue',
      'RotatedUserTokenValue',
      'p@ss@word!',
      'ss@word',
      'Sup3rSecret',
      'hunter2',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('@db.internal:5432/prod');
    expect(text).toContain('sslmode=require');
    expect(text).toContain('next=/home');
  });

  it("gives Slack's libraries a logger without debug lines, which they cannot rename or turn up", () => {
    const { lines, logger } = recording('debug');
    const forSlack = logger.forSlackLibraries();
    forSlack.setName('web-api:WebClient:0');
    forSlack.setLevel(LogLevel.DEBUG);
    forSlack.debug('http request body: {"text":"my secret question"}');
    forSlack.warn('http request failed xoxb-1-2-warnTokenValue');
    expect(forSlack.getLevel()).toBe(LogLevel.INFO);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('WARN [socialvs]');
    expect(lines[0]).not.toContain('warnTokenValue');
    logger.debug('our own debug line');
    expect(lines).toHaveLength(2);
  });

  it('logs an Error by its name and message, without a stack', () => {
    const { lines, logger } = recording();
    const error = new TypeError('cannot read the thing');
    expect(error.stack).toContain('    at ');
    logger.error('handler failed:', error);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('handler failed: TypeError: cannot read the thing');
    expect(lines[0]).not.toContain('    at ');
    expect(lines[0]).not.toContain('\n');
  });

  it('writes one line per call with the time, level and name', () => {
    const { lines, logger } = recording();
    logger.setName('bolt-app');
    logger.info('hello', 42, { a: 1 });
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\S+Z INFO \[bolt-app\] hello 42 \{"a":1\}$/);
  });

  it('drops lines below its level', () => {
    const { lines, logger } = recording('warn');
    logger.debug('debug line');
    logger.info('info line');
    logger.warn('warn line');
    logger.error('error line');
    expect(lines.map((line) => line.split(' ').slice(1, 2)[0])).toEqual(['WARN', 'ERROR']);
    logger.setLevel(LogLevel.DEBUG);
    logger.debug('now shown');
    expect(lines).toHaveLength(3);
  });

  it('survives an object it cannot serialise', () => {
    const { lines, logger } = recording();
    const circular: Record<string, unknown> = { token: 'xoxb-1-1-circularTokenValue' };
    circular.self = circular;
    expect(() => logger.info('object:', circular)).not.toThrow();
    expect(lines).toHaveLength(1);
  });
});
