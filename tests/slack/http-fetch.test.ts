/**
 * The node:http fetch that Bolt and its WebClient use: what they read from a response is
 * what the global fetch would give them, and failures reject as fetch rejects.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHttpFetch } from '../../src/slack/http-fetch.js';

let server: Server;
let base: string;
const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }> = [];

function route(req: IncomingMessage, res: ServerResponse, body: string): void {
  seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
  switch (req.url) {
    case '/json':
      res.writeHead(200, { 'content-type': 'application/json', 'x-oauth-scopes': 'chat:write' });
      return void res.end(JSON.stringify({ ok: true, echo: body }));
    case '/gzip':
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      return void res.end(gzipSync('{"ok":true,"zipped":true}'));
    case '/limited':
      res.writeHead(429, { 'retry-after': '3' });
      return void res.end('{"ok":false,"error":"ratelimited"}');
    case '/gone':
      res.writeHead(404, 'Not Found');
      return void res.end('no_service');
    case '/empty':
      res.writeHead(204);
      return void res.end();
    case '/moved':
      res.writeHead(302, { location: '/json' });
      return void res.end();
    case '/hang':
      return; // never answers
    default:
      res.writeHead(500);
      res.end();
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => route(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('createHttpFetch', () => {
  const httpFetch = createHttpFetch();

  it('posts a string body with its headers and returns status, headers and body', async () => {
    const response = await httpFetch(`${base}/json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-1' },
      body: 'channel=C1&text=hi',
    });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get('x-oauth-scopes')).toBe('chat:write');
    expect(response.url).toBe(`${base}/json`);
    expect(await response.json()).toEqual({ ok: true, echo: 'channel=C1&text=hi' });
    const request = seen.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.headers.authorization).toBe('Bearer xoxb-1');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers['content-length']).toBe('18');
  });

  it('sends a string body without a content type as text/plain, as fetch does', async () => {
    await httpFetch(`${base}/json`, { method: 'POST', body: '{"text":"hi"}' });
    expect(seen.at(-1)?.headers['content-type']).toBe('text/plain;charset=UTF-8');
  });

  it('decodes a gzip body', async () => {
    const response = await httpFetch(`${base}/gzip`);
    expect(await response.json()).toEqual({ ok: true, zipped: true });
    expect(response.headers.get('content-encoding')).toBeNull();
  });

  it('returns error statuses as responses, with Retry-After and the status text', async () => {
    const limited = await httpFetch(`${base}/limited`, { method: 'POST', body: 'x=1' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    const gone = await httpFetch(`${base}/gone`, { method: 'POST', body: '{}' });
    expect(gone.ok).toBe(false);
    expect(gone.statusText).toBe('Not Found');
    expect(await gone.text()).toBe('no_service');
    const empty = await httpFetch(`${base}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it('fails a redirect when told redirect: "error", and hands one to follow to the global fetch', async () => {
    await expect(httpFetch(`${base}/moved`, { redirect: 'error' })).rejects.toThrow(TypeError);
    const fallback = vi.fn(async () => new Response('followed'));
    const response = await createHttpFetch(fallback as unknown as typeof fetch)(`${base}/moved`);
    expect(await response.text()).toBe('followed');
    expect(fallback).toHaveBeenCalledTimes(1);
  });

  it('rejects a refused connection as fetch does: TypeError "fetch failed" with the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await httpFetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
    expect(((error as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('aborts with the signal and rejects with its reason', async () => {
    const controller = new AbortController();
    const pending = httpFetch(`${base}/hang`, { signal: controller.signal });
    controller.abort(new DOMException('took too long', 'TimeoutError'));
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('hands anything else to the global fetch: a Request, a FormData body', async () => {
    const fallback = vi.fn(async () => new Response('fallback'));
    const viaFallback = createHttpFetch(fallback as unknown as typeof fetch);
    await viaFallback(new Request(`${base}/json`));
    await viaFallback(`${base}/json`, { method: 'POST', body: new FormData() });
    expect(fallback).toHaveBeenCalledTimes(2);
  });
});
