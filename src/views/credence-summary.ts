import { joinMarkup, md, type Markup } from '../core/markup.ts';
import type { Field, ModalInput } from '../core/reply.ts';
import { claimRef, type Claim } from '../domain/claims.ts';
import { HISTOGRAM_BINS, type Aggregate } from '../domain/credences/aggregate.ts';
import { formatPercent } from '../domain/credences/parse-credence.ts';
import { hiddenNote } from '../domain/polls.ts';
import type { DebateCredences, TeamCredence } from '../queries/credences.ts';

export const people = (n: number): string => `${n} ${n === 1 ? 'person' : 'people'}`;

/** `IQR 55–80%`. */
export const spreadText = (a: Aggregate): string => `IQR ${formatPercent(a.q1).replace('%', '')}–${formatPercent(a.q3)}`;

/** One line: `**68%** team forecast · median 70% · IQR 55–80% · 6 people` (no spread for one person). */
export function aggregateLine(a: Aggregate): Markup {
  const spread = a.people > 1 ? ` · ${spreadText(a)}` : '';
  return md`**${formatPercent(a.geoMeanOdds)}** team forecast · median ${formatPercent(a.median)}${spread} · ${people(a.people)}`;
}

/** `68% · 6 people`: for the map's outline and other tight places. */
export function shortAggregate(a: Aggregate): string {
  return `${formatPercent(a.geoMeanOdds)} · ${people(a.people)}`;
}

export function aggregateFields(a: Aggregate): Field[] {
  return [
    { name: 'Team forecast', value: md`**${formatPercent(a.geoMeanOdds)}**`, inline: true },
    { name: 'Median', value: formatPercent(a.median), inline: true },
    { name: 'People', value: String(a.people), inline: true },
    { name: 'Spread', value: `${spreadText(a)} · SD ${a.sdLogOdds.toFixed(2)} log-odds`, inline: true },
  ];
}

const BIN_LABELS = Array.from({ length: HISTOGRAM_BINS }, (_, i) => `${(i * 100) / HISTOGRAM_BINS}–${((i + 1) * 100) / HISTOGRAM_BINS}%`);
const BAR_WIDTH = 16;

/** A small text histogram, one line per 20 points. */
export function histogramText(a: Aggregate): string {
  const max = Math.max(1, ...a.histogram);
  const labelWidth = Math.max(...BIN_LABELS.map((l) => l.length));
  return a.histogram
    .map((count, i) => {
      const bar = count === 0 ? '' : '█'.repeat(Math.max(1, Math.round((count / max) * BAR_WIDTH)));
      return `${BIN_LABELS[i]!.padStart(labelWidth)} │${bar}${count ? ` ${count}` : ''}`;
    })
    .join('\n');
}

/** The claim card's line about credences, respecting a hidden poll. */
export function teamCredenceField(claim: Claim, team: TeamCredence): Field {
  const a = team.aggregate;
  if (!a) return { name: 'Team credence', value: md`none yet · \`/credence C${claim.number} 70\`` };
  if (team.hiddenBy) return { name: 'Team credence', value: md`${people(a.people)} · ${hiddenNote(team.hiddenBy)}` };
  return { name: 'Team credence', value: aggregateLine(a) };
}

/** `Left out: C4, C6 (an open poll hides the team's results on them until it closes).` */
export function leftOutNote(hidden: readonly Claim[]): Markup | undefined {
  if (hidden.length === 0) return undefined;
  const refs = joinMarkup(
    hidden.map((c) => md`${claimRef(c)}`),
    ', ',
  );
  return md`Left out: ${refs} (an open poll hides the team's results on ${hidden.length === 1 ? 'it' : 'them'} until it closes).`;
}

/**
 * A ready `annotate` for `renderOutline`: `68% · 6 people` beside each rated claim, `6 people, hidden`
 * when a poll hides the result.
 */
export function credenceAnnotator({ shown, raters }: DebateCredences): (claim: Claim) => string | undefined {
  return (claim) => {
    const a = shown.get(claim.id);
    if (a) return shortAggregate(a);
    const n = raters.get(claim.id);
    return n ? `${people(n)}, hidden by a poll` : undefined;
  };
}

/** The form field for a credence, prefilled with the person's current value when they have one. */
export function credenceValueInput(current: number | undefined): ModalInput {
  return {
    id: 'value',
    label: 'How likely is it? 70%, 0.7 or 3:1',
    style: 'short',
    required: true,
    maxLength: 30,
    ...(current !== undefined ? { value: formatPercent(current) } : { placeholder: '70%' }),
  };
}
