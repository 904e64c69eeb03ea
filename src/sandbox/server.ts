/**
 * The sandbox's web server, on 127.0.0.1 only: the page (static files under a strict
 * Content-Security-Policy), its JSON API, and a server-sent-events stream of the state.
 *
 * It answers only its own page. Loopback alone is not enough: any site the user visits can
 * post forms to 127.0.0.1, and a DNS-rebinding site can read from it under its own name.
 * So every request must name this server in its Host header, and every state-changing
 * request must be JSON (which a cross-site page cannot send without a CORS preflight, never
 * granted here) from no Origin or the page's own.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { TipRunReport } from '../tips/tip-job.js';
import { SandboxInputError, type SandboxWorkspace } from './workspace.js';

const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));
const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  '/modal.js': { file: 'modal.js', type: 'text/javascript; charset=utf-8' },
};
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
const MAX_BODY = 64 * 1024;

export interface SandboxServerOptions {
  workspace: SandboxWorkspace;
  runTips: () => Promise<TipRunReport>;
  port: number;
}

export async function startSandboxServer({
  workspace,
  runTips,
  port,
}: SandboxServerOptions): Promise<{ server: Server; port: number }> {
  const streams = new Set<ServerResponse>();
  let pending: NodeJS.Timeout | undefined;
  workspace.on('change', () => {
    // Changes come in bursts (a card and its update): send the state once per burst.
    if (pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      const data = `data: ${JSON.stringify(workspace.state())}\n\n`;
      for (const stream of streams) stream.write(data);
    }, 15);
  });

  // A request without Host is refused by refusal() below, with its reason, not by Node's bare 400.
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      const input = error instanceof SandboxInputError;
      sendJson(res, input ? 400 : 500, {
        ok: false,
        error: input ? error.message : 'something went wrong in the sandbox',
      });
      if (!input) process.stderr.write(`sandbox: ${(error as Error).message}\n`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = refusal(req, (server.address() as AddressInfo).port);
    if (refused) return sendRefusal(res, refused.status, refused.reason);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const page = STATIC[path];
    if (req.method === 'GET' && page) {
      const body = await readFile(`${PAGE_DIR}${page.file}`);
      res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store', ...SECURITY_HEADERS });
      res.end(body);
      return;
    }
    if (req.method === 'GET' && path === '/api/stream') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`data: ${JSON.stringify(workspace.state())}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method === 'GET' && path === '/api/state') return sendJson(res, 200, workspace.state());
    if (req.method !== 'POST') return sendJson(res, 404, { ok: false, error: 'not found' });

    const body = await readJson(req);
    switch (path) {
      case '/api/send':
        await workspace.send(
          String(body.channel ?? ''),
          String(body.text ?? ''),
          optionalString(body.threadTs),
          workspace.person(body.as ?? 'me').key,
        );
        return sendJson(res, 200, { ok: true });
      case '/api/action': {
        const actionId = optionalString(body.actionId);
        if (!actionId) throw new SandboxInputError('actionId is missing');
        const selected = body.selectedOption as { value?: unknown; text?: unknown } | undefined;
        if (body.view === 'modal') {
          await workspace.actInModal({
            actionId,
            as: workspace.person(body.as ?? 'me').key,
            ...(optionalString(body.blockId) ? { blockId: optionalString(body.blockId) } : {}),
            ...(optionalString(body.value) !== undefined ? { value: optionalString(body.value) } : {}),
            ...(optionalString(selected?.value) !== undefined
              ? { selectedOption: { value: String(selected?.value), text: String(selected?.text ?? '') } }
              : {}),
          });
          return sendJson(res, 200, { ok: true });
        }
        await workspace.act({
          actionId,
          as: workspace.person(body.as ?? 'me').key,
          ...(body.view === 'home' ? { view: 'home' as const } : {}),
          ...(optionalString(body.messageId) ? { messageId: optionalString(body.messageId) } : {}),
          ...(optionalString(body.blockId) ? { blockId: optionalString(body.blockId) } : {}),
          ...(optionalString(body.value ?? selected?.value) !== undefined
            ? { value: optionalString(body.value ?? selected?.value) }
            : {}),
        });
        return sendJson(res, 200, { ok: true });
      }
      case '/api/explain': {
        const messageId = optionalString(body.messageId);
        if (!messageId) throw new SandboxInputError('messageId is missing');
        await workspace.explain(messageId, workspace.person(body.as ?? 'me').key);
        return sendJson(res, 200, { ok: true });
      }
      case '/api/shortcut': {
        const callbackId = optionalString(body.callbackId);
        if (!callbackId) throw new SandboxInputError('callbackId is missing');
        await workspace.shortcut(callbackId, workspace.person(body.as ?? 'me').key);
        return sendJson(res, 200, { ok: true });
      }
      case '/api/modal/submit': {
        const fields = body.conversations as
          | Record<string, { actionId?: unknown; channel?: unknown }>
          | undefined;
        const conversations = Object.fromEntries(
          Object.entries(fields && typeof fields === 'object' ? fields : {}).map(([blockId, field]) => [
            blockId,
            { actionId: String(field?.actionId ?? ''), channel: String(field?.channel ?? '') },
          ]),
        );
        await workspace.submitModal(conversations, workspace.person(body.as ?? 'me').key);
        return sendJson(res, 200, { ok: true });
      }
      case '/api/modal/close':
        workspace.closeModal();
        return sendJson(res, 200, { ok: true });
      case '/api/home/open':
        await workspace.openHome(workspace.person(body.as ?? 'me').key);
        return sendJson(res, 200, { ok: true });
      case '/api/tips/run': {
        const report = await runTips();
        workspace.notice(
          `Tip job for ${report.day}: ${report.posted.length} posted, ${report.skipped.length} already sent today` +
            (report.paused.length ? `, ${report.paused.length} paused` : '') +
            (report.failed.length ? `, ${report.failed.length} failed` : ''),
        );
        await workspace.refreshSubscriptions();
        return sendJson(res, 200, { ok: true, report });
      }
      default:
        return sendJson(res, 404, { ok: false, error: 'not found' });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

/** Methods that only read; every other one of the API changes something. */
const READ_ONLY = new Set(['GET', 'HEAD']);

