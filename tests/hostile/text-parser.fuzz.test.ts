import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { UsageError } from '../../src/core/errors.ts';
import { parseCommandLine, tokenize } from '../../src/core/parse.ts';
import { createRegistry } from '../../src/core/registry.ts';
import { fuzzer, quoteForParser } from '../support/hostile-input.ts';

/**
 * The text parser (Slack and the console) on hostile lines: it either understands a line or says why
 * with a usage error, and a quoted value always comes back exactly as it was written.
 */
const registry = createRegistry(COMMANDS);
const LINES = 3_000;
const VALUES = 1_000;

/** Runs `parse`; returns what went wrong if it threw anything but a UsageError. */
function unexpected(parse: () => unknown): string | undefined {
  try {
    parse();
    return undefined;
  } catch (error) {
    return error instanceof UsageError ? undefined : String(error);
  }
}

describe('the text parser under fuzz', () => {
  it(`reads ${LINES.toLocaleString('en-US')} hostile command lines with nothing but usage errors`, () => {
    const f = fuzzer(20261123);
    const names = [...registry.commands.map((c) => c.name), 'nope', 'CLAIM', '', 'claim\u202e'];
    const optionNames = registry.leaves().flatMap((leaf) => leaf.options.map((o) => o.name));
    const failures: string[] = [];
    for (let i = 0; i < LINES; i++) {
      const command = f.pick(names);
      const sub = f.next() < 0.6 ? ` ${f.pick([...(registry.get(command)?.subcommands?.keys() ?? []), 'x'])}` : '';
      const words = Array.from({ length: Math.floor(f.next() * 5) }, () => {
        const value = f.text();
        const roll = f.next();
        if (roll < 0.35) return `${f.pick(optionNames)}:${value}`;
        if (roll < 0.55) return `${f.pick(optionNames)}:${quoteForParser(value)}`;
        return value;
      });
      const line = `${f.next() < 0.9 ? '/' : ''}${command}${sub} ${words.join(' ')}`;
      const tokens = unexpected(() => tokenize(line));
      const parsed = unexpected(() => parseCommandLine(registry, line));
      if (tokens ?? parsed) failures.push(`${JSON.stringify(line.slice(0, 200))}: ${tokens ?? parsed}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it(`gives back ${VALUES.toLocaleString('en-US')} hostile quoted values exactly, named and positional`, () => {
    const f = fuzzer(7);
    const mismatches: string[] = [];
    for (let i = 0; i < VALUES; i++) {
      const value = f.text();
      const quoted = quoteForParser(value);
      const named = tokenize(`text:${quoted} tags:x`);
      if (named.length !== 2 || named[0]!.name !== 'text' || named[0]!.value !== value) mismatches.push(`named ${JSON.stringify(value)}`);
      const bound = parseCommandLine(registry, `/claim add ${quoted}`).args.text;
      if (bound !== value) mismatches.push(`positional ${JSON.stringify(value)} → ${JSON.stringify(bound)}`);
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('names the unclosed quote, the unknown option and the stray text', () => {
    const message = (line: string) => {
      try {
        parseCommandLine(registry, line);
        return 'parsed';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(message('/claim add text:"never closed')).toMatch(/quote at character 10 is never closed/);
    expect(message('/claim add constructor:x')).toMatch(/has no option `?constructor/);
    expect(message('/link C1 C2 supports C3')).toMatch(/Unexpected text "C3"/);
  });
});
