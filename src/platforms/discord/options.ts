import type { ChatInputCommandInteraction } from 'discord.js';
import type { Leaf } from '../../core/command.ts';
import type { CommandRegistry } from '../../core/registry.ts';
import { downloadAttachment } from './attachment.ts';

/** The leaf (command or subcommand) an interaction names, if the registry has it. */
export function leafOf(registry: CommandRegistry, command: string, subcommand: string | null): Leaf | undefined {
  const found = registry.get(command);
  return found?.leaf ?? (subcommand ? found?.subcommands?.get(subcommand) : undefined);
}

/**
 * A slash command's typed options as raw arguments for dispatch: strings, numbers and booleans as
 * Discord sends them (claim and debate options arrive as strings, users as ids), attachments
 * downloaded. Options the leaf does not declare are passed on too, so dispatch names them.
 */
export async function argsOf(interaction: ChatInputCommandInteraction, leaf: Leaf | undefined): Promise<Record<string, unknown>> {
  const args: Record<string, unknown> = {};
  for (const option of interaction.options.data.flatMap((o) => (o.options ? o.options.flatMap((s) => s.options ?? [s]) : [o]))) {
    const spec = leaf?.options.find((o) => o.name === option.name);
    if (spec?.type === 'attachment' && option.attachment) args[option.name] = await downloadAttachment(option.name, option.attachment);
    else if (option.value !== undefined) args[option.name] = option.value;
  }
  return args;
}
