/**
 * The stand-in's Socket Mode endpoint: what Slack does for an app that connects over a
 * WebSocket instead of taking HTTP requests. `apps.connections.open` (answered by
 * SlackStandIn) hands out a single-use URL on the stand-in's own HTTP server; the bot
 * connects to it, gets `hello`, and from then on receives envelopes (`events_api`,
 * `slash_commands`, `interactive`) and acknowledges each with its envelope_id, optionally
 * with a payload (a slash command's answer). Tests and the sandbox send through here and
 * read the acks; `disconnect()` sends Slack's disconnect message, which makes the client
 * fetch a new URL and reconnect. Pings from the client are answered by `ws` itself.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import {
  type BlockActionInput,
  blockActionPayload,
  eventCallbackPayload,
  newEventId,
  type SlashCommandInput,
  slashCommandPayload,
} from './slack-payloads.js';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

/** Slack's reasons: a refresh (every few hours), a warning shortly before one, or Socket Mode turned off. */
export type DisconnectReason = 'refresh_requested' | 'warning' | 'link_disabled';

export interface EnvelopeOptions {
  /** A redelivery (events_api only): Slack counts from 1 and says why (`timeout`, `http_error`...). */
  retryAttempt?: number;
  retryReason?: string;
  /** Defaults to Slack's: true for slash commands and interactivity, false for events. */
  acceptsResponsePayload?: boolean;
  /** How long to wait for the ack before rejecting (default 10 s). */
  ackTimeoutMs?: number;
  /** With no connection open, how long to wait for one before rejecting (default 10 s). */
  connectTimeoutMs?: number;
}

export interface Envelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SentEnvelope {
  envelope: Envelope;
  /** Whether the bot acknowledged it, and the payload it acknowledged with (if any). */
  acked: boolean;
  ackPayload: Record<string, unknown> | undefined;
}

interface PendingAck {
  socket: WebSocket;
  resolve: (payload: Record<string, unknown> | undefined) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const HOST = 'applink-stand-in';
/** An ack carries at most a message; nothing the bot sends comes near this. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

export class SocketModeStandIn extends EventEmitter {
  /** Every envelope sent, with its ack as it arrives. */
  readonly sent: SentEnvelope[] = [];
  /** How many connections were opened in all (a reconnect adds one). */
  opened = 0;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly tickets = new Set<string>();
  private readonly sockets: WebSocket[] = [];
  private readonly pending = new Map<string, PendingAck>();
  private turn = 0;

  constructor(
    /** The stand-in's port: the only one an upgrade's Host may name. */
    private readonly port: number,
    readonly appId: string,
  ) {
    super();
  }

  /** A fresh single-use WebSocket URL, as apps.connections.open hands out. */
  openUrl(): string {
    const ticket = randomBytes(18).toString('base64url');
    this.tickets.add(ticket);
    return `ws://127.0.0.1:${this.port}/socket/${ticket}`;
  }

  /** Connections open now (one closing is no longer counted). */
  get connections(): number {
    return this.live().length;
  }

