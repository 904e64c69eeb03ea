/**
 * manifest.yml (Socket Mode) and manifest.http.yml (HTTP mode) are what an admin pastes into
 * "Create app from manifest": each must be valid against Slack's published manifest schema
 * (vendored in slack-manifest-schema/), and declare exactly the command and events the code
 * listens for (a listener without its event never fires; an event without a listener is a
 * scope granted for nothing). The two differ only in how Slack reaches the bot.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { App } from '@slack/bolt';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CALLBACK_IDS } from '../../src/cards/actions.js';
import { LISTENED, registerListeners } from '../../src/listeners/index.js';
import { world } from '../support/listeners.js';

interface Manifest {
  features: {
    shortcuts: Array<{ name: string; type: 'message' | 'global'; callback_id: string; description: string }>;
    slash_commands: Array<{ command: string; usage_hint?: string; url?: string }>;
    app_home: Record<string, boolean>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => parse(readFileSync(`${root}${file}`, 'utf8')) as Manifest;
const schema = JSON.parse(
  readFileSync(new URL('./slack-manifest-schema/manifest.schema.1.0.0.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// Compiled once for both manifests. Ajv knows no string formats without ajv-formats; the
// schema's only one is "uri" for $schema, which the manifests don't use: don't warn about it.
const { $schema: _ignored, ...draft07 } = schema;
const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(draft07);

/** Where the bot takes commands, events and button presses in HTTP mode (tests/e2e sends there). */
const EVENTS_PATH = '/slack/events';

const manifests = [
  { file: 'manifest.yml', manifest: read('manifest.yml'), socketMode: true },
  { file: 'manifest.http.yml', manifest: read('manifest.http.yml'), socketMode: false },
];

/** Every request URL a manifest gives Slack. */
function requestUrls(manifest: Manifest): Array<string | undefined> {
  return [
    ...manifest.features.slash_commands.map((c) => c.url),
    manifest.settings.event_subscriptions.request_url,
    manifest.settings.interactivity.request_url,
  ];
}

/** The keys that say how Slack reaches the bot: Socket Mode, or the URLs it sends requests to. */
const TRANSPORT_KEYS = new Set(['socket_mode_enabled', 'url', 'request_url']);

/** A manifest less its transport keys, wherever they sit. */
function features(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(features);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !TRANSPORT_KEYS.has(key))
      .map(([key, inner]) => [key, features(inner)]),
  );
}

/**
 * What registerListeners registers, read off a recording stand-in for Bolt's App: each
 * app.shortcut and app.view with its constraints. The manifests are checked against this,
 * so a shortcut declared without its listener (or the reverse) fails here.
 */
function registered() {
  const shortcuts: Array<{ callback_id: string; type: string }> = [];
  const views: Array<{ callback_id: string; type: string }> = [];
  const ignore = () => undefined;
  const recorder = {
    use: ignore,
    command: ignore,
    event: ignore,
    action: ignore,
    shortcut: (constraints: { callback_id: string; type: string }) => shortcuts.push(constraints),
    view: (constraints: { callback_id: string; type: string }) => views.push(constraints),
  };
  registerListeners(recorder as unknown as App, world().deps);
  return { shortcuts, views };
}

/** The payload type Bolt's app.shortcut is constrained to, for each manifest shortcut type. */
const PAYLOAD_TYPE = { message: 'message_action', global: 'shortcut' } as const;

describe.each(manifests)('$file', ({ manifest, socketMode }) => {
  it("is valid against Slack's manifest JSON Schema", () => {
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

  it('declares exactly the shortcuts registered in the code, each with its listener, names at most 24 characters', () => {
    const { shortcuts } = registered();
    const declared = manifest.features.shortcuts.map((s) => `${PAYLOAD_TYPE[s.type]} ${s.callback_id}`);
    expect(declared.sort()).toEqual(shortcuts.map((s) => `${s.type} ${s.callback_id}`).sort());
    expect(manifest.features.shortcuts.map((s) => `${s.type} ${s.callback_id}`).sort()).toEqual(
      LISTENED.shortcuts.map((s) => `${s.type} ${s.callback_id}`).sort(),
    );
    for (const shortcut of manifest.features.shortcuts) {
      expect([...shortcut.name].length).toBeLessThanOrEqual(24);
      expect(shortcut.description.length).toBeGreaterThan(0);
    }
    expect(manifest.features.shortcuts.map((s) => s.name).sort()).toEqual([
      'Browse SocialVS topics',
      'Explain with SocialVS',
    ]);
  });

  it("has a listener for every modal the shortcuts open (the topic browser's submission)", () => {
    const { views } = registered();
    expect(views).toEqual([{ callback_id: CALLBACK_IDS.browseModal, type: 'view_submission' }]);
    expect([...LISTENED.viewCallbacks]).toEqual([CALLBACK_IDS.browseModal]);
  });

  it('enables interactivity (buttons) and the Home and Messages tabs', () => {
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('asks for the least bot scopes the listeners need, no more', () => {
    const needed = new Set(['commands', 'chat:write', 'users:read']);
    if (LISTENED.botEvents.includes('app_mention' as never)) needed.add('app_mentions:read');
    if (LISTENED.botEvents.includes('message.im' as never)) needed.add('im:history');
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  if (socketMode) {
    it('uses Socket Mode, so it gives Slack no request URL', () => {
      expect(manifest.settings.socket_mode_enabled).toBe(true);
      expect(requestUrls(manifest).filter(Boolean)).toEqual([]);
    });
  } else {
    it(`turns Socket Mode off and sends the command, events and buttons to https://…${EVENTS_PATH}`, () => {
      expect(manifest.settings.socket_mode_enabled).toBe(false);
      const urls = requestUrls(manifest);
      expect(urls.length).toBeGreaterThanOrEqual(3);
      for (const url of urls) {
        expect(url).toBeDefined();
        const parsed = new URL(url as string);
        expect(parsed.protocol).toBe('https:');
        expect(parsed.pathname).toBe(EVENTS_PATH);
      }
      // One host for all three, a placeholder the admin replaces.
      expect(new Set(urls).size).toBe(1);
      expect(new URL(urls[0] as string).hostname).toMatch(/\.example\.com$/);
    });
  }
});

describe('the two manifests', () => {
  it('declare the same app apart from how Slack reaches the bot', () => {
    const [socket, http] = manifests.map((m) => features(m.manifest));
    expect(http).toEqual(socket);
    // The comparison itself: a difference outside the transport keys is caught.
    const renamed = structuredClone(read('manifest.http.yml'));
    renamed.features.app_home.home_tab_enabled = false;
    expect(features(renamed)).not.toEqual(socket);
    // A shortcut declared in one manifest only is caught too.
    const shortcutless = structuredClone(read('manifest.http.yml'));
    shortcutless.features.shortcuts.pop();
    expect(features(shortcutless)).not.toEqual(socket);
  });
});
