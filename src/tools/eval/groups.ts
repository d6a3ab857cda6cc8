import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isUserError } from '../../core/errors.ts';
import { adjustedRandIndex } from '../../domain/credences/adjusted-rand.ts';
import { silhouette } from '../../domain/credences/kmeans.ts';
import { groupsOverTime } from '../../domain/credences/groups-over-time.ts';
import { findOpinionGroups, type OpinionGroupsResult } from '../../domain/credences/opinion-groups.ts';
import { matrixAt } from '../../domain/credences/polis-export.ts';
import { readPolisFolder, readPolisGroups } from './polis-folder.ts';

/**
 * `npm run eval:groups -- <folder>…`: opinion groups computed here against Polis's own (the `group-id`
 * column of `participants-votes.csv`), by the adjusted Rand index over the participants both placed.
 * A folder of conversations (each with votes.csv) is expanded.
 */

export interface GroupsEvaluation {
  readonly conversation: string;
  readonly participants: number;
  readonly oursPlaced: number;
  readonly polisPlaced: number;
  readonly both: number;
  /** Group sizes, in each side's order. */
  readonly ours: readonly number[];
  readonly polis: readonly number[];
  readonly ari: number;
  /** From the votes alone: Polis's vote-count rule with no stored `:in-conv` (what a bare votes.csv gives). */
  readonly ariVotesAlone: number;
  readonly oursVotesAlone: readonly number[];
  readonly placedVotesAlone: number;
  /** Replayed over the vote log (people kept once in, k smoothed): Polis's rules over time. */
  readonly ariOverTime: number;
  readonly oursOverTime: readonly number[];
  /** k at the best silhouette alone (Polis's rule for one computation, no near-tie preference). */
  readonly ariMaxSilhouette: number;
  readonly oursMaxSilhouette: readonly number[];
  /**
   * Mean silhouette of each grouping over the same people at the positions computed here: how well each
   * grouping fits this projection of the votes (Polis's may come from an earlier state of the votes).
   */
  readonly silhouetteOurs: number;
  readonly silhouettePolis: number;
  readonly ms: number;
}

export function evaluateGroups(folder: string): GroupsEvaluation {
  const conversation = readPolisFolder(folder);
  const polisGroups = readPolisGroups(folder);
  const started = performance.now();
  // As `cruxbot groups --polis` computes them: the vote-count rule plus Polis's stored `:in-conv`.
  const result = findOpinionGroups(conversation.matrix, { alreadyIn: conversation.inConversation });
  const ms = performance.now() - started;
  const against = (r: OpinionGroupsResult | undefined) => {
    const ours: string[] = [];
    const theirs: string[] = [];
    const points: Float64Array[] = [];
    let placed = 0;
    conversation.participants.forEach((id, i) => {
      const g = r?.kind === 'groups' ? r.groupOf[i]! : -1;
      if (g >= 0) placed++;
      const polis = polisGroups.get(id);
      if (g >= 0 && polis !== undefined && r?.kind === 'groups') {
        ours.push(String(g));
        theirs.push(polis);
        points.push(r.positions[i]!);
      }
    });
    return {
      ours,
      theirs,
      points,
      placed,
      ari: ours.length ? adjustedRandIndex(ours, theirs) : NaN,
      sizes: r?.kind === 'groups' ? r.groups.map((g) => g.members.length) : [],
    };
  };
  const main = against(result);
  const votesAlone = against(findOpinionGroups(conversation.matrix));
  const overTime = against(
    groupsOverTime(
      conversation.log.map((v) => v.at),
      (time) => matrixAt(conversation, time),
      { alreadyIn: conversation.inConversation },
    ),
  );
  const plain = against(findOpinionGroups(conversation.matrix, { alreadyIn: conversation.inConversation, silhouetteTolerance: 0 }));
  const asIndices = (labels: string[]) => {
    const ids = [...new Set(labels)];
    return labels.map((l) => ids.indexOf(l));
  };
  const polisIds = [...new Set(polisGroups.values())].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  const polisSizes = polisIds.map((id) => [...polisGroups.values()].filter((g) => g === id).length);
  return {
    conversation: conversation.name,
    participants: conversation.participants.length,
    oursPlaced: main.placed,
    polisPlaced: polisGroups.size,
    both: main.ours.length,
    ours: main.sizes,
    polis: polisSizes,
    ari: main.ari,
    ariVotesAlone: votesAlone.ari,
    oursVotesAlone: votesAlone.sizes,
    placedVotesAlone: votesAlone.placed,
    ariOverTime: overTime.ari,
    oursOverTime: overTime.sizes,
    ariMaxSilhouette: plain.ari,
    oursMaxSilhouette: plain.sizes,
    silhouetteOurs: silhouette(main.points, asIndices(main.ours)),
    silhouettePolis: silhouette(main.points, asIndices(main.theirs)),
    ms,
  };
}

/** The folders to evaluate: each argument, or its subfolders when it holds several conversations. */
export function conversationFolders(args: readonly string[]): string[] {
  return args.flatMap((arg) => {
    if (existsSync(join(arg, 'votes.csv')) || !existsSync(arg) || !statSync(arg).isDirectory()) return [arg];
    const inside = readdirSync(arg)
      .map((name) => join(arg, name))
      .filter((path) => statSync(path).isDirectory() && existsSync(join(path, 'votes.csv')))
      .sort();
    return inside.length ? inside : [arg];
  });
}

async function main(args: string[]): Promise<number> {
  if (args.length === 0) {
    process.stderr.write('Usage: npm run eval:groups -- <polis export folder>… (or a folder of them)\n');
    return 2;
  }
  process.stdout.write(
    '| conversation | participants | grouped (ours / Polis / both) | groups, ours (k) | groups, Polis (k) | ARI | ARI from the votes alone (no stored in-conv): grouped, groups | ARI, replayed over the vote log: groups | ARI, k at the best silhouette: groups | silhouette (ours / Polis’s groups) | time |\n',
  );
  process.stdout.write('|---|---|---|---|---|---|---|---|---|---|---|\n');
  let failed = 0;
  for (const folder of conversationFolders(args)) {
    try {
      const e = evaluateGroups(folder);
      process.stdout.write(
        `| ${e.conversation} | ${e.participants} | ${e.oursPlaced} / ${e.polisPlaced} / ${e.both} | ${e.ours.join(' + ')} (${e.ours.length}) | ${e.polis.join(' + ')} (${e.polis.length}) | **${e.ari.toFixed(3)}** | ${e.ariVotesAlone.toFixed(3)}: ${e.placedVotesAlone}, ${e.oursVotesAlone.join(' + ')} | ${e.ariOverTime.toFixed(3)}: ${e.oursOverTime.join(' + ')} | ${e.ariMaxSilhouette.toFixed(3)}: ${e.oursMaxSilhouette.join(' + ')} | ${e.silhouetteOurs.toFixed(2)} / ${e.silhouettePolis.toFixed(2)} | ${Math.round(e.ms)} ms |\n`,
      );
    } catch (error) {
      if (!isUserError(error)) throw error;
      failed++;
      process.stderr.write(`${folder}: ${error.message}\n`);
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
