/** The usage lines of the data verbs, apart from their code, so `cruxbot help` lists them without loading a database driver. */
export const MIGRATE_USAGE = 'cruxbot migrate-data --from <file|postgres://…> --to <file|postgres://…> [--workspace <id>]';
export const DELETE_WORKSPACE_USAGE = 'cruxbot delete-workspace <workspace> [--confirm <workspace>]';
