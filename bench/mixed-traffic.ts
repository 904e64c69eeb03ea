/**
 * Mixed Slack traffic for the soak (and its short version in the tests): slash commands,
 * mentions, DMs and button presses, each tracked until its answer reaches the stand-in,
 * so that every request can be checked to be answered exactly once.
 */
import { encodeValue } from '../src/cards/actions.js';
import { messageInAck, type SlackRequestSender } from '../src/sandbox/signed-requests.js';
import {
  BOT_USER_ID,
  type RecordedCall,
  type ResponseUrlPost,
  type SlackStandIn,
} from '../src/sandbox/slack-stand-in.js';

const QUESTIONS = [
  'what is the ROI difference?',
  'two-way communication',
  'Was ist ein soziales Netzwerk?',
  'médias sociaux vs réseaux sociaux',
  'apa itu media sosial',
  'similarities',
  'order pizza for the team',
  'Zielgruppe von Social Media',
  'customer complains on twitter',
  'marathon not a sprint',
];
const BUTTONS = [
  { actionId: 'topic_next', value: encodeValue({ topic: 'roi', language: 'en' }) },
  { actionId: 'topic_language_de', value: encodeValue({ topic: 'focus', language: 'de' }) },
  {
    actionId: 'feedback_up',
    value: encodeValue({ topic: 'roi', language: 'en', answer: 'soak', question: 'ROI' }),
  },
  { actionId: 'topic_open_platforms', value: encodeValue({ topic: 'platforms', language: 'fr' }) },
];

export type RequestKind = 'command' | 'mention' | 'dm' | 'button';
const MIX: RequestKind[] = [
  'command',
  'command',
  'mention',
  'command',
  'dm',
  'button',
  'mention',
  'command',
  'button',
  'dm',
];

export class MixedTraffic {
  sent = 0;
  /** Non-200 answers and requests that failed to send. */
  failed = 0;
  /** Answers that arrived for a request already answered. */
  doubled = 0;
  readonly byKind: Record<RequestKind, number> = { command: 0, mention: 0, dm: 0, button: 0 };
  private readonly waiting = new Map<string, RequestKind>();
  private answeredCount = 0;
  private counter = 0;

  constructor(
    private readonly slack: SlackRequestSender,
    private readonly standIn: SlackStandIn,
  ) {
    standIn.on('response', (post: ResponseUrlPost) => this.answer(`r${post.id}`));
    standIn.on('call', (call: RecordedCall) => {
      if (call.method !== 'chat.postMessage' || call.outcome !== 'ok') return;
      const thread = call.args.thread_ts;
      this.answer(typeof thread === 'string' ? `t${thread}` : `c${String(call.args.channel)}`);
    });
  }

  get answered(): number {
    return this.answeredCount;
  }

  get outstanding(): number {
    return this.waiting.size;
  }

  private readonly answeredKeys = new Set<string>();

  private answer(key: string): void {
    if (this.waiting.delete(key)) {
      this.answeredCount++;
      this.answeredKeys.add(key);
    } else if (this.answeredKeys.has(key)) {
      this.doubled++;
    }
  }

  /** Sends the next request of the mix; resolves when the bot acknowledged it. */
  async sendOne(): Promise<void> {
    const n = this.counter++;
    const kind = MIX[n % MIX.length] as RequestKind;
    const question = QUESTIONS[n % QUESTIONS.length] as string;
    const user = `U0SOAK${n % 7}`;
    this.sent++;
    this.byKind[kind]++;
    try {
      let status: number;
      if (kind === 'command' || kind === 'button') {
        const responseUrl = this.standIn.responseUrl();
        this.waiting.set(`r${responseUrl.slice(responseUrl.lastIndexOf('/') + 1)}`, kind);
        if (kind === 'command') {
          const sent = await this.slack.slashCommand({
            text: question,
            userId: user,
            channelId: 'C0SOAK',
            responseUrl,
          });
          status = sent.status;
          // Answered in the acknowledgement itself, or later through the response_url.
          if (messageInAck(sent)) this.answer(`r${responseUrl.slice(responseUrl.lastIndexOf('/') + 1)}`);
        } else {
          const button = BUTTONS[n % BUTTONS.length] as (typeof BUTTONS)[number];
          status = (
            await this.slack.blockAction({
              ...button,
              userId: user,
              channelId: 'C0SOAK',
              responseUrl,
              container: { type: 'message', messageTs: '1700000000.000001', isEphemeral: true },
            })
          ).status;
        }
      } else if (kind === 'mention') {
        const ts = `${1_700_000_000 + n}.${String(n % 1_000_000).padStart(6, '0')}`;
        this.waiting.set(`t${ts}`, kind);
        const text = `<@${BOT_USER_ID}> ${question}`;
        status = (
          await this.slack.event({ type: 'app_mention', user, channel: 'C0SOAK', text, ts, event_ts: ts })
        ).status;
      } else {
        // Each DM in a channel of its own, so its answer (not threaded) can be told apart.
        const channel = `D0SOAK${n}`;
        const ts = `${1_700_000_000 + n}.000000`;
        this.waiting.set(`c${channel}`, kind);
        status = (
          await this.slack.event({
            type: 'message',
            channel_type: 'im',
            channel,
            user,
            text: question,
            ts,
            event_ts: ts,
          })
        ).status;
      }
      if (status !== 200) this.failed++;
    } catch {
      this.failed++;
    }
  }
}