  /**
   * The HTTP server's `upgrade` handler. Refused (403, connection closed): a ticket that
   * was not handed out or was used already, a request with an Origin header (browsers
   * send one, so a web page can't drive the bot through here; the Slack client sends
   * none), and a Host other than this stand-in's loopback address (DNS rebinding).
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '').split('?')[0] ?? '';
    const ticket = /^\/socket\/([A-Za-z0-9_-]+)$/.exec(path)?.[1];
    const host = req.headers.host;
    const allowed =
      ticket !== undefined &&
      this.tickets.has(ticket) &&
      req.headers.origin === undefined &&
      (host === `127.0.0.1:${this.port}` || host === `localhost:${this.port}`);
    if (!allowed) {
      socket.once('finish', () => socket.destroy());
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.tickets.delete(ticket);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  /**
   * Sends an envelope on one of the open connections (taking turns, as Slack spreads
   * payloads over an app's connections) and resolves with the payload the bot acked
   * with, or undefined for a bare ack. Rejects if no ack comes in time or the
   * connection closes first.
   */
  async send(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    options: EnvelopeOptions = {},
  ): Promise<Record<string, unknown> | undefined> {
    const socket = await this.openSocket(options.connectTimeoutMs ?? 10_000);
    const envelope: Envelope = {
      envelope_id: randomUUID(),
      type,
      payload,
      accepts_response_payload: options.acceptsResponsePayload ?? type !== 'events_api',
      ...(type === 'events_api'
        ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryReason ?? '' }
        : {}),
    };
    const record: SentEnvelope = { envelope, acked: false, ackPayload: undefined };
    this.sent.push(record);
    const timeoutMs = options.ackTimeoutMs ?? 10_000;
    const acked = new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelope.envelope_id);
        reject(new Error(`socket mode stand-in: no ack for ${type} envelope within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(envelope.envelope_id, {
        socket,
        timer,
        reject,
        resolve: (ackPayload) => {
          record.acked = true;
          record.ackPayload = ackPayload;
          resolve(ackPayload);
        },
      });
    });
    socket.send(JSON.stringify(envelope), (error) => {
      const waiting = this.pending.get(envelope.envelope_id);
      if (!error || !waiting) return;
      clearTimeout(waiting.timer);
      this.pending.delete(envelope.envelope_id);
      waiting.reject(error);
    });
    return acked;
  }

  /** `/socialvs <text>`; resolves with the message the ack carried, if any. */
  slashCommand(
    input: SlashCommandInput,
    options?: EnvelopeOptions,
  ): Promise<Record<string, unknown> | undefined> {
    return this.send('slash_commands', slashCommandPayload(input), options);
  }

  /** An Events API event (a new event_id unless given: give the same one for a redelivery). */
  async event(
    event: Record<string, unknown>,
    options: EnvelopeOptions & { eventId?: string } = {},
  ): Promise<{ eventId: string; ack: Record<string, unknown> | undefined }> {
    const eventId = options.eventId ?? newEventId();
    const ack = await this.send('events_api', eventCallbackPayload(event, eventId), options);
    return { eventId, ack };
  }

  /** A button press on a card. */
  blockAction(
    input: BlockActionInput,
    options?: EnvelopeOptions,
  ): Promise<Record<string, unknown> | undefined> {
    return this.send('interactive', blockActionPayload(input), options);
  }

  /** A shortcut, a message shortcut or a modal's submission (slack-payloads.ts); resolves with the ack's payload. */
  interactive(
    payload: Record<string, unknown>,
    options?: EnvelopeOptions,
  ): Promise<Record<string, unknown> | undefined> {
    return this.send('interactive', payload, options);
  }

  /** Slack's `disconnect` message on every open connection; the client is expected to reconnect. */
  disconnect(reason: DisconnectReason): void {
    const message = JSON.stringify({ type: 'disconnect', reason, debug_info: { host: HOST } });
    for (const socket of this.live()) socket.send(message);
  }

  /** Resolves once a connection opens after this call (its hello sent); rejects after `timeoutMs`. */
  nextConnection(timeoutMs = 10_000): Promise<void> {
    const before = this.opened;
    return this.until(() => this.opened > before, timeoutMs, 'no new Socket Mode connection');
  }

  /** Resolves once exactly `count` connections are open; rejects after `timeoutMs`. */
  waitForConnections(count: number, timeoutMs = 10_000): Promise<void> {
    return this.until(() => this.connections === count, timeoutMs, `not ${count} open connection(s)`);
  }

  async close(): Promise<void> {
    for (const socket of [...this.sockets]) socket.terminate();
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error('socket mode stand-in: closed'));
      this.pending.delete(id);
    }
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.sockets.push(ws);
    this.opened += 1;
    // A reset connection is a closed one; 'close' follows and cleans up.
    ws.on('error', () => undefined);
    ws.on('message', (data, isBinary) => {
      if (!isBinary) this.onMessage(data);
    });
    ws.on('close', () => {
      const index = this.sockets.indexOf(ws);
      if (index >= 0) this.sockets.splice(index, 1);
      for (const [id, pending] of this.pending) {
        if (pending.socket !== ws) continue;
        clearTimeout(pending.timer);
        this.pending.delete(id);
        pending.reject(new Error('socket mode stand-in: the connection closed before the ack'));
      }
      this.emit('change');
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.length,
        debug_info: { host: HOST, build_number: 1, approximate_connection_time: 3600 },
        connection_info: { app_id: this.appId },
      }),
    );
    this.emit('connection');
    this.emit('change');
  }

  /** An ack: `{"envelope_id": "...", "payload": {...}}`, the payload optional. Anything else is ignored. */
  private onMessage(data: RawData): void {
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (!message || typeof message !== 'object') return;
    const { envelope_id: id, payload } = message as { envelope_id?: unknown; payload?: unknown };
    const pending = typeof id === 'string' ? this.pending.get(id) : undefined;
    if (!pending || typeof id !== 'string') return;
    clearTimeout(pending.timer);
    this.pending.delete(id);
    const carried =
      payload && typeof payload === 'object' && Object.keys(payload).length > 0
        ? (payload as Record<string, unknown>)
        : undefined;
    pending.resolve(carried);
    this.emit('ack', id, carried);
  }

  private live(): WebSocket[] {
    return this.sockets.filter((socket) => socket.readyState === socket.OPEN);
  }

  private async openSocket(timeoutMs: number): Promise<WebSocket> {
    for (;;) {
      await this.until(() => this.connections > 0, timeoutMs, 'no Socket Mode connection open');
      const live = this.live();
      this.turn += 1;
      const socket = live[this.turn % live.length];
      if (socket) return socket;
    }
  }

  private until(probe: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (probe()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!probe()) return;
        clearTimeout(timer);
        this.off('change', check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.off('change', check);
        reject(new Error(`socket mode stand-in: ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.on('change', check);
    });
  }
}
