import type { BaseContext } from '../core/context.ts';
import { md } from '../core/markup.ts';
import { context, fields, text, type Reply } from '../core/reply.ts';
import type { DeletedDebate } from '../app/delete-debate.ts';
import type { DebateContents } from '../domain/debates.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** What a debate holds, as the words a person reads: `12 claims, 30 links, …` (empty kinds left out). */
export function contentsLine(c: DebateContents): string {
  const parts = [
    plural(c.claims, 'claim'),
    plural(c.links, 'link'),
    c.tags ? plural(c.tags, 'tag') : '',
    c.credences ? plural(c.credences, 'credence') : '',
    c.polls ? plural(c.polls, 'poll') : '',
    c.resolutions ? plural(c.resolutions, 'resolution') : '',
    c.simRuns ? plural(c.simRuns, 'drift run') : '',
    c.captures ? plural(c.captures, 'thread capture') : '',
  ];
  return parts.filter(Boolean).join(', ');
}

/** The answer to `/debate delete` without `confirm:`: what would go, and how to go ahead. */
export function deletePreview(debate: { slug: string; title: string }, contents: DebateContents): Reply {
  return {
    title: `Delete ${debate.slug}?`,
    blocks: [
      text(md`**${debate.title}** holds ${contentsLine(contents)}. Deleting it removes all of that for everyone; it cannot be undone.`),
      fields([
        { name: 'To delete it', value: md`\`/debate delete ${debate.slug} confirm:${debate.slug}\`` },
        {
          name: 'To keep a copy first',
          value: md`\`/debate export format:json debate:${debate.slug}\` (\`/debate import\` brings it back, ids and all)`,
        },
      ]),
      context(md`Nothing has been deleted.`),
    ],
    ephemeral: true,
    accent: 'warning',
  };
}

/** The public notice once a debate is gone. */
export function deletedReply(deleted: DeletedDebate, by: string): Reply {
  const { debate, contents } = deleted;
  const channels = contents.channels
    ? md` ${plural(contents.channels, 'channel')} no longer ${contents.channels === 1 ? 'has' : 'have'} it as the current debate: pick another with \`/debate use\`.`
    : '';
  return {
    title: `Deleted ${debate.slug}`,
    blocks: [
      text(md`${by} deleted **${debate.title}** (\`${debate.slug}\`) and everything in it: ${contentsLine(contents)}.${channels}`),
      context(md`The audit log keeps the record. Its claim ids are not given to new claims.`),
    ],
    accent: 'warning',
  };
}

/**
 * The deleted debate's open polls still show vote buttons; their messages are replaced by a line that
 * says what happened. Best effort, like any poll message update: a message that cannot be edited (its
 * platform is not running, or it was removed) is logged and left.
 */
export async function retireDeletedPolls(ctx: Pick<BaseContext, 'services' | 'log'>, deleted: DeletedDebate, by: string): Promise<void> {
  for (const poll of deleted.openPolls) {
    const ref = poll.message;
    if (!ref) continue;
    const port = ctx.services.chats.get(ref.platform);
    if (!port) {
      ctx.log.warn({ poll: poll.id, platform: ref.platform }, 'deleted poll message not updated: its platform is not running');
      continue;
    }
    try {
      await port.update(ref, {
        blocks: [text(md`This poll on C${poll.claimNumber} is closed: ${by} deleted its debate, \`${deleted.debate.slug}\`.`)],
        accent: 'neutral',
      });
    } catch (error) {
      ctx.log.warn({ err: error, poll: poll.id }, 'deleted poll message could not be updated');
    }
  }
}
