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

describe('/scores calibration and track record', () => {
  /** Ten claims tagged `evals`: ada says 70% on each, and 7 come true; ben says 40% on the first two. */
  async function seventyPercent() {
    for (let i = 6; i <= 15; i++) await bot.run(`/claim add text:"Benchmark claim ${i}" tags:evals`);
    for (let n = 6; n <= 15; n++) await bot.run(`/credence C${n} 70`, { actor: person('ada') });
    await bot.run('/credence C6 40', { actor: person('ben') });
    await bot.run('/credence C7 40', { actor: person('ben') });
    for (let n = 6; n <= 15; n++) await bot.run(`/claim resolve C${n} ${n <= 12 ? 'true' : 'false'}`);
  }

  it('draws the team’s calibration, scores per tag, and a person’s record with their chart', async () => {
    await seventyPercent();
    const team = await bot.run('/scores');
    expect(team.title).toBe('Scores · 10 resolved claims');
    const text = replyText(team);
    expect(text).toMatch(/^ada \| 10 \| 0\.210 \| /m);
    expect(text).toMatch(/^#evals \| 10 \| 12 \| /m);
    expect(text).toContain('below 0 means you beat the team');
    const [chart] = team.attachments ?? [];
    expect(chart).toMatchObject({ name: 'calibration.png', contentType: 'image/png' });
    expect(isPng(chart!.data)).toBe(true);
    expect(chart!.description).toContain('70% said, 7 of 10 true');

    const ada = await bot.run('/scores person:ada');
    expect(ada.title).toBe('Scores of ada');
    expect(replyText(ada)).toContain('Brier 0.210 over 10 claims');
    expect(replyText(ada)).toMatch(/^#evals \| 10 \| 0\.210 \| /m);
    expect(ada.attachments![0]!.description).toBe('Calibration of ada: 70% said, 7 of 10 true');
    expect(ada.ephemeral ?? false).toBe(false);

    const tagged = await bot.run('/scores tag:#Evals');
    expect(tagged.title).toBe('Scores tagged #evals · 10 resolved claims');
  });

  it('/scores me is private, and says so when you have nothing scored', async () => {
    await seventyPercent();
    const mine = await bot.run('/scores me', { actor: person('ben') });
    expect(mine.ephemeral).toBe(true);
    expect(mine.title).toBe('Scores of ben');
    expect(replyText(mine)).toContain('Brier 0.360 over 2 claims, +0.158 vs the team.');
    expect(mine.attachments![0]!.description).toBe('Calibration of ben: 40% said, 2 of 2 true');
    const none = await bot.run('/scores me', { actor: person('zed') });
    expect(isError(none)).toBe(true);
    expect(none.ephemeral).toBe(true);
    expect(replyText(none)).toMatch(/You have no credences on resolved claims or votes in resolved choice polls yet/);
  });

  it('counts resolved choice polls in the table, with their Brier and log scores against the pooled forecast', async () => {
    await bot.run('/poll new kind:choice options:"OpenAI | DeepMind | Anthropic" Which lab ships first? tags:labs', { actor: MOD });
    await bot.run('/poll vote P1 A:50 B:30 C:20', { actor: person('ada') });
    await bot.run('/poll vote P1 C', { actor: person('ben') });
    await bot.run('/poll resolve P1 A', { actor: MOD });
    const team = await bot.run('/scores');
    expect(team.title).toBe('Scores · 1 resolved choice poll');
    // ada (.5, .3, .2) → .25 + .09 + .04 = .38, log ln .5; pooled (.25, .15, .6) → .5625 + .0225 + .36 = .945.
    expect(replyText(team)).toMatch(/^ada \| 0 \| – \| – \| 1 \| 0\.380 \| −0\.693 \| −0\.565$/m);
    expect(replyText(team)).toMatch(/^ben \| 0 \| – \| – \| 1 \| 2\.000 \| −6\.908 \| \+1\.055$/m);
    expect(replyText(team)).toContain('Σ over options');
    const ada = replyText(await bot.run('/scores person:ada'));
    expect(ada).toContain('Choice polls: Brier 0.380, log −0.693 over 1 poll, −0.565 vs the team.');
    expect(ada).toMatch(/^P1 \| A: OpenAI \| 50% \| 0\.380 \| −0\.693 \| 25% \|/m);
  });

  it('refuses an unknown tag or person with a clear message and an example', async () => {
    await bot.run('/claim add text:"A tagged claim" tags:evals');
    await bot.run('/credence C6 70', { actor: person('ada') });
    await bot.run('/claim resolve C6 true');
    const tag = await bot.run('/scores tag:nonsense');
    expect(isError(tag)).toBe(true);
    expect(replyText(tag)).toMatch(/tag: no claim here is tagged #nonsense\. Tags in use: #evals\. Example: `?\/scores tag:evals`?/);
    expect(replyText(await bot.run('/scores tag:"two tags"'))).toMatch(/tag: give one tag/);
    expect(replyText(await bot.run('/scores person:zed'))).toMatch(/zed has no credences on resolved claims/);
  });
});
