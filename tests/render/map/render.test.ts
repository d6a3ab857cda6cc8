import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClaim } from '../../../src/app/claims.ts';
import { addLink } from '../../../src/app/links.ts';
import { loadDemo } from '../../../src/demo.ts';
import { rootClaimOf } from '../../../src/domain/crux-graph.ts';
import { cruxMapDot } from '../../../src/render/map/dot.ts';
import { layoutSvg } from '../../../src/render/map/graphviz.ts';
import { planCruxMap } from '../../../src/render/map/plan.ts';
import { MAX_WIDTH_PX, renderCruxMap } from '../../../src/render/map/render.ts';
import { credenceFill, NO_CREDENCE_FILL } from '../../../src/render/map/style.ts';
import { isPng } from '../../../src/render/png.ts';
import { createTestBot, type TestBot } from '../../support/harness.ts';
import { graphOf, HOSTILE_TEXTS, seedBigDebate } from '../../support/map-fixtures.ts';

let bot: TestBot;
beforeAll(async () => {
  bot = createTestBot();
  await loadDemo(bot.services, { workspace: 'local', channel: 'general' });
});
afterAll(async () => await bot.close());

/** PNG width and height from the IHDR chunk. */
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

describe('the crux map picture', () => {
  it('draws the sample debate as a readable PNG with every claim, a heading and a legend', async () => {
    const graph = await graphOf(bot.services, 'local', 'reward-seeking');
    const plan = planCruxMap(graph);
    const picture = await renderCruxMap(plan.view);
    expect(isPng(picture.png)).toBe(true);
    expect(pngSize(picture.png)).toEqual({ width: picture.width, height: picture.height });
    expect(picture.width).toBeGreaterThanOrEqual(900);
    expect(picture.width).toBeLessThanOrEqual(MAX_WIDTH_PX);
    expect(picture.height).toBeGreaterThan(400);
    expect(picture.height).toBeLessThan(2000);
    expect(picture.scale).toBeGreaterThanOrEqual(1); // the smallest text (12 units) is at least 12 px
    for (const claim of graph.claims) expect(picture.svg).toContain(`>C${claim.number}<`);
    expect(picture.svg).toContain('Will capable agents learn to seek reward itself');
    for (const word of ['supports', 'opposes', 'is a crux of', 'refines', 'team credence', 'no credences yet', 'crux'])
      expect(picture.svg).toContain(`>${word}<`);
    expect(picture.svg).not.toContain('>duplicates<'); // the legend explains only what is drawn
  });

  it('colours boxes by the team credence from the lookup, grey where there is none', async () => {
    const graph = await graphOf(bot.services, 'local', 'goal-drift');
    const [first, second] = graph.claims;
    const credences = new Map([
      [first!.id, 0.9],
      [second!.id, 0.1],
    ]);
    const dot = cruxMapDot(graph.claims, graph.links, { credenceOf: (id) => credences.get(id) });
    expect(dot).toContain(`fillcolor="${credenceFill(0.9)}"`);
    expect(dot).toContain(`fillcolor="${credenceFill(0.1)}"`);
    expect(dot).toContain(`fillcolor="${NO_CREDENCE_FILL}"`);
    expect(dot).toContain('>90%<');
    expect(dot).toContain('>10%<');
    // Without a lookup every open claim is grey.
    const none = cruxMapDot(graph.claims, graph.links);
    expect(none.match(/fillcolor="([^"]+)"/g)!.every((f) => f === `fillcolor="${NO_CREDENCE_FILL}"`)).toBe(true);
    // The scale runs from orange (false) through cream to blue (true).
    expect(credenceFill(0)).toBe('#f2a073');
    expect(credenceFill(0.5)).toBe('#f8f4e8');
    expect(credenceFill(1)).toBe('#8bb6e8');
  });

  it('draws claim texts that would break DOT, HTML or SVG exactly as written', async () => {
    const { services } = bot;
    const debate = await services.store.debates.create({
      workspace: 'hostile',
      slug: 'hostile',
      title: 'Title with <html> & "quotes" \\N',
      createdBy: 'eve',
      createdByName: 'eve',
      at: services.clock().toISOString(),
    });
    const ctx = { services, workspace: 'hostile', actor: { id: 'eve', name: 'eve' } };
    const claims = [];
    for (const text of HOSTILE_TEXTS) claims.push(await addClaim(ctx, { debate, text: `${text}\u0007\u202e`, tags: [] }));
    for (const [i, c] of claims.slice(1).entries()) await addLink(ctx, c, claims[i]!, i % 2 ? 'opposes' : 'supports');
    const graph = await graphOf(services, 'hostile', 'hostile');
    const picture = await renderCruxMap(planCruxMap(graph).view);
    expect(isPng(picture.png)).toBe(true);
    const svg = picture.svg;
    expect(svg).toContain('He said &quot;no&quot; {a} \\ back\\slash');
    expect(svg).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; more');
    expect(svg).toContain('&lt;&lt;TABLE&gt;&gt;&lt;/TD&gt; &amp;amp; &amp;lt;');
    expect(svg).toContain('&amp;#0; \\N \\G \\l'); // Graphviz's \N (the node's name) is not expanded
    expect(svg).toContain('Title with &lt;html&gt; &amp; &quot;quotes&quot; \\N');
    expect(svg).not.toMatch(/<b>|pwned"\]|\u0007|\u202e/);
    expect(svg).toMatch(/averyveryvery\S*</); // the long word is split across lines, not dropped
  });

  it('a big debate becomes a focus view around the root that fits the width cap at readable size', async () => {
    await seedBigDebate(bot.services, { workspace: 'big', slug: 'big', size: 200 });
    const graph = await graphOf(bot.services, 'big', 'big');
    const plan = planCruxMap(graph);
    expect(plan.total).toBe(200);
    expect(plan.shown).toBe(40);
    expect(plan.focus?.id).toBe(rootClaimOf(graph)!.id);
    expect(plan.view.notes.join(' ')).toMatch(/200 claims are too many for one picture: this is the neighbourhood of the root C\d+/);
    expect(plan.view.notes.join(' ')).toMatch(/See more with \/map focus:C\d+ depth:2, or the whole debate as text with \/map format:text/);
    const picture = await renderCruxMap(plan.view);
    expect(picture.width).toBeLessThanOrEqual(MAX_WIDTH_PX);
    expect(picture.scale).toBeGreaterThanOrEqual(1);
    expect(picture.svg).toMatch(/\+ \d+ more linked claims?/);
  });

  it('Graphviz accepts the DOT of every claim status and link kind', async () => {
    const graph = await graphOf(bot.services, 'local', 'reward-seeking');
    const [a, b] = graph.claims;
    const styled = graph.claims.map((c) =>
      c.id === a!.id ? { ...c, status: 'retracted' as const } : c.id === b!.id ? { ...c, status: 'resolved-true' as const } : c,
    );
    const links = [...graph.links, { ...graph.links[0]!, id: 999, kind: 'duplicates' as const }];
    const svg = await layoutSvg(cruxMapDot(styled, links, { rootId: a!.id }));
    expect(svg.match(/class="node"/g)).toHaveLength(graph.claims.length);
    expect(svg.match(/class="edge"/g)).toHaveLength(links.length);
    expect(svg).toContain('stroke-dasharray'); // retracted border, refines and duplicates lines
    expect(svg).toContain('>✓ true<');
    expect(svg).toContain('>retracted<');
  });
});
