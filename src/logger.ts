/**
 * The one logger of the process, also handed to Bolt, so that every line (ours and
 * Bolt's) passes through the same redaction: Slack tokens, the signing secret and
 * passwords in URLs never reach the log.
 */
import { type Logger, LogLevel } from '@slack/bolt';

const LEVELS: LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

const TOKEN_PATTERN = /\b(xox[abposr]|xapp)-[A-Za-z0-9-]+/g;
const URL_PASSWORD_PATTERN = /(\/\/[^:/\s]+:)[^@\s]+@/g;

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
    let out = text.replace(TOKEN_PATTERN, '$1-[redacted]').replace(URL_PASSWORD_PATTERN, '$1[redacted]@');
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
}
