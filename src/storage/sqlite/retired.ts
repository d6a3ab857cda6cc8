/**
 * SQL for a new row's id that no row of this workspace ever had, deleted ones included: past the table's
 * highest id and past the highest its workspace retired when a debate was deleted (`retired_numbers`).
 * Ids that travel in buttons are given this way, so an old button never reaches a newer row.
 */
export function nextId(table: 'polls' | 'thread_captures', kind: 'poll' | 'capture'): string {
  return `(SELECT max(
            COALESCE((SELECT MAX(id) FROM ${table}), 0),
            COALESCE((SELECT highest FROM retired_numbers WHERE workspace = @workspace AND kind = '${kind}'), 0)
          ) + 1)`;
}
