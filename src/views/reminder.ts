import { customId } from '../core/custom-id.ts';
import { joinMarkup, md } from '../core/markup.ts';
import { context, text, type Button, type ComponentRow, type Reply } from '../core/reply.ts';
import { shortText } from '../core/values.ts';
import type { Claim } from '../domain/claims.ts';
import { formatRelative } from '../domain/credences/close-time.ts';
import type { ResolveBy } from '../domain/forecasts.ts';
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
export function reminderDigest(items: readonly { claim: Claim; due: ResolveBy }[], now: Date): Reply {
  const lines = items.map(
    ({ claim, due }) =>
      md`**C${claim.number}** ${shortText(claim.text, 80)} · was due ${formatInZone(new Date(due.resolveBy), due.zone)} (${formatRelative(new Date(due.resolveBy), now)})`,
  );
  const components: ComponentRow[] = items.slice(0, WITH_BUTTONS).map(({ claim }) => [
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
