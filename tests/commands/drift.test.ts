import { countRows } from '../support/rows.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { isPng } from '../../src/render/png.ts';
import { pngSize } from '../support/png-size.ts';
import { BOB, createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

let bot: TestBot;
beforeAll(async () => {
  bot = createTestBot();
  await bot.run('/debate new slug:goal-drift title:"Does misalignment grow with serial steps?"');
  await bot.run('/claim add Misalignment grows with every serial step');
  await bot.run('/claim add A little corrective data undoes drift', { actor: BOB });
});
afterAll(async () => await bot.close());

const count = async (table: string) => await countRows(bot.services.store, table);

function expectChart(reply: Reply) {
  const [chart] = reply.attachments ?? [];
  expect(chart?.contentType).toBe('image/png');
  expect(isPng(chart!.data)).toBe(true);
  expect(pngSize(chart!.data)).toEqual({ width: 800, height: 400 });
}

describe('/drift run', () => {
  it('GIVEN random drift with p = 1e-4, q = 0.3 over 100,000 steps THEN the channel sees the headline, the table, the source and a chart', async () => {
    const reply = await bot.run('/drift preset:random-drift p:1e-4 q:0.3 steps:100000');
    const words = replyText(reply);
    expect(words).toContain('P(dangerous and hidden) after 100,000 serial steps: 95.0%; crosses 50% at step 23,105.');
    expect(words).toMatch(/P\(C\) caught at n \| 0%/);
    expect(words).toMatch(/P\(ever dangerous\) by n \| 95\.0%/);
    expect(words).toMatch(/P\(D\) first ≥ 10% \| step 3,512/);
    expect(words).toContain('p 1e-4 · q 0.3 · c 0 · d 0 · s 0 · T — · 100,000 steps');
    expect(words).toContain('random-drift: The goal-drift side of the debate');
    expect(reply.ephemeral).toBeFalsy();
    expectChart(reply);
  });

  it('takes numbers as people type them: 10k, 1e6, 0.0001, 30%', async () => {
    const words = replyText(await bot.run('/drift random-drift p:0.0001 q:30% steps:10k'));
    expect(words).toContain('after 10,000 serial steps: 25.9%'); // 1 − e^−0.3
  });

  it('GIVEN the objection channel over 1,000 agents with seed 7 THEN it counts the dangerous and the caught with a spread, the same every time', async () => {
    const first = await bot.run('/drift preset:objection-channel agents:1000 seed:7');
    const words = replyText(first);
    expect(words).toMatch(/Monte Carlo: 1,000 agents × 20 runs/);
    expect(words).toMatch(/P\(C\) caught at n \| 94\.7% \(947 agents\) \| 9\d\d(\.\d)? ± \d+\.\d \(\d+–\d+\)/);
    expect(words).toContain('Seed 7: the same command with seed:7 gives the same counts.');
    expect(replyText(await bot.run('/drift preset:objection-channel agents:1000 seed:7'))).toBe(words);
    expectChart(first);
  });

  it('GIVEN heterogeneous agents (beta) THEN it says p is drawn per agent, and the exact column is at the mean p', async () => {
    const words = replyText(await bot.run('/drift beta:2,19998 agents:200 runs:3 seed:1 steps:20k'));
    expect(words).toContain('exact, all agents at mean p');
    expect(words).toContain('p ~ Beta(2, 19,998) per agent');
  });
});

describe('/drift compare and sweep', () => {
  it('GIVEN random drift vs data-directable over 1e6 steps THEN both sides, the difference, both sources and one chart', async () => {
    const reply = await bot.run('/drift compare a:random-drift b:data-directable steps:1e6');
    const words = replyText(reply);
    expect(words).toMatch(
      /After 1,000,000 serial steps, P\(dangerous and hidden\) is >99\.999% under random-drift and >99\.999% under data-directable: no difference\./,
    );
    expect(words).toContain('| random-drift | data-directable | data-directable − random-drift');
    expect(words).toMatch(/P\(D\) first ≥ 50% \| step 23,105 \| step [\d,]+ \| \+[\d,]+ steps/);
    expect(words).toContain('steps applies to both presets.');
    expect(words).toContain('data-directable: The data-directable side');
    expectChart(reply);
  });

  it('GIVEN a sweep of c THEN a table of values, the parameters ranked by how much they move P(D), and a chart', async () => {
    const reply = await bot.run('/drift sweep preset:data-directable param:c from:1e-5 to:1e-2');
    const words = replyText(reply);
    expect(words).toMatch(/Sweeping c from 1e-5 to 0\.01 moves P\(dangerous and hidden\) after 100,000 steps from [\d.]+% to [\d.]+%\./);
    expect(words).toMatch(/Of the parameters, \S+ moves it most/);
    expect(words.match(/^[\d.e-]+ \| [\d.]+%/gm)).toHaveLength(9);
    expect(words).toContain('parameter | value | halved | doubled (at most 1, or T ≤ n) | swing');
    expect(words).toMatch(/T: the step at which values crystallize \| 80,000 \| 84\.0% \(40,000\) \| 3\.2% \(100,000\) \| 80\.8 points/);
    expectChart(reply);
  });
});

describe('/drift help', () => {
  it('explains the model in five lines and lists every preset with its source', async () => {
    const reply = await bot.run('/drift help');
    const words = replyText(reply);
    expect(reply.blocks[0]?.type === 'text' && replyText({ blocks: [reply.blocks[0]] }).split('\n')).toHaveLength(5);
    for (const preset of ['random-drift', 'data-directable', 'self-training', 'objection-channel']) expect(words).toContain(`${preset}:`);
    expect(words).toMatch(/Source: Deals with AI systems/);
  });
});

describe('/drift attach', () => {
  it('GIVEN attach:C1 THEN the run is kept with an audit row, the claim card lists it, and /drift show computes it again', async () => {
    const audits = await count('audit_log');
    const reply = await bot.run('/drift preset:objection-channel agents:500 seed:3 steps:50k attach:C1');
    expect(replyText(reply)).toMatch(/Kept as R1 on C1/);
    expect(await count('audit_log')).toBe(audits + 1);
    expect((await bot.services.store.audit.recent('local', 1))[0]).toMatchObject({ action: 'sim.attach', entity: 'R1->C1' });
    const card = replyText(await bot.run('/claim show C1'));
    expect(card).toMatch(
      /Drift runs \(1\): R1 objection-channel: P\(D\) [\d.]+% after 50,000 steps \(500 agents: [\d.]+ dangerous, [\d.]+ caught\) · \/drift show R1/,
    );
    const again = replyText(await bot.run('/drift show R1'));
    expect(again.split('\n').slice(0, 8)).toEqual(replyText(reply).split('\n').slice(0, 8));
    expect(again).toContain('R1, kept 2026-11-23 on C1.');
  });

  it('keeps compare and sweep runs too, numbered per workspace', async () => {
    await bot.run('/drift compare random-drift self-training steps:20k attach:C2');
    expect(replyText(await bot.run('/claim show C2'))).toMatch(/R2 random-drift vs self-training: P\(D\)/);
    expect(replyText(await bot.run('/drift show R2', { workspace: 'elsewhere' }))).toMatch(/no drift run R2 here/);
  });
});

describe('/drift bad input', () => {
  beforeEach(async () => {
    await bot.run('/claim add A claim to retract');
    await bot.run('/claim retract C3');
  });

  it('names what was wrong, stores nothing, and never hangs', async () => {
    const runs = await count('sim_runs');
    const audits = await count('audit_log');
    const cases: [string, RegExp][] = [
      ['/drift p:1.5 attach:C1', /p is a probability, so it must be between 0 and 1 \(got 1\.5\)/],
      ['/drift q:-0.1', /q is a probability/],
      ['/drift d:often', /d: "often" is not a number/],
      ['/drift steps:0', /steps must be from 1 to 1,000,000,000,000 \(got 0\)/],
      ['/drift steps:2.5', /steps must be a whole number \(got 2\.5\)/],
      ['/drift steps:2e12', /steps must be from 1 to 1,000,000,000,000 \(got 2,000,000,000,000\)/],
      ['/drift agents:5e6', /too big: agents:5,000,000 × runs:2 .* the budget is 10,000,000 .* e\.g\. agents:\d+ with 2 runs/],
      ['/drift agents:1000 runs:1000 steps:1e6 preset:data-directable', /too big: agents:1,000 × runs:1,000/],
      ['/drift agents:2.5', /agents must be a whole number/],
      ['/drift preset:nonsense', /preset: must be one of random-drift, data-directable, self-training, objection-channel/],
      // Option names are read without regard to case (T:5000 is t:5000; see tests/core/spelling.test.ts), so a typo'd value is what fails here.
      ['/drift preset:random-drfit', /preset: must be one of .*did you mean random-drift\?/],
      ['/drift colour:red', /has no option colour/],
      ['/drift sweep param:c from:1e-2 to:1e-5', /needs from below to \(got from:0\.01 to:1e-5\)/],
      ['/drift sweep param:z', /param: must be one of p, q, c, d, s, t/],
      ['/drift sweep param:q from:0.5 to:2', /q is a probability: sweep it within 0…1/],
      ['/drift preset:data-directable steps:10k t:20k', /T \(t:20k\) is beyond the run's 10,000 steps/],
      ['/drift beta:2,19998 p:1e-4', /Give p or beta, not both/],
      ['/drift beta:oops agents:10', /beta takes two positive numbers, a and b/],
      ['/drift attach:C99', /no claim C99 here/],
      ['/drift attach:C3', /C3 is retracted; attach the run to a claim that stands/],
      ['/drift show R99', /no drift run R99 here/],
      ['/drift show xyz', /"xyz" is not a run id/],
      ['/drift compare a:random-drift', /missing b/],
    ];
    for (const [line, message] of cases) {
      const reply = await bot.run(line);
      expect(isError(reply), line).toBe(true);
      expect(reply.ephemeral, line).toBe(true);
      expect(replyText(reply), line).toMatch(message);
    }
    expect(await count('sim_runs')).toBe(runs);
    expect(await count('audit_log')).toBe(audits);
  });
});
