import { customId } from '../core/custom-id.ts';
import { joinMarkup, md, type Markup } from '../core/markup.ts';
import { context, fields, pre, text, type Block, type ComponentRow, type Field, type Reply } from '../core/reply.ts';
import type { Aggregate } from '../domain/credences/aggregate.ts';
import { formatRelative, formatUtc } from '../domain/credences/close-time.ts';
import { formatPercent, formatPoints } from '../domain/credences/parse-credence.ts';
import type { Poll } from '../domain/polls.ts';
import type { Mover, PollData } from '../queries/polls.ts';
import { aggregateFields, aggregateLine, histogramText } from './credence-summary.ts';

/** The poll's buttons: the five quick values, then a form for any value. */
export const POLL_VALUES = [5, 25, 50, 75, 95] as const;
const MOVERS_SHOWN = 3;

/**
 * The poll message: the claim, the live aggregate (or only the count, while a hidden mode keeps it back),
 * vote buttons while open, and at close the final aggregate and who moved most.
 */
export function pollMessage({ poll, claimText, aggregate: a, movers }: PollData, now: Date): Reply {
  const closed = poll.closedAt !== undefined;
  const hidden = !closed && poll.hide !== 'visible';

  const blocks: Block[] = [text(md`**How likely is C${poll.claimNumber}?** ${claimText}`)];
  if (!a) blocks.push(text(closed ? md`Nobody voted.` : md`No votes yet.`));
  if (hidden) {
    if (a) blocks.push(fields([{ name: 'Votes', value: String(a.people), inline: true }]));
    blocks.push(
      context(
        poll.hide === 'until-voted'
          ? md`The result is hidden until you vote: vote, and you will see it privately.`
          : md`The result is hidden until the poll closes.`,
      ),
    );
  } else if (a) {
    const items: Field[] = aggregateFields(a);
    if (closed) items.push({ name: 'Who moved most', value: moversText(movers ?? []) });
    blocks.push(fields(items), pre(histogramText(a)));
  }
  blocks.push(context(closed ? closedNote(poll) : openNote(poll, now)));

  return {
    title: `${closed ? 'Poll closed' : 'Poll'} · C${poll.claimNumber}`,
    blocks,
    components: closed ? [] : pollButtons(poll),
    accent: closed ? 'neutral' : 'info',
  };
}

function moversText(list: readonly Mover[]): Markup {
  if (list.length === 0) return md`Nobody changed their mind during the poll.`;
  return joinMarkup(
    list
      .slice(0, MOVERS_SHOWN)
      .map((m) => md`${m.name} ${formatPercent(m.before)} → ${formatPercent(m.after)} (${formatPoints(m.after - m.before)})`),
  );
}

function openNote(poll: Poll, now: Date): Markup {
  const closes = poll.closesAt
    ? md`Closes ${formatUtc(new Date(poll.closesAt))} (${formatRelative(new Date(poll.closesAt), now)})`
    : md`No closing time: ${poll.createdByName} or a moderator closes it`;
  return md`Vote with a button, or **Exact…** for any value (70%, 0.7, 3:1); your latest vote counts. ${closes} · opened by ${poll.createdByName}`;
}

function closedNote(poll: Poll): Markup {
  const by =
    poll.closedBy === 'cruxbot' ? md`at its closing time` : poll.closedBy === poll.createdBy ? md`by ${poll.createdByName}` : md`early`;
  return md`Closed ${formatUtc(new Date(poll.closedAt!))} ${by}. Opened by ${poll.createdByName}.`;
}

export function pollButtons(poll: Poll): ComponentRow[] {
  return [
    POLL_VALUES.map((v) => ({
      type: 'button' as const,
      id: customId('poll', 'vote', poll.id, v),
      label: `${v}%`,
      style: 'primary' as const,
      command: `/poll vote C${poll.claimNumber} ${v}`,
    })),
    [
      {
        type: 'button',
        id: customId('poll', 'exact', poll.id),
        label: 'Exact…',
        style: 'secondary',
        command: `/poll vote C${poll.claimNumber} <any value: 70%, 0.7, 3:1>`,
      },
      { type: 'button', id: customId('poll', 'close', poll.id), label: 'Close poll', style: 'danger', command: `/poll close C${poll.claimNumber}` },
    ],
  ];
}

/** What a voter sees privately after voting: their vote, and the result if the poll lets them see it. */
export function voterNote(
  poll: Poll,
  vote: { value: number; previous?: number; changed: boolean },
  /** The poll's aggregate so far, shown to a voter when the poll's mode is `until-voted`. */
  soFar: Aggregate | undefined,
): Reply {
  const mine = vote.changed
    ? vote.previous !== undefined
      ? md`You: **${formatPercent(vote.value)}** on C${poll.claimNumber} (was ${formatPercent(vote.previous)}).`
      : md`You: **${formatPercent(vote.value)}** on C${poll.claimNumber}.`
    : md`You already said **${formatPercent(vote.value)}** on C${poll.claimNumber}; nothing changed.`;
  const blocks: Block[] = [text(mine)];
  if (poll.hide === 'until-voted') {
    if (soFar) blocks.push(text(md`So far: ${aggregateLine(soFar)}`), pre(histogramText(soFar)));
  } else if (poll.hide === 'until-close') {
    blocks.push(context(md`The result shows when the poll closes${poll.closesAt ? md` (${formatUtc(new Date(poll.closesAt))})` : ''}.`));
  }
  return { blocks, ephemeral: true, accent: 'success' };
}

/** The App Home lists this many open polls and counts the rest. */
export const OPEN_POLLS_SHOWN = 10;

/**
 * The workspace's open polls in a few lines (the Slack App Home lists them): the claim, the votes, the
 * team forecast unless a hidden mode keeps it back, and when it closes.
 */
export function openPollLines({ polls, total }: { polls: readonly PollData[]; total: number }, now: Date): Block[] {
  const lines = polls.map(({ poll, claimText, aggregate: a }) => {
    const words = claimText.replace(/\s+/g, ' ');
    const short = words.length > 100 ? `${words.slice(0, 99)}…` : words;
    const votes = a ? `${a.people} vote${a.people === 1 ? '' : 's'}` : 'no votes yet';
    const forecast = a && poll.hide === 'visible' ? md` · **${formatPercent(a.geoMeanOdds)}** team forecast` : md``;
    const closes = poll.closesAt ? md` · closes ${formatRelative(new Date(poll.closesAt), now)}` : md``;
    return text(md`**C${poll.claimNumber}** ${short}\n${votes}${forecast}${closes}`);
  });
  if (total > polls.length) lines.push(context(md`and ${total - polls.length} more: \`/poll list\``));
  return lines;
}
