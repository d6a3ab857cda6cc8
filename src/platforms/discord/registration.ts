import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command, Leaf } from '../../core/command.ts';
import { autocompleteSourceOf, type OptionSpec } from '../../core/options.ts';

/** Commands work in servers only: the workspace is the server. */
const IN_SERVERS = { contexts: [InteractionContextType.Guild], integration_types: [ApplicationIntegrationType.GuildInstall] };

/** Discord's longest string option. */
const STRING_MAX = 6000;

/**
 * The application commands Discord should show, generated from the command specs: one slash command
 * per command (its subcommands, or its options), and one message context-menu command per message
 * action ("Capture as claim"). Claim and debate options are strings with autocomplete.
 */
export function registrationJson(commands: readonly Command[]): RESTPutAPIApplicationCommandsJSONBody {
  const slash = commands.map((command): RESTPostAPIChatInputApplicationCommandsJSONBody => ({
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: command.description,
    options: command.leaf ? command.leaf.options.map(option) : [...(command.subcommands?.values() ?? [])].map(subcommand),
    ...IN_SERVERS,
  }));
  const menus = commands.flatMap((command) =>
    command.messageActions.map((action): RESTPostAPIContextMenuApplicationCommandsJSONBody => ({
      type: ApplicationCommandType.Message,
      name: action.label,
      ...IN_SERVERS,
    })),
  );
  return [...slash, ...menus];
}

function subcommand(leaf: Leaf): APIApplicationCommandSubcommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: leaf.subcommand!,
    description: leaf.description,
    options: leaf.options.map(option),
  };
}

function option(spec: OptionSpec): APIApplicationCommandBasicOption {
  const base = { name: spec.name, description: spec.description, required: spec.required ?? false };
  switch (spec.type) {
    case 'string':
    case 'claim':
    case 'debate': {
      const string = {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(spec.minLength !== undefined ? { min_length: spec.minLength } : {}),
        ...(spec.maxLength !== undefined ? { max_length: Math.min(spec.maxLength, STRING_MAX) } : {}),
      } as const;
      if (spec.choices) return { ...string, choices: spec.choices.map((c) => ({ name: c, value: c })) };
      return autocompleteSourceOf(spec) ? { ...string, autocomplete: true } : string;
    }
    case 'integer':
    case 'number': {
      const range = {
        ...(spec.min !== undefined ? { min_value: spec.min } : {}),
        ...(spec.max !== undefined ? { max_value: spec.max } : {}),
        ...(spec.choices ? { choices: spec.choices.map((c) => ({ name: c, value: Number(c) })) } : {}),
      };
      return spec.type === 'integer'
        ? { ...base, ...range, type: ApplicationCommandOptionType.Integer }
        : { ...base, ...range, type: ApplicationCommandOptionType.Number };
    }
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'user':
      return { ...base, type: ApplicationCommandOptionType.User };
    case 'attachment':
      return { ...base, type: ApplicationCommandOptionType.Attachment };
  }
}
