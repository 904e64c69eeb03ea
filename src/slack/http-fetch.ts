/**
 * A `fetch` for Bolt and its WebClient built on node:http(s) with kept-alive connections.
 *
 * Why: every answer to a slash command is a POST to its response_url, and every mention's
 * answer a chat.postMessage; Bolt and the WebClient make them with the global fetch, which
 * in Node 20 costs about 0.25 ms of CPU per call on top of the request itself (WHATWG
 * streams, Request and Response objects). That was more than Bolt's whole handling of the
 * incoming command, and so most of the bot's time under load (`npm run bench`). The same
 * POST through node:http costs a fraction of it.
 *
 * It does what those callers use and behaves as fetch does there: a string or Buffer body,
 * plain-object headers, `redirect` ("error" fails on a 3xx as fetch does; a redirect to
 * follow is handed to the global fetch), `signal` (aborts with its reason), a network
 * failure rejected as fetch rejects it (TypeError "fetch failed" with the cause), and a real
 * Response with status, headers and the whole body. Anything else (a Request object, a
 * FormData or stream body, other headers types) goes to the global fetch unchanged.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** As long as fetch (undici) waits by default for an answer that never comes. */
const SOCKET_TIMEOUT_MS = 300_000;
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

export function createHttpFetch(fallback: typeof fetch = globalThis.fetch): typeof fetch {
  const agents = {
    'http:': new HttpAgent({ keepAlive: true }),
    'https:': new HttpsAgent({ keepAlive: true }),
  };

  const httpFetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? safeUrl(input) : input instanceof URL ? input : undefined;
    const body = init.body;
    const headers = init.headers;
    if (
      !url ||
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      !(body === undefined || body === null || typeof body === 'string' || Buffer.isBuffer(body)) ||
      !(headers === undefined || isPlainObject(headers))
    ) {
      return fallback(input, init);
    }
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(signal.reason);

    const outgoing: Record<string, string> = { accept: '*/*', 'user-agent': 'node' };
    for (const [name, value] of Object.entries((headers ?? {}) as Record<string, string>)) {
      if (value !== undefined) outgoing[name.toLowerCase()] = String(value);
    }
    const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : (body ?? undefined);
    if (payload) {
      outgoing['content-length'] = String(payload.length);
      if (typeof body === 'string' && !outgoing['content-type']) {
        outgoing['content-type'] = 'text/plain;charset=UTF-8';
      }
    }
    const method = (init.method ?? 'GET').toUpperCase();
    const protocol = url.protocol as 'http:' | 'https:';

    return new Promise<Response>((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      };
      const onAbort = () => {
        fail(signal?.reason);
        req.destroy();
      };
      const req = (protocol === 'https:' ? httpsRequest : httpRequest)(
        url,
        { method, headers: outgoing, agent: agents[protocol], timeout: SOCKET_TIMEOUT_MS },
        (res) => {
          const status = res.statusCode ?? 0;
          const location = res.headers.location;
          if (status >= 300 && status < 400 && location !== undefined && init.redirect !== 'manual') {
            res.resume();
            if (init.redirect === 'error') {
              fail(new TypeError('fetch failed', { cause: new Error('unexpected redirect') }));
            } else if (!settled) {
              settled = true;
              signal?.removeEventListener('abort', onAbort);
              fallback(input, init).then(resolve, reject);
            }
            return;
          }
          readBody(res).then(
            (buffer) => {
              if (settled) return;
              let response: Response;
              try {
                response = toResponse(res, buffer, url);
              } catch (error) {
                return fail(new TypeError('fetch failed', { cause: error }));
              }
              settled = true;
              signal?.removeEventListener('abort', onAbort);
              resolve(response);
            },
            (error: unknown) => fail(new TypeError('fetch failed', { cause: error })),
          );
        },
      );
      req.on('timeout', () => req.destroy(new Error('socket timeout')));
      req.on('error', (error) => fail(new TypeError('fetch failed', { cause: error })));
      signal?.addEventListener('abort', onAbort, { once: true });
      req.end(payload);
    });
  };
  return httpFetch as typeof fetch;
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The whole body, decoded from gzip, deflate or br as fetch would. */
function readBody(res: IncomingMessage): Promise<Buffer> {
  const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
  const stream =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? res.pipe(createGunzip())
      : encoding === 'deflate'
        ? res.pipe(createInflate())
        : encoding === 'br'
          ? res.pipe(createBrotliDecompress())
          : res;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    stream.on('error', reject);
    res.on('error', reject);
    res.on('aborted', () => reject(new Error('response aborted')));
  });
}

function toResponse(res: IncomingMessage, buffer: Buffer, url: URL): Response {
  const status = res.statusCode ?? 0;
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    // The body is already decoded: its encoding and length no longer describe it.
    if (/^content-(encoding|length)$/i.test(name) && res.headers['content-encoding']) continue;
    headers.append(name, raw[i + 1] as string);
  }
  const response = new Response(NULL_BODY_STATUSES.has(status) ? null : buffer, {
    status,
    statusText: res.statusMessage ?? '',
    headers,
  });
  Object.defineProperty(response, 'url', { value: url.href });
  return response;
}
