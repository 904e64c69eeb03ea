/**
 * Bolt's HTTP receiver with two guards in front of the app.
 *
 * The signature: every POST to an events endpoint is read and its signature checked here
 * (signature.ts, which says why) before Bolt's receiver sees it, with Bolt's own rules:
 * the same body limit (413 beyond it), 401 for a request Slack did not sign, and Slack's
 * unsigned `ssl_check` cut down to just that. Bolt's own check is switched off, so this
 * one decides on exactly the requests Bolt would route to the app.
 *
 * The shape: a request that is correctly signed but malformed (an event callback without
 * an event object, button presses without actions, a payload field of the wrong type) is
 * acknowledged at once with an empty 200, logged in one line, and answered in plain words
 * when it carries a response_url. Bolt alone would answer such requests with a 500, or a
 * 404 after three seconds, which Slack takes as a failed delivery and retries.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import { HTTPModuleFunctions, HTTPReceiver, type HTTPReceiverOptions, type Logger } from '@slack/bolt';
import { signatureProblem } from './signature.js';

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
    const { signingSecret } = options;
    if (typeof signingSecret !== 'string' || signingSecret === '') {
      throw new Error('the HTTP receiver needs a signing secret');
    }
    super({
      ...options,
      // Checked in front of Bolt, below.
      signatureVerification: false,
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
    const endpoints =
      typeof options.endpoints === 'string' ? [options.endpoints] : (options.endpoints ?? ['/slack/events']);
    const bodyLimit = options.bodyLimit ?? HTTPModuleFunctions.defaultBodyLimit;
    const route = this.requestListener;
    this.requestListener = (req, res) => {
      if (!isEventPost(req, endpoints)) return route(req, res);
      void checkSignature(req, res, { signingSecret, bodyLimit, logger: guard.logger })
        .then((signed) => {
          if (signed) route(req, res);
        })
        .catch((error: unknown) => {
          guard.logger.warn(
            `could not handle a Slack request: ${error instanceof Error ? error.message : String(error)}`,
          );
          if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 400);
        });
    };
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

/**
 * Whether Bolt's receiver would take this request as an event, command or interaction:
 * decided as Bolt decides it (the URL's path, the method in capitals), since a request
 * this check let through unsigned would reach the app unchecked.
 */
function isEventPost(req: IncomingMessage, endpoints: readonly string[]): boolean {
  if (req.method?.toUpperCase() !== 'POST') return false;
  const url = req.url ?? '';
  if (endpoints.includes(url)) return true;
  let path: string;
  try {
    path = new URL(url, 'http://localhost').pathname;
  } catch {
    return false;
  }
  return endpoints.includes(path);
}

/**
 * Reads the body (as Bolt would, leaving it on the request for Bolt) and checks the
 * signature. Answers 413 or 401 itself and returns false when the request goes no further.
 */
async function checkSignature(
  req: IncomingMessage,
  res: ServerResponse,
  { signingSecret, bodyLimit, logger }: { signingSecret: string; bodyLimit: number | string; logger: Logger },
): Promise<boolean> {
  let buffered: IncomingMessage & { rawBody: Buffer };
  try {
    buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, bodyLimit);
  } catch (error) {
    const tooLarge =
      HTTPModuleFunctions.isRawBodyError(error) &&
      ((error as { type?: string }).type === 'entity.too.large' ||
        (error as { statusCode?: number }).statusCode === 413);
    logger.warn(
      tooLarge ? `a Slack request over ${bodyLimit} bytes was refused` : 'could not read a Slack request',
    );
    HTTPModuleFunctions.buildNoBodyResponse(res, tooLarge ? 413 : 401);
    return false;
  }
  const body = buffered.rawBody;
  // Slack's SSL check comes unsigned; like Bolt, pass it on with nothing else in it.
  if (req.headers['content-type'] === 'application/x-www-form-urlencoded' && body.includes('ssl_check')) {
    if (parseForm(body.toString()).ssl_check === '1') {
      buffered.rawBody = Buffer.from('ssl_check=1');
      return true;
    }
  }
  const problem = signatureProblem(signingSecret, {
    body,
    timestamp: req.headers['x-slack-request-timestamp'],
    signature: req.headers['x-slack-signature'],
  });
  if (problem) {
    logger.warn(`refused a request not signed by Slack: ${problem}`);
    HTTPModuleFunctions.buildNoBodyResponse(res, 401);
    return false;
  }
  return true;
}
