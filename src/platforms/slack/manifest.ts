import type { Command } from '../../core/command.ts';
import { customId } from '../../core/custom-id.ts';
import { clip } from './limits.ts';

/**
 * The bot scopes the app asks for, each with the feature that needs it (docs/slack.md lists the same).
 * App Home, modals (views.open/publish) and permalinks (chat.getPermalink) need no scope.
 */
export const SLACK_SCOPES: readonly { readonly scope: string; readonly why: string }[] = [
  { scope: 'commands', why: 'the slash commands and the “Capture as claim” message shortcut' },
  { scope: 'chat:write', why: 'post replies and claim cards, update them in place, send private (ephemeral) replies and DMs' },
  { scope: 'chat:write.public', why: 'answer a slash command in a public channel the bot has not been invited to' },
  { scope: 'files:write', why: 'upload pictures (the crux map, charts) with a reply' },
  { scope: 'users:read', why: 'show people’s names (the author of a captured message, the people in a thread); tell admins, who moderate' },
  { scope: 'usergroups:read', why: 'moderators: check the user group /config names, and who is in it' },
  { scope: 'channels:history', why: 'read a thread or channel the team asks it to capture or summarise (public channels)' },
  { scope: 'groups:history', why: 'the same in private channels the bot was invited to' },
  { scope: 'im:history', why: 'the same in direct messages with the bot' },
  { scope: 'mpim:history', why: 'the same in group direct messages the bot is in' },
];

/** The Home tab; and an uninstall or a revoked token, after which the workspace's stored token is deleted. */
export const BOT_EVENTS = ['app_home_opened', 'app_uninstalled', 'tokens_revoked'] as const;

/** Slack's manifest limits (https://docs.slack.dev/reference/app-manifest). */
export const MANIFEST_LIMITS = {
  appName: 35,
  appDescription: 140,
  longDescription: { min: 175, max: 4000 },
  botName: 80,
  slashCommands: 50,
  commandName: 32,
  commandDescription: 2000,
  usageHint: 1000,
  shortcuts: 10,
  shortcutName: 24,
  shortcutDescription: 150,
  callbackId: 255,
} as const;

export interface ManifestOptions {
  /** The app's and bot's name in Slack (default `cruxbot`). */
  readonly name?: string;
  /**
   * The public URL of `POST /slack/events` for HTTP mode. Without it the manifest turns Socket Mode on
   * and needs no URL at all.
   */
  readonly requestUrl?: string;
}

export interface SlackManifest {
  readonly _metadata: { readonly major_version: 1; readonly minor_version: 1 };
  readonly display_information: { name: string; description: string; background_color: string; long_description: string };
  readonly features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    bot_user: { display_name: string; always_online: boolean };
    shortcuts: { name: string; type: 'message'; callback_id: string; description: string }[];
    slash_commands: { command: string; description: string; usage_hint: string; should_escape: boolean; url?: string }[];
  };
  readonly oauth_config: { scopes: { bot: string[] } };
  readonly settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

const DESCRIPTION = 'Capture the claims of a debate, link them into a crux graph, and find where the team disagrees.';
const LONG_DESCRIPTION =
  'cruxbot is for research teams who argue about hard questions in threads. Capture claims with /claim or with “Capture as claim” on any message, ' +
  'link them into a crux graph (supports, opposes, is a crux of), and see the whole debate with /map. The Home tab lists the workspace’s debates, ' +
  'its latest claims and its open polls.';

/**
 * The app manifest, generated from the command specs: one slash command per command (usage hint from its
 * usage lines), one message shortcut per message action, the scopes the features need, interactivity,
 * the Home tab. Throws if something would break Slack's limits, so the manifest Slack is given is valid.
 */
export function buildManifest(commands: readonly Command[], options: ManifestOptions = {}): SlackManifest {
  const name = options.name ?? 'cruxbot';
  const url = options.requestUrl;
  const manifest: SlackManifest = {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: { name, description: DESCRIPTION, background_color: '#1d3b4f', long_description: LONG_DESCRIPTION },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      bot_user: { display_name: name, always_online: true },
      shortcuts: commands.flatMap((command) =>
        command.messageActions.map((action) => ({
          name: action.label,
          type: 'message' as const,
          callback_id: customId(command.name, action.action),
          description: action.description,
        })),
      ),
      slash_commands: commands.map((command) => ({
        command: `/${command.name}`,
        description: command.description,
        usage_hint: usageHint(command),
        // Escaped, a mention arrives as <@U123|name>, so a `user` option gets the person's id.
        should_escape: true,
        ...(url ? { url } : {}),
      })),
    },
    oauth_config: { scopes: { bot: SLACK_SCOPES.map((s) => s.scope) } },
    settings: {
      event_subscriptions: { bot_events: [...BOT_EVENTS], ...(url ? { request_url: url } : {}) },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !url,
      token_rotation_enabled: false,
    },
  };
  const problems = manifestProblems(manifest);
  if (problems.length) throw new Error(`the Slack manifest would be rejected:\n  ${problems.join('\n  ')}`);
  return manifest;
}

/** `add <text> [tags:<tags>] … | show <claim> | …`: each leaf's usage line without the command name. */
export function usageHint(command: Command): string {
  const leaves = command.leaf ? [command.leaf] : [...(command.subcommands?.values() ?? [])];
  const hints = leaves.map((leaf) => leaf.usage.replace(new RegExp(`^/${command.name}\\s*`), '')).filter(Boolean);
  return clip(hints.join(' | ') || `/${command.name}`, MANIFEST_LIMITS.usageHint);
}

/** What Slack would refuse in a manifest, as sentences. */
export function manifestProblems(manifest: SlackManifest): string[] {
  const problems: string[] = [];
  const L = MANIFEST_LIMITS;
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const info = manifest.display_information;
  check(info.name.length >= 1 && info.name.length <= L.appName, `app name must be 1–${L.appName} characters`);
  check(info.description.length <= L.appDescription, `app description must be at most ${L.appDescription} characters`);
  check(
    info.long_description.length >= L.longDescription.min && info.long_description.length <= L.longDescription.max,
    `long description must be ${L.longDescription.min}–${L.longDescription.max} characters`,
  );
  check(manifest.features.bot_user.display_name.length <= L.botName, `bot name must be at most ${L.botName} characters`);
  const commands = manifest.features.slash_commands;
  check(commands.length >= 1 && commands.length <= L.slashCommands, `1–${L.slashCommands} slash commands`);
  const seen = new Set<string>();
  for (const c of commands) {
    check(/^\/[a-z0-9_-]+$/.test(c.command) && c.command.length <= L.commandName, `${c.command}: 2–${L.commandName} characters, lowercase`);
    check(!seen.has(c.command), `${c.command} appears twice`);
    seen.add(c.command);
    check(c.description.length >= 1 && c.description.length <= L.commandDescription, `${c.command}: description too long`);
    check(c.usage_hint.length >= 1 && c.usage_hint.length <= L.usageHint, `${c.command}: usage hint too long`);
  }
  const shortcuts = manifest.features.shortcuts;
  check(shortcuts.length <= L.shortcuts, `at most ${L.shortcuts} shortcuts`);
  for (const s of shortcuts) {
    check(s.name.length >= 1 && s.name.length <= L.shortcutName, `shortcut “${s.name}”: name must be 1–${L.shortcutName} characters`);
    check(s.description.length >= 1 && s.description.length <= L.shortcutDescription, `shortcut “${s.name}”: description too long`);
    check(s.callback_id.length <= L.callbackId, `shortcut “${s.name}”: callback id too long`);
  }
  return problems;
}
