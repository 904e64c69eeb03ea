/**
 * A small stand-in for Slack's Web API on 127.0.0.1, for the end-to-end tests and the
 * sandbox (never for production code). The bot reaches it through SLACK_API_URL. It
 * records every call (chat.postMessage, chat.update, views.publish, users.info, ...) and
 * every post to a response_url it handed out, answers as Slack would, and can be told
 * to fail a method (an error code, an HTTP status, a 429 with Retry-After, a hang).
 * It keeps the channels' messages (`message()`), how each was posted, and refuses
 * chat.update on one posted through a response_url where the bot is not a member, as Slack does.
 * It holds the modals the bot opens (views.open / update / push, within Slack's limits) and
 * hands out response_urls for a chosen conversation that can be told to refuse (`refuseResponses`).
 * Optionally (off by default) it enforces Slack's chat.postMessage rate limits.
 * It is also Slack's Socket Mode side (`socketMode`, socket-mode-stand-in.ts):
 * apps.connections.open hands out a WebSocket URL on this same server.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_ID, BOT_ID, BOT_USER_ID, TEAM_ID } from './slack-ids.js';
import { nextSlackTs } from './slack-ts.js';
import { SocketModeStandIn } from './socket-mode-stand-in.js';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token the call carried, so tests can check which token was used. */
  token: string | undefined;
  at: number;
  /** "ok", or what the stand-in answered instead: an error code, "http_429", "malformed". */
  outcome: string;
  /** The JSON answered, when it answered one (the ts of a posted message, for instance). */
  result?: Record<string, unknown>;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

/** Where a response_url belongs: the channel, and the message whose button was pressed. */
export interface ResponseUrlTarget {
  channel: string;
  messageTs?: string;
}

/** A message as the stand-in keeps it: what it shows, and how the bot posted it. */
export interface StoredMessage {
  channel: string;
  ts: string;
  text: unknown;
  blocks: unknown;
  /** chat.postMessage, or a response_url post with response_type in_channel. */
  postedVia: 'api' | 'response_url';
}

/**
 * How a method should fail, for its next `times` calls. The method 'response_url' stands for
 * posts to any response_url: only `status` (answered with that HTTP status) applies there.
 */
export type Fault =
  | { error: string }
  | { status: number; retryAfter?: number }
  /** No answer for this long: if the caller gave up meanwhile, the call never happened. */
  | { hangMs: number }
  /** The call takes effect at once (recorded as done), but its answer comes this late. */
  | { answerAfterMs: number }
  | { malformed: true };

/**
 * Slack's limits on chat.postMessage, for `rateLimit()`: about one message per second per
 * channel with a short burst allowed, and a workspace-wide rate. Each is a token bucket;
 * a message over either is answered 429 with Retry-After in whole seconds, as Slack does,
 * and is not counted against the limits.
 */
export interface RateLimits {
  /** Messages per second for the whole workspace. */
  workspacePerSecond: number;
  /** Messages the workspace may send at once, a short burst (default: a tenth of a second's worth). */
  workspaceBurst?: number;
  /** Messages per second per channel (default 1). */
  channelPerSecond?: number;
  /** Messages a channel may take at once before its rate applies (default 3). */
  channelBurst?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export interface StandInUser {
  name: string;
  locale?: string;
  tz?: string;
}

export interface StandInChannel {
  name: string;
  isMember: boolean;
  isArchived?: boolean;
}

export { APP_ID, BOT_ID, BOT_USER_ID, TEAM_ID };

/** Messages the stand-in keeps at most; the oldest go first. */
const MAX_STORED_MESSAGES = 2000;

export class SlackStandIn extends EventEmitter {
  readonly calls: RecordedCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly users = new Map<string, StandInUser>();
  readonly channels = new Map<string, StandInChannel>();
  /** The messages posted in channels, by `channel ts` (see `message()`). */
  private readonly messages = new Map<string, StoredMessage>();
  private readonly responseTargets = new Map<string, ResponseUrlTarget>();
  /** When set, any other bearer token gets invalid_auth (apps.connections.open excepted). */
  expectedToken: string | undefined;
  /**
   * The app-level token apps.connections.open accepts; any other gets invalid_auth. When
   * unset, any xapp- token does.
   */
  expectedAppToken: string | undefined;
  private readonly faults = new Map<
    string,
    Array<{ fault: Fault; remaining: number; when: ((args: Record<string, unknown>) => boolean) | undefined }>
  >();
  private limits: Required<RateLimits> | undefined;
  /** Open modals by view id (views.open / views.update / views.push). */
  readonly views = new Map<string, OpenView>();
  /** Conversations whose response_urls are refused, and how (see `refuseResponses`). */
  private readonly refusedResponses = new Map<string, { code: string; afterMs: number }>();
  private viewCounter = 0;
  private workspaceBucket: Bucket = { tokens: 0, at: 0 };
  private readonly channelBuckets = new Map<string, Bucket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    /** Slack's Socket Mode side: send envelopes to the connected bot, read its acks. */
    readonly socketMode: SocketModeStandIn,
  ) {
    super();
  }

