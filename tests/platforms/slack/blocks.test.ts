import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { link, md } from '../../../src/core/markup.ts';
import { context, fields, pre, table, text, type Reply } from '../../../src/core/reply.ts';
import { fallbackText, interactionIdOf, renderMessage } from '../../../src/platforms/slack/blocks.ts';
import { createTestBot, type TestBot } from '../../support/harness.ts';
import { messageProblems } from './support/block-kit.ts';

type Json = Record<string, any>;
const sectionTexts = (blocks: Json[]) => blocks.filter((b) => b.type === 'section' && b.text).map((b) => b.text.text as string);

describe('the claim card as Block Kit', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = createTestBot();
    await bot.run('/debate new slug:reward-seeking title:"Is reward the optimization target?"');
  });
  afterEach(async () => await bot.close());

  it('GIVEN a claim with tags and a source THEN a header, the text, side-by-side fields and three buttons', async () => {
    const card = await bot.run('/claim add text:"Agents game broken scorers" tags:spec-gaming source:https://example.org/t/1?a=1&b=2');
    const { blocks, text: fallback } = renderMessage(card);
    expect(messageProblems(blocks)).toEqual([]);
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'C1 · open', emoji: true } });
    expect(blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Agents game broken scorers', verbatim: true } });
    const inline = (blocks as Json[]).find((b) => b.fields)!.fields.map((f: Json) => f.text);
    expect(inline).toEqual(['*Author*\nalice', '*Debate*\n`reward-seeking`', '*Status*\nopen', '*Tags*\n`#spec-gaming`']);
    expect(sectionTexts(blocks)).toContain('*Source*\n<https://example.org/t/1?a=1&amp;b=2|message>');
    const buttons = (blocks as Json[]).at(-1)!;
    expect(buttons.elements.map((b: Json) => [b.text.text, b.style])).toEqual([
      ['Support…', 'primary'],
      ['Oppose…', 'danger'],
      ['Link…', undefined],
      ['Credence…', 'primary'],
    ]);
    expect(fallback.split('\n').slice(0, 2)).toEqual(['C1 · open', 'Agents game broken scorers']);
  });
});

describe('markup → mrkdwn', () => {
  it('translates bold, italic, strike, code and links, and escapes user text everywhere', () => {
    const reply: Reply = {
      blocks: [
        text(md`**Bold** _italic_ ~~gone~~ \`code\` ${link('https://example.org/?a=1&b=2', 'the paper')} said ${'<!channel> & <@U123>'}`),
        text(md`**${'<!here> in bold'}** and \`${'<@U1> in code `tick`'}\``),
      ],
    };
    const [first, second] = sectionTexts(renderMessage(reply).blocks);
    expect(first).toBe(
      '*Bold* _italic_ ~gone~ `code` <https://example.org/?a=1&amp;b=2|the paper> said &lt;!channel&gt; &amp; &lt;@U123&gt;',
    );
    expect(second).toBe('*&lt;!here&gt; in bold* and `&lt;@U1&gt; in code ˋtickˋ`');
  });

  it('escapes the plain-text fallback too, which Slack also parses for mentions', () => {
    const reply: Reply = { title: 'Search <!everyone>', blocks: [text(md`Found ${'<!channel>'}`), pre('<@U1> & co')] };
    expect(fallbackText(reply)).toBe('Search &lt;!everyone&gt;\nFound &lt;!channel&gt;\n&lt;@U1&gt; &amp; co');
    expect(fallbackText({ blocks: [] })).toBe('cruxbot');
    const pictureOnly = renderMessage({
      blocks: [],
      attachments: [{ name: 'map.png', data: new Uint8Array(), contentType: 'image/png', description: 'Map <1>' }],
    });
    expect(pictureOnly).toEqual({ text: 'Map &lt;1&gt;', blocks: [] });
  });

  it('marks an error with a warning sign', () => {
    const { blocks } = renderMessage({
      blocks: [text('No claim C9 here.'), context('Usage: /claim show <claim>')],
      accent: 'error',
      ephemeral: true,
    });
    expect(sectionTexts(blocks)[0]).toBe(':warning: No claim C9 here.');
  });
});

