import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import type { Leaf } from '../../src/core/command.ts';
import { suggest } from '../../src/queries/autocomplete.ts';
import { autocompleteSourceOf, type OptionSpec } from '../../src/core/options.ts';
import { createRegistry } from '../../src/core/registry.ts';
import { unsafeStoredText, inspect } from '../support/db-state.ts';
import { createFuzzWorld, leafName, validValue, type FuzzWorld } from '../support/fuzz-world.ts';
import { asSlackDelivers, fuzzer, quoteForParser, UNSAFE_STORED, type Fuzzer } from '../support/hostile-input.ts';
import { hostileFile, typedHostileValue } from '../support/hostile-values.ts';

/**
 * Every option of every command (taken from the registry, so a command added later is fuzzed too),
 * given hostile values through the text path (the console's syntax), the same as Slack delivers it
 * (escaped, with real mention and link sequences) and the typed path (Discord, with values of the
 * wrong types). Each leaf's other required options get valid values, so the hostile one
 * reaches the handler. Whatever comes in: no unexpected error, only usage and user errors; no reply
 * that could ping or break a platform; a refused command writes nothing; nothing stored carries
 * control or direction-override characters.
 */
const registry = createRegistry(COMMANDS);
/** Values per option and path. Slow subcommands (a chart, a map) draw a picture whenever a value is valid. */
const PER_OPTION = 8;
const PER_OPTION_SLOW = 1;
const PATHS = 3;
const STRAYS = ['nope', 'constructor', '__proto__', 'toString'];

const perOption = (leaf: Leaf) => (leaf.slow ? PER_OPTION_SLOW : PER_OPTION);
const leavesOf = (command: string) => registry.leaves().filter((leaf) => leaf.command === command);
const inputsFor = (command: string) =>
  leavesOf(command).reduce((n, leaf) => n + leaf.options.length * perOption(leaf) * PATHS + STRAYS.length, 0);

let world: FuzzWorld;
beforeEach(async () => {
  world = await createFuzzWorld();
});
afterEach(async () => await world.close());

/** `/claim add` plus the other required options, valid, written as the text parser reads them. */
function textLine(leaf: Leaf, fuzzed: OptionSpec, value: string, f: Fuzzer, n: number): string {
  const others = leaf.options
    .filter((o) => o.required && o.name !== fuzzed.name && o.type !== 'attachment')
    .map((o) => `${o.name}:${quoteForParser(validValue(leaf, o, n))}`);
  const roll = f.next();
  const written = roll < 0.6 ? `${fuzzed.name}:${quoteForParser(value)}` : roll < 0.8 ? `${fuzzed.name}:${value}` : quoteForParser(value);
  return [leafName(leaf), ...others, written].join(' ');
}

/** The leaf's required options (but `except`) as Discord would send them. */
function typedBase(leaf: Leaf, except: string | undefined, n: number, f: Fuzzer): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const o of leaf.options) {
    if (!o.required || o.name === except) continue;
    const valid = validValue(leaf, o, n);
    args[o.name] = o.type === 'attachment' ? hostileFile(f) : o.type === 'integer' || o.type === 'number' ? Number(valid) : valid;
  }
  return args;
}

describe('every command’s options under fuzz', () => {
  it.each(COMMANDS.map((c) => [c.name, inputsFor(c.name)] as const))(
    '/%s: %i hostile inputs, typed as text, as Slack delivers it and as Discord sends it, give nothing but usage and user errors',
    async (name) => {
      const f = fuzzer([...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 9));
      let n = 0;
      for (const leaf of leavesOf(name)) {
        for (const option of leaf.options) {
          for (let i = 0; i < perOption(leaf); i++) {
            n++;
            await world.text(textLine(leaf, option, f.text(), f, n));
            const slackText = textLine(leaf, option, f.text(), f, n).slice(leaf.command.length + 2);
            await world.slack(leaf.command, asSlackDelivers(slackText, f));
            const value = option.type === 'attachment' ? hostileFile(f) : typedHostileValue(f);
            await world.typed(leaf, { ...typedBase(leaf, option.name, n, f), [option.name]: value });
          }
        }
        // Options the leaf does not have, among them names every object inherits.
        for (const stray of STRAYS) {
          const args = typedBase(leaf, undefined, ++n, f);
          await world.typed(leaf, Object.defineProperty(args, stray, { value: 'x', enumerable: true }));
        }
      }
      expect(world.counts.sent).toBe(inputsFor(name));
      expect(world.problems.slice(0, 12)).toEqual([]);
      expect(unsafeStoredText(inspect(world.bot.services.store))).toEqual([]);
    },
  );
});

describe('autocomplete under fuzz', () => {
  const sources = registry
    .leaves()
    .flatMap((leaf) => leaf.options.flatMap((option) => (autocompleteSourceOf(option) ? [[leafName(leaf), option.name] as const] : [])));

  it(`suggests at most 25 clean choices of at most 100 characters for ${sources.length} options × ${PER_OPTION} hostile prefixes`, async () => {
    const f = fuzzer(25);
    const ctx = { services: world.bot.services, workspace: 'local', channel: { id: 'general' } };
    const bad: string[] = [];
    for (const [leaf, name] of sources) {
      const option = registry
        .leaves()
        .find((l) => leafName(l) === leaf)!
        .options.find((o) => o.name === name)!;
      for (let i = 0; i < PER_OPTION; i++) {
        const typed = f.text();
        const found = await suggest(ctx, autocompleteSourceOf(option)!, typed);
        if (found.length > 25 || found.some((s) => s.name.length > 100 || s.value.length > 100 || UNSAFE_STORED.test(s.name + s.value)))
          bad.push(`${leaf} ${name}:${JSON.stringify(typed.slice(0, 60))}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
