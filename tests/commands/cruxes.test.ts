import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import { createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

const person = (name: string): Actor => ({ id: name, name });
const [ADA, BEN, CY, DANA] = ['ada', 'ben', 'cy', 'dana'].map(person) as [Actor, Actor, Actor, Actor];

let bot: TestBot;
beforeEach(async () => {
  bot = createTestBot();
  await bot.run('/debate new slug:goal-drift title:"Does misalignment grow with serial steps?"');
  await bot.run('/claim add Misalignment grows with every serial step'); // C1
  await bot.run('/claim add Goals permute randomly at a small rate per step'); // C2
  await bot.run('/claim add Corrective data fixes drift as easily as it was caused'); // C3
  await bot.run('/claim add Values crystallize late in training'); // C4
  await bot.run('/link C3 C1 opposes');
  await bot.run('/link C2 C1 crux-of');
});
afterEach(async () => await bot.close());

async function rate(actor: Actor, values: Record<string, number>) {
  for (const [claim, value] of Object.entries(values)) {
    const [id, given] = claim.split('|');
    const reply = await bot.run(`/credence ${id} ${value}${given ? ` given:${given}` : ''}`, { actor });
    expect(isError(reply), `${actor.name} ${claim}`).toBe(false);
  }
}

describe('/cruxes', () => {
  it('ranks by conditionals where given and by the proxy otherwise, saying which, with spread and people', async () => {
    // C2: conditionals from ada and ben. C3: no conditionals, but three people rated C1 and C3 in opposite order.
    await rate(ADA, { C1: 80, C2: 50, 'C1|C2': 90, 'C1|!C2': 30, C3: 20 });
    await rate(BEN, { C1: 60, C2: 20, 'C1|C2': 80, 'C1|!C2': 30, C3: 50 });
    await rate(CY, { C1: 30, C3: 85 });
    const reply = await bot.run('/cruxes C1');
    expect(reply.ephemeral).toBeFalsy();
    expect(reply.title).toBe('Cruxes of C1');
    const rows = replyText(reply)
      .split('\n')
      .filter((l) => /^(◆ )?C\d/.test(l));
    // ada 2·.5·.5·.6 = 30 pts, ben 2·.2·.8·.5 = 16 pts: mean 23 pts.
    expect(rows[0]).toMatch(/^◆ C2 Goals permute.* \| conditionals \| 23 pts \| IQR 28–43% \| 2$/);
    expect(rows[1]).toMatch(/^C3 Corrective data.* \| proxy \| 1\.28 \(r −1\.00\) \| IQR 35–68% \| 3$/);
    expect(rows).toHaveLength(2);
    expect(replyText(reply)).toContain('1 other claim has too little data to rank.');
  });

  it('says what is missing on a claim nobody rated, instead of an empty table', async () => {
    const reply = await bot.run('/cruxes C4');
    expect(isError(reply)).toBe(true);
    expect(replyText(reply)).toMatch(/Nobody has given a credence in C4 yet.*\/credence C4 70.*given:C5.*at least 3 people/s);
    expect(reply.blocks.some((b) => b.type === 'table')).toBe(false);
  });

  it('says what is missing when the claim is rated but nothing else is', async () => {
    await rate(ADA, { C1: 80 });
    await rate(BEN, { C1: 40 });
    expect(replyText(await bot.run('/cruxes C1'))).toMatch(
      /2 people rated C1, but no other claim has conditionals on it or ratings from 3 of the same people/,
    );
  });

  it('finds conditions on claims of other debates too, and respects workspaces', async () => {
    await bot.run('/debate new slug:deals title:"Deals with AIs"');
    await bot.run('/claim add An objection channel detects hidden misalignment'); // C5, in another debate
    await rate(ADA, { C5: 60, 'C1|C5': 70, 'C1|!C5': 20 });
    // ada alone: 2·.6·.4·.5 = 24 pts.
    expect(replyText(await bot.run('/cruxes C1'))).toMatch(/C5 An objection channel.* \| conditionals \| 24 pts \| 1 person \| 1/);
    expect(replyText(await bot.run('/cruxes C1', { workspace: 'slack:T1' }))).toMatch(/no claim C1 here/);
    expect(replyText(await bot.run('/cruxes C1 limit:0'))).toMatch(/limit: must be at least 1/);
  });

  it('does not show what a poll hides: a hidden claim is left out, and a hidden target is refused', async () => {
    await rate(ADA, { C1: 80, C2: 50, 'C1|C2': 90, 'C1|!C2': 30, C3: 20 });
    await rate(BEN, { C1: 60, C2: 20, 'C1|C2': 80, 'C1|!C2': 30, C3: 50 });
    await rate(CY, { C1: 30, C3: 85 });
    await bot.run('/poll C2 hide:until-close');
    const text = replyText(await bot.run('/cruxes C1'));
    expect(text).not.toMatch(/^◆ C2/m);
    expect(text).toMatch(/^C3 Corrective data.* \| proxy/m);
    expect(text).toContain("Left out: C2 (an open poll hides the team's results on it until it closes).");

    await bot.run('/poll C1 hide:until-voted');
    const refused = await bot.run('/cruxes C1', { actor: ADA });
    expect(isError(refused)).toBe(true);
    expect(replyText(refused)).toMatch(/The team's credences in C1 are shown only to people who have voted, privately/);
    expect(replyText(await bot.run('/doublecrux C1 ada ben'))).toMatch(/The team's credences in C1 are shown only/);

    await bot.run('/poll close C1');
    await bot.run('/poll close C2');
    expect(replyText(await bot.run('/cruxes C1'))).toMatch(/^◆ C2 Goals permute.* \| conditionals \| 23 pts/m);
  });
});

describe('/doublecrux', () => {
  beforeEach(async () => {
    // Ada is sure of C1, Ben is not; both think C2 raises C1; Ada believes C2, Ben does not.
    await rate(ADA, { C1: 80, C2: 90, 'C1|C2': 85, 'C1|!C2': 35, C3: 30 });
    await rate(BEN, { C1: 30, C2: 20, 'C1|C2': 80, 'C1|!C2': 20, C3: 70 });
  });

  it('finds the claim that would settle their disagreement, with the gaps if it resolves', async () => {
    const reply = await bot.run('/doublecrux C1 @ada @ben');
    expect(reply.title).toBe('Double crux of C1: ada 80% vs ben 30%');
    const text = replyText(reply);
    expect(text).toContain('Settle C2 first: if it is true, ada and ben would be 5 pts apart on C1; if false, 15 pts (now 50 pts).');
    expect(text).toMatch(/C2 Goals permute.* \| 90% \| 20% \| 5 pts \| 15 pts \| conditionals/);
    // C3 opposes C1 and they disagree on it the right way round: a candidate from the link alone.
    expect(text).toMatch(/C3 Corrective data.* \| 30% \| 70% \| — \| — \| link only/);
  });

  it('says when they agree, when someone has not rated the claim, and refuses one person twice', async () => {
    await rate(CY, { C1: 75 });
    expect(replyText(await bot.run('/doublecrux C1 ada cy'))).toContain('ada (80%) and cy (75%) are within 10 points on C1');
    expect(replyText(await bot.run('/doublecrux C1 ada dana'))).toMatch(/dana has not given a credence in C1 yet/);
    expect(replyText(await bot.run('/doublecrux C1 ada ada'))).toMatch(/two different people/);
    expect(replyText(await bot.run('/doublecrux C1 ada'))).toMatch(/missing `?second/);
  });

  it('cannot read another workspace’s claim or credences', async () => {
    expect(replyText(await bot.run('/doublecrux C1 @ada @ben', { workspace: 'discord:9' }))).toMatch(/no claim C1 here/);
  });

  it('leaves out a claim whose poll hides its results, and says so', async () => {
    await bot.run('/poll C2 hide:until-close');
    const text = replyText(await bot.run('/doublecrux C1 @ada @ben'));
    expect(text).not.toMatch(/^C2 /m);
    expect(text).toMatch(/C3 Corrective data.* \| 30% \| 70% \| — \| — \| link only/);
    expect(text).toContain("Left out: C2 (an open poll hides the team's results on it until it closes).");
  });

  it('suggests what to rate when no claim explains the gap yet', async () => {
    await rate(CY, { C1: 10, C4: 90 });
    await rate(DANA, { C1: 90, C4: 20 });
    const text = replyText(await bot.run('/doublecrux C1 cy dana'));
    expect(text).toContain('No claim explains their disagreement yet.');
    expect(text).toContain('They disagree on C4 (90% vs 20%)');
  });
});
