import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { parseCustomId } from '../../src/core/custom-id.ts';
import { databaseDigest, inspect } from '../support/db-state.ts';
import { ALICE, BOB, isError, replyText } from '../support/harness.ts';
import { A, B, createTwoWorkspaces, SECRET, type TwoWorkspaces } from '../support/two-workspaces.ts';

/**
 * Every custom id a reply in workspace A carried (claim card, credence form, poll, capture review, the
 * forms they open, the "Capture as claim" draft), replayed from workspace B: each finds nothing, shows
 * nothing of A's and changes nothing, in A or anywhere. A test below checks that A's replies offered
 * every interaction the commands declare, so a button added later is replayed too.
 */
let world: TwoWorkspaces;
beforeAll(async () => {
  world = await createTwoWorkspaces();
});
afterAll(async () => await world.close());

/** What someone in B types into any of the forms. */
const FIELDS = { text: 'B writes into A', tags: 'b-tag', target: 'C1', kind: 'supports', value: '50%', given: '' };
const messageActions = new Set(COMMANDS.flatMap((c) => c.messageActions.map((a) => `${c.name}:${a.action}`)));

describe('custom ids from workspace A, replayed in workspace B', () => {
  it('include every interaction the commands declare', () => {
    const seen = new Set(world.customIds.map((id) => `${parseCustomId(id).command}:${parseCustomId(id).action}`));
    const declared = COMMANDS.flatMap((c) => Object.keys(c.interactions).map((action) => `${c.name}:${action}`));
    expect(declared.filter((name) => !seen.has(name))).toEqual([]);
  });

  it('find nothing, show nothing of A and change nothing', async () => {
    for (const id of world.customIds) {
      for (const actor of [ALICE, BOB]) {
        const before = { a: world.digestOfA(), all: databaseDigest(inspect(world.bot.services.store)) };
        const reply = await world.bot.interact(id, { fields: FIELDS, values: ['C3'] }, { ...B, actor });
        const words = replyText(reply);
        // A message action carries no id of A's: in B it acts on B's own message (and here, has none).
        if (!messageActions.has(id)) expect(isError(reply), `${id} → ${words}`).toBe(true);
        expect(words, id).not.toContain(SECRET);
        expect(reply.modal?.inputs.map((i) => i.value ?? '').join(' ') ?? '', id).not.toContain(SECRET);
        expect(world.digestOfA(), id).toBe(before.a);
        expect(databaseDigest(inspect(world.bot.services.store)), id).toBe(before.all);
      }
    }
  });

  it('leave A’s own form usable: the draft still turns into A’s claim', async () => {
    await world.bot.interact(world.captureForm, { fields: FIELDS }, B);
    const reply = await world.bot.interact(world.captureForm, { fields: { text: 'Captured in A after all', tags: '' } }, A);
    expect(replyText(reply)).toMatch(/Captured C\d+ from ana into `?secret/);
    const claim = (await world.bot.services.store.search.claims(A.workspace, 'captured after all', { limit: 1 }))[0];
    expect(claim?.source.excerpt).toBe(`${SECRET} said in chat`);
  });
});
