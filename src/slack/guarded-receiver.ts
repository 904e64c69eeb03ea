/**
 * Bolt's HTTP receiver with a guard in front of the app: a request that is correctly
 * signed but malformed (an event callback without an event object, button presses
 * without actions, a payload field of the wrong type) is acknowledged at once with an
 * empty 200, logged in one line, and answered in plain words when it carries a
 * response_url. Bolt alone would answer such requests with a 500, or a 404 after three
 * seconds, which Slack takes as a failed delivery and retries.
 */
import { HTTPReceiver, type HTTPReceiverOptions, type Logger } from '@slack/bolt';

type ProcessEvent = (event: {
  body: Record<string, unknown>;
  ack: (response?: unknown) => Promise<void>;
}) => Promise<void>;

/** What is wrong with a request's body, or undefined when Bolt can take it. */
export function malformation(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return 'not an object';
  const b = body as Record<string, unknown>;
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (b.type === 'event_callback') {
    if (!isObject(b.event) || typeof b.event.type !== 'string')
      return 'event_callback without an event object';
    if (b.event.text !== undefined && typeof b.event.text !== 'string') return 'event text that is not text';
    return undefined;
  }
  if (b.type === 'block_actions') {
    if (!isObject(b.user) || typeof b.user.id !== 'string') return 'block_actions without a user';
    if (!Array.isArray(b.actions) || b.actions.length === 0) return 'block_actions without actions';
    if (!b.actions.every((action) => isObject(action) && typeof action.action_id === 'string')) {
      return 'block_actions with an action that has no action_id';
    }
    return undefined;
  }
  if (typeof b.command === 'string') {
    if (typeof b.user_id !== 'string' || typeof b.channel_id !== 'string')
      return 'slash command without user or channel';
    return undefined;
  }
  if (typeof b.type !== 'string' && typeof b.command !== 'string')
    return 'neither a command, an event nor an interaction';
  return undefined;
}

export interface GuardOptions {
  logger: Logger;
  /** Tells the user, through the request's response_url, that the card could not be handled. */
  answerMalformed: (body: Record<string, unknown>) => Promise<void>;
}

export class GuardedHTTPReceiver extends HTTPReceiver {
  constructor(options: HTTPReceiverOptions, guard: GuardOptions) {
    super({
      ...options,
      // An error inside Bolt before any listener acknowledged: one plain log line and an
      // empty 200, so Slack does not redeliver what would fail again.
      processEventErrorHandler: async ({ error, logger, response }) => {
        logger.warn(
          `could not handle a Slack request: ${error instanceof Error ? error.message : String(error)}`,
        );
        if (response.headersSent) return false;
        response.writeHead(200);
        response.end();
        return true;
      },
      // Nothing acknowledged it (nothing listens for that kind of request): same answer.
      unhandledRequestHandler: ({ logger, response }) => {
        logger.warn('a Slack request was not acknowledged by any listener; answered with an empty 200');
        if (!response.headersSent) {
          response.writeHead(200);
          response.end();
        }
      },
    });
    const init = this.init.bind(this);
    this.init = (app) => {
      const processEvent: ProcessEvent = async (event) => {
        const problem = malformation(event.body);
        if (!problem) return (app.processEvent as ProcessEvent).call(app, event);
        await event.ack();
        guard.logger.warn(`ignored a malformed Slack request: ${problem}`);
        await guard.answerMalformed(event.body).catch((error: unknown) => {
          guard.logger.warn(
            `could not answer a malformed request: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
      };
      init(Object.assign(Object.create(app), { processEvent }));
    };
  }
}
