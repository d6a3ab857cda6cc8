import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isUserError } from '../../core/errors.ts';
import { adjustedRandIndex } from '../../domain/credences/adjusted-rand.ts';
import { silhouette } from '../../domain/credences/kmeans.ts';
import { findOpinionGroups } from '../../domain/credences/opinion-groups.ts';
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
  readonly ours: readonly number[];
  readonly polis: readonly number[];
  readonly ari: number;
  /** The same with k simply at the best silhouette (no preference for fewer groups on a near-tie). */
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
  const result = findOpinionGroups(conversation.matrix);
  const ms = performance.now() - started;
  const plain = findOpinionGroups(conversation.matrix, { silhouetteTolerance: 0 });
  const ours: string[] = [];
  const theirs: string[] = [];
  const points: Float64Array[] = [];
  let oursPlaced = 0;
  conversation.participants.forEach((id, i) => {
    const g = result.kind === 'groups' ? result.groupOf[i]! : -1;
    if (g >= 0) oursPlaced++;
    const polis = polisGroups.get(id);
    if (g >= 0 && polis !== undefined && result.kind === 'groups') {
      ours.push(String(g));
      theirs.push(polis);
      points.push(result.positions[i]!);
    }
  });
  const plainOurs: string[] = [];
  const plainTheirs: string[] = [];
  conversation.participants.forEach((id, i) => {
    const g = plain.kind === 'groups' ? plain.groupOf[i]! : -1;
    const polis = polisGroups.get(id);
    if (g >= 0 && polis !== undefined) {
      plainOurs.push(String(g));
      plainTheirs.push(polis);
    }
  });
  const asIndices = (labels: string[]) => {
    const ids = [...new Set(labels)];
    return labels.map((l) => ids.indexOf(l));
  };
  const sizes = (labels: Iterable<string>) => {
    const counts = new Map<string, number>();
    for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
    return [...counts.values()].sort((a, b) => b - a);
  };
  return {
    conversation: conversation.name,
    participants: conversation.participants.length,
    oursPlaced,
    polisPlaced: polisGroups.size,
    both: ours.length,
    ours: result.kind === 'groups' ? result.groups.map((g) => g.members.length) : [],
    polis: sizes(polisGroups.values()),
    ari: ours.length ? adjustedRandIndex(ours, theirs) : NaN,
    ariMaxSilhouette: plainOurs.length ? adjustedRandIndex(plainOurs, plainTheirs) : NaN,
    oursMaxSilhouette: plain.kind === 'groups' ? plain.groups.map((g) => g.members.length) : [],
    silhouetteOurs: silhouette(points, asIndices(ours)),
    silhouettePolis: silhouette(points, asIndices(theirs)),
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
    '| conversation | participants | placed (ours / Polis / both) | groups, ours | groups, Polis | ARI | silhouette (ours / Polis’s groups) | k at max silhouette: groups, ARI | time |\n',
  );
  process.stdout.write('|---|---|---|---|---|---|---|---|---|\n');
  let failed = 0;
  for (const folder of conversationFolders(args)) {
    try {
      const e = evaluateGroups(folder);
      process.stdout.write(
        `| ${e.conversation} | ${e.participants} | ${e.oursPlaced} / ${e.polisPlaced} / ${e.both} | ${e.ours.join(' + ')} | ${e.polis.join(' + ')} | ${e.ari.toFixed(3)} | ${e.silhouetteOurs.toFixed(2)} / ${e.silhouettePolis.toFixed(2)} | ${e.oursMaxSilhouette.join(' + ')}, ${e.ariMaxSilhouette.toFixed(3)} | ${Math.round(e.ms)} ms |\n`,
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
