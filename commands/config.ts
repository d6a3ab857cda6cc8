import { setDefaultTimeZone, setPersonSettings } from '../src/app/forecasts.ts';
import { setModerators } from '../src/app/settings.ts';
import { defineCommand, subcommand } from '../src/core/command.ts';
import type { BaseContext } from '../src/core/context.ts';
import { UserError } from '../src/core/errors.ts';
import { md, type Markup } from '../src/core/markup.ts';
import { context, fields, notice, text, type Reply } from '../src/core/reply.ts';
import { parseModerators, type Moderators } from '../src/domain/roles.ts';
import { describeModerators, setModeratorsExample } from '../src/views/moderators.ts';
import { formatInZone, isTimeZone } from '../src/domain/time/when.ts';
import { timeZoneOf } from '../src/queries/time-zone.ts';

/** An IANA zone as typed (`europe/london` is taken as `Europe/London`); `none` clears. */
function zoneArg(option: string, raw: string): string | null {
  const value = raw.trim();
  if (value.toLowerCase() === 'none') return null;
  const canonical = isTimeZone(value) ? new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone : undefined;
  if (!canonical) {
    throw new UserError(
      md`${option}: "${value.slice(0, 40)}" is not a time zone I know. Write one like Europe/London, America/New_York or Asia/Tokyo (or none to clear it).`,
      'config.bad-zone',
    );
  }
  return canonical;
}

const POWERS = md`edit, retract, resolve and merge any claim; close any poll; delete any debate; change these settings`;

/** The workspace's settings, who counts as a moderator, and whether the person asking is one. */
async function settingsReply(ctx: BaseContext, note?: Markup): Promise<Reply> {
  const setting = await ctx.services.queries.settings.get(ctx.workspace, 'moderators');
  const example = setModeratorsExample(ctx.workspace);
  const blocks = [
    fields([
      { name: 'Moderators', value: describeModerators(ctx.workspace, setting?.value) },
      {
        name: 'Set by',
        value: setting
          ? md`${setting.updatedByName}, ${setting.updatedAt.slice(0, 10)}`
          : md`not set: only the platform’s own moderators count`,
        inline: true,
      },
      { name: 'You', value: ctx.actor.isModerator ? md`a moderator` : md`not a moderator`, inline: true },
      { name: 'Moderators can', value: POWERS },
      { name: 'Everyone else', value: md`their own claims, polls and debates only` },
    ]),
    context(md`Change it (moderators only): \`${example}\` · clear it: \`/config moderators:none\``),
  ];
  if (note) blocks.unshift(text(note));
  return { title: 'cruxbot settings', blocks, ephemeral: true, accent: note ? 'success' : 'neutral' };
}

/**
 * Checks a role or group exists where the platform can tell, and takes its current name. Without a
 * platform that can look groups up (the console), the value is kept as given.
 */
async function confirmedGroup(ctx: BaseContext, moderators: Moderators): Promise<Moderators> {
  if (moderators.kind === 'names' || !ctx.chat?.findGroup) return moderators;
  const { id } = moderators;
  const found = await ctx.chat.findGroup(ctx.workspace, id);
  const what = moderators.kind === 'discord-role' ? 'role' : 'user group';
  if (!found)
    throw new UserError(md`There is no ${what} with id \`${id}\` here. Type @ and pick it from the list.`, 'config.no-such-group');
  const name = found.name ?? moderators.name;
  return { kind: moderators.kind, id, ...(name ? { name } : {}) };
}

const show = subcommand({
  name: 'show',
  description: 'Show this workspace’s settings and who counts as a moderator',
  options: [] as const,
  examples: ['/config show'],
  handler: async (ctx) => await settingsReply(ctx),
});

const set = subcommand({
  name: 'set',
  description: 'Choose who else moderates: a role (Discord), user group (Slack) or names; moderators only',
  options: [
    {
      name: 'moderators',
      type: 'string',
      description: 'The role or user group whose members moderate (names in the console); none clears it',
      positional: true,
      maxLength: 300,
      keepMentions: true,
      example: '@Moderators',
    },
    { name: 'timezone', type: 'string', description: 'Your own time zone for dates you type and see (none clears it)', maxLength: 64, example: 'Europe/London' },
    { name: 'nudges', type: 'string', description: 'Private reminders to vote before a poll closes', choices: ['on', 'off'] },
    { name: 'default-timezone', type: 'string', description: 'The workspace’s time zone for people who set none; moderators only', maxLength: 64, example: 'Europe/London' },
  ] as const,
  examples: ['/config moderators:@Moderators', '/config moderators:none', '/config timezone:Europe/London nudges:on'],
  // Checked before the value is read or the platform asked: whoever may not change it learns that first.
  requires: {
    role: 'moderator',
    to: 'change cruxbot’s settings',
    when: (args) => args.moderators !== undefined || args['default-timezone'] !== undefined,
  },
  async handler(ctx) {
    const { timezone, nudges } = ctx.args;
    const team = ctx.args['default-timezone'];
    if (ctx.args.moderators === undefined && (timezone !== undefined || nudges !== undefined || team !== undefined)) {
      const zone = timezone === undefined ? undefined : zoneArg('timezone', timezone);
      const teamZone = team === undefined ? undefined : zoneArg('default-timezone', team);
      if (zone !== undefined || nudges !== undefined) {
        await setPersonSettings(ctx, { ...(zone !== undefined ? { timeZone: zone } : {}), ...(nudges ? { nudges: nudges === 'on' } : {}) });
      }
      if (teamZone !== undefined) await setDefaultTimeZone(ctx, teamZone);
      const mine = await timeZoneOf(ctx.services.queries, ctx.workspace, ctx.actor);
      const person = await ctx.services.queries.forecasts.person(ctx.workspace, ctx.actor.id);
      return await settingsReply(
        ctx,
        md`Saved. Your dates are read and shown in ${mine.zone} (from ${mine.from}; it is ${formatInZone(ctx.services.clock(), mine.zone)}); private nudges before polls close: ${person?.nudges ? 'on' : 'off'}.`,
      );
    }
    if (ctx.args.moderators === undefined) return await settingsReply(ctx);
    const parsed = parseModerators(ctx.workspace, ctx.args.moderators);
    const moderators = parsed && (await confirmedGroup(ctx, parsed));
    const { changed } = await setModerators(ctx, moderators);
    if (!changed) return notice(md`Nothing changed: that is the setting already.`);
    return await settingsReply(
      ctx,
      moderators
        ? md`Moderators are now ${describeModerators(ctx.workspace, moderators)}.`
        : md`Cleared: only the platform’s own roles count now.`,
    );
  },
});

export default defineCommand({
  name: 'config',
  description: 'Who moderates cruxbot here: show the settings, or change them (moderators only)',
  subcommands: [show, set],
  // `/config moderators:@Mods` in text means `/config set moderators:@Mods`; `/config` alone shows them.
  defaultSubcommand: 'set',
});
