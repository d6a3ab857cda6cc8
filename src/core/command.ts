import type { z } from 'zod';
import type { CommandContext, InteractionContext } from './context.ts';
import { optionPlaceholder, type ArgsOf, type OptionSpec } from './options.ts';
import type { Reply } from './reply.ts';
import { argsSchema } from './schema.ts';

export type Handler<A> = (ctx: CommandContext<A>) => Reply | Promise<Reply>;
export type InteractionHandler = (ctx: InteractionContext) => Reply | Promise<Reply>;

/** A right-click (Discord) or "⋯" (Slack) action on someone's message, e.g. "Capture as claim". */
export interface MessageActionSpec {
  /** Shown in the platform's menu; Discord allows 1–32 characters. */
  readonly label: string;
  /** The interaction handler (in the command's `interactions`) that receives the message. */
  readonly action: string;
  readonly description: string;
}

interface LeafFields<Opts extends readonly OptionSpec[]> {
  readonly description: string;
  readonly options: Opts;
  readonly handler: Handler<ArgsOf<Opts>>;
  /** Complete command lines shown in /help and the README. */
  readonly examples?: readonly string[];
  /** The handler does slow work (a picture, a simulation): adapters defer at once. */
  readonly slow?: boolean;
  /** The handler is expensive: dispatch applies the per-person and per-workspace rate limits. */
  readonly expensive?: boolean;
}

interface CommandFields {
  readonly name: string;
  readonly description: string;
  /** Button, select and modal handlers, keyed by the action name in their custom ids. */
  readonly interactions?: Readonly<Record<string, InteractionHandler>>;
  readonly messageActions?: readonly MessageActionSpec[];
}

/** One runnable thing: a command without subcommands, or one subcommand. */
export interface Leaf {
  readonly command: string;
  readonly subcommand?: string;
  readonly description: string;
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
  readonly slow: boolean;
  readonly expensive: boolean;
  readonly schema: z.ZodType<Record<string, unknown>>;
  readonly usage: string;
  readonly handler: Handler<Record<string, unknown>>;
}

export interface Command {
  readonly name: string;
  readonly description: string;
  /** Set when the command takes options directly. */
  readonly leaf?: Leaf;
  /** Set when the command has subcommands (`/claim add`). */
  readonly subcommands?: ReadonlyMap<string, Leaf>;
  /**
   * In text (Slack, console), words that do not start with a subcommand go to this one, so
   * `/drift preset:x` means `/drift run preset:x`. Discord always shows the subcommand.
   */
  readonly defaultSubcommand?: string;
  readonly interactions: Readonly<Record<string, InteractionHandler>>;
  readonly messageActions: readonly MessageActionSpec[];
}

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
type AnyLeafFields = Omit<LeafFields<readonly OptionSpec[]>, 'handler'> & { readonly handler: Handler<never> };

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
