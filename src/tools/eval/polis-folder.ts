import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../../core/errors.ts';
import { parsePolisExport, readTable, type PolisConversation } from '../../domain/credences/polis-export.ts';

export interface PolisFolder extends PolisConversation {
  readonly name: string;
  readonly folder: string;
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
  return { name: basename(full), folder: full, ...parsePolisExport(read('votes.csv'), read('comments.csv')) };
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
