import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import { isPng } from '../../src/render/png.ts';
import { createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

const person = (name: string): Actor => ({ id: name, name });
const MOD: Actor = { id: 'mo', name: 'mo', isModerator: true };

let bot: TestBot;
beforeEach(async () => {
  bot = createTestBot();
  await bot.run('/debate new slug:goal-drift title:"Does misalignment grow with serial steps?"');
  for (const text of [
    'Misalignment grows with every serial step',
    'Goals permute randomly at a small rate per step',
    'Corrective data fixes drift as easily as it was caused',
    'AIs will produce most of their own training data',
    'An objection channel detects hidden misalignment',
  ])
    await bot.run(`/claim add ${text}`);
});
afterEach(async () => await bot.close());

/** Two camps of four: "drifters" find C1, C2, C4 likely and C3 unlikely; "correctors" the reverse. Both like C5. */
async function twoCamps() {
  const drifters = { C1: [85, 80, 90, 75], C2: [80, 70, 85, 90], C3: [20, 15, 30, 25], C4: [70, 80, 75, 65], C5: [80, 70, 75, 85] };
  const correctors = { C1: [15, 20, 10, 30], C2: [25, 20, 15, 30], C3: [85, 80, 90, 75], C4: [30, 20, 35, 25], C5: [70, 80, 85, 75] };
  for (const [camp, names] of [
    [drifters, ['ada', 'ben', 'cy', 'dana']],
    [correctors, ['eli', 'fay', 'gus', 'hal']],
  ] as const) {
    for (const [i, name] of names.entries()) {
      for (const [claim, values] of Object.entries(camp)) await bot.run(`/credence ${claim} ${values[i]}`, { actor: person(name) });
    }
  }
}

describe('/groups', () => {
  it('finds the two camps, what sets each apart, the common ground and what divides them', async () => {
    await twoCamps();
    const reply = await bot.run('/groups');
    expect(reply.title).toBe('Opinion groups in goal-drift');
    const text = replyText(reply);
    expect(text).toMatch(/2 groups among 8 people over 5 claims · clear separation \(silhouette 0\.\d\d\)/);
    const groupLines = text.split('\n').filter((l) => l.startsWith('Group '));
    expect(groupLines.map((l) => l.replace(/:.*/, ''))).toEqual(
      expect.arrayContaining(['Group A · 4 · ada, ben, cy, dana', 'Group B · 4 · eli, fay, gus, hal']),
    );
    expect(text).toMatch(/(likely|unlikely): C\d .*\(4 of 4; others 0 of 4\)/);
    expect(text).toContain('Common ground: C5 likely for every group: An objection channel detects hidden misalignment');
    expect(text).toMatch(/^C1 \| (100% \| 0%|0% \| 100%) \| Misalignment grows/m);
    expect(text).not.toMatch(/^C5 \|/m);
    const [map] = reply.attachments ?? [];
    expect(map).toMatchObject({
      name: 'opinion-groups.png',
      contentType: 'image/png',
      description: 'Opinion map: group A of 4, group B of 4',
    });
    expect(isPng(map!.data)).toBe(true);
  });

  it('works over a chosen set of claims, and refuses a bad list', async () => {
    await twoCamps();
    expect((await bot.run('/groups claims:C1,C2,C3')).title).toBe('Opinion groups over C1, C2, C3');
    expect(replyText(await bot.run('/groups claims:C1,banana'))).toMatch(/claims: "banana" is not a claim id/);
    expect(replyText(await bot.run('/groups claims:C1,C99'))).toMatch(/no claim C99 here/);
  });

  it('leaves out a claim whose open poll hides its results, and says so', async () => {
    await twoCamps();
    await bot.run('/poll C3 hide:until-close', { actor: MOD });
    const text = replyText(await bot.run('/groups'));
    expect(text).toMatch(/2 groups among 8 people over 4 claims/);
    expect(text).not.toMatch(/\bC3\b(?! \(an open poll)/);
    expect(text).toContain("Left out: C3 (an open poll hides the team's results on it until it closes).");
  });

  it('says what is missing with too few people, and stays in its workspace', async () => {
    await bot.run('/credence C1 70', { actor: person('ada') });
    await bot.run('/credence C2 70', { actor: person('ben') });
    const reply = await bot.run('/groups');
    expect(isError(reply)).toBe(true);
    expect(replyText(reply)).toMatch(/Opinion groups need at least 4 people who rated several of the claims; `?goal-drift`? has 2/);
    expect(replyText(await bot.run('/groups goal-drift', { workspace: 'discord:5' }))).toMatch(/no debate goal-drift/);
  });
});

describe('/scores', () => {
  it('scores each person on resolved claims, absolute and against the team median', async () => {
    await bot.run('/credence C1 90', { actor: person('ada') });
    await bot.run('/credence C1 60', { actor: person('ben') });
    await bot.run('/credence C1 20', { actor: person('cy') });
    await bot.run('/credence C2 30', { actor: person('ada') });
    await bot.run('/claim resolve C1 true');
    await bot.run('/claim resolve C2 false');
    await bot.run('/claim resolve C3 ambiguous');
    const reply = await bot.run('/scores');
    expect(reply.title).toBe('Scores · 2 resolved claims');
    // ada: C1 .01 and C2 .09 → .050; vs team: (.01 − .16) and (.09 − .09) → −.075.
    expect(replyText(reply)).toMatch(/^ada \| 2 \| 0\.050 \| −0\.075$/m);
    expect(replyText(reply)).toMatch(/^ben \| 1 \| 0\.160 \| ±0\.000$/m);
    expect(replyText(reply)).toMatch(/^cy \| 1 \| 0\.640 \| \+0\.480$/m);
    const ada = replyText(await bot.run('/scores user:ada'));
    expect(ada).toContain('Brier 0.050 over 2 claims, −0.075 vs the team.');
    expect(ada).toMatch(/^C1 \| true \| 90% \| 0\.010 \| 60% \|/m);
  });

  it('stops scoring a claim when its resolution is undone', async () => {
    await bot.run('/credence C1 90', { actor: person('ada') });
    await bot.run('/claim resolve C1 false', { actor: MOD });
    expect(replyText(await bot.run('/scores'))).toMatch(/^ada \| 1 \| 0\.810/m);
    await bot.run('/claim resolve C1 undo', { actor: MOD });
    expect(replyText(await bot.run('/scores'))).toMatch(/No claims are resolved true or false yet/);
  });

  it('says what is missing, by debate and by person', async () => {
    expect(replyText(await bot.run('/scores'))).toMatch(/No claims are resolved true or false yet.*\/claim resolve C3 true/);
    await bot.run('/claim resolve C1 true');
    expect(replyText(await bot.run('/scores'))).toMatch(/1 claim is resolved, but nobody had given a credence on it/);
    await bot.run('/credence C2 40', { actor: person('ada') });
    await bot.run('/claim resolve C2 true');
    expect(replyText(await bot.run('/scores user:zed'))).toMatch(/zed has no credences on resolved claims/);
    expect(replyText(await bot.run('/scores nowhere'))).toMatch(/no debate nowhere/);
    expect(replyText(await bot.run('/scores', { workspace: 'slack:T1' }))).toMatch(/No claims are resolved/);
  });
});