describe('Block Kit limits: what does not fit is cut, never rejected', () => {
  it('GIVEN 80 paragraphs and buttons THEN 50 blocks, a note of what was left out, and the buttons kept', () => {
    const reply: Reply = {
      title: 'Long',
      blocks: Array.from({ length: 80 }, (_, i) => text(`Paragraph ${i + 1}`)),
      components: [[{ type: 'button', id: 'claim:support:1', label: 'Support…', command: '/claim add "…" supports:C1' }]],
    };
    const { blocks } = renderMessage(reply);
    expect(messageProblems(blocks)).toEqual([]);
    expect(blocks).toHaveLength(50);
    expect(blocks.at(-1)?.type).toBe('actions');
    // header + 47 paragraphs + the note + the buttons = 50
    expect(sectionTexts(blocks).at(-1)).toBe('Paragraph 47');
    expect(JSON.stringify(blocks.at(-2))).toContain('… 33 more not shown: Slack shows at most 50 blocks.');
  });

  it('splits long text into sections of at most 3,000 characters, and cuts a single huge line with “…”', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `Line ${i} ${'x'.repeat(60)}`).join('\n');
    const split = renderMessage({ blocks: [text(lines)] });
    expect(messageProblems(split.blocks)).toEqual([]);
    expect(sectionTexts(split.blocks).join('\n')).toBe(lines);

    const ampersands = renderMessage({ blocks: [text('&'.repeat(2000))] });
    expect(messageProblems(ampersands.blocks)).toEqual([]);
    const cut = sectionTexts(ampersands.blocks)[0]!;
    expect(cut.endsWith('&amp;…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(3000);
  });

  it('puts inline fields ten to a section, and cuts a long value to 2,000', () => {
    const many = Array.from({ length: 23 }, (_, i) => ({ name: `F${i}`, value: i === 0 ? 'v'.repeat(5000) : 'v', inline: true }));
    const { blocks } = renderMessage({ blocks: [fields(many)] });
    expect(messageProblems(blocks)).toEqual([]);
    expect((blocks as Json[]).map((b) => b.fields.length)).toEqual([10, 10, 3]);
    expect((blocks[0] as Json).fields[0].text).toHaveLength(2000);
  });

  it('shows tables and outlines in ``` sections, split between lines, verbatim', () => {
    const outline = Array.from({ length: 300 }, (_, i) => `├─ + C${i}  A claim with <angle> & brackets`).join('\n');
    const { blocks } = renderMessage({
      blocks: [
        pre(outline),
        table(
          ['id', 'claim'],
          [
            ['C1', 'Short'],
            ['C22', '<@U1> long'],
          ],
        ),
      ],
    });
    expect(messageProblems(blocks)).toEqual([]);
    const texts = sectionTexts(blocks);
    expect(texts.length).toBeGreaterThan(3);
    for (const t of texts) expect(t).toMatch(/^```\n[\s\S]*\n```$/);
    expect(
      texts
        .slice(0, -1)
        .join('\n')
        .replace(/\n```\n```\n/g, '\n'),
    ).toContain('├─ + C299  A claim with &lt;angle&gt; &amp; brackets');
    expect(texts.at(-1)).toBe('```\nid   claim\n───  ──────────\nC1   Short\nC22  &lt;@U1&gt; long\n```');
  });

  it('fits buttons and selects: labels cut, 100 options, disabled buttons left out, repeated ids made unique', () => {
    const reply: Reply = {
      title: 'T'.repeat(200),
      blocks: [text('Pick')],
      components: [
        [
          { type: 'button', id: 'poll:vote:1', label: 'A very long label '.repeat(10), command: '/poll vote C1 10' },
          { type: 'button', id: 'poll:vote:1', label: 'Same id', command: '/poll vote C1 10' },
          { type: 'button', id: 'poll:close:1', label: 'Closed', disabled: true, command: '/poll close C1' },
          { type: 'link', url: 'https://example.org/doc', label: 'Read' },
        ],
        [
          {
            type: 'select',
            id: 'poll:pick:1',
            placeholder: 'Choose',
            options: Array.from({ length: 150 }, (_, i) => ({ label: `Option ${i}`, value: `v${i}`, description: 'd'.repeat(100) })),
          },
        ],
        [
          {
            type: 'select',
            id: 'poll:many:1',
            placeholder: 'Several',
            options: [
              { label: 'a', value: 'a' },
              { label: 'b', value: 'b' },
            ],
            maxValues: 5,
          },
        ],
      ],
    };
    const { blocks } = renderMessage(reply);
    expect(messageProblems(blocks)).toEqual([]);
    expect((blocks[0] as Json).text.text).toHaveLength(150);
    const [buttons, select, multi] = (blocks as Json[]).filter((b) => b.type === 'actions');
    expect(buttons!.elements.map((e: Json) => e.action_id)).toEqual(['poll:vote:1', 'poll:vote:1~2', 'open-link-1']);
    expect(buttons!.elements[0].text.text).toHaveLength(75);
    expect(buttons!.elements[2]).toMatchObject({ url: 'https://example.org/doc' });
    expect(select!.elements[0].options).toHaveLength(100);
    expect(multi!.elements[0]).toMatchObject({ type: 'multi_static_select', max_selected_items: 2 });
    expect(interactionIdOf('poll:vote:1~2')).toBe('poll:vote:1');
    expect(interactionIdOf('open-link-1')).toBeUndefined();
  });
});
