import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../src/demo.ts';
import { exportArgdown, escapeArgdown } from '../../../src/domain/exchange/argdown-export.ts';
import { parseArgdown } from '../../../src/domain/exchange/argdown-parse.ts';
import { exportMermaid, mermaidText } from '../../../src/domain/exchange/mermaid.ts';
import { parseFlowMapping } from '../../../src/domain/exchange/yaml-flow.ts';
import { layoutSvg } from '../../../src/render/map/graphviz.ts';
import { debateExportFile } from '../../../src/views/debate-exchange.ts';
import { createTestBot, type TestBot } from '../../support/harness.ts';
import { graphOf, HOSTILE_TEXTS } from '../../support/map-fixtures.ts';

let bot: TestBot;
beforeAll(async () => {
  bot = createTestBot();
  await loadDemo(bot.services, { workspace: 'local', channel: 'general' });
});
afterAll(async () => await bot.close());

describe('Argdown', () => {
  it('writes the debate as nested statements with relations, tags and data', async () => {
    const graph = await graphOf(bot.services, 'local', 'reward-seeking');
    const credence = new Map([[graph.claims[0]!.id, 0.7]]);
    const text = exportArgdown(graph, (id) => credence.get(id));
    expect(text).toMatch(
      /^===\ntitle: "Will capable agents learn to seek reward itself, or only to game bad specifications\?"\nslug: reward-seeking\n===\n/,
    );
    expect(text).toContain('[C1]: Agents trained on huge piles of auto-generated tasks');
    expect(text).toMatch(/^\[C1\]: .* #reward-seeking \{credence: 0\.7\}$/m);
    expect(text).toMatch(
      /^ {2}<\+ \[C2\]: Agents have already been seen gaming broken scoring functions during evaluations\. #evidence #spec-gaming$/m,
    );
    expect(text).toMatch(/^ {4}<- \[C4\]: /m);
    expect(text).toMatch(/^\[C7\]: .* \{cruxOf: \[C1\]\}$/m);
    expect(text).toMatch(/^\[C6\]: .* \{refines: \[C1\]\}$/m);
  });

  it('escapes the characters that start Argdown syntax, and reads them back as text', () => {
    for (const text of HOSTILE_TEXTS) {
      const source = `[T]: ${escapeArgdown(text.replace(/\s+/g, ' '))} #tag`;
      const parsed = parseArgdown(source);
      expect(parsed.claims).toEqual([{ key: 'T', text: text.replace(/\s+/g, ' '), tags: ['tag'] }]);
      expect(parsed.links).toEqual([]);
    }
  });

  it('reads every relation direction, comments, headings and multi-line text', () => {
    const parsed = parseArgdown(
      [
        '# The question',
        '',
        '/* a block',
        '   comment */',
        '[A]: First line',
        'continues here. // a comment',
        '  + [B]: b',
        '  - [C]: c',
        '  +> [D]: d',
        '  -> [E]: e',
        '  >< [F]: f',
        '  <_ [G]: g <!-- html comment -->',
        '  _> [H]: h',
      ].join('\n'),
    );
    expect(parsed.title).toBe('The question');
    expect(parsed.claims.find((c) => c.key === 'A')?.text).toBe('First line continues here.');
    expect(parsed.links.map((l) => `${l.from} ${l.kind} ${l.to}`)).toEqual([
      'B supports A',
      'C opposes A',
      'A supports D',
      'A opposes E',
      'F opposes A',
      'G opposes A',
      'A opposes H',
    ]);
  });

  it('reads YAML flow data with quotes, lists and numbers, and names bad data', () => {
    expect(parseFlowMapping(`{credence: 0.7, cruxOf: [C1, "C 2", 'it''s'], status: open, n: -3e2, ok: true, none: ~}`, 'Line 1')).toEqual({
      credence: 0.7,
      cruxOf: ['C1', 'C 2', "it's"],
      status: 'open',
      n: -300,
      ok: true,
      none: null,
    });
    expect(() => parseFlowMapping('{cruxOf: [C1}', 'Line 4')).toThrow(/Line 4: the data \{cruxOf: \[C1\} is not valid/);
    expect(() => parseArgdown('[A]: a {status: maybe}')).toThrow(/Line 1: status must be one of open/);
  });
});

describe('Mermaid', () => {
  it('writes a flowchart whose every line is valid Mermaid syntax, with ids that match', async () => {
    const graph = await graphOf(bot.services, 'local', 'goal-drift');
    const text = exportMermaid({
      ...graph,
      claims: graph.claims.map((c, i) => ({ ...c, text: HOSTILE_TEXTS[i % HOSTILE_TEXTS.length]! })),
    });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^%% /);
    expect(lines[1]).toBe('flowchart BT');
    const nodes = new Set<string>();
    const grammar = [
      /^ {2}(C\d+)\["(<b>C\d+<\/b>[^"]*)"\]$/,
      /^ {2}(C\d+) (-->|--x|==>|-\.->|-\.-)\|[a-z ]+\| (C\d+)$/,
      /^ {2}classDef [a-zA-Z]+ ([a-z-]+:[#\w. ]+)(,[a-z-]+:[#\w. ]+)*$/,
      /^ {2}class (C\d+(,C\d+)*) [a-zA-Z]+$/,
      /^ {2}linkStyle \d+ stroke:#[0-9a-f]{6},stroke-width:[\d.]+px$/,
    ];
    for (const line of lines.slice(2)) {
      const rule = grammar.find((r) => r.test(line));
      expect(rule, line).toBeDefined();
      const node = /^ {2}(C\d+)\["/.exec(line);
      if (node) nodes.add(node[1]!);
      const edge = /^ {2}(C\d+) \S+ (C\d+)$/.exec(line.replace(/\|[^|]*\|/, ''));
      if (edge) expect(nodes.has(edge[1]!) && nodes.has(edge[2]!), line).toBe(true);
    }
    expect(nodes.size).toBe(graph.claims.length);
    expect(lines.filter((l) => l.includes('linkStyle'))).toHaveLength(graph.links.length);
    expect(mermaidText('say "hi" #1; <b> & `x`')).toBe('say #quot;hi#quot; #35;1; #lt;b#gt; #amp; #96;x#96;');
  });
});

describe('DOT export', () => {
  it('is a graph Graphviz lays out, with the title and every claim and link', async () => {
    const graph = await graphOf(bot.services, 'local', 'reward-seeking');
    const file = debateExportFile(graph, 'dot');
    const dot = new TextDecoder().decode(file.data);
    expect(dot).toContain('label="Will capable agents learn to seek reward itself, or only to game bad specifications?"');
    const svg = await layoutSvg(dot);
    expect(svg.match(/class="node"/g)).toHaveLength(graph.claims.length);
    expect(svg.match(/class="edge"/g)).toHaveLength(graph.links.length);
    expect(svg).toContain('xlink:title="Agents have already been seen gaming broken scoring functions during evaluations."');
  });
});
