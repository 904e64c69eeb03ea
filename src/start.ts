/**
 * `npm start`: the bot when Slack credentials are configured; with none at all and outside
 * production, the sandbox, so that a fresh clone shows the bot working with no Slack app.
 * In production without credentials the bot itself refuses, naming what is missing. The
 * sandbox is loaded only on that path, and `npm run build` leaves it out altogether.
 */
import dotenv from 'dotenv';
import { isProduction } from './config.js';

dotenv.config({ quiet: true });

const credentials = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'].filter((name) =>
  process.env[name]?.trim(),
);
if (credentials.length === 0 && !isProduction(process.env.NODE_ENV)) {
  await import('./sandbox/main.js');
} else {
  await import('./app.js');
}