/** Why a request is refused before it is routed, or undefined when it may go on. */
function refusal(req: IncomingMessage, port: number): { status: number; reason: string } | undefined {
  // Browsers leave out the default port in Host and Origin.
  const hosts = [
    `127.0.0.1:${port}`,
    `localhost:${port}`,
    ...(port === 80 ? ['127.0.0.1', 'localhost'] : []),
  ];
  // A DNS-rebinding page reaches this server under its own name, which is what Host carries.
  if (!hosts.includes(req.headers.host?.toLowerCase() ?? '')) {
    return { status: 421, reason: `this is the SocialVS sandbox: open it as http://127.0.0.1:${port}/` };
  }
  // Only a preflight would ask; it gets no CORS headers, so no cross-origin request follows.
  if (req.method === 'OPTIONS') return { status: 405, reason: 'cross-origin requests are not allowed' };
  if (READ_ONLY.has(req.method ?? '')) return undefined;
  // Browsers send Origin with every POST; clients without one (curl, tests) are not a web page.
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((host) => origin === `http://${host}`)) {
    return { status: 403, reason: 'requests from other sites are not allowed' };
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    return { status: 415, reason: 'send JSON (content-type: application/json)' };
  return undefined;
}

function sendRefusal(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    ...(status === 405 ? { allow: 'GET, POST' } : {}),
    ...SECURITY_HEADERS,
  });
  res.end(`${reason}\n`);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new SandboxInputError('request too large');
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new SandboxInputError('the request body is not JSON');
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    ...SECURITY_HEADERS,
  });
  res.end(JSON.stringify(body));
}
