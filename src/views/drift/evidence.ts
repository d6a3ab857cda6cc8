import { joinMarkup, md } from '../../core/markup.ts';
import type { Field } from '../../core/reply.ts';
import { simRunRef, type SimRun } from '../../domain/sim-runs.ts';

const SHOWN = 5;

/** The claim card's "Drift runs" field: the runs attached as evidence, each with how to see it again. */
export function driftEvidenceField(runs: readonly SimRun[]): Field | undefined {
  if (runs.length === 0) return undefined;
  const lines = runs.slice(-SHOWN).map((run) => md`**${simRunRef(run)}** ${run.headline} · \`/drift show ${simRunRef(run)}\``);
  if (runs.length > SHOWN) lines.unshift(md`_${runs.length - SHOWN} earlier runs not shown_`);
  return { name: `Drift runs (${runs.length})`, value: joinMarkup(lines) };
}
