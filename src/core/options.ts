/**
 * Option specs: declared once per command `as const`, they give the handler's argument types, the zod
 * schema, the text parser's rules, Discord's registration JSON, Slack's usage hints and /help.
 */

export type OptionType = 'string' | 'integer' | 'number' | 'boolean' | 'claim' | 'debate' | 'user' | 'attachment';

/** Where autocomplete suggestions come from (Discord autocomplete, Slack external selects). */
export type AutocompleteSource = 'claim' | 'debate' | 'tag';

export interface OptionSpec {
  readonly name: string;
  readonly type: OptionType;
  readonly description: string;
  readonly required?: boolean;
  /**
   * Words that are not `name:value` fill positional options in declaration order. A positional string
   * option that comes last takes all the remaining words (`/claim add Agents game broken scorers`).
   */
  readonly positional?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly choices?: readonly string[];
  /** Suggestions while typing. Claim and debate options get them by default. */
  readonly autocomplete?: AutocompleteSource;
  /** A short example value for usage lines and help, e.g. `C3` or `"in 3 days"`. */
  readonly example?: string;
  /**
   * A string option whose value may be a mention the handler reads ids from (a role, a user group):
   * Slack passes it as sent (`<!subteam^S1|@leads>`) instead of turning mentions into words.
   */
  readonly keepMentions?: boolean;
  /**
   * The last positional string option only: words written `x:y` whose `x` is not an option name are
   * part of its text, not a misspelt option (`/poll vote P4 A:50 B:30` gives it `A:50 B:30`).
   */
  readonly takesColonWords?: boolean;
}

/** A claim option's value: the claim's per-workspace number (`C12` → 12). */
export type ClaimNumber = number;

/**
 * An attachment option's value: the file's bytes. Discord's adapter downloads the attached file; the
 * console reads the path typed after `name:`. A text value from anywhere else is refused, so no chat
 * user can make the bot read a file on its host.
 */
export interface FileUpload {
  readonly name: string;
  readonly data: Uint8Array;
  readonly contentType?: string;
}

/** Files larger than this are refused before they are read into a command. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

type ValueOf<O extends OptionSpec> = O extends { readonly choices: readonly (infer C extends string)[] }
  ? C
  : O['type'] extends 'string' | 'debate' | 'user'
    ? string
    : O['type'] extends 'integer' | 'number' | 'claim'
      ? number
      : O['type'] extends 'boolean'
        ? boolean
        : O['type'] extends 'attachment'
          ? FileUpload
          : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The handler's argument object, derived from the options: required options are present, the rest optional. */
export type ArgsOf<Opts extends readonly OptionSpec[]> = Simplify<
  { [O in Opts[number] as O extends { readonly required: true } ? O['name'] : never]: ValueOf<O> } & {
    [O in Opts[number] as O extends { readonly required: true } ? never : O['name']]?: ValueOf<O>;
  }
>;

/** The source that suggests values for an option, if any. */
export function autocompleteSourceOf(option: OptionSpec): AutocompleteSource | undefined {
  if (option.autocomplete) return option.autocomplete;
  if (option.type === 'claim') return 'claim';
  if (option.type === 'debate') return 'debate';
  return undefined;
}

/** `name:<placeholder>` as shown in usage lines. */
export function optionPlaceholder(option: OptionSpec): string {
  if (option.choices) return option.choices.join('|');
  switch (option.type) {
    case 'claim':
      return 'C#';
    case 'debate':
      return 'slug';
    case 'user':
      return 'user';
    case 'boolean':
      return 'true|false';
    case 'attachment':
      return 'file';
    default:
      return option.name;
  }
}
