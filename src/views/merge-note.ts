import { md, type Markup } from '../core/markup.ts';
import type { MergeResult } from '../domain/merge.ts';
import { claimRef } from '../domain/claims.ts';

/** What a merge did, in a line under the card of the claim that stays: moved, not moved and why, and what else changed. */
export function mergeNote({ source, target, moved, dropped, rootMoved, closedPoll }: MergeResult): Markup {
  const [s, t] = [claimRef(source), claimRef(target)];
  const skipped = [
    dropped.duplicate ? `${dropped.duplicate} ${t} already had` : '',
    dropped.self ? `${dropped.self} between the two` : '',
    dropped['refines-loop'] ? `${dropped['refines-loop']} that would loop refinements` : '',
  ].filter(Boolean);
  return md`Merged ${s} into ${t}: ${moved} link${moved === 1 ? '' : 's'} moved${skipped.length ? md` (not moved: ${skipped.join(', ')})` : ''}. ${s} is retracted as a duplicate of ${t}; its credences stay on ${s}.${rootMoved ? md` ${t} is now the debate’s root.` : ''}${closedPoll ? md` Its poll is closed.` : ''}`;
}
