import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { defineCommand } from '../../../src/core/command.ts';
import { parseCustomId } from '../../../src/core/custom-id.ts';
import { buildManifest, SLACK_SCOPES } from '../../../src/platforms/slack/manifest.ts';

const ROOT = join(import.meta.dirname, '../../..');

describe('the Slack app manifest, generated from the command specs', () => {
  const manifest = buildManifest(COMMANDS);

  it('has one slash command per command, with its description and a usage hint from its usage lines', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(COMMANDS.map((c) => `/${c.name}`));
    for (const command of COMMANDS) {
      const entry = manifest.features.slash_commands.find((c) => c.command === `/${command.name}`)!;
      expect(entry.description).toBe(command.description);
      const leaves = command.leaf ? [command.leaf] : [...command.subcommands!.values()];
      for (const leaf of leaves) {
        const hint = leaf.usage.replace(`/${command.name}`, '').trim();
        if (hint) expect(entry.usage_hint).toContain(hint.slice(0, 40));
      }
      // Escaping turns a typed @mention into <@U…|name>, which `user` options need.
      expect(entry.should_escape).toBe(true);
    }
  });

  it('has a message shortcut for each message action, whose callback id routes to an existing handler', () => {
    const actions = COMMANDS.flatMap((c) => c.messageActions.map((a) => ({ command: c, action: a })));
    expect(actions.length).toBeGreaterThan(0);
    expect(manifest.features.shortcuts).toHaveLength(actions.length);
    for (const { command, action } of actions) {
      const shortcut = manifest.features.shortcuts.find((s) => s.name === action.label)!;
      expect(shortcut).toMatchObject({ type: 'message', description: action.description });
      const route = parseCustomId(shortcut.callback_id);
      expect(route).toMatchObject({ command: command.name, action: action.action });
      expect(command.interactions[route.action]).toBeTypeOf('function');
    }
    expect(manifest.features.shortcuts.map((s) => s.name)).toContain('Capture as claim');
  });

  it('stays within Slack’s limits', () => {
    const { display_information: info, features } = manifest;
    expect(info.name.length).toBeLessThanOrEqual(35);
    expect(info.description.length).toBeLessThanOrEqual(140);
    expect(info.long_description.length).toBeGreaterThanOrEqual(175);
    expect(info.long_description.length).toBeLessThanOrEqual(4000);
    expect(features.slash_commands.length).toBeLessThanOrEqual(50);
    for (const c of features.slash_commands) {
      expect(c.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(c.description.length).toBeLessThanOrEqual(2000);
      expect(c.usage_hint.length).toBeGreaterThan(0);
      expect(c.usage_hint.length).toBeLessThanOrEqual(1000);
    }
    expect(features.shortcuts.length).toBeLessThanOrEqual(10);
    for (const s of features.shortcuts) {
      expect(s.name.length).toBeLessThanOrEqual(24);
      expect(s.description.length).toBeLessThanOrEqual(150);
      expect(s.callback_id.length).toBeLessThanOrEqual(255);
    }
  });

  it('turns on Socket Mode, interactivity and the Home tab, and asks for the scopes it uses', () => {
    expect(manifest.settings).toMatchObject({
      socket_mode_enabled: true,
      interactivity: { is_enabled: true },
      event_subscriptions: { bot_events: ['app_home_opened', 'app_uninstalled', 'tokens_revoked'] },
    });
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot).toEqual(SLACK_SCOPES.map((s) => s.scope));
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'files:write', 'users:read', 'channels:history']),
    );
  });

  it('with a request URL, is for HTTP mode: every entry points at it and Socket Mode is off', () => {
    const http = buildManifest(COMMANDS, { requestUrl: 'https://bot.example.org/slack/events', name: 'crux' });
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.settings.interactivity.request_url).toBe('https://bot.example.org/slack/events');
    expect(http.settings.event_subscriptions.request_url).toBe('https://bot.example.org/slack/events');
    expect(http.features.slash_commands.every((c) => c.url === 'https://bot.example.org/slack/events')).toBe(true);
    expect(http.features.bot_user.display_name).toBe('crux');
  });

  it('refuses to generate what Slack would reject, naming the problem', () => {
    const tooLong = defineCommand({
      name: 'capture',
      description: 'x',
      options: [] as const,
      handler: () => ({ blocks: [] }),
      messageActions: [{ label: 'Capture this message as a claim now', action: 'go', description: 'd' }],
      interactions: { go: () => ({ blocks: [] }) },
    });
    expect(() => buildManifest([tooLong])).toThrow(/shortcut “Capture this message as a claim now”: name must be 1–24 characters/);
  });

  it('explains every scope it asks for in the Slack set-up guide (docs/slack.md)', () => {
    const guide = readFileSync(join(ROOT, 'docs/slack.md'), 'utf8');
    const start = guide.indexOf('## Scopes, and why each is needed');
    expect(start).toBeGreaterThan(-1);
    const scopes = guide.slice(start, guide.indexOf('\n## ', start + 1));
    for (const { scope } of SLACK_SCOPES) expect(scopes, scope).toContain(`\`${scope}\``);
  });

  // Two Node processes start here; on a loaded two-core machine that can take a while.
  it('`npm run slack:manifest` prints it as JSON', { timeout: 60_000 }, () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/platforms/slack/print-manifest.ts', '--url', 'https://bot.example.org/slack/events'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(buildManifest(COMMANDS, { requestUrl: 'https://bot.example.org/slack/events' }));
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/platforms/slack/print-manifest.ts', '--url', 'http://insecure'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--url must be the public https URL/);
  });
});
