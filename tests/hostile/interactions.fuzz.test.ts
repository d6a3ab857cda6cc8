import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import type { InteractionInput } from '../../src/core/dispatch.ts';
import { unsafeStoredText, inspect } from '../support/db-state.ts';
import { createFuzzWorld, type FuzzWorld } from '../support/fuzz-world.ts';
import { fuzzer, HOSTILE_FRAGMENTS, type Fuzzer } from '../support/hostile-input.ts';

/**
 * Buttons, selects and forms with hostile custom ids: every interaction the commands declare (so one
 * added later is fuzzed too) with parameters out of range, of the wrong kind or not ids at all, and
 * forms filled with hostile text; and ids that name no handler, among them the names every object
 * inherits. Nothing but usage and user errors; nothing that pings; a refused click writes nothing.
 */
const PER_INTERACTION = 20;
const RANDOM_IDS = 60;
const INTERACTIONS = COMMANDS.flatMap((c) => Object.keys(c.interactions).map((action) => `${c.name}:${action}`));

/** Parameters a custom id can carry (`[A-Za-z0-9._!-]`), at the edges of what handlers expect. */
const PARAMS = [
  '1',
  '2',
  '3',
  '0',
  '-1',
  '999999999',
  '9'.repeat(40),
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  'C1',
  '#1',
  '50',
  '50.0',
  '-0',
  '.5',
  'supports',
  'constructor',
  '__proto__',
  'a.b',
  '!!',
  '',
];

let world: FuzzWorld;
beforeEach(async () => {
  world = await createFuzzWorld();
});
afterEach(async () => await world.close());

function hostileInput(f: Fuzzer): InteractionInput {
  const fields = Object.fromEntries(
    ['text', 'tags', 'target', 'kind', 'value', 'given', f.pick(['constructor', 'x'])].map((id) => [id, f.text()]),
  );
  return {
    fields,
    values: [f.text(), f.pick(PARAMS)],
    ...(f.next() < 0.3
      ? {
          message: {
            id: f.pick(PARAMS),
            channelId: 'general',
            authorId: f.text(),
            authorName: f.text(),
            text: f.text(),
            permalink: f.text(),
          },
        }
      : {}),
  };
}

describe('buttons and forms under fuzz', () => {
  it(`${INTERACTIONS.length} interactions × ${PER_INTERACTION} hostile ids and forms, and ${RANDOM_IDS} ids that name no handler, give nothing but user errors`, async () => {
    const f = fuzzer(99);
    for (const interaction of INTERACTIONS) {
      for (let i = 0; i < PER_INTERACTION; i++) {
        const params = Array.from({ length: Math.floor(f.next() * 3) }, () => (f.next() < 0.8 ? f.pick(PARAMS) : f.text()));
        await world.click([interaction, ...params].join(':'), hostileInput(f));
      }
    }
    const commands = [...COMMANDS.map((c) => c.name), 'nope', ''];
    const actions = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'nope', ''];
    for (let i = 0; i < RANDOM_IDS; i++) {
      const id =
        f.next() < 0.7
          ? `${f.pick(commands)}:${f.pick(actions)}:${f.pick(PARAMS)}`
          : f.pick([f.text(), `${f.pick(commands)}:${f.pick(HOSTILE_FRAGMENTS)}`, 'x'.repeat(101)]);
      const reply = await world.click(id, hostileInput(f));
      expect(reply.accent, id).toBe('error');
    }
    expect(world.problems.slice(0, 12)).toEqual([]);
    expect(unsafeStoredText(inspect(world.bot.services.store))).toEqual([]);
  });
});
