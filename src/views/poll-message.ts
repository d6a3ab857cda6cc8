import { customId } from '../core/custom-id.ts';
import { joinMarkup, md, type Markup } from '../core/markup.ts';
import { context, fields, pre, text, type Block, type ComponentRow, type Field, type Reply } from '../core/reply.ts';
import type { Aggregate } from '../domain/credences/aggregate.ts';
import { formatRelative, formatUtc } from '../domain/credences/close-time.ts';
import { formatPercent, formatPoints } from '../domain/credences/parse-credence.ts';
import { pollRef, type Poll } from '../domain/polls.ts';
import type { ChoiceData, Mover, PollData } from '../queries/polls.ts';
import { optionLetter, voteExample } from '../domain/credences/choice.ts';
import type { ModalInput } from '../core/reply.ts';
import { aggregateFields, aggregateLine, histogramText } from './credence-summary.ts';

/** The poll's buttons: the five quick values, then a form for any value. */
export const POLL_VALUES = [5, 25, 50, 75, 95] as const;
const MOVERS_SHOWN = 3;

/**
 * The poll message: the claim, the live aggregate (or only the count, while a hidden mode keeps it back),
 * vote buttons while open, and at close the final aggregate and who moved most.
 */
export function pollMessage(data: PollData, now: Date): Reply {
  if (data.poll.kind === 'choice') return choiceMessage(data.poll, data.claimText, data.choice ?? { votes: [] }, now);
  const { poll, claimText, aggregate: a, movers } = data;
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
  return md`Vote with a button, or **Exact…** for any value (70%, 0.7, 3:1), or type \`/poll vote ${pollRef(poll)} 70\`; your latest vote counts. ${closes} · opened by ${poll.createdByName}`;
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
      command: `/poll vote ${pollRef(poll)} ${v}`,
    })),
    [
      {
        type: 'button',
        id: customId('poll', 'exact', poll.id),
        label: 'Exact…',
        style: 'secondary',
        command: `/poll vote ${pollRef(poll)} <any value: 70%, 0.7, 3:1>`,
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

const LABEL_WIDTH = 28;
const CHOICE_BAR = 20;
const SCORED_SHOWN = 5;

/** One line per option: its letter and label, the pooled credence and a bar; the right answer marked. */
export function optionLines(options: readonly string[], pooled: readonly number[] | undefined, resolved?: number): string {
  const width = Math.min(LABEL_WIDTH, Math.max(...options.map((o) => o.length)));
  return options
    .map((o, i) => {
      const label = o.length > width ? `${o.slice(0, width - 1)}…` : o.padEnd(width);
      const mark = resolved === i ? ' ✓' : '';
      if (!pooled) return `${optionLetter(i)}  ${label}${mark}`.trimEnd();
      const p = pooled[i] ?? 0;
      const bar = '█'.repeat(Math.round(p * CHOICE_BAR));
      return `${optionLetter(i)}  ${label}  ${formatPercent(p).padStart(4)} │${bar}${mark}`;
    })
    .join('\n');
}

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/**
 * A multiple-choice poll's message: the question, its lettered options with the pooled credence per
 * option (or only the count, while a hidden mode keeps it back), how to vote, and once resolved the
 * right answer and the scores.
 */
export function choiceMessage(poll: Poll, question: string, data: ChoiceData, now: Date): Reply {
  const closed = poll.closedAt !== undefined;
  const resolved = poll.resolvedOption;
  const hidden = !closed && poll.hide !== 'visible';
  const ref = pollRef(poll);
  const blocks: Block[] = [text(md`**${question}** (${ref}, on C${poll.claimNumber})`)];
  if (hidden) {
    blocks.push(pre(optionLines(poll.options, undefined)));
    blocks.push(fields([{ name: 'Votes', value: String(data.votes.length), inline: true }]));
    blocks.push(
      context(
        poll.hide === 'until-voted'
          ? md`The result is hidden until you vote: vote, and you will see it privately.`
          : md`The result is hidden until the poll closes.`,
      ),
    );
  } else {
    blocks.push(pre(optionLines(poll.options, data.pooled, resolved)));
    blocks.push(text(data.votes.length ? md`Team forecast from ${people(data.votes.length)} (the mean per option).` : closed ? md`Nobody voted.` : md`No votes yet.`));
  }
  if (resolved !== undefined && data.scores) blocks.push(...choiceScoreBlocks(poll, data.scores));
  blocks.push(context(closed ? choiceClosedNote(poll) : choiceOpenNote(poll, now)));
  return {
    title: `${resolved !== undefined ? 'Question resolved' : closed ? 'Question closed' : 'Question'} · ${ref}`,
    blocks,
    components: closed ? [] : choiceButtons(poll),
    accent: closed ? 'neutral' : 'info',
  };
}

function choiceScoreBlocks(poll: Poll, scores: NonNullable<ChoiceData['scores']>): Block[] {
  const right = poll.resolvedOption!;
  const items: Field[] = [{ name: 'Answer', value: md`**${optionLetter(right)}**: ${poll.options[right] ?? ''}`, inline: true }];
  if (scores.team) {
    items.push({ name: 'Team Brier', value: scores.team.brier.toFixed(3), inline: true });
    items.push({ name: 'Team log score', value: scores.team.log.toFixed(2), inline: true });
  }
  if (scores.people.length) {
    items.push({
      name: 'Best forecasts',
      value: joinMarkup(
        scores.people
          .slice(0, SCORED_SHOWN)
          .map((s) => md`${s.userName}: ${formatPercent(s.credences[right] ?? 0)} on ${optionLetter(right)} · Brier ${s.brier.toFixed(3)} · log ${s.log.toFixed(2)}`),
      ),
    });
  }
  return [
    fields(items),
    context(md`Brier: Σ (credence − outcome)² over the options, 0 is perfect, 2 is certainty in a wrong option. Log score: ln(credence in the answer), 0 is perfect.`),
  ];
}

function choiceOpenNote(poll: Poll, now: Date): Markup {
  const closes = poll.closesAt
    ? md`Closes ${formatUtc(new Date(poll.closesAt))} (${formatRelative(new Date(poll.closesAt), now)})`
    : md`No closing time: ${poll.createdByName} or a moderator closes it`;
  return md`Vote with **Vote…** or type \`/poll vote ${pollRef(poll)} ${voteExample(poll.options.length)}\` (your shares are scaled to 100%); your latest vote counts. ${closes} · opened by ${poll.createdByName}`;
}

function choiceClosedNote(poll: Poll): Markup {
  const base = closedNote(poll);
  if (poll.resolvedOption !== undefined) return base;
  return md`${base} Resolve it with \`/poll resolve ${pollRef(poll)} A\` (the right option's letter).`;
}

export function choiceButtons(poll: Poll): ComponentRow[] {
  return [
    [
      {
        type: 'button',
        id: customId('poll', 'choose', poll.id),
        label: 'Vote…',
        style: 'primary',
        command: `/poll vote ${pollRef(poll)} ${voteExample(poll.options.length)}`,
      },
      { type: 'button', id: customId('poll', 'close', poll.id), label: 'Close poll', style: 'danger', command: `/poll close C${poll.claimNumber}` },
    ],
  ];
}

/** The form for a choice vote: one line of shares, prefilled with the person's latest vote. */
export function choiceVoteInput(poll: Poll, current: readonly number[] | undefined): ModalInput {
  const value = current
    ?.map((p, i) => (p > 0 ? `${optionLetter(i)}:${Math.round(p * 1000) / 10}` : ''))
    .filter((t) => t !== '')
    .join(' ');
  return {
    id: 'shares',
    label: `Your credence per option (A–${optionLetter(poll.options.length - 1)})`,
    style: 'short',
    required: true,
    maxLength: 300,
    ...(value ? { value } : { placeholder: voteExample(poll.options.length) }),
  };
}

/** What a voter sees privately after a choice vote: their shares, whether they were scaled, and the result if allowed. */
export function choiceVoterNote(
  poll: Poll,
  vote: { credences: readonly number[]; normalisedFrom?: number; changed: boolean },
  soFar: ChoiceData | undefined,
): Reply {
  const shares = vote.credences.map((p, i) => `${optionLetter(i)} ${formatPercent(p)}`).join(' · ');
  const blocks: Block[] = [
    text(vote.changed ? md`You, on ${pollRef(poll)}: **${shares}**.` : md`You already said **${shares}** on ${pollRef(poll)}; nothing changed.`),
  ];
  if (vote.normalisedFrom !== undefined) {
    blocks.push(context(md`Your shares summed to ${String(Math.round(vote.normalisedFrom * 100) / 100)}%, so I scaled them to 100%.`));
  }
  if (poll.hide === 'until-voted' && soFar?.pooled) {
    blocks.push(text(md`So far, from ${people(soFar.votes.length)}:`), pre(optionLines(poll.options, soFar.pooled)));
  } else if (poll.hide === 'until-close') {
    blocks.push(context(md`The result shows when the poll closes${poll.closesAt ? md` (${formatUtc(new Date(poll.closesAt))})` : ''}.`));
  }
  return { blocks, ephemeral: true, accent: 'success' };
}
