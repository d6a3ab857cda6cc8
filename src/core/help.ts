import type { Leaf } from './command.ts';
import { UsageError } from './errors.ts';
import { joinMarkup, md } from './markup.ts';
import { unknownCommand } from './parse.ts';
import type { CommandRegistry } from './registry.ts';
import { context, fields, text, type Field, type Reply } from './reply.ts';

/** `/help`: every command with what it does, generated from the specs. */
export function helpOverview(registry: CommandRegistry): Reply {
  const items: Field[] = registry.commands.map((command) => ({
    name: `/${command.name}${command.subcommands ? ` ${[...command.subcommands.keys()].join('|')}` : ''}`,
    value: command.description,
  }));
  return {
    title: 'cruxbot',
    blocks: [
      text(md`Capture the claims of a debate, link them into a crux graph, and see where the disagreement lives.`),
      fields(items),
      context(
        md`Details and examples: \`/help <command>\`, e.g. \`/help claim add\`. Options are written \`name:value\`; quote values with spaces.`,
      ),
    ],
    ephemeral: true,
  };
}

/** `/help claim` or `/help claim add`: usage lines, options and examples. */
export function helpFor(registry: CommandRegistry, query: string): Reply {
  const [name = '', sub] = query.replace(/^\//, '').trim().toLowerCase().split(/\s+/);
  const command = registry.get(name);
  if (!command) throw unknownCommand(registry, name, 'help.unknown');
  if (sub && command.subcommands) {
    const leaf = command.subcommands.get(sub);
    if (!leaf)
      throw new UsageError(
        md`\`/${command.name}\` has no subcommand \`${sub}\`. It has: ${[...command.subcommands.keys()].join(', ')}.`,
        undefined,
        'help.unknown',
      );
    return { title: `/${command.name} ${sub}`, blocks: leafHelp(leaf), ephemeral: true };
  }
  const leaves = command.leaf ? [command.leaf] : [...(command.subcommands?.values() ?? [])];
  return {
    title: `/${command.name}`,
    blocks: [text(command.description), ...leaves.flatMap((leaf) => leafHelp(leaf, leaves.length > 1))],
    ephemeral: true,
  };
}

function leafHelp(leaf: Leaf, compact = false): ReturnType<typeof text>[] {
  const usage = md`\`${leaf.usage}\``;
  if (compact) {
    const example = leaf.examples[0];
    return [text(md`${usage}\n${leaf.description}${example ? md`\ne.g. \`${example}\`` : ''}`)];
  }
  const blocks = [text(md`${usage}\n${leaf.description}`)];
  if (leaf.options.length) {
    blocks.push(
      fields(
        leaf.options.map((option) => ({
          name: `${option.name}${option.required ? '' : ' (optional)'}`,
          value: option.choices ? md`${option.description}: ${option.choices.join(', ')}` : option.description,
          inline: true,
        })),
      ),
    );
  }
  if (leaf.examples.length) blocks.push(context(joinMarkup(leaf.examples.map((e) => md`\`${e}\``))));
  return blocks;
}
