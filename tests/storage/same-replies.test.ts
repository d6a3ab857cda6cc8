import { describe, expect, it } from 'vitest';
import { ALICE, BOB, createTestBot, replyText } from '../support/harness.ts';
import type { Actor } from '../../src/core/context.ts';
import { POSTGRES, SQLITE, type Backend } from './backends.ts';
import { POSTGRES_URL } from '../support/postgres.ts';

const CAROL: Actor = { id: 'carol', name: 'carol' };

/** A working session a team would have: every command that reads or writes the store, by three people. */
const SESSION: [Actor, string][] = [
  [ALICE, '/debate new slug:reward title:"Is reward the optimisation target?"'],
  [ALICE, '/claim add text:"Reward is the optimisation target for RL agents" tags:rl,core'],
  [BOB, '/claim add text:"Agents learn proxies that merely correlate with reward" tags:rl'],
  [CAROL, '/claim add text:"Specification gaming shows reward seeking" source:https://example.org/specgaming'],
  [BOB, '/claim add text:"Goal drift is random under long training"'],
  [BOB, '/link from:C2 to:C1 kind:opposes'],
  [CAROL, '/link from:C3 to:C1 kind:supports'],
  [ALICE, '/link from:C4 to:C2 kind:crux-of'],
  [ALICE, '/link from:C3 to:C1 kind:supports'],
  [ALICE, '/credence C1 70'],
  [BOB, '/credence C1 20'],
  [CAROL, '/credence C1 55'],
  [ALICE, '/credence C2 30'],
  [BOB, '/credence C2 85'],
  [CAROL, '/credence C2 40'],
  [ALICE, '/credence C1 80 given:C3'],
  [ALICE, '/credence C1 40 given:!C3'],
  [BOB, '/credence C3 15'],
  [ALICE, '/credence C1 75'],
  [ALICE, '/credence mine'],
  [BOB, '/credence show C1'],
  [ALICE, '/claim show C1'],
  [ALICE, '/claim list'],
  [ALICE, '/claim list tag:rl'],
  [ALICE, '/claim search reward'],
  [ALICE, '/claim search C'],
  [BOB, '/claim edit C2 text:"Agents learn proxies that only correlate with reward"'],
  [ALICE, '/debate show'],
  [ALICE, '/debate list'],
  [ALICE, '/map format:text'],
  [ALICE, '/cruxes C1'],
  [ALICE, '/groups'],
  [ALICE, '/poll C2 hide:until-voted'],
  [ALICE, '/poll list'],
  [ALICE, '/poll close C2'],
  [CAROL, '/claim resolve C3 true'],
  [ALICE, '/scores'],
  [ALICE, '/debate new slug:drift title:"Do goals drift?"'],
  [ALICE, '/claim add text:"Drift can be directed by data"'],
  [ALICE, '/debate use reward'],
  [ALICE, '/claim merge C4 into:C2'],
  [ALICE, '/unlink C3 C1'],
  [ALICE, '/claim retract C5 reason:"wrong debate"'],
  [ALICE, '/debate export format:json'],
  [ALICE, '/debate delete drift confirm:drift'],
  [ALICE, '/debate list'],
  [ALICE, '/claim add text:"A claim after the delete"'],
];

async function replies(backend: Backend): Promise<string[]> {
  const { store, dispose } = await backend.open();
  const bot = createTestBot({ store });
  try {
    const out: string[] = [];
    for (const [actor, line] of SESSION) {
      const reply = await bot.run(line, { actor });
      out.push(
        `${actor.name}: ${line}\n${replyText(reply)}\n${(reply.attachments ?? []).map((f) => `${f.name} ${f.data.length}`).join(', ')}`,
      );
    }
    return out;
  } finally {
    await dispose();
  }
}

describe.runIf(POSTGRES_URL)('one session on SQLite and on PostgreSQL', () => {
  it('gives every command the same reply, word for word', async () => {
    const [onSqlite, onPostgres] = [await replies(SQLITE), await replies(POSTGRES)];
    const all = onSqlite.join('\n');
    expect(all).not.toMatch(/Something went wrong|There is no|Usage:/);
    if (process.env.CRUXBOT_PRINT_SESSION) console.log(all);
    for (let i = 0; i < SESSION.length; i++) expect(onPostgres[i], SESSION[i]![1]).toBe(onSqlite[i]);
  });
});
