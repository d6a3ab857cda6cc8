import type { App, SlashCommand } from '@slack/bolt';
import type { Command, Leaf } from '../../../core/command.ts';
import { runCommandText, type RequestContext } from '../../../core/dispatch.ts';
import { md } from '../../../core/markup.ts';
import { errorReply, type Reply } from '../../../core/reply.ts';
import type { ReplyTarget } from '../delivery.ts';
import { answer, requestFor, type SlackRuntime } from '../runtime.ts';
import { slackTextToPlain } from '../slack-text.ts';

/**
 * Slash commands: acknowledged at once (Slack allows 3 s), then parsed with the console's syntax, run,
 * and answered through the Web API (public) or the response URL (private).
 */
export function registerSlashCommands(app: App, runtime: SlackRuntime): void {
  app.command(/^\/[a-z0-9_-]+$/i, async ({ command: body, ack }) => {
    const name = body.command.replace(/^\//, '').toLowerCase();
    const command = runtime.registry.get(name);
    const leaf = command ? leafNamed(command, body.text) : undefined;
    // A slow command (a picture, a simulation) says it is working, so the person is not left waiting blind.
    await ack(leaf?.slow ? { response_type: 'ephemeral', text: `Working on /${name}…` } : undefined);

    const target: ReplyTarget = {
      userId: body.user_id,
      channel: body.channel_id,
      responseUrl: body.response_url,
      triggerId: body.trigger_id,
    };
    await answer(runtime, `/${name}`, body.team_id, target, async (correlationId, team) => {
      const request = await requestFor(
        runtime,
        team,
        {
          teamId: body.team_id,
          userId: body.user_id,
          userName: body.user_name,
          channelId: body.channel_id,
          channelName: body.channel_name,
        },
        correlationId,
      );
      const reply = command ? await runSlashCommand(command, body.text, request) : staleCommand(name);
      await team.delivery.deliver(reply, target);
    });
  });
}

/** Parses Slack's text with the shared syntax, turns Slack's markup back into words, and runs it. */
export function runSlashCommand(command: Command, text: SlashCommand['text'], request: RequestContext): Promise<Reply> {
  return runCommandText(command, text ?? '', request, withPlainValues);
}

/**
 * Slack sends `&`, `<`, `>` escaped and mentions, channels and links as `<…>` (the manifest asks for
 * escaping, so a `user` option gets the id: `<@U123|ana>`, and a `keepMentions` one a user group's:
 * `<!subteam^S1|@leads>`). Every other option gets the words typed.
 */
function withPlainValues(leaf: Leaf, args: Record<string, unknown>): Record<string, unknown> {
  const raw = new Set(leaf.options.filter((o) => o.type === 'user' || o.keepMentions).map((o) => o.name));
  return Object.fromEntries(
    Object.entries(args).map(([name, value]) => [
      name,
      typeof value === 'string' && !raw.has(name) ? slackTextToPlain(value, { links: 'typed' }) : value,
    ]),
  );
}

/** The leaf the text would run, from its first word, without parsing the rest. */
function leafNamed(command: Command, text: string | undefined): Leaf | undefined {
  if (command.leaf) return command.leaf;
  const first = (text ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return command.subcommands?.get(first) ?? (command.defaultSubcommand ? command.subcommands?.get(command.defaultSubcommand) : undefined);
}

/** Slack only sends the commands in the app's settings; one we do not know means they are out of date. */
function staleCommand(name: string): Reply {
  return errorReply(
    md`\`/${name}\` is not a cruxbot command any more. An admin can update the app's slash commands from \`npm run slack:manifest\`; type \`/help\` for the list.`,
  );
}
