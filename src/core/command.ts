import type { CommandFields, Command, Handler, Leaf, LeafFields, LeafRequirement } from './context.ts';
import { optionPlaceholder, type OptionSpec } from './options.ts';
import { argsSchema } from './schema.ts';

export type { Command, Handler, InteractionHandler, Leaf, MessageActionSpec } from './context.ts';

export interface SubcommandSpec {
  readonly name: string;
  readonly build: (command: string) => Leaf;
}

/** A subcommand: its options `as const` type its handler's arguments. */
export function subcommand<const Opts extends readonly OptionSpec[]>(spec: { readonly name: string } & LeafFields<Opts>): SubcommandSpec {
  return { name: spec.name, build: (command) => buildLeaf(command, spec.name, spec) };
}

export function defineCommand<const Opts extends readonly OptionSpec[]>(spec: CommandFields & LeafFields<Opts>): Command;
export function defineCommand(
  spec: CommandFields & { readonly subcommands: readonly SubcommandSpec[]; readonly defaultSubcommand?: string },
): Command;
export function defineCommand(
  spec: CommandFields & (AnyLeafFields | { readonly subcommands: readonly SubcommandSpec[]; readonly defaultSubcommand?: string }),
): Command {
  checkName(spec.name, 'command');
  checkDescription(spec.description, `/${spec.name}`);
  const base = {
    name: spec.name,
    description: spec.description,
    interactions: spec.interactions ?? {},
    messageActions: spec.messageActions ?? [],
  };
  if ('subcommands' in spec) {
    const subcommands = new Map<string, Leaf>();
    for (const sub of spec.subcommands) {
      if (subcommands.has(sub.name)) throw new Error(`/${spec.name} declares subcommand ${sub.name} twice`);
      subcommands.set(sub.name, sub.build(spec.name));
    }
    if (subcommands.size === 0 || subcommands.size > 25) throw new Error(`/${spec.name} needs 1–25 subcommands`);
    if (spec.defaultSubcommand !== undefined) {
      if (!subcommands.has(spec.defaultSubcommand))
        throw new Error(`/${spec.name}: default subcommand ${spec.defaultSubcommand} is not declared`);
      return { ...base, subcommands, defaultSubcommand: spec.defaultSubcommand };
    }
    return { ...base, subcommands };
  }
  return { ...base, leaf: buildLeaf(spec.name, undefined, spec) };
}

/** Leaf fields with the handler's argument type erased (handlers are checked where they are declared). */
type AnyLeafFields = Omit<LeafFields<readonly OptionSpec[]>, 'handler' | 'requires'> & {
  readonly handler: Handler<never>;
  readonly requires?: LeafRequirement<never>;
};

function buildLeaf(command: string, subcommandName: string | undefined, spec: AnyLeafFields): Leaf {
  const path = subcommandName ? `/${command} ${subcommandName}` : `/${command}`;
  if (subcommandName) checkName(subcommandName, 'subcommand');
  checkDescription(spec.description, path);
  checkOptions(spec.options, path);
  return {
    command,
    ...(subcommandName ? { subcommand: subcommandName } : {}),
    description: spec.description,
    options: spec.options,
    examples: spec.examples ?? [],
    slow: spec.slow ?? false,
    expensive: spec.expensive ?? false,
    ...(spec.writes ? { writes: spec.writes } : {}),
    ...(spec.requires ? { requires: spec.requires as LeafRequirement<Record<string, unknown>> } : {}),
    schema: argsSchema(spec.options),
    usage: usageLine(path, spec.options),
    handler: spec.handler as Handler<Record<string, unknown>>,
  };
}

/** `/claim add <text> [tags:<tags>]`: positional options bare, named ones as `name:<value>`. */
export function usageLine(path: string, options: readonly OptionSpec[]): string {
  const parts = options.map((option) => {
    const inner = option.positional ? `<${option.name}>` : `${option.name}:<${optionPlaceholder(option)}>`;
    return option.required ? inner : `[${inner}]`;
  });
  return [path, ...parts].join(' ');
}

// Discord's limits are the strictest of the three front ends; enforcing them here keeps every command
// registrable (names 1–32 lowercase, descriptions 1–100, at most 25 options, required before optional).
const NAME = /^[a-z0-9][a-z0-9-]{0,31}$/;

function checkName(name: string, what: string): void {
  if (!NAME.test(name)) throw new Error(`${what} name "${name}" must be 1–32 lowercase letters, digits or dashes`);
}

function checkDescription(description: string, where: string): void {
  if (description.length < 1 || description.length > 100) throw new Error(`${where}: description must be 1–100 characters`);
}

function checkOptions(options: readonly OptionSpec[], where: string): void {
  if (options.length > 25) throw new Error(`${where}: at most 25 options`);
  const seen = new Set<string>();
  let optionalSeen = false;
  options.forEach((option) => {
    checkName(option.name, `${where} option`);
    checkDescription(option.description, `${where} ${option.name}`);
    if (seen.has(option.name)) throw new Error(`${where}: option ${option.name} declared twice`);
    seen.add(option.name);
    if (option.required && optionalSeen) throw new Error(`${where}: required option ${option.name} must come before optional ones`);
    if (!option.required) optionalSeen = true;
    if (option.choices && (option.choices.length < 1 || option.choices.length > 25))
      throw new Error(`${where} ${option.name}: 1–25 choices`);
  });
}
