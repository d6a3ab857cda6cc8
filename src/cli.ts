import { COMMANDS } from '../commands/index.ts';
import { loadConfig, loadDotEnv } from './config.ts';
import { createRegistry } from './core/registry.ts';
import { isUserError } from './core/errors.ts';
import { loadDemo } from './demo.ts';
import { readPolisFolder } from './eval/polis-folder.ts';
import { describePolisGroups, polisGroupsReport } from './eval/polis-groups.ts';
import { createApp, main, reportStartupError } from './main.ts';
import { CONSOLE_CHANNEL, CONSOLE_WORKSPACE, ConsoleSession, consoleActor } from './platforms/console/session.ts';

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
    run: () => main(),
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
      const { services } = createApp(loadConfig(), { console: true });
      const session = new ConsoleSession(services, createRegistry(COMMANDS), consoleActor(as), { color: false, width: 100 }, (t) =>
        process.stdout.write(`${t}\n`),
      );
      const reply = await session.run(line);
      services.store.close();
      return reply.accent === 'error' ? 1 : 0;
    },
  },
  demo: {
    usage: 'cruxbot demo',
    description: 'Load the two sample debates (reward seeking; goal drift) into the local workspace',
    async run() {
      const { services, config } = createApp(loadConfig(), { console: true });
      const result = loadDemo(services, { workspace: CONSOLE_WORKSPACE, channel: CONSOLE_CHANNEL });
      for (const d of result.loaded) process.stdout.write(`Loaded ${d.slug}: ${d.claims} claims, ${d.links} links.\n`);
      for (const slug of result.skipped) process.stdout.write(`${slug} is already there; left as it was.\n`);
      process.stdout.write(
        `The console now works on ${result.loaded[0]?.slug ?? result.skipped[0]}. Try: npm start, then /map (database: ${config.DATABASE_PATH}).\n`,
      );
      services.store.close();
      return 0;
    },
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
    return reportStartupError(error);
  }
}
