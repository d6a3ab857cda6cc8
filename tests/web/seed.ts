import type { Actor } from '../../src/core/context.ts';
import { ALICE, BOB, type TestBot } from '../support/harness.ts';

const CAROL: Actor = { id: 'carol', name: 'carol' };
const DAN: Actor = { id: 'dan', name: 'dan' };
export const PEOPLE: readonly Actor[] = [ALICE, BOB, CAROL, DAN];

/**
 * A 30-claim debate in the shape of the one cruxbot was made for: C1 the root, the rest supporting,
 * opposing or being cruxes of earlier claims; four people's credences; and on C5 a poll that hides its
 * results until it closes, with votes of 23% and 29% (numbers used nowhere else).
 */
export async function seedThirtyClaims(bot: TestBot): Promise<{ token: (reply: string) => string }> {
  await bot.run('/debate new slug:goal-drift title:"Do goals drift at random, or can data direct them?"');
  for (let i = 1; i <= 30; i++) {
    const text = i === 1 ? 'An agent’s goals drift at random with every serial step of reasoning' : `Argument ${i} about drift & <data> "direction"`;
    await bot.run(`/claim add text:"${text.replace(/"/g, '\\"')}"`);
  }
  await bot.run('/debate root C1');
  const kinds = ['supports', 'opposes', 'crux-of'];
  for (let i = 2; i <= 30; i++) await bot.run(`/link from:C${i} to:C${Math.max(1, Math.floor(i / 3))} kind:${kinds[i % 3]}`);
  const values = [70, 60, 80, 40];
  for (const [p, person] of PEOPLE.entries()) {
    for (const n of [1, 2, 3, 4, 6, 7, 8]) await bot.run(`/credence C${n} ${values[(p + n) % values.length]}`, { actor: person });
  }
  await bot.run('/poll C5 hide:until-close');
  await bot.run('/credence C5 23', { actor: BOB });
  await bot.run('/credence C5 29', { actor: CAROL });
  return { token: (reply) => /\/d\/([A-Za-z0-9_-]{22})/.exec(reply)![1]! };
}
