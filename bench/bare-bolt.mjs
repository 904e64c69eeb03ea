/**
 * The floor: a bare Bolt app in HTTP mode, verifying requests and routing them with Bolt's
 * own code as the bot does, that acknowledges /socialvs with a fixed card of about the size
 * of ours (docs/benchmark.md says why the size does not separate the two) and answers
 * GET /healthz. The benchmark runs it under plain node, exactly as it runs the built bot,
 * and compares the two under the same load.
 * Env: PORT, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, BARE_LISTENERS.
 */
import bolt from '@slack/bolt';
import { BOT_LISTENERS } from './bot-listeners.mjs';

const { App, LogLevel } = bolt;

const FIXED_CARD = [
  {
    type: 'header',
    block_id: 'topic_header',
    text: { type: 'plain_text', text: 'Return on investment (ROI)' },
  },
  {
    type: 'section',
    block_id: 'topic_summary',
    text: {
      type: 'mrkdwn',
      text:
        'Proving the payoff works differently for each. Social media ROI is hard to pin to exact numbers, ' +
        'because the buzz around your brand has no price tag; you judge it by influence and by how deep the ' +
        'conversations go and what they are about. Social networking ROI is easier to see: if website traffic ' +
        'climbs while you keep growing your network, the extra visitors are likely your social work paying off.',
    },
  },
  {
    type: 'section',
    block_id: 'topic_sides',
    fields: [
      {
        type: 'mrkdwn',
        text:
          '*🤝 Social networking*\n*The payoff is easier to spot.*\n• Keep an eye on the total traffic coming ' +
          'to your website.\n• If it rises during a period when you are steadily growing your networking base, ' +
          'the extra visitors can most likely be credited to your social efforts.\n• That direct link between ' +
          'effort and visits is what makes networking ROI feel more obvious than media ROI.',
      },
      {
        type: 'mrkdwn',
        text:
          '*📣 Social media*\n*Hard to put a number on.*\n• How do you price the buzz and excitement people ' +
          'create when they talk about your brand, product or service online? There is no neat figure for it.\n' +
          '• That does not mean the return is zero. It is simply measured another way.\n• Look at influence, ' +
          'at how deep the conversations go, and at what people are actually discussing.',
      },
    ],
  },
  {
    type: 'context',
    block_id: 'topic_context',
    elements: [
      {
        type: 'mrkdwn',
        text: 'Sources: _Les différences entre les médias sociaux et les réseaux sociaux_ (fr)',
      },
      { type: 'mrkdwn', text: 'Topic 8 of 13' },
    ],
  },
  {
    type: 'actions',
    block_id: 'topic_navigation',
    elements: [
      {
        type: 'button',
        action_id: 'topic_previous',
        text: { type: 'plain_text', text: '◀ Previous · Timely responses: slow build or quick replies?' },
        value: '{"t":"timely-response","l":"en"}',
      },
      {
        type: 'button',
        action_id: 'topic_next',
        text: { type: 'plain_text', text: 'Ask or tell: no fake likes, real conversations · Next ▶' },
        value: '{"t":"ask-or-tell","l":"en"}',
      },
      {
        type: 'button',
        action_id: 'share_card',
        text: { type: 'plain_text', text: 'Share in channel' },
        value: '{"t":"roi","l":"en"}',
      },
    ],
  },
];
const TEXT = 'Return on investment (ROI): Proving the payoff works differently for each.';

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  tokenVerificationEnabled: false,
  botId: 'B0SOCIALVS',
  botUserId: 'U0SOCIALVS',
  logLevel: LogLevel.INFO,
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      },
    },
  ],
});

app.command('/socialvs', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: TEXT, blocks: FIXED_CARD });
});

// BARE_LISTENERS=bot: also the bot's other listeners (bot-listeners.mjs), registered as the
// bot registers them but doing nothing. Bolt runs every listener's chain for every request, so
// this is what the bot's listener set costs before any work of ours.
if (process.env.BARE_LISTENERS === 'bot') {
  const nothing = async () => {};
  const acked = async ({ ack }) => ack();
  for (const type of BOT_LISTENERS.events) app.event(type, nothing);
  for (const constraint of BOT_LISTENERS.actions) app.action(constraint, acked);
  for (const constraint of BOT_LISTENERS.shortcuts) app.shortcut(constraint, acked);
  for (const constraint of BOT_LISTENERS.views) app.view(constraint, acked);
}

await app.start({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
process.on('SIGTERM', () => app.stop().then(() => process.exit(0)));
