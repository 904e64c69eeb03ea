/**
 * The sandbox server answers only its own page: a cross-site page can neither make it act
 * (form posts, foreign Origin) nor read it under another name (DNS rebinding, foreign
 * Host). Each refused request is one that would have had an effect if obeyed, and the test
 * checks it had none. Typed text reaches the bot escaped, as Slack sends it.
 */
import { type IncomingHttpHeaders, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.js';
import { BOT, CHANNELS, TIP_CHANNEL } from '../../src/sandbox/workspace.js';

const GENERAL = 'C0SANDBOXGEN';
const DM = 'D0SANDBOXDM';
const EVIL = 'http://evil.example';

let sandbox: RunningSandbox;
let port: number;
let ownHost: string;
let ownOrigin: string;

beforeAll(async () => {
  sandbox = await startSandbox(
    { SANDBOX_DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'warn' },
    { port: 0, write: () => undefined },
  );
  port = Number(new URL(sandbox.url).port);
  ownHost = `127.0.0.1:${port}`;
  ownOrigin = `http://${ownHost}`;
});

afterAll(async () => {
  await sandbox?.stop();
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One request with exactly these headers (node:http, since fetch decides Host itself).
 * `host: null` sends none. A text/event-stream answer is returned at its headers.
 */
function send(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; host?: string | null; body?: string } = {},
): Promise<Answer> {
  const host = options.host === undefined ? ownHost : options.host;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        setHost: false,
        headers: { ...(host === null ? {} : { host }), ...options.headers },
      },
      (res) => {
        const answer = { status: res.statusCode ?? 0, headers: res.headers };
        if (res.headers['content-type'] === 'text/event-stream') {
          res.destroy();
          return resolve({ ...answer, body: '' });
        }
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ ...answer, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A POST as the page makes it (JSON, own Origin), with `headers` changed. */
function post(path: string, body: unknown, headers: Record<string, string> = {}, host?: string) {
  return send('POST', path, {
    headers: { 'content-type': 'application/json', origin: ownOrigin, ...headers },
    body: JSON.stringify(body),
    ...(host === undefined ? {} : { host }),
  });
}

/** Everything an obeyed request changes: the page's state, what the bot sent Slack, what it stored. */
async function effects() {
  const state = sandbox.workspace.state();
  const report = await sandbox.bot.store.usageReport(undefined);
  const subscriptions = await sandbox.bot.store.listSubscriptions();
  return {
    // Ids, not counts: the workspace keeps only the latest notices (and messages).
    messages: state.messages.map((m) => m.id),
    notices: state.notices.map((n) => n.id),
    webApiCalls: sandbox.standIn.calls.length,
    responseUrlPosts: sandbox.standIn.responses.length,
    questionsAsked: report.asked,
    subscriptions: subscriptions.map((s) => `${s.channelId}:${s.language}`).sort(),
  };
}

/** What a cross-site form would make the sandbox do, were it obeyed. */
const HARMFUL: Array<{ path: string; body: unknown }> = [
  { path: '/api/send', body: { channel: DM, text: 'what is the ROI difference?' } },
  { path: '/api/send', body: { channel: GENERAL, text: '/socialvs subscribe fr' } },
  { path: '/api/tips/run', body: {} },
  { path: '/api/home/open', body: {} },
];

function expectRefusal(answer: Answer, status: number): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
  expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  // One line of plain text saying why, nothing of the state.
  expect(answer.body.trim()).not.toBe('');
  expect(answer.body.trim()).not.toContain('\n');
  expect(answer.body).not.toContain('messages');
}

describe('requests from other sites are refused and change nothing', () => {
  it('a cross-site text/plain form post (a DM as the user, subscribe, the tip job, the home tab)', async () => {
    const before = await effects();
    for (const { path, body } of HARMFUL) {
      // What a <form enctype="text/plain"> on another site sends: a body that parses as JSON.
      const answer = await send('POST', path, {
        headers: { 'content-type': 'text/plain', origin: EVIL },
        body: JSON.stringify(body),
      });
      expectRefusal(answer, 403);
    }
    expect(await effects()).toEqual(before);
  });

  it('a post that is not JSON, even from the page’s own origin or from no origin', async () => {
    const before = await effects();
    const types = [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
    ];
    for (const { path, body } of HARMFUL) {
      for (const type of types) {
        expectRefusal(await post(path, body, { 'content-type': type }), 415);
        const noOrigin = await send('POST', path, {
          headers: { 'content-type': type },
          body: JSON.stringify(body),
        });
        expectRefusal(noOrigin, 415);
      }
      const untyped = await send('POST', path, {
        headers: { origin: ownOrigin },
        body: JSON.stringify(body),
      });
      expectRefusal(untyped, 415);
    }
    expect(await effects()).toEqual(before);
  });

  it('a JSON post from a foreign Origin', async () => {
    const before = await effects();
    const foreign = [
      EVIL,
      'null',
      `https://${ownHost}`,
      `http://127.0.0.1:${port + 1}`,
      `http://localhost.evil.example:${port}`,
    ];
    for (const { path, body } of HARMFUL) {
      for (const origin of foreign) expectRefusal(await post(path, body, { origin }), 403);
    }
    expect(await effects()).toEqual(before);
  });

  it('answers a CORS preflight without CORS headers', async () => {
    const answer = await send('OPTIONS', '/api/send', {
      headers: {
        origin: EVIL,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expectRefusal(answer, 405);
    expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});

describe('requests naming another host are refused (DNS rebinding)', () => {
  const foreignHosts = () => [
    `evil.example:${port}`,
    'evil.example',
    `127.0.0.1:${port + 1}`,
    '127.0.0.1',
    `localhost:${port}.evil.example`,
    `[::1]:${port}`,
    '',
  ];

  it('GET /api/state answers nothing of the conversation to a foreign Host', async () => {
    // Something to leak: a message in the DM. Its answer is awaited, so that it cannot land
    // while the next test looks for effects.
    expect((await post('/api/send', { channel: DM, text: 'my secret question' })).status).toBe(200);
    await expect
      .poll(() => {
        const messages = sandbox.workspace.state().messages;
        const asked = messages.findIndex((m) => m.text === 'my secret question');
        return messages.slice(asked + 1).some((m) => m.author === 'bot' && m.channel === DM);
      })
      .toBe(true);
    for (const host of foreignHosts()) {
      const answer = await send('GET', '/api/state', { host });
      expectRefusal(answer, 421);
      expect(answer.body).not.toContain('my secret question');
    }
    expectRefusal(await send('GET', '/api/state', { host: null }), 421);
  });

  it('the page, its script, the stream and the API all check Host', async () => {
    const before = await effects();
    for (const path of ['/', '/app.js', '/app.css', '/api/stream', '/api/state', '/nowhere']) {
      expectRefusal(await send('GET', path, { host: `evil.example:${port}` }), 421);
    }
    for (const { path, body } of HARMFUL) {
      expectRefusal(
        await post(path, body, { origin: `http://evil.example:${port}` }, `evil.example:${port}`),
        421,
      );
      // Even with the page's own Origin: the rebound page's requests are same-origin to it.
      expectRefusal(await post(path, body, {}, `evil.example:${port}`), 421);
    }
    expect(await effects()).toEqual(before);
  });
});

describe('the page’s own requests still work', () => {
  it('serves the page, its files, the state and the stream under 127.0.0.1 and localhost', async () => {
    for (const host of [ownHost, `localhost:${port}`, `LOCALHOST:${port}`]) {
      const page = await send('GET', '/', { host });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('<script type="module" src="/app.js"></script>');
      expect((await send('GET', '/app.js', { host })).status).toBe(200);
      const state = await send('GET', '/api/state', { host });
      expect(state.status).toBe(200);
      expect(JSON.parse(state.body).channels.map((c: { id: string }) => c.id)).toEqual(
        CHANNELS.map((c) => c.id),
      );
      const stream = await send('GET', '/api/stream', { host });
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toBe('text/event-stream');
    }
  });

  it('a JSON post from the page’s own origin (either name) or from no origin is obeyed', async () => {
    const asked = (await effects()).questionsAsked;
    const cases: Array<{ headers: Record<string, string>; host?: string }> = [
      { headers: {} },
      { headers: { origin: `http://localhost:${port}` }, host: `localhost:${port}` },
      { headers: { 'content-type': 'application/json; charset=utf-8' } },
      { headers: { 'content-type': 'Application/JSON' } },
    ];
    for (const [index, { headers, host }] of cases.entries()) {
      const text = `what is the ROI difference? (${index})`;
      const answer = await post('/api/send', { channel: DM, text }, headers, host);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ ok: true });
      expect(sandbox.workspace.state().messages.some((m) => m.author === 'me' && m.text === text)).toBe(true);
    }
    const noOrigin = await send('POST', '/api/home/open', {
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noOrigin.status).toBe(200);
    // The bot takes an event after acknowledging it: its record of the questions follows.
    await expect.poll(async () => (await effects()).questionsAsked).toBe(asked + cases.length);
  });

  it('runs the tip job for the page', async () => {
    const answer = await post('/api/tips/run', {});
    expect(answer.status).toBe(200);
    const { ok, report } = JSON.parse(answer.body) as { ok: boolean; report: { posted: string[] } };
    expect(ok).toBe(true);
    expect(report.posted).toContain(TIP_CHANNEL);
    expect(sandbox.workspace.state().notices.some((n) => n.text.startsWith('Tip job for'))).toBe(true);
  });
});

describe('typed text reaches the bot as Slack sends it', () => {
  /** What the bot itself recorded as asked: the text it received. */
  async function questionsTheBotGot(): Promise<string[]> {
    return (await sandbox.bot.store.usageReport(undefined)).unanswered.map((q) => q.text);
  }

  /** Slack's <...> tokens in a text, found as the page's renderer finds them. */
  function tokens(text: string): string[] {
    return [...text.matchAll(/<([^<>\n]*)>/g)].map((match) => match[1] ?? '');
  }

  // The bot decodes Slack's escaping once, so it records what the person typed; a typed
  // "&lt;" comes back as "&lt;" only if the sandbox escaped it on the way, as Slack does.
  it('a slash command’s text is escaped: a disguised link is only text', async () => {
    const answer = await post('/api/send', { channel: GENERAL, text: '/socialvs <http://evil|ok> &lt;' });
    expect(answer.status).toBe(200);
    await expect.poll(questionsTheBotGot).toContain('<http://evil|ok> &lt;');
    // Whatever the bot echoes, nothing it sends back holds the link as markup.
    const reply = () =>
      sandbox.workspace
        .state()
        .messages.find((m) => m.author === 'bot' && m.command === '/socialvs <http://evil|ok> &lt;');
    await expect.poll(reply).toBeDefined();
    const { text, blocks } = reply() ?? {};
    expect(JSON.stringify({ text, blocks })).not.toContain('<http://evil');
  });

  it('a DM’s text is escaped, in the event and in the message the page shows', async () => {
    const typed = '<http://evil|ok> & <!channel> &amp;';
    const escaped = '&lt;http://evil|ok&gt; &amp; &lt;!channel&gt; &amp;amp;';
    expect((await post('/api/send', { channel: DM, text: typed })).status).toBe(200);
    const mine = sandbox.workspace.state().messages.filter((m) => m.author === 'me' && m.channel === DM);
    expect(mine.at(-1)?.text).toBe(escaped);
    await expect.poll(questionsTheBotGot).toContain(typed);
  });

  it('a mention keeps the markup Slack writes for it, and escapes the rest', async () => {
    const text = '@SocialVS <http://evil|ok> two-way communication';
    expect((await post('/api/send', { channel: GENERAL, text })).status).toBe(200);
    const mine = sandbox.workspace.state().messages.filter((m) => m.author === 'me' && m.channel === GENERAL);
    const shown = mine.at(-1)?.text ?? '';
    expect(shown).toBe(`<@${BOT.id}> &lt;http://evil|ok&gt; two-way communication`);
    expect(tokens(shown)).toEqual([`@${BOT.id}`]);
    // The bot saw its mention and answered in the thread of that message.
    const ts = mine.at(-1)?.ts;
    await expect
      .poll(() => sandbox.workspace.state().messages.some((m) => m.author === 'bot' && m.threadTs === ts))
      .toBe(true);
  });
});
