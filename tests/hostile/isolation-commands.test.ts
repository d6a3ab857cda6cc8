import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import type { Leaf } from '../../src/core/command.ts';
import { suggest } from '../../src/queries/autocomplete.ts';
import { autocompleteSourceOf, type OptionSpec } from '../../src/core/options.ts';
import { createRegistry } from '../../src/core/registry.ts';
import { databaseDigest, inspect } from '../support/db-state.ts';
import { leafName } from '../support/fuzz-world.ts';
import { quoteForParser } from '../support/hostile-input.ts';
import { ALICE, BOB, isError, replyText } from '../support/harness.ts';
import { B, createTwoWorkspaces, SECRET, type TwoWorkspaces } from '../support/two-workspaces.ts';

/**
 * Workspace B runs every command that takes an id (a claim, a debate, a claim reference like `!C4` or
 * `C3,C5`, a drift run) pointing at ids that exist only in workspace A, and every command bare: each is
 * refused or finds nothing, nothing of A's shows, and A's rows are unchanged. The commands and their
 * options come from the registry, so a command added later is covered too.
 */
const registry = createRegistry(COMMANDS);

/** Options that name a claim, a debate or a drift run. */
function takesId(option: OptionSpec): boolean {
  return (
    option.type === 'claim' ||
    option.type === 'debate' ||
    autocompleteSourceOf(option) === 'claim' ||
    /^!?[CR]\d+(?:,[CR]\d+)*$/.test(option.example ?? '')
  );
}

/** Ids that exist in A and not in B. */
function onlyInA(option: OptionSpec): string[] {
  if (option.type === 'claim') return ['C3', 'C6'];
  if (option.type === 'debate') return ['a-only'];
  return ['C3', '!C4', 'C3,C5', 'R1'];
}

/** B's own values for the other required options: its claims C1 and C2, its `secret` debate, two people. */
function validInB(leaf: Leaf, option: OptionSpec): string {
  const same = leaf.options.filter((o) => o.type === option.type).indexOf(option);
  if (option.choices) return option.choices[0]!;
  if (option.type === 'claim') return ['C1', 'C2'][same] ?? 'C1';
  if (option.type === 'debate') return 'secret';
  if (option.type === 'user') return [ALICE.id, BOB.id][same] ?? ALICE.id;
  if (option.type === 'integer' || option.type === 'number') return String(option.min ?? 1);
  return option.example?.replace(/^"|"$/g, '') ?? 'words';
}

/** The same, typed as Discord sends them; a file option gets B's own export, so an import can run. */
function typedArgs(leaf: Leaf, overrides: Record<string, string>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const o of leaf.options) {
    if (o.name in overrides) args[o.name] = overrides[o.name];
    else if (o.type === 'attachment' && o.required) args[o.name] = exportOfB;
    else if (o.required) args[o.name] = o.type === 'integer' || o.type === 'number' ? Number(validInB(leaf, o)) : validInB(leaf, o);
  }
  return args;
}

function line(leaf: Leaf, overrides: Record<string, string>): string {
  const args = leaf.options
    .filter((o) => o.name in overrides || (o.required && o.type !== 'attachment'))
    .map((o) => `${o.name}:${quoteForParser(overrides[o.name] ?? validInB(leaf, o))}`);
  return [leafName(leaf), ...args].join(' ');
}

let world: TwoWorkspaces;
let exportOfB: unknown;
beforeAll(async () => {
  world = await createTwoWorkspaces();
  exportOfB = (await world.bot.run('/debate export format:json', B)).attachments![0];
});
afterAll(async () => await world.close());

const idLeaves = registry.leaves().filter((leaf) => leaf.options.some(takesId));

describe('workspace B, pointing at ids that exist only in workspace A', () => {
  it('covers the commands that take ids', () => {
    const names = idLeaves.map(leafName);
    for (const expected of [
      '/claim show',
      '/link',
      '/credence set',
      '/poll open',
      '/poll close',
      '/cruxes',
      '/map',
      '/groups',
      '/drift show',
    ])
      expect(names).toContain(expected);
  });

  it.each(idLeaves.map((leaf) => [leafName(leaf), leaf] as const))(
    '%s is refused, shows nothing of A and changes nothing',
    async (_, leaf) => {
      for (const option of leaf.options.filter(takesId)) {
        for (const value of onlyInA(option)) {
          const before = { a: world.digestOfA(), all: databaseDigest(inspect(world.bot.services.store)) };
          const typed = line(leaf, { [option.name]: value });
          const invocation = { command: leaf.command, ...(leaf.subcommand ? { subcommand: leaf.subcommand } : {}) };
          for (const reply of [
            await world.bot.run(typed, B),
            await world.bot.command({ ...invocation, args: typedArgs(leaf, { [option.name]: value }) }, B),
          ]) {
            const words = replyText(reply);
            expect(isError(reply), `${typed} → ${words}`).toBe(true);
            expect(words, typed).not.toContain(SECRET);
          }
          expect(world.digestOfA(), typed).toBe(before.a);
          expect(databaseDigest(inspect(world.bot.services.store)), typed).toBe(before.all);
        }
      }
    },
  );

  it('suggests nothing of A while someone in B types a claim, a debate or a tag', async () => {
    const ctx = { services: world.bot.services, workspace: B.workspace, channel: { id: 'general' } };
    for (const typed of ['', SECRET, 'hidden', 'C3', 'C6', 'a-only', '3']) {
      const found = [
        ...(await suggest(ctx, 'claim', typed)),
        ...(await suggest(ctx, 'debate', typed)),
        ...(await suggest(ctx, 'tag', typed)),
      ];
      expect(found.map((s) => `${s.name} ${s.value}`).join('\n'), typed).not.toMatch(/HIDDEN-A|hidden-tag|a-only/);
    }
  });
});

describe('workspace B, running every command on its own', () => {
  it.each(registry.leaves().map((leaf) => [leafName(leaf), leaf] as const))(
    '%s shows nothing of A and leaves A’s rows alone',
    async (_, leaf) => {
      // Alice has claims, credences and polls in A too: her own lists in B must not show them.
      const before = world.digestOfA();
      const typed = line(leaf, {});
      const reply = await world.bot.run(typed, { ...B, actor: ALICE });
      expect(replyText(reply), typed).not.toContain(SECRET);
      expect(world.digestOfA(), typed).toBe(before);
    },
  );
});
