import { customId } from '../core/custom-id.ts';
import { joinMarkup, md } from '../core/markup.ts';
import { context, text, type Button, type ComponentRow, type Reply } from '../core/reply.ts';
import { shortText } from '../core/values.ts';
import type { Claim } from '../domain/claims.ts';
import { formatRelative } from '../domain/credences/close-time.ts';
import type { ResolveBy } from '../domain/forecasts.ts';
import { pollRef, type Poll } from '../domain/polls.ts';
import { voteExample } from '../domain/credences/choice.ts';
import { formatInZone } from '../domain/time/when.ts';

/** Discord allows five rows of buttons: the first five claims get theirs, the rest a command. */
const WITH_BUTTONS = 5;

function resolveButton(claim: Claim, outcome: string, label: string, style: 'success' | 'danger' | 'secondary'): Button {
  return {
    type: 'button',
    id: customId('claim', 'resolve', claim.number, outcome),
    label: `C${claim.number}: ${label}`,
    style,
    command: `/claim resolve C${claim.number} ${outcome}`,
  };
}

/** One person's reminder: every claim of theirs past its resolve-by date, with buttons to resolve each. */
export function reminderDigest(items: readonly { claim: Claim; due: ResolveBy; choice?: Poll }[], now: Date): Reply {
  const lines = items.map(({ claim, due, choice }) => {
    const how = choice ? md` · resolve with \`/poll resolve ${pollRef(choice)} A\` (the right option's letter)` : md``;
    return md`**C${claim.number}** ${shortText(claim.text, 80)} · was due ${formatInZone(new Date(due.resolveBy), due.zone)} (${formatRelative(new Date(due.resolveBy), now)})${how}`;
  });
  const components: ComponentRow[] = items
    .filter(({ choice }) => !choice)
    .slice(0, WITH_BUTTONS)
    .map(({ claim }) => [
      resolveButton(claim, 'true', 'yes', 'success'),
      resolveButton(claim, 'false', 'no', 'danger'),
      resolveButton(claim, 'ambiguous', 'ambiguous', 'secondary'),
    ]);
  const title = items.length === 1 ? 'A prediction is ready to resolve' : `${items.length} predictions are ready to resolve`;
  return {
    title,
    blocks: [
      text(joinMarkup(lines)),
      context(md`Resolve with the buttons or \`/claim resolve C… true|false|ambiguous\`; not yet? \`/remind snooze C… "in 2 weeks"\`. Otherwise I ask again in a week.`),
    ],
    components,
    accent: 'info',
  };
}

const voteHint = (poll: Poll) => (poll.kind === 'choice' ? voteExample(poll.options.length) : '70');

/**
 * Before polls close, in their channel: each poll, when it closes, and how many of the team have not
 * voted yet (a count: nobody is named or pinged).
 */
export function closingReminder(items: readonly { poll: Poll; question: string; notVoted: number; voted: number }[], now: Date): Reply {
  const lines = items.map(({ poll, question, notVoted, voted }) => {
    const waiting =
      notVoted === 0 ? md`everyone who has weighed in on this debate has voted` : md`**${String(notVoted)}** ${notVoted === 1 ? 'person has' : 'people have'} not voted yet`;
    return md`**${pollRef(poll)}** ${shortText(question, 80)} · closes ${formatRelative(new Date(poll.closesAt!), now)} · ${String(voted)} voted, ${waiting}`;
  });
  const first = items[0]!.poll;
  return {
    title: items.length === 1 ? `${pollRef(first)} closes soon` : `${items.length} polls close soon`,
    blocks: [text(joinMarkup(lines)), context(md`Vote on the poll's message or type \`/poll vote ${pollRef(first)} ${voteHint(first)}\`.`)],
    accent: 'info',
  };
}

/** A private nudge, for someone who asked for them (\`/config nudges:on\`): the polls closing soon they have not voted in. */
export function closingNudge(items: readonly { poll: Poll; question: string }[], now: Date): Reply {
  const lines = items.map(
    ({ poll, question }) =>
      md`**${pollRef(poll)}** ${shortText(question, 80)} · closes ${formatRelative(new Date(poll.closesAt!), now)} · \`/poll vote ${pollRef(poll)} ${voteHint(poll)}\``,
  );
  return {
    title: items.length === 1 ? 'A poll you have not voted in closes soon' : `${items.length} polls you have not voted in close soon`,
    blocks: [text(joinMarkup(lines)), context(md`You get these because you turned on nudges; \`/config nudges:off\` stops them.`)],
    accent: 'info',
  };
}
