import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import type { Router } from '../route.js';
import { socialvsCommand } from './socialvs.js';

/** `/socialvs`, the bot's one slash command. */
export function commandRouter(deps: ListenerDeps): Router {
  const socialvs = socialvsCommand(deps);
  return (args) =>
    'command' in args && args.command?.command === '/socialvs'
      ? socialvs(args as SlackCommandMiddlewareArgs & AllMiddlewareArgs)
      : undefined;
}