  static async start(
    options: { port?: number; expectedToken?: string; expectedAppToken?: string } = {},
  ): Promise<SlackStandIn> {
    let standIn: SlackStandIn | undefined;
    const server = createServer((req, res) => {
      standIn?.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    server.on('upgrade', (req, socket, head) => {
      if (standIn) standIn.socketMode.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    standIn = new SlackStandIn(server, `http://127.0.0.1:${port}`, new SocketModeStandIn(port, APP_ID));
    standIn.expectedToken = options.expectedToken;
    standIn.expectedAppToken = options.expectedAppToken;
    return standIn;
  }

  /** The base URL to give the bot as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /**
   * A fresh response_url; what the bot posts to it lands in `responses`. Its id is random,
   * as Slack's are: whoever can reach the stand-in still can't guess another user's. With
   * a `target`, posts to it act on that channel's messages as Slack's do (in_channel posts
   * a message, replace_original and delete_original act on the target message).
   */
  responseUrl(target?: ResponseUrlTarget): string {
    const id = randomBytes(18).toString('base64url');
    if (target) this.responseTargets.set(id, target);
    return `${this.url}/response/${id}`;
  }

  /** A message as it stands now in `channel` (a copy), or undefined when there is none. */
  message(channel: string, ts: string): StoredMessage | undefined {
    const stored = this.messages.get(`${channel} ${ts}`);
    return stored && structuredClone(stored);
  }

  /** Messages in `channel` (copies), oldest first. */
  messagesIn(channel: string): StoredMessage[] {
    return [...this.messages.values()]
      .filter((stored) => stored.channel === channel)
      .map((stored) => structuredClone(stored));
  }

  /**
   * A response_url for `channelId`, as Slack hands one out on a modal's submission for a
   * conversation chosen in a select with response_url_enabled: a post to it lands in
   * that conversation, unless the conversation refuses (`refuseResponses`).
   */
  responseUrlFor(channelId: string): string {
    return this.responseUrl({ channel: channelId });
  }

  /** The conversation a response_url with a target posts to. */
  channelOfResponse(id: string): string | undefined {
    return this.responseTargets.get(id)?.channel;
  }

  /**
   * Refuse posts to `channelId`'s response_urls as Slack's hooks do: an HTTP error whose body
   * is the reason (404 channel_not_found, 410 channel_is_archived, 403 otherwise), after
   * `afterMs` (a refusal that comes late). `undefined` accepts them again.
   */
  refuseResponses(channelId: string, code: string | undefined, afterMs = 0): void {
    if (code === undefined) this.refusedResponses.delete(channelId);
    else this.refusedResponses.set(channelId, { code, afterMs });
  }

  /**
   * Make `method` fail as described for its next `times` calls, or only for those whose
   * arguments `when` accepts (a tip card but not an announcement, say).
   */
  fault(method: string, fault: Fault, times = 1, when?: (args: Record<string, unknown>) => boolean): void {
    const list = this.faults.get(method) ?? [];
    list.push({ fault, remaining: times, when });
    this.faults.set(method, list);
  }

  /**
   * Enforce Slack's chat.postMessage limits from now on (429 with Retry-After); `undefined`
   * turns them off again. Off by default.
   */
  rateLimit(limits: RateLimits | undefined): void {
    this.channelBuckets.clear();
    if (!limits) {
      this.limits = undefined;
      return;
    }
    this.limits = {
      workspacePerSecond: limits.workspacePerSecond,
      workspaceBurst: limits.workspaceBurst ?? Math.max(1, Math.ceil(limits.workspacePerSecond / 10)),
      channelPerSecond: limits.channelPerSecond ?? 1,
      channelBurst: limits.channelBurst ?? 3,
    };
    this.workspaceBucket = { tokens: this.limits.workspaceBurst, at: performance.now() };
  }

  clearFaults(): void {
    this.faults.clear();
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  responsesTo(responseUrl: string): ResponseUrlPost[] {
    const id = responseUrl.slice(responseUrl.lastIndexOf('/') + 1);
    return this.responses.filter((post) => post.id === id);
  }

  /** Resolves with the first truthy value of `probe`, checked as calls arrive; rejects after `timeoutMs`. */
  waitFor<T>(probe: () => T | undefined | false | null, timeoutMs = 5000): Promise<T> {
    const found = probe();
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value) {
          clearTimeout(timer);
          this.off('record', check);
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        this.off('record', check);
        reject(new Error(`stand-in: nothing matched within ${timeoutMs} ms`));
      }, timeoutMs);
      this.on('record', check);
    });
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.faults.clear();
    this.messages.clear();
    this.responseTargets.clear();
    this.views.clear();
    this.refusedResponses.clear();
  }

  async close(): Promise<void> {
    // Upgraded sockets are no longer the HTTP server's to close.
    await this.socketMode.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Whether `token` may call `method`: the app-level token opens connections, the bot token does the rest. */
  private accepts(method: string, token: string | undefined): boolean {
    if (method === 'apps.connections.open') {
      return this.expectedAppToken ? token === this.expectedAppToken : Boolean(token?.startsWith('xapp-'));
    }
    return !this.expectedToken || token === this.expectedToken;
  }

  private takeFault(method: string, args: Record<string, unknown>): Fault | undefined {
    const list = this.faults.get(method) ?? [];
    const index = list.findIndex((entry) => !entry.when || entry.when(args));
    const entry = list[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) list.splice(index, 1);
    return entry.fault;
  }

  /**
   * Only the bot talks to the stand-in, and it sends neither an Origin (browsers always do
   * for a POST, so a web page the user opens can't post here as the bot or as Slack) nor a
   * Host other than this loopback address (a DNS-rebinding page would).
   */
  private refusal(req: IncomingMessage): string | undefined {
    const port = new URL(this.url).port;
    const host = req.headers.host?.toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return 'wrong Host';
    if (req.headers.origin !== undefined) return 'requests from web pages are refused';
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = this.refusal(req);
    if (refused) {
      req.resume();
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Slack stand-in: ${refused}.\n`);
      return;
    }
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'POST' && path.startsWith('/response/')) {
      const id = path.slice('/response/'.length);
      const channel = this.channelOfResponse(id);
      const refused = channel ? this.refusedResponses.get(channel) : undefined;
      if (refused) {
        if (refused.afterMs) await new Promise((resolve) => setTimeout(resolve, refused.afterMs));
        const status =
          refused.code === 'channel_not_found' ? 404 : refused.code === 'channel_is_archived' ? 410 : 403;
        res.writeHead(status, { 'content-type': 'text/plain' });
        return void res.end(refused.code);
      }
      const post = { id, body: parseJsonObject(raw), at: Date.now() };
      const fault = this.takeFault('response_url', post.body);
      if (fault && 'status' in fault) {
        // Refused (an expired url, invalid blocks): Slack answers with a status and a word.
        this.emit('record');
        res.writeHead(fault.status, { 'content-type': 'text/plain' });
        return void res.end(fault.status === 404 ? 'expired_url' : 'invalid_blocks');
      }
      this.responses.push(post);
      this.actOnResponse(post);
      this.emit('response', post);
      this.emit('record');
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      const args = parseArgs(raw, req.headers['content-type']);
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ')
        ? auth.slice('Bearer '.length)
        : (args.token as string | undefined);
      const call: RecordedCall = { method, args, token, at: Date.now(), outcome: 'ok' };
      // Before anything else: tests use it to act while a call is under way.
      this.emit('request', call);
      const fault = this.takeFault(method, args);
      if (fault && 'hangMs' in fault) {
        await new Promise((resolve) => setTimeout(resolve, fault.hangMs));
        if (res.destroyed) return;
      }
      const record = (outcome: string) => {
        call.outcome = outcome;
        this.calls.push(call);
        this.emit('call', call);
        this.emit('record');
      };
      if (!this.accepts(method, token)) {
        record('invalid_auth');
        return sendJson(res, 200, { ok: false, error: 'invalid_auth' });
      }
      if (fault && 'status' in fault) {
        record(`http_${fault.status}`);
        const headers: Record<string, string> =
          fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
        const error = fault.status === 429 ? 'ratelimited' : 'fatal_error';
        return sendJson(res, fault.status, { ok: false, error }, headers);
      }
      if (fault && 'error' in fault) {
        record(fault.error);
        return sendJson(res, 200, { ok: false, error: fault.error });
      }
      if (fault && 'malformed' in fault) {
        record('malformed');
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"ok": tr');
      }
      const retryAfter = method === 'chat.postMessage' ? this.overLimit(args) : undefined;
      if (retryAfter !== undefined) {
        record('http_429');
        return sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
      }
      const answer = this.answer(method, args);
      call.result = answer;
      record(answer.ok === true ? 'ok' : String(answer.error));
      if (fault && 'answerAfterMs' in fault) {
        await new Promise((resolve) => setTimeout(resolve, fault.answerAfterMs));
        if (res.destroyed) return;
      }
      return sendJson(res, 200, answer);
    }
    sendJson(res, 404, { ok: false, error: 'unknown_method' });
  }

  /** With rate limits on: undefined when the message may go (and is counted), else Retry-After in seconds. */
  private overLimit(args: Record<string, unknown>): number | undefined {
    const limits = this.limits;
    if (!limits) return undefined;
    const now = performance.now();
    const refill = (bucket: Bucket, perSecond: number, burst: number) => {
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
      bucket.at = now;
    };
    const channelId = typeof args.channel === 'string' ? args.channel : '';
    let channel = this.channelBuckets.get(channelId);
    if (!channel) {
      channel = { tokens: limits.channelBurst, at: now };
      this.channelBuckets.set(channelId, channel);
    }
    refill(channel, limits.channelPerSecond, limits.channelBurst);
    refill(this.workspaceBucket, limits.workspacePerSecond, limits.workspaceBurst);
    // Seconds until a whole message's worth is back, rounded up to whole seconds as Slack does.
    const wait = (bucket: Bucket, perSecond: number) =>
      bucket.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    const retryAfter = Math.max(
      wait(channel, limits.channelPerSecond),
      wait(this.workspaceBucket, limits.workspacePerSecond),
    );
    if (retryAfter > 0) return retryAfter;
    channel.tokens -= 1;
    this.workspaceBucket.tokens -= 1;
    return undefined;
  }

  /** views.open / views.push: a fresh trigger and a modal within Slack's limits, else Slack's error. */
  private openView(args: Record<string, unknown>): Record<string, unknown> {
    const trigger = triggerProblem(args.trigger_id);
    if (trigger) return { ok: false, error: trigger };
    const view = args.view as Record<string, unknown> | undefined;
    const problems = viewLimitProblems(view);
    if (!view || problems.length) {
      return { ok: false, error: 'invalid_arguments', response_metadata: { messages: problems } };
    }
    this.viewCounter += 1;
    const open: OpenView = { id: `V0MODAL${this.viewCounter}`, hash: this.viewHash(), view };
    this.views.set(open.id, open);
    return { ok: true, view: { ...view, id: open.id, hash: open.hash } };
  }

  /** views.update: the view must be open, its hash (when given) current, the new view within limits. */
  private updateView(args: Record<string, unknown>): Record<string, unknown> {
    const open = this.views.get(String(args.view_id ?? ''));
    if (!open) return { ok: false, error: 'not_found' };
    if (args.hash !== undefined && args.hash !== open.hash) return { ok: false, error: 'hash_conflict' };
    const view = args.view as Record<string, unknown> | undefined;
    const problems = viewLimitProblems(view);
    if (!view || problems.length) {
      return { ok: false, error: 'invalid_arguments', response_metadata: { messages: problems } };
    }
    open.view = view;
    open.hash = this.viewHash();
    return { ok: true, view: { ...view, id: open.id, hash: open.hash } };
  }

  private viewHash(): string {
    return `${Date.now()}.${randomBytes(4).toString('hex')}`;
  }

  /** What a post to a response_url with a known target does to the channel's messages. */
  private actOnResponse(post: ResponseUrlPost): void {
    const target = this.responseTargets.get(post.id);
    if (!target) return;
    const body = post.body;
    const originalKey = target.messageTs && `${target.channel} ${target.messageTs}`;
    const original = originalKey ? this.messages.get(originalKey) : undefined;
    if (body.delete_original === true) {
      if (originalKey) this.messages.delete(originalKey);
    } else if (body.replace_original === true) {
      if (original) Object.assign(original, { text: body.text, blocks: body.blocks });
    } else if (body.response_type === 'in_channel') {
      const ts = this.ts();
      this.keep({
        channel: target.channel,
        ts,
        text: body.text,
        blocks: body.blocks,
        postedVia: 'response_url',
      });
    }
    // An ephemeral post is seen by the presser alone: no channel message changes.
  }

  /** Keeps a new message; the oldest go past MAX_STORED_MESSAGES (the sandbox runs for hours). */
  private keep(message: StoredMessage): void {
    this.messages.set(`${message.channel} ${message.ts}`, message);
    for (const key of this.messages.keys()) {
      if (this.messages.size <= MAX_STORED_MESSAGES) break;
      this.messages.delete(key);
    }
  }

  /** Whether the bot is in `channel`: as told, else yes (as chat.postMessage assumes). */
  private isMember(channel: string): boolean {
    return this.channels.get(channel)?.isMember ?? true;
  }

  /** Slack's ts for a new message: the real time, always later than the last one. */
  private ts(): string {
    return nextSlackTs();
  }

  /** What Slack answers to a successful call, as far as the bot reads it. */
  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const channel = typeof args.channel === 'string' ? args.channel : undefined;
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://sandbox.slack.invalid/',
          team: 'SocialVS sandbox',
          user: 'socialvs',
          team_id: TEAM_ID,
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
        };
      case 'chat.postMessage': {
        const known = channel ? this.channels.get(channel) : undefined;
        if (known?.isArchived) return { ok: false, error: 'is_archived' };
        if (known && !known.isMember && !channel?.startsWith('U') && !channel?.startsWith('D')) {
          return { ok: false, error: 'not_in_channel' };
        }
        const ts = this.ts();
        if (channel) this.keep({ channel, ts, text: args.text, blocks: args.blocks, postedVia: 'api' });
        return {
          ok: true,
          channel,
          ts,
          message: { text: args.text, blocks: args.blocks, ts, thread_ts: args.thread_ts, bot_id: BOT_ID },
        };
      }
      case 'chat.update': {
        const stored = channel ? this.messages.get(`${channel} ${String(args.ts)}`) : undefined;
        // Slack lets a bot edit what it posted through a response_url only where it is a member.
        if (stored?.postedVia === 'response_url' && !this.isMember(stored.channel)) {
          return { ok: false, error: 'cant_update_message' };
        }
        if (stored) Object.assign(stored, { text: args.text, blocks: args.blocks });
        return { ok: true, channel, ts: args.ts, text: args.text };
      }
      case 'apps.connections.open':
        return { ok: true, url: this.socketMode.openUrl() };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.ts() };
      case 'chat.delete':
        if (channel) this.messages.delete(`${channel} ${String(args.ts)}`);
        return { ok: true, channel, ts: args.ts };
      case 'views.publish':
        return { ok: true, view: { id: `V${this.calls.length}`, type: 'home' } };
      case 'views.open':
      case 'views.push':
        return this.openView(args);
      case 'views.update':
        return this.updateView(args);
      case 'users.info': {
        const id = String(args.user ?? '');
        const user = this.users.get(id);
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id,
            name: user.name,
            real_name: user.name,
            tz: user.tz ?? 'UTC',
            ...(user.locale ? { locale: user.locale } : {}),
          },
        };
      }
      case 'conversations.info': {
        const known = channel ? this.channels.get(channel) : undefined;
        if (!known) return { ok: false, error: 'channel_not_found' };
        return {
          ok: true,
          channel: {
            id: channel,
            name: known.name,
            is_member: known.isMember,
            is_archived: known.isArchived ?? false,
          },
        };
      }
      default:
        return { ok: true };
    }
  }
}

/** A modal the bot opened: its id, its current hash (changed by every update) and what it shows. */
export interface OpenView {
  id: string;
  hash: string;
  view: Record<string, unknown>;
}

/** Slack gives 3 seconds to use a trigger; the stand-in is looser (a busy test machine), but not endless. */
const TRIGGER_LIFETIME_MS = 30_000;

/**
 * Why a trigger_id would be refused: missing, or older than its lifetime. The stand-in's
 * triggers (slack-payloads.ts) start with the time they were made, in milliseconds.
 */
export function triggerProblem(trigger: unknown): string | undefined {
  if (typeof trigger !== 'string' || !trigger) return 'invalid_trigger_id';
  const made = Number(trigger.split('.')[0]);
  if (Number.isFinite(made) && made > 1e12 && Date.now() - made > TRIGGER_LIFETIME_MS) {
    return 'expired_trigger_id';
  }
  return undefined;
}

/** Slack's limits on a modal: at most 100 blocks, a title, submit and close label of at most 24 characters. */
export function viewLimitProblems(view: Record<string, unknown> | undefined): string[] {
  if (view?.type !== 'modal') return ['a view must be a modal'];
  const problems: string[] = [];
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  if (blocks.length > 100) problems.push(`${blocks.length} blocks, more than 100`);
  const label = (name: string) => (view[name] as { text?: unknown } | undefined)?.text;
  const title = label('title');
  if (typeof title !== 'string' || [...title].length < 1 || [...title].length > 24) {
    problems.push('title must be 1 to 24 characters');
  }
  for (const name of ['submit', 'close']) {
    const text = label(name);
    if (text !== undefined && (typeof text !== 'string' || [...text].length > 24)) {
      problems.push(`${name} must be at most 24 characters`);
    }
  }
  if (
    blocks.some((block) => (block as { type?: unknown }).type === 'input') &&
    label('submit') === undefined
  ) {
    problems.push('a view with an input block needs a submit');
  }
  return problems;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJsonObject(raw: string): Record<string, unknown> {
  try {
    const value = JSON.parse(raw) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : { value };
  } catch {
    return { raw };
  }
}

/** Web API arguments arrive as JSON or as a form whose nested values (blocks, view) are JSON strings. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return parseJsonObject(raw);
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = value;
    if (/^[[{]/.test(value)) {
      try {
        args[key] = JSON.parse(value);
      } catch {
        // not JSON after all: keep the string
      }
    }
  }
  return args;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
