import type { Command, CommandRegistry } from './context.ts';

export type { CommandRegistry } from './context.ts';

export function createRegistry(commands: readonly Command[]): CommandRegistry {
  const byName = new Map<string, Command>();
  for (const command of commands) {
    if (byName.has(command.name)) throw new Error(`two commands are named /${command.name}`);
    byName.set(command.name, command);
  }
  return {
    commands,
    get: (name) => byName.get(name),
    leaves: () => commands.flatMap((c) => (c.leaf ? [c.leaf] : [...(c.subcommands?.values() ?? [])])),
  };
}
