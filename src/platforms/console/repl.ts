import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface, type Completer } from 'node:readline';
import type { CommandRegistry } from '../../core/registry.ts';
import type { Services } from '../../services.ts';
import { consoleActor, ConsoleSession, isConsoleModerator } from './session.ts';

export interface ConsoleOptions {
  readonly services: Services;
  readonly registry: CommandRegistry;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** A terminal gets a prompt, history, tab completion and colour; piped input runs line by line. */
  readonly interactive: boolean;
  /** A line saying where the debate pages are served, shown when the console opens. */
  readonly web?: string;
  readonly as?: string;
}

const HISTORY_MAX = 500;

/**
 * The local console. Interactive: a REPL with history and completion. Piped: one command per line,
 * each reply printed, exit at end of input. Lines starting with # are comments.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { services, registry, interactive } = options;
  const write = (text: string) => options.output.write(`${text}\n`);
  const describe = async (name: string) => `${name}${(await isConsoleModerator(services, name)) ? ' (a moderator)' : ''}`;
  const width = (options.output as { columns?: number }).columns ?? 100;
  const session = new ConsoleSession(services, registry, consoleActor(options.as), { color: interactive, width }, write);
  const historyPath =
    services.config.DATABASE_PATH === ':memory:' ? undefined : join(dirname(resolve(services.config.DATABASE_PATH)), '.cruxbot_history');

  const rl = createInterface({
    input: options.input,
    output: interactive ? options.output : undefined,
    terminal: interactive,
    historySize: HISTORY_MAX,
    ...(interactive ? { completer: completer(registry), history: loadHistory(historyPath) } : {}),
  });
  const prompt = async () => {
    const debate = await session.currentDebate();
    rl.setPrompt(`cruxbot${debate ? ` (${debate})` : ''}> `);
    rl.prompt();
  };

  if (interactive) {
    write(`cruxbot console · database ${services.store.location} · you are ${await describe(session.who.name)}`);
    write('Type /help for the commands, .as <name> to act as someone else, .exit to quit.');
    if (options.web) write(options.web);
    if ((await services.store.debates.list('local')).length === 0)
      write('New here? Load the sample debates with `npm run demo`, or start one with /debate new.');
    await prompt();
  }

  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '.exit' || line === '.quit' || line === 'exit' || line === 'quit') break;
    if (line.startsWith('.as ')) {
      const name = line.slice(4).trim();
      if (/^[\p{L}\p{N}._-]{1,64}$/u.test(name)) {
        session.setActor(consoleActor(name));
        write(`You are now ${await describe(name)}.`);
      } else write('Usage: .as <name> (letters, digits, dot, dash, underscore)');
    } else if (line && !line.startsWith('#')) {
      if (!interactive) write(`> ${line}`);
      await session.run(line);
      if (!interactive) write('');
    }
    if (interactive) await prompt();
  }
  rl.close();
  if (interactive) saveHistory(historyPath, (rl as unknown as { history?: string[] }).history ?? []);
}

function loadHistory(path: string | undefined): string[] {
  if (!path || !existsSync(path)) return [];
  try {
    return readFileSync(path, 'utf8').split('\n').filter(Boolean).reverse().slice(0, HISTORY_MAX);
  } catch {
    return [];
  }
}

function saveHistory(path: string | undefined, history: readonly string[]): void {
  if (!path) return;
  try {
    writeFileSync(path, `${[...history].reverse().slice(-HISTORY_MAX).join('\n')}\n`);
  } catch {
    // History is a convenience; never fail a session over it.
  }
}

/** Tab completion for command and subcommand names and option names. */
export function completer(registry: CommandRegistry): Completer {
  return (line: string) => {
    const words = line.split(/\s+/);
    const [first = '', second] = words;
    if (words.length === 1) {
      const names = registry.commands.map((c) => `/${c.name}`).filter((n) => n.startsWith(first.startsWith('/') ? first : `/${first}`));
      return [names.map((n) => `${n} `), first];
    }
    const command = registry.get(first.replace(/^\//, ''));
    if (!command) return [[], line];
    if (command.subcommands && words.length === 2) {
      const subs = [...command.subcommands.keys()].filter((s) => s.startsWith(second ?? '')).map((s) => `${s} `);
      // A command with a default subcommand also takes that one's options straight away (`/capture since:`).
      const fallback = command.defaultSubcommand ? command.subcommands.get(command.defaultSubcommand) : undefined;
      const options = (fallback?.options ?? []).map((o) => `${o.name}:`).filter((o) => second && o.startsWith(second));
      return [[...subs, ...options], second ?? ''];
    }
    const named = command.subcommands?.get(second ?? '');
    const leaf = command.leaf ?? named ?? (command.defaultSubcommand ? command.subcommands?.get(command.defaultSubcommand) : undefined);
    const last = words[words.length - 1] ?? '';
    // Options already given are not offered again: by name (`tags:x`), or by position (`C3` fills `claim`).
    const given = words.slice(named ? 2 : 1, -1).filter(Boolean);
    const byName = new Set(given.flatMap((w) => /^([a-z][a-z0-9_-]*):/i.exec(w)?.[1]?.toLowerCase() ?? []));
    const positionalWords = given.filter((w) => !/^[a-z][a-z0-9_-]*:/i.test(w)).length;
    const filled = new Set(
      (leaf?.options ?? [])
        .filter((o) => o.positional && !byName.has(o.name))
        .slice(0, positionalWords)
        .map((o) => o.name),
    );
    const options = (leaf?.options ?? [])
      .filter((o) => !byName.has(o.name.toLowerCase()) && !filled.has(o.name))
      .map((o) => `${o.name}:`)
      .filter((o) => o.startsWith(last));
    return [options, last];
  };
}
