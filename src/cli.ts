import { loadConfig, loadDotEnv } from './config.ts';
import { UsageError, UserError, isUserError } from './core/errors.ts';
import { DELETE_WORKSPACE_USAGE, MIGRATE_USAGE } from './move-data-usage.ts';
import type { DatabaseInfo } from './storage/ports.ts';

// Everything else is imported by the verb that needs it: `cruxbot help`, `extract` or `groups` never load
// discord.js, Bolt or Vega (together about half a second at start-up).
const app = () => import('./main.ts');
const consoleSession = () => import('./platforms/console/session.ts');
const commandList = async () => {
  const [{ COMMANDS }, { createRegistry }] = await Promise.all([import('../commands/index.ts'), import('./core/registry.ts')]);
  return createRegistry(COMMANDS);
};

interface CliCommand {
  readonly usage: string;
  readonly description: string;
  run(args: string[]): Promise<number>;
}

/** Pulls `--name value` out of the arguments. */
function takeFlag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i === -1) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
}

/** `cruxbot <verb>`: one table, so `cruxbot help` lists exactly what exists. */
export const CLI: Record<string, CliCommand> = {
  start: {
    usage: 'cruxbot [start]',
    description: 'Run the bot: Discord and/or Slack when their tokens are set, else the local console',
    run: async () => await (await app()).main(),
  },
  run: {
    usage: "cruxbot run [--as <name>] '<command line>'",
    description: 'Run one command in the local workspace, print the reply, exit (1 if the reply is an error)',
    async run(args) {
      const as = takeFlag(args, 'as');
      const line = args.join(' ').trim();
      if (!line) {
        process.stderr.write("Usage: cruxbot run '/claim show C1'\n");
        return 2;
      }
      const [{ createApp }, { ConsoleSession, consoleActor }] = await Promise.all([app(), consoleSession()]);
      const { services } = await createApp(loadConfig(), { console: true });
      const session = new ConsoleSession(services, await commandList(), consoleActor(as), { color: false, width: 100 }, (t) =>
        process.stdout.write(`${t}\n`),
      );
      const reply = await session.run(line);
      await services.store.close();
      return reply.accent === 'error' ? 1 : 0;
    },
  },
  drift: {
    usage: 'cruxbot drift [run|compare|sweep] <name:value …> [--json]',
    description: 'The goal-drift simulation, as /drift; --json prints the parameters and results (curves as sampled points)',
    async run(args) {
      const json = args.includes('--json');
      const words = args.filter((a) => a !== '--json').join(' ');
      if (!json) return CLI.run!.run([`/drift ${words}`]);
      const [{ default: drift }, { parseCommandText }, { validateArgs }, { inputFrom }, { driftJson }, { toPlainText }, { randomInt }] =
        await Promise.all([
          import('../commands/drift.ts'),
          import('./core/parse.ts'),
          import('./core/schema.ts'),
          import('./domain/drift/requests.ts'),
          import('./domain/drift/solve.ts'),
          import('./core/markup.ts'),
          import('node:crypto'),
        ]);
      try {
        const invocation = parseCommandText(drift, words);
        const leaf = drift.subcommands!.get(invocation.subcommand!)!;
        const parsed = validateArgs(leaf.schema, invocation.args, leaf.usage);
        if (parsed.attach !== undefined) throw new UsageError('--json prints results only; attach a run from the console or a chat.');
        const input = inputFrom(invocation.subcommand!, parsed, () => randomInt(1_000_000));
        // Steps that are never reached are null, not left out.
        process.stdout.write(`${JSON.stringify(driftJson(input), (_key, value: unknown) => (value === undefined ? null : value), 2)}\n`);
        return 0;
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        const usage = error instanceof UsageError && error.usage ? `\nUsage: ${error.usage}` : '';
        process.stderr.write(`cruxbot drift: ${toPlainText(error.markup)}${usage}\n`);
        return error instanceof UsageError ? 2 : 1;
      }
    },
  },
  demo: {
    usage: 'cruxbot demo',
    description: 'Load the two sample debates (reward seeking; goal drift), with sample credences, into the local workspace',
    async run() {
      const [{ createApp }, { loadDemo }, { CONSOLE_CHANNEL, CONSOLE_WORKSPACE }] = await Promise.all([
        app(),
        import('./demo.ts'),
        consoleSession(),
      ]);
      const { services } = await createApp(loadConfig(), { console: true });
      const result = await loadDemo(services, { workspace: CONSOLE_WORKSPACE, channel: CONSOLE_CHANNEL });
      for (const d of result.loaded)
        process.stdout.write(`Loaded ${d.slug}: ${d.claims} claims, ${d.links} links, ${d.credences} credences.\n`);
      for (const slug of result.skipped) process.stdout.write(`${slug} is already there; left as it was.\n`);
      process.stdout.write(
        `The console now works on ${result.loaded[0]?.slug ?? result.skipped[0]}. Try: npm start, then /map (database: ${services.store.location}).\n`,
      );
      await services.store.close();
      return 0;
    },
  },
  backup: {
    usage: 'cruxbot backup <file> [--force]',
    description: 'Copy the database to <file> while the bot keeps running (SQLite online backup)',
    async run(args) {
      const force = args.includes('--force');
      const file = args.filter((a) => a !== '--force')[0];
      if (!file) return usage('cruxbot backup <file> [--force]');
      const { createApp } = await app();
      const { services } = await createApp(loadConfig(), { console: true });
      try {
        const info = await services.store.backup(file, { overwrite: force });
        process.stdout.write(`Backed up to ${file} (${describe(info)}).\n`);
      } finally {
        await services.store.close();
      }
      return 0;
    },
  },
  restore: {
    usage: 'cruxbot restore <file>',
    description:
      'Replace the database (SQLite or PostgreSQL) with a backup of either (checked first; the current one is kept beside it). Stop the bot first',
    async run(args) {
      const file = args[0];
      if (!file) return usage('cruxbot restore <file>');
      const { restoreBackup } = await import('./move-data.ts');
      return await restoreBackup(file, loadConfig(), (text) => process.stdout.write(text));
    },
  },
  'delete-workspace': {
    usage: DELETE_WORKSPACE_USAGE,
    description: 'Delete every debate, claim, credence and setting of one workspace (shows what first; --confirm to do it)',
    run: async (args) => await (await import('./move-data.ts')).deleteWorkspace(args, loadConfig(), (text) => process.stdout.write(text)),
  },
  'rotate-key': {
    usage: 'CRUXBOT_SECRET_KEY=<new> CRUXBOT_PREVIOUS_SECRET_KEY=<old> cruxbot rotate-key',
    description: 'Re-seal every stored Slack token with the new CRUXBOT_SECRET_KEY (multi-workspace Slack); safe to run again',
    run: async () => (await import('./rotate-key.ts')).rotateKey(loadConfig(), (text) => process.stdout.write(text)),
  },
  'migrate-data': {
    usage: MIGRATE_USAGE,
    description: 'Copy every workspace (or one) between databases, SQLite or PostgreSQL, ids kept; checks the rows on both sides',
    run: async (args) => await (await import('./move-data.ts')).migrateData(args, (text) => process.stdout.write(text)),
  },
  'export-all': {
    usage: 'cruxbot export-all [file]',
    description: 'Every table as JSON (not share links or Slack installs: secrets), to <file> or standard output; restore takes it back',
    async run(args) {
      const [{ createApp }, { writeFileSync }, { exportAllJson }] = await Promise.all([app(), import('node:fs'), import('./move-data.ts')]);
      const { services } = await createApp(loadConfig(), { console: true });
      try {
        const json = await exportAllJson(services.store);
        if (args[0]) {
          // What people said, for the operator's eyes: readable by its owner only.
          writeFileSync(args[0], json, { mode: 0o600 });
          process.stdout.write(`Wrote ${args[0]}.\n`);
        } else process.stdout.write(json);
      } finally {
        await services.store.close();
      }
      return 0;
    },
  },
  'slack-manifest': {
    usage: 'cruxbot slack-manifest [--url <https URL>] [--name <name>]',
    description: 'Print the Slack app manifest (JSON) generated from the commands; --url for HTTP mode',
    run: async (args) => (await import('./platforms/slack/print-manifest.ts')).printSlackManifest(args),
  },
  summarize: {
    usage: 'cruxbot summarize <file> [--llm]',
    description: 'Summarize a thread file (plain text, or JSON {messages}): positions, key claims, cruxes…',
    run: async (args) => await (await import('./thread-files.ts')).summarizeFile(args, terminal()),
  },
  extract: {
    usage: 'cruxbot extract <file> [--json] [--llm]',
    description: "List a thread file's claims and relations; --json prints {messages, claims, relations}",
    run: async (args) => await (await import('./thread-files.ts')).extractFile(args, terminal()),
  },
  groups: {
    usage: 'cruxbot groups --polis <folder> [--json]',
    description: "Opinion groups of a Polis export (votes.csv + comments.csv), Polis's way; --json for data",
    async run(args) {
      const json = args.includes('--json');
      const folder = takeFlag(args, 'polis');
      if (!folder || folder.startsWith('--')) {
        process.stderr.write('Usage: cruxbot groups --polis <folder with votes.csv and comments.csv> [--json]\n');
        return 2;
      }
      const [{ readPolisFolder }, { describePolisGroups, polisGroupsReport }] = await Promise.all([
        import('./tools/eval/polis-folder.ts'),
        import('./tools/eval/polis-groups.ts'),
      ]);
      try {
        const report = polisGroupsReport(readPolisFolder(folder));
        process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${describePolisGroups(report)}\n`);
        return 0;
      } catch (error) {
        if (!isUserError(error)) throw error;
        process.stderr.write(`${error.message}\n`);
        return 1;
      }
    },
  },
};

function usage(line: string): number {
  process.stderr.write(`Usage: ${line}\n`);
  return 2;
}

function describe(info: DatabaseInfo): string {
  const counts = ['debates', 'claims', 'links', 'credences', 'polls']
    .filter((t) => info.rows[t] !== undefined)
    .map((t) => `${info.rows[t]} ${t}`)
    .join(', ');
  return `schema ${info.schemaVersion}, ${(info.bytes / 1024).toFixed(0)} KB: ${counts}`;
}

function terminal() {
  return {
    out: (text: string) => process.stdout.write(text),
    err: (text: string) => process.stderr.write(text),
    color: process.stdout.isTTY === true,
  };
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const [verb = 'start', ...rest] = argv;
  if (verb === 'help' || verb === '--help' || verb === '-h') {
    const width = Math.max(...Object.values(CLI).map((c) => c.usage.length));
    process.stdout.write(`cruxbot: debates as crux graphs, on Discord, Slack and the console\n\n`);
    for (const command of Object.values(CLI)) process.stdout.write(`  ${command.usage.padEnd(width)}  ${command.description}\n`);
    return 0;
  }
  const command = CLI[verb];
  if (!command) {
    process.stderr.write(`cruxbot: unknown command "${verb}". Try cruxbot help.\n`);
    return 2;
  }
  try {
    loadDotEnv();
    return await command.run([...rest]);
  } catch (error) {
    return (await app()).reportStartupError(error);
  }
}
