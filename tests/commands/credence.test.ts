import { countRows } from '../support/rows.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import { ALICE, BOB, createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

const CY: Actor = { id: 'cy', name: 'cy' };

let bot: TestBot;
beforeEach(async () => {
  bot = createTestBot();
  await bot.run('/debate new slug:goal-drift title:"Does misalignment grow with serial steps?"');
  await bot.run('/claim add Goals drift randomly with every serial step');
  await bot.run('/claim add Corrective data fixes drift as easily as it was caused');
});
afterEach(async () => await bot.close());

const credenceRows = async () => await countRows(bot.services.store, 'credences');

describe('/credence', () => {
  it('records privately, and shows the previous value when I update', async () => {
    const first = await bot.run('/credence C1 60');
    expect(first.ephemeral).toBe(true);
    expect(replyText(first)).toContain('Recorded P(C1) = 60%.');
    const second = await bot.run('/credence C1 70%');
    expect(replyText(second)).toContain('Updated P(C1): 60% → 70% (+10 pts).');
    expect(replyText(second)).toContain('Team: 70% team forecast · median 70% · 1 person');
    // Append-only: both values are kept, with an audit row each.
    expect(await credenceRows()).toBe(2);
    const audit = (await bot.services.store.audit.recent('local', 1))[0];
    expect(audit).toMatchObject({ action: 'credence.record', entity: 'C1', before: { value: 0.6 }, after: { value: 0.7 } });
  });

  it('accepts 0.7 and 3:1, and stores nothing when the value did not change', async () => {
    await bot.run('/credence C1 0.7');
    expect(replyText(await bot.run('/credence C1 70'))).toContain('P(C1) is still 70%; nothing changed.');
    expect(replyText(await bot.run('/credence C1 3:1', { actor: BOB }))).toContain('Recorded P(C1) = 75%.');
    expect(await credenceRows()).toBe(2);
  });

  it('shows the team’s geometric mean of odds as people add theirs', async () => {
    await bot.run('/credence C1 90');
    await bot.run('/credence C1 90', { actor: BOB });
    const reply = replyText(await bot.run('/credence C1 50', { actor: CY }));
    expect(reply).toContain('Team: 81% team forecast · median 90% · IQR 70–90% · 3 people');
  });

  it('records conditionals, says what is missing, then the crux strength and a coherence gap', async () => {
    const first = replyText(await bot.run('/credence C1 80 given:C2'));
    expect(first).toContain('Recorded P(C1 | C2) = 80%.');
    expect(first).toContain('add /credence C1 <value> given:!C2 and /credence C2 <value>');
    await bot.run('/credence C1 40 given:!C2');
    await bot.run('/credence C1 30');
    // P(C2) completes the set: 2·.25·.75·.4 = 15 points; implied P(C1) = 50% against the stated 30%.
    const done = replyText(await bot.run('/credence C2 25'));
    expect(done).toContain('Recorded P(C2) = 25%.');
    expect(done).toContain('C2 is worth 15 points to you on C1');
    expect(done).toContain('Your P(C1) is 30%, but your conditionals imply 50% (25% × 80% + 75% × 40%)');
    // Moving P(C1) to what the conditionals imply: no more gap to point out.
    const fixed = replyText(await bot.run('/credence C1 50'));
    expect(fixed).toContain('C2 is worth 15 points to you on C1');
    expect(fixed).not.toContain('may need another look');
    expect(replyText(await bot.run('/credence C1 60% given:!C2'))).toContain('C2 is worth 8 points to you on C1');
  });

  it('lists my latest credences, plain and conditional, and only mine', async () => {
    await bot.run('/credence C1 60');
    await bot.run('/credence C1 65');
    await bot.run('/credence C1 80 given:!C2');
    await bot.run('/credence C2 10', { actor: BOB });
    const mine = await bot.run('/credence mine');
    expect(mine.ephemeral).toBe(true);
    const text = replyText(mine);
    expect(text).toContain('Your credences (2)');
    expect(text).toMatch(/P\(C1\) \| 65%/);
    expect(text).toMatch(/P\(C1 \| ¬C2\) \| 80%/);
    expect(text).not.toContain('10%');
    expect(replyText(await bot.run('/credence mine', { actor: CY }))).toContain('You have no credences here yet');
  });

  it('refuses bad values and conditions with a message naming what was wrong, storing nothing', async () => {
    await bot.run('/claim add A third claim, soon retracted');
    await bot.run('/claim retract C3');
    const cases: [string, RegExp][] = [
      ['/credence C1 -5', /-5 is below 0%/],
      ['/credence C1 150%', /150% is above 100%/],
      ['/credence C1 abc', /"abc" is not a credence/],
      ['/credence C1 1:0', /certainty, not odds/],
      ['/credence C1 NaN', /"nan" is not a credence/],
      ['/credence C1', /missing `?value/],
      ['/credence C1 50 given:C1', /cannot be conditional on C1 itself/],
      ['/credence C1 50 given:C3', /C3 is retracted; condition on another claim/],
      ['/credence C1 50 given:C99', /no claim C99 here/],
      ['/credence C1 50 given:maybe', /given: expects a claim like C5/],
      ['/credence C3 50', /C3 is retracted, so it takes no credences/],
      ['/credence C99 50', /no claim C99 here/],
    ];
    for (const [line, message] of cases) {
      const reply = await bot.run(line);
      expect(isError(reply), line).toBe(true);
      expect(reply.ephemeral, line).toBe(true);
      expect(replyText(reply), line).toMatch(message);
    }
    expect(await credenceRows()).toBe(0);
  });

  it('refuses a resolved claim and says how to reopen it', async () => {
    await bot.run('/claim resolve C1 false');
    const reply = await bot.run('/credence C1 50');
    expect(replyText(reply)).toMatch(/C1 is resolved \(false\), so credences on it are closed.*\/claim resolve C1 undo/);
    expect(await credenceRows()).toBe(0);
  });
});

describe('/credence show and the claim card', () => {
  it('the card carries the team credence and a Credence… button whose form records mine', async () => {
    expect(replyText(await bot.run('/claim show C1'))).toContain('Team credence: none yet · /credence C1 70');
    await bot.run('/credence C1 20', { actor: BOB });
    const card = await bot.run('/claim show C1');
    expect(replyText(card)).toContain('Team credence: 20% team forecast · median 20% · 1 person');
    const button = card.components!.flat().find((c) => c.type === 'button' && c.label === 'Credence…');
    expect(button).toBeDefined();
    const form = await bot.interact((button as { id: string }).id);
    expect(form.modal?.title).toBe('Your credence in C1');
    const saved = await bot.interact(form.modal!.id, { fields: { value: '0.8', given: '' } });
    expect(saved.ephemeral).toBe(true);
    expect(replyText(saved)).toContain('Recorded P(C1) = 80%.');
    expect(replyText(saved)).toContain('2 people');
    const bad = await bot.interact(form.modal!.id, { fields: { value: 'lots' } });
    expect(replyText(bad)).toMatch(/"lots" is not a credence/);
  });

  it('shows the aggregate, histogram and conditional medians', async () => {
    await bot.run('/credence C1 10');
    await bot.run('/credence C1 90', { actor: BOB });
    await bot.run('/credence C1 70 given:C2', { actor: BOB });
    const text = replyText(await bot.run('/credence show C1'));
    expect(text).toContain('Team forecast: 50%');
    expect(text).toContain(' 0–20% │████████████████ 1');
    expect(text).toContain('80–100% │████████████████ 1');
    expect(text).toMatch(/C2 \| 70% \| — \| 1/);
    expect(replyText(await bot.run('/credence show C2'))).toContain('Nobody has given a credence yet');
  });
});

describe('workspace isolation', () => {
  it('cannot rate, show or read another workspace’s claims and credences', async () => {
    await bot.run('/credence C1 60', { actor: ALICE });
    const other = { workspace: 'slack:T999' };
    expect(replyText(await bot.run('/credence C1 90', other))).toMatch(/no claim C1 here/);
    expect(replyText(await bot.run('/credence show C1', other))).toMatch(/no claim C1 here/);
    expect(replyText(await bot.run('/credence mine', other))).toContain('You have no credences here yet');
    expect(replyText(await bot.interact('credence:form:1', {}, other))).toMatch(/no claim C1 here/);
    expect(await credenceRows()).toBe(1);
  });
});
