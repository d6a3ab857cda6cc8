import type { Command, Leaf } from './command.ts';
import { UsageError } from './errors.ts';
import { md } from './markup.ts';
import { closest } from './spelling.ts';
import type { CommandRegistry } from './registry.ts';

/**
 * The text syntax shared by Slack and the console, mirroring Discord's options:
 *   /claim add text:"Agents game broken scorers" tags:spec-gaming
 *   /claim add Agents game broken scorers          (free words fill the main text option)
 * Quotes may be "straight" or “curly”; \" is a literal quote. A curly quote opens a quoted value only at
 * the start of a token and is closed by its own partner (“…”, „…“), so typographic quotes inside a value
 * (`text:"He said “hi” today"`, `it’s`) are text; among free words they are kept as typed.
 */

export interface Token {
  /** The token with quotes removed and escapes applied. */
  readonly value: string;
  /** Set when the token was written `name:value`; `value` is then the part after the colon. */
  readonly name?: string;
  readonly quoted: boolean;
  /** For a free word quoted with typographic quotes: the word as typed, quotes and all. */
  readonly typed?: string;
}

export interface Invocation {
  readonly command: string;
  readonly subcommand?: string;
  readonly args: Record<string, unknown>;
}

const OPEN_QUOTES = new Set(['"', '“', '„']);
const CLOSE_QUOTES = new Set(['"', '”', '“']);
/** Which quotes close a value opened by each quote. */
const CLOSES: Record<string, ReadonlySet<string>> = { '"': new Set(['"']), '“': new Set(['”']), '„': new Set(['“', '”']) };
const OPTION_NAME = /^([a-z][a-z0-9_-]{0,31}):/i;

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    while (i < n && /\s/u.test(input[i]!)) i++;
    if (i >= n) break;

    // A `name:` prefix counts only when written before any quote, so `text:"a: b"` is one option.
    let name: string | undefined;
    const prefix = OPTION_NAME.exec(input.slice(i, i + 34));
    if (prefix && !input.startsWith('//', i + prefix[0].length)) {
      name = prefix[1];
      i += prefix[0].length;
    }

    let value = '';
    let quoted = false;
    let curly = false;
    const tokenStart = i;
    while (i < n && !/\s/u.test(input[i]!)) {
      const ch = input[i]!;
      if (ch === '\\' && i + 1 < n && (CLOSE_QUOTES.has(input[i + 1]!) || OPEN_QUOTES.has(input[i + 1]!))) {
        value += input[i + 1];
        i += 2;
      } else if (OPEN_QUOTES.has(ch) && (ch === '"' || (value === '' && !quoted))) {
        quoted = true;
        if (ch !== '"') curly = true;
        const closers = CLOSES[ch]!;
        const start = i;
        i++;
        let closed = false;
        while (i < n) {
          const c = input[i]!;
          if (c === '\\' && i + 1 < n && (input[i + 1] === '\\' || CLOSE_QUOTES.has(input[i + 1]!))) {
            value += input[i + 1];
            i += 2;
          } else if (closers.has(c)) {
            closed = true;
            i++;
            break;
          } else {
            value += c;
            i++;
          }
        }
        if (!closed) {
          throw new UsageError(
            md`Unbalanced quote: the quote at character ${start + 1} is never closed.`,
            undefined,
            'usage.unbalanced-quote',
          );
        }
      } else {
        value += ch;
        i++;
      }
    }
    // Only free words are joined into a text, so only they need the form as typed.
    tokens.push(name === undefined ? { value, quoted, ...(curly ? { typed: input.slice(tokenStart, i) } : {}) } : { value, name, quoted });
  }
  return tokens;
}

/** Parses a whole console line: `/claim add …`. The leading slash is optional. */
export function parseCommandLine(registry: CommandRegistry, line: string): Invocation {
  const trimmed = line.trim();
  const match = /^\/?([^\s]+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match || !trimmed) throw new UsageError(md`Type a command, e.g. \`/help\`.`, undefined, 'usage.empty');
  const name = match[1]!.toLowerCase();
  const command = registry.get(name);
  if (!command) throw unknownCommand(registry, name, 'usage.unknown-command');
  return parseCommandText(command, match[2] ?? '');
}

/**
 * Parses the text after the command name, as Slack delivers it: `add text:"…" tags:x`.
 */
