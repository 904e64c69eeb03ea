/**
 * /socialvs through the wire: every subcommand, questions, languages, and the
 * guarantees about what gets echoed back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/knowledge/ui-strings.js';
import { blocksOf, buttonsOf, headerOf, kb, titleOf } from '../support/cards.js';
import { everythingSent, type Harness, PINGS, repliesInAcks, startHarness } from '../support/harness.js';
import { slashReply } from '../support/slash.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ DEFAULT_LANGUAGE: 'en' });
  h.standIn.users.set('UEN', { name: 'ana', locale: 'en-US' });
  h.standIn.users.set('UFR', { name: 'claire', locale: 'fr-FR' });
  h.standIn.users.set('UNOLOCALE', { name: 'nolocale' });
});
afterAll(async () => {
  await h.close();
});

async function command(text: string, userId = 'UEN', channelId = 'C0GENERAL') {
  const reply = await slashReply(h.slack, h.standIn, { text, userId, channelId });
  expect(reply.status).toBe(200);
  return reply.body;
}

describe('/socialvs <question>', () => {
  it('answers with the comparison card, only to the asker, with a share button', async () => {
    const body = await command('what is the ROI difference?');
    expect(body.response_type).toBe('ephemeral');
    expect(headerOf(body)).toBe(titleOf('roi', 'en'));
    expect(buttonsOf(body).map((button) => button.action_id)).toContain('topic_share');
    expect(typeof body.text).toBe('string');
    expect((body.text as string).length).toBeGreaterThan(0);
  });

  it('carries both sides in its text, which notifications and screen readers read', async () => {
    const body = await command('what is the ROI difference?');
    const roi = kb.byId.get('roi')?.text.en;
    const plain = (mrkdwn: string | undefined) =>
      (mrkdwn ?? '').replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
    expect(body.text).toContain(plain(roi?.networking));
    expect(body.text).toContain(plain(roi?.media));
  });

  it('answers in the language the question was asked in', async () => {
    expect(headerOf(await command('Was ist ein soziales Netzwerk?'))).toBe(titleOf('definition', 'de'));
    expect(headerOf(await command('retour sur investissement des médias sociaux'))).toBe(
      titleOf('roi', 'fr'),
    );
    expect(headerOf(await command('apa itu media sosial'))).toBe(titleOf('definition', 'id'));
  });

  it('treats an unknown subcommand as a question', async () => {
    expect(headerOf(await command('similarities'))).toBe(titleOf('similarities', 'en'));
    expect(headerOf(await command('help me understand two-way communication'))).toBe(
      titleOf('communication-style', 'en'),
    );
  });

  it('answers an off-topic question with the no-match card, never the nearest topic', async () => {
    const body = await command('order pizza for the team');
    expect(headerOf(body)).toBe(translate(kb.ui, 'en', 'nomatch.header'));
    expect(buttonsOf(body).every((button) => button.action_id.startsWith('topic_open_'))).toBe(true);
  });

  it('answers a 4,000-character question', async () => {
    const long = `${'what is the ROI of social media compared to networking? '.repeat(80)}`.slice(0, 4000);
    expect(long.length).toBe(4000);
    const body = await command(long);
    expect(headerOf(body)).toBe(titleOf('roi', 'en'));
  });

  it('never sends a broadcast, a mention or a disguised link that the user typed', async () => {
    const typed =
      '<!channel> <!here> <!everyone> <@U0BOSS> <!subteam^S123|@marketing> <https://evil.example|ROI> & ROI';
    const sent = JSON.stringify([await command(typed), await command(`${typed} pizza delivery`)]);
    expect(sent).not.toMatch(PINGS);
    expect(sent).toContain('&lt;!channel&gt;');
  });
});

describe('what the user typed, as Slack sends it', () => {
  it('is echoed as typed: Slack escapes a typed & < >, and the card escapes them once, not twice', async () => {
    // Typed "R&D <b>pizza</b> order"; Slack sends its &, < and > escaped.
    const body = await command('R&amp;D &lt;b&gt;pizza&lt;/b&gt; order');
    expect(headerOf(body)).toBe(translate(kb.ui, 'en', 'nomatch.header'));
    const sent = JSON.stringify(blocksOf(body));
    expect(sent).toContain('R&amp;D &lt;b&gt;pizza&lt;/b&gt; order');
    expect(sent).not.toContain('&amp;amp;');
    expect(sent).not.toContain('&amp;lt;');
  });
});

describe('subcommands', () => {
  it('empty: the overview card with the help hint', async () => {
    const body = await command('');
    expect(headerOf(body)).toBe(titleOf('overview', 'en'));
    expect(JSON.stringify(body)).toContain(translate(kb.ui, 'en', 'help.hint'));
  });

  it('help: every subcommand, in the user language', async () => {
    const body = await command('help', 'UFR');
    const text = JSON.stringify(blocksOf(body));
    for (const sub of ['list', 'tip', 'quiz', 'lang', 'subscribe', 'unsubscribe', 'status'])
      expect(text).toContain(sub);
    expect(headerOf(body)).toBe(translate(kb.ui, 'fr', 'help.header'));
  });

  it('list: every topic, each with a button that opens it', async () => {
    const body = await command('list');
    const ids = buttonsOf(body).map((button) => button.action_id);
    expect(ids).toEqual(kb.topics.map((topic) => `topic_open_${topic.id}`));
  });

  it('tip: a tip card with a button to its topic', async () => {
    const body = await command('tip');
    expect(headerOf(body)).toBe(translate(kb.ui, 'en', 'tip.header'));
    expect(buttonsOf(body).map((button) => button.action_id)).toEqual(['tip_open']);
  });

  it('lang: saves my language; questions without a language of their own then use it', async () => {
    expect(headerOf(await command('ROI', 'ULANG'))).toBe(titleOf('roi', 'en'));
    const saved = await command('lang de', 'ULANG');
    expect(JSON.stringify(saved)).toContain('Deutsch');
    expect(headerOf(await command('ROI', 'ULANG'))).toBe(titleOf('roi', 'de'));
    // The question's own language still wins over the saved one.
    expect(headerOf(await command('what are the similarities?', 'ULANG'))).toBe(
      titleOf('similarities', 'en'),
    );
    expect(await h.bot.store.getUserLanguage('ULANG')).toBe('de');
  });

  it('lang with an unknown language explains the choices and saves nothing', async () => {
    const body = await command('lang klingon', 'ULANG2');
    expect(JSON.stringify(body)).toContain(translate(kb.ui, 'en', 'lang.invalid', { subcommand: 'lang' }));
    expect(JSON.stringify(body)).toContain('/socialvs lang de');
    expect(await h.bot.store.getUserLanguage('ULANG2')).toBeUndefined();
  });

  it('subscribe with an unknown language suggests subscribe, not lang', async () => {
    const body = JSON.stringify(await command('subscribe xx', 'ULANG3'));
    expect(body).toContain('/socialvs subscribe de');
    expect(body).not.toContain('/socialvs lang de');
  });

  it('falls back to the Slack locale, then DEFAULT_LANGUAGE', async () => {
    expect(headerOf(await command('ROI', 'UFR'))).toBe(titleOf('roi', 'fr'));
    expect(headerOf(await command('ROI', 'UNOLOCALE'))).toBe(titleOf('roi', 'en'));
  });

  it('daily-tip subcommands in a DM say where they work', async () => {
    const body = await command('subscribe', 'UEN', 'D0DIRECT');
    expect(JSON.stringify(body)).toContain(translate(kb.ui, 'en', 'subscribe.dm'));
  });
});

describe('what the bot sends', () => {
  it('carries a plain-text fallback beside the blocks in every reply', () => {
    const replies = [...h.standIn.responses.map((post) => post.body), ...repliesInAcks(h.slack)];
    expect(replies.length).toBeGreaterThan(10);
    for (const reply of replies) {
      if (reply.delete_original) continue;
      expect(typeof reply.text).toBe('string');
      expect((reply.text as string).length).toBeGreaterThan(0);
    }
  });

  it('never logs the bot token or the signing secret', () => {
    const log = h.logs.join('\n');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain('secretbottoken');
    expect(log).not.toContain('e2eSigningSecret');
  });

  it('never pinged anyone in this whole suite', () => {
    expect(everythingSent(h.standIn, h.slack)).not.toMatch(PINGS);
  });
});
