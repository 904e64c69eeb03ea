/**
 * What a listener unit test needs: the real Responder on an in-memory store, a logger
 * that records its lines, a LocaleCache, and fakes of the Bolt arguments (ack, respond,
 * client) that record how they were called.
 */
import { vi } from 'vitest';
import { createCore } from '../../src/core/answer.js';
import { Responder } from '../../src/core/responder.js';
import type { Language } from '../../src/knowledge/languages.js';
import type { ListenerDeps } from '../../src/listeners/deps.js';
import { RedactingLogger } from '../../src/logger.js';
import { LocaleCache } from '../../src/slack/user-locale.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { kb } from './cards.js';

/** One core per test file, built from the same data as `kb`, so titles compare exactly. */
const core = createCore(kb);

export interface ListenerWorld {
  deps: ListenerDeps;
  responder: Responder;
  store: SqliteStore;
  /** Every log line written, already redacted. */
  lines: string[];
}

export function world(defaultLanguage: Language = 'en'): ListenerWorld {
  const store = SqliteStore.open(':memory:');
  const lines: string[] = [];
  const logger = new RedactingLogger('debug', [], (line) => lines.push(line));
  const responder = new Responder(core, store, { defaultLanguage });
  return { deps: { responder, logger, locales: new LocaleCache(logger) }, responder, store, lines };
}

/** An error shaped like @slack/web-api's WebAPIPlatformError. */
export function platformError(code: string): Error {
  return Object.assign(new Error(`An API error occurred: ${code}`), {
    code: 'slack_webapi_platform_error',
    data: { ok: false, error: code },
  });
}

/** A WebClient stand-in: chat.postMessage and chat.update, views.publish / open / update and users.info, resolving as Slack does. */
export function fakeClient(locales: Record<string, string> = {}) {
  return {
    chat: {
      postMessage: vi.fn(async (args: { channel: string }) => ({
        ok: true,
        channel: args.channel,
        ts: '1700000000.000100',
      })),
      update: vi.fn(async (args: { channel: string; ts: string }) => ({
        ok: true,
        channel: args.channel,
        ts: args.ts,
      })),
    },
    views: {
      publish: vi.fn(async (_args: { user_id: string; view: unknown }) => ({ ok: true })),
      open: vi.fn(async (_args: { trigger_id: string; view: unknown }) => ({
        ok: true,
        view: { id: 'V0MODAL' },
      })),
      update: vi.fn(async (args: { view_id: string; hash?: string; view: unknown }) => ({
        ok: true,
        view: { id: args.view_id },
      })),
    },
    users: {
      info: vi.fn(async (args: { user: string; include_locale?: boolean }) => ({
        ok: true,
        user: { id: args.user, ...(locales[args.user] ? { locale: locales[args.user] } : {}) },
      })),
    },
  };
}

export type FakeClient = ReturnType<typeof fakeClient>;

/** ack / respond that resolve and record their calls. */
export function fakeAckRespond() {
  return {
    ack: vi.fn(async (_response?: unknown) => {}),
    respond: vi.fn(async (_message: Record<string, unknown>) => ({})),
  };
}

/** The first argument of every call of a vi.fn, typed as a plain object. */
export function argsOf(mock: { mock: { calls: unknown[][] } }): Array<Record<string, unknown>> {
  return mock.mock.calls.map((call) => (call[0] ?? {}) as Record<string, unknown>);
}

/** Whether `first` was first called before `second` was first called. */
export function calledBefore(
  first: { mock: { invocationCallOrder: number[] } },
  second: { mock: { invocationCallOrder: number[] } },
): boolean {
  const a = first.mock.invocationCallOrder[0];
  const b = second.mock.invocationCallOrder[0];
  return a !== undefined && b !== undefined && a < b;
}

/** Casts the fake arguments to what a listener takes: tests build only what listeners read. */
export function asArgs<T>(args: unknown): T {
  return args as T;
}

/** The log lines matching every one of `parts`. */
export function linesWith(lines: string[], ...parts: string[]): string[] {
  return lines.filter((line) => parts.every((part) => line.includes(part)));
}
