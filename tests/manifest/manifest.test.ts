/**
 * manifest.yml is what an admin pastes into "Create app from manifest": it must be
 * valid against Slack's published manifest schema, and declare exactly the command
 * and events the code listens for (a listener without its event never fires; an event
 * without a listener is a scope granted for nothing).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LISTENED } from '../../src/listeners/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = parse(readFileSync(`${root}manifest.yml`, 'utf8')) as {
  features: {
    slash_commands: Array<{ command: string; usage_hint?: string }>;
    app_home: Record<string, boolean>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
};
const schema = JSON.parse(
  readFileSync(`${root}../shared/slack/manifest.schema.1.0.0.json`, 'utf8'),
) as Record<string, unknown>;

describe('manifest.yml', () => {
  it("is valid against Slack's manifest JSON Schema", () => {
    const { $schema: _ignored, ...draft07 } = schema;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(draft07);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('declares exactly the slash commands the code listens for, each with a usage hint', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual(
      [...LISTENED.commands].sort(),
    );
    for (const command of manifest.features.slash_commands) expect(command.usage_hint).toBeTruthy();
  });

  it('subscribes to exactly the bot events the code listens for', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...LISTENED.botEvents].sort(),
    );
  });

  it('enables interactivity (buttons), Socket Mode, and the Home and Messages tabs', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('asks for the least bot scopes the listeners need, no more', () => {
    const needed = new Set(['commands', 'chat:write', 'users:read']);
    if (LISTENED.botEvents.includes('app_mention' as never)) needed.add('app_mentions:read');
    if (LISTENED.botEvents.includes('message.im' as never)) needed.add('im:history');
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });
});
