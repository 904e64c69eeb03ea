import type { App } from '@slack/bolt';
import { CALLBACK_IDS } from '../../cards/actions.js';
import type { ListenerDeps } from '../deps.js';
import { browseTopics } from './browse-topics.js';
import { explainMessage } from './explain-message.js';

/** The shortcuts, as the manifests declare them (see LISTENED). */
export const SHORTCUTS = [
  { callback_id: CALLBACK_IDS.explainMessage, type: 'message' },
  { callback_id: CALLBACK_IDS.browseShortcut, type: 'global' },
] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.shortcut({ callback_id: CALLBACK_IDS.explainMessage, type: 'message_action' }, explainMessage(deps));
  app.shortcut({ callback_id: CALLBACK_IDS.browseShortcut, type: 'shortcut' }, browseTopics(deps));
}
