/**
 * The one logger of the process, also handed to Bolt (see forSlackLibraries), so that
 * every line, ours and Bolt's, passes through the same redaction: Slack tokens, the signing
 * secret and passwords never reach the log.
 */
import { type Logger, LogLevel } from '@slack/bolt';

const LEVELS: LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/** Slack tokens of every kind: bot, user, app-level, and refresh tokens (xoxe-…, xoxe.xoxp-…). */
const TOKEN_PATTERN = /\b(xox[a-z]|xapp)[-.][A-Za-z0-9.-]+/g;
/**
 * The password of a URL, up to the last `@` before the host: a password may hold an `@`
 * of its own, though it may not hold a `/`, `?` or `#`.
 */
const URL_PASSWORD_PATTERN = /(\/\/[^:/\s@]+:)[^\s/?#]*@/g;
/** A password given as a parameter: `?password=…`, `&pwd=…`, `password=…` in a connection string. */
const PASSWORD_PARAMETER_PATTERN = /\b(password|passwd|pwd)=[^&\s;]+/gi;

export class RedactingLogger implements Logger {
  private level: LogLevel;
  private name = 'socialvs';
  private readonly secrets: string[];

  constructor(
    level: LogLevel | `${LogLevel}` = LogLevel.INFO,
    secrets: Array<string | undefined> = [],
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {
    this.level = level as LogLevel;
    this.secrets = secrets.filter(
      (secret): secret is string => typeof secret === 'string' && secret.length >= 8,
    );
  }

  redact(text: string): string {
    let out = text
      .replace(TOKEN_PATTERN, '$1-[redacted]')
      .replace(URL_PASSWORD_PATTERN, '$1[redacted]@')
      .replace(PASSWORD_PARAMETER_PATTERN, '$1=[redacted]');
    for (const secret of this.secrets) out = out.split(secret).join('[redacted]');
    return out;
  }

  private log(level: LogLevel, parts: unknown[]): void {
    if (LEVELS.indexOf(level) < LEVELS.indexOf(this.level)) return;
    const text = parts
      .map((part) => {
        // An error is logged by its message: a stack trace helps nobody reading the log
        // of a running bot, and it can carry request data.
        if (part instanceof Error) return `${part.name}: ${part.message}`;
        if (typeof part === 'string') return part;
        try {
          return JSON.stringify(part);
        } catch {
          return String(part);
        }
      })
      .join(' ');
    this.write(`${new Date().toISOString()} ${level.toUpperCase()} [${this.name}] ${this.redact(text)}`);
  }

  debug(...msg: unknown[]): void {
    this.log(LogLevel.DEBUG, msg);
  }
  info(...msg: unknown[]): void {
    this.log(LogLevel.INFO, msg);
  }
  warn(...msg: unknown[]): void {
    this.log(LogLevel.WARN, msg);
  }
  error(...msg: unknown[]): void {
    this.log(LogLevel.ERROR, msg);
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(name: string): void {
    this.name = name;
  }

  /**
   * The logger to hand Slack's libraries. Bolt shares its logger with its Web API and Socket
   * Mode clients, whose debug lines carry whole request and response bodies: the cards sent
   * (with what users asked, whatever QUESTION_LOG says), response_urls and trigger_ids. So
   * below INFO nothing of theirs is written, at any LOG_LEVEL; the rest goes through this
   * logger's redaction. They may not rename it or change its level either.
   */
  forSlackLibraries(): Logger {
    return {
      debug: () => {},
      info: (...msg: unknown[]) => this.info(...msg),
      warn: (...msg: unknown[]) => this.warn(...msg),
      error: (...msg: unknown[]) => this.error(...msg),
      setLevel: () => {},
      getLevel: () => (this.level === LogLevel.DEBUG ? LogLevel.INFO : this.level),
      setName: () => {},
    };
  }
}
