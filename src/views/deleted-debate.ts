import { md } from '../core/markup.ts';
import { context, fields, text, type Reply } from '../core/reply.ts';
import type { DebateContents, DeletedDebate } from '../domain/debates.ts';
import type { Poll } from '../domain/polls.ts';

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

/** What a deleted debate's open poll message is replaced by: no buttons, a line that says what happened. */
export function retiredPollMessage(poll: Poll, slug: string, by: string): Reply {
  return {
    blocks: [text(md`This poll on C${poll.claimNumber} is closed: ${by} deleted its debate, \`${slug}\`.`)],
    accent: 'neutral',
  };
}