export function parseCommandText(command: Command, text: string): Invocation {
  const tokens = tokenize(text);
  if (command.subcommands) {
    const first = tokens[0];
    const names = [...command.subcommands.keys()];
    const named = first && first.name === undefined && !first.quoted ? command.subcommands.get(first.value.toLowerCase()) : undefined;
    if (!named && command.defaultSubcommand) {
      const leaf = command.subcommands.get(command.defaultSubcommand)!;
      return { command: command.name, subcommand: command.defaultSubcommand, args: bindArgs(leaf, tokens) };
    }
    if (!first || first.name !== undefined || first.quoted) {
      throw new UsageError(
        md`\`/${command.name}\` needs a subcommand: ${names.join(', ')}. Example: \`/${command.name} ${names[0] ?? ''}\`.`,
        undefined,
        'usage.missing-subcommand',
      );
    }
    const sub = first.value.toLowerCase();
    const leaf = command.subcommands.get(sub);
    if (!leaf) {
      const suggestion = closest(sub, names);
      throw new UsageError(
        md`\`/${command.name}\` has no subcommand \`${sub}\`${suggestion ? md`; did you mean \`${suggestion}\`` : ''}. It has: ${names.join(', ')}.`,
        undefined,
        'usage.unknown-subcommand',
      );
    }
    return { command: command.name, subcommand: sub, args: bindArgs(leaf, tokens.slice(1)) };
  }
  return { command: command.name, args: bindArgs(command.leaf!, tokens) };
}

/** Assigns tokens to options: `name:value` by name, the other words to positional options in order. */
export function bindArgs(leaf: Leaf, tokens: readonly Token[]): Record<string, string> {
  const args: Record<string, string> = {};
  const free: Token[] = [];
  const known = new Set(leaf.options.map((o) => o.name));
  // Option names are matched without regard to case (`P:1e-3` is `p:1e-3`).
  const byLowerName = new Map(leaf.options.map((o) => [o.name.toLowerCase(), o.name]));
  const colonWords = leaf.options.some((o) => o.takesColonWords && o.positional);
  for (const given of tokens) {
    if (given.name === undefined) {
      free.push(given);
      continue;
    }
    const name = known.has(given.name) ? given.name : (byLowerName.get(given.name.toLowerCase()) ?? given.name);
    const token = { ...given, name };
    if (!known.has(token.name)) {
      // "the crux: whether…" is prose, not an option; "ratio:3" is a typo we should name.
      if (token.value === '' && !token.quoted) {
        free.push({ value: `${token.name}:`, quoted: false });
        continue;
      }
      if (colonWords) {
        free.push({ value: `${given.name}:${token.value}`, quoted: false });
        continue;
      }
      const suggestion = closest(token.name, [...known]);
      throw new UsageError(
        md`\`/${leaf.command}${leaf.subcommand ? ` ${leaf.subcommand}` : ''}\` has no option \`${token.name}\`${
          suggestion ? md` (did you mean \`${suggestion}\`?)` : ''
        }. To use a colon in text, quote it: \`text:"${token.name}:${token.value}"\`.`,
        leaf.usage,
        'usage.unknown-option',
      );
    }
    if (token.name in args) {
      throw new UsageError(md`Option \`${token.name}\` is given twice.`, leaf.usage, 'usage.duplicate-option');
    }
    args[token.name] = token.value;
  }

  const positional = leaf.options.filter((o) => o.positional && !(o.name in args));
  let next = 0;
  for (const [index, option] of positional.entries()) {
    if (next >= free.length) break;
    const isRest = option.type === 'string' && !option.choices && index === positional.length - 1;
    if (isRest) {
      const rest = free.slice(next);
      // One quoted value is the text; among several words, typographic quotes are kept as typed.
      args[option.name] = rest.map((t) => (rest.length > 1 ? (t.typed ?? t.value) : t.value)).join(' ');
      next = free.length;
    } else {
      args[option.name] = free[next]!.value;
      next++;
    }
  }
  if (next < free.length) {
    const extra = free
      .slice(next)
      .map((t) => t.value)
      .join(' ');
    const shown = extra.length > 60 ? `${extra.slice(0, 59)}…` : extra;
    throw new UsageError(md`Unexpected text "${shown}": every value needs an option name here.`, leaf.usage, 'usage.unexpected-text');
  }
  return args;
}

/** `Unknown command /claimm. Did you mean /claim? Type /help for the list.` */
export function unknownCommand(registry: CommandRegistry, name: string, code: string): UsageError {
  const suggestion = closest(
    name,
    registry.commands.map((c) => c.name),
  );
  return new UsageError(
    suggestion
      ? md`Unknown command \`/${name}\`. Did you mean \`/${suggestion}\`? Type \`/help\` for the list.`
      : md`Unknown command \`/${name}\`. Type \`/help\` for the list.`,
    undefined,
    code,
  );
}
