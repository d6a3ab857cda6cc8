import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { parsePolisExport, readTable, type PolisConversation } from '../../domain/credences/polis-export.ts';

export interface PolisFolder extends PolisConversation {
  readonly name: string;
  readonly folder: string;
  /**
   * Rows Polis had in the conversation when it exported (`participants-votes.csv` gives a group to every
   * member of a base cluster, and base clusters hold exactly the `:in-conv` participants: export.clj
   * `participants-votes-table` via `flatten-clusters`). Polis keeps whoever was once in (conversation.clj
   * `:in-conv`: "Once a ptpt is in, they will remain in"), so these stay in whatever their vote count now.
   * Empty when the export has no participants-votes.csv. Only who was in is read, never which group.
   */
  readonly inConversation: readonly number[];
}

/** Reads `votes.csv` and `comments.csv` from a Polis export folder; a UserError says what is missing. */
export function readPolisFolder(folder: string): PolisFolder {
  const full = resolve(folder);
  if (!existsSync(full) || !statSync(full).isDirectory()) throw new UserError(`There is no folder at ${folder}.`, 'polis.no-folder');
  const read = (file: string) => {
    const path = join(full, file);
    if (!existsSync(path)) {
      throw new UserError(`${folder} has no ${file}: a Polis export folder holds votes.csv and comments.csv.`, 'polis.missing-file');
    }
    return readFileSync(path, 'utf8');
  };
  const conversation = parsePolisExport(read('votes.csv'), read('comments.csv'));
  const stored = existsSync(join(full, 'participants-votes.csv')) ? readPolisGroups(folder) : new Map<string, string>();
  const inConversation = conversation.participants.flatMap((id, row) => (stored.has(id) ? [row] : []));
  return { name: basename(full), folder: full, ...conversation, inConversation };
}

/**
 * Polis's own opinion group of each participant, from `participants-votes.csv` (`participant`,
 * `group-id`; an empty group means Polis did not cluster that person).
 */
export function readPolisGroups(folder: string): Map<string, string> {
  const path = join(resolve(folder), 'participants-votes.csv');
  if (!existsSync(path)) throw new UserError(`${folder} has no participants-votes.csv with Polis's groups.`, 'polis.missing-file');
  const groups = new Map<string, string>();
  for (const [participant, group] of readTable('participants-votes.csv', readFileSync(path, 'utf8'), ['participant', 'group-id'])) {
    if (participant && group) groups.set(participant, group);
  }
  return groups;
}
