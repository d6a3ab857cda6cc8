import { claimRef } from '../../domain/claims.ts';
import { LINK_KIND_INFO } from '../../domain/links.ts';
import type { CruxGraph } from '../../domain/crux-graph.ts';
import type { MapPlan } from './plan.ts';

/** Discord's limit for an attachment's description. */
const ALT_MAX = 1024;

/**
 * The picture in words, for screen readers and for platforms that do not show images: what is drawn,
 * then each link as a sentence ("C2 supports C1"), cut to fit.
 */
export function mapAltText(graph: CruxGraph, plan: MapPlan): string {
  const byId = new Map(plan.view.claims.map((c) => [c.id, c]));
  const head = `Crux map of "${graph.debate.title}": ${plan.shown} of ${plan.total} claims${plan.focus ? ` around ${claimRef(plan.focus)}` : ''}.`;
  const sentences = plan.view.links
    .filter((l) => byId.has(l.fromClaimId) && byId.has(l.toClaimId))
    .map((l) => `C${l.fromNumber} ${LINK_KIND_INFO[l.kind].verb} C${l.toNumber}.`);
  let text = head;
  for (const sentence of sentences) {
    if (text.length + sentence.length + 2 > ALT_MAX - 2) return `${text} …`;
    text += ` ${sentence}`;
  }
  return text;
}
