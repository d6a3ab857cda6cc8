import { describe, expect, it } from 'vitest';
import { md } from '../../../src/core/markup.ts';
import { context, fields, pre, table, text, type Reply } from '../../../src/core/reply.ts';
import { renderModal } from '../../../src/platforms/discord/components.ts';
import { escapeDiscord } from '../../../src/platforms/discord/markdown.ts';
import { messagePayload, renderReply, renderSingleMessage, splitText } from '../../../src/platforms/discord/message.ts';
import { expectWithinDiscordLimits } from './discord-limits.ts';

const bodies = (reply: Reply) => renderReply(reply).map((m) => ({ ...m, allowed_mentions: messagePayload(m).allowedMentions }));

describe('user text in Discord markdown', () => {
  it('shows mentions, emphasis, links and headings as typed', () => {
    expect(escapeDiscord('@everyone <@123> <#456> <t:0:R> **bold** _it_ ~~x~~ ||spoiler|| `code` [a](https://x.y)')).toBe(
      '@everyone \\<@123\\> \\<#456\\> \\<t:0:R\\> \\*\\*bold\\*\\* \\_it\\_ \\~\\~x\\~\\~ \\|\\|spoiler\\|\\| \\`code\\` \\[a\\](https://x.y)',
    );
    expect(escapeDiscord('# heading\n> quote\n- item\n1. first\n-# small')).toBe(
      '\\# heading\n\\> quote\n\\- item\n1\\. first\n\\-# small',
    );
  });

  it('leaves a bare link whole, so Discord still links it', () => {
    expect(escapeDiscord('see https://example.org/a_b_c?x=*y* and _this_')).toBe('see https://example.org/a_b_c?x=*y* and \\_this\\_');
  });

  it('keeps our own formatting while escaping what is interpolated', () => {
    const [message] = renderReply({ blocks: [text(md`**Added** ${'C1 _by_ <@1>'} as \`${'a`b'}\``)] });
    expect(message!.embeds[0]!.description).toBe('**Added** C1 \\_by\\_ \\<@1\\> as `aˋb`');
  });
});

describe('a Reply as Discord messages', () => {
  it('maps title, text, fields, context and accent to one embed', () => {
    const [message, ...more] = renderReply({
      title: 'C3 · open',
      blocks: [text('The claim'), fields([{ name: 'Author', value: 'alice', inline: true }]), context(md`Added \`today\``)],
      accent: 'success',
    });
    expect(more).toEqual([]);
    expect(message!.embeds).toEqual([
      {
        color: 0x57f287,
        title: 'C3 · open',
        description: 'The claim',
        fields: [{ name: 'Author', value: 'alice', inline: true }],
        footer: { text: 'Added today' },
      },
    ]);
  });

  it('puts pre and table blocks in code blocks that ``` inside cannot break', () => {
    const [message] = renderReply({ blocks: [pre('a\n```\nescape?'), table(['id', 'claim'], [['C1', 'x ``` y']])] });
    const description = message!.embeds[0]!.description!;
    expect(description.match(/```/g)).toHaveLength(4);
    expect(description).toContain('`\u200b`\u200b`');
    expect(description).toContain('id  claim\n──  ───────\nC1  x `\u200b`\u200b` y');
  });

  it('keeps the order of text after fields by starting another embed', () => {
    const [message] = renderReply({ blocks: [text('one'), fields([{ name: 'a', value: 'b' }]), text('two')] });
    expect(message!.embeds.map((e) => e.description)).toEqual(['one', 'two']);
  });

  it('splits a long reply over embeds and follow-up messages, each within Discord’s limits, losing nothing', () => {
    const lines = Array.from(
      { length: 250 },
      (_, i) => `C${i + 1}  ${'Goals permute at a small rate per serial step '.slice(0, 20 + (i % 30)).trimEnd()}`,
    );
    const reply: Reply = {
      title: `Map ${'x'.repeat(400)}`,
      blocks: [
        text('y'.repeat(5000)),
        pre(lines.join('\n')),
        fields(Array.from({ length: 20 }, (_, i) => ({ name: `Field ${i}`, value: 'v'.repeat(300) }))),
      ],
      components: [[{ type: 'button', id: 'claim:support:1', label: 'Support…', command: '/claim add "…" supports:C1' }]],
    };
    const messages = bodies(reply);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.length).toBeLessThanOrEqual(5);
    for (const message of messages) expectWithinDiscordLimits(message);
    expect(messages[0]!.components).toHaveLength(1);
    expect(messages.slice(1).every((m) => m.components.length === 0)).toBe(true);
    expect(messages.every((m) => m.files.length === 0)).toBe(true);

    const all = messages.flatMap((m) => m.embeds);
    expect(all[0]!.title).toMatch(/^Map x+…$/);
    const described = all.map((e) => e.description ?? '').join('\n');
    for (const line of lines) expect(described).toContain(line);
    expect(described.replace(/[^y]/g, '')).toHaveLength(5000);
    expect(all.flatMap((e) => e.fields ?? [])).toHaveLength(20);
  });

  it('past five messages, cuts the reply there and attaches the whole of it as a text file', () => {
    const lines = Array.from({ length: 900 }, (_, i) => `C${i + 1}  Goals permute at a small rate per serial step`);
    const reply: Reply = {
      title: 'Map of goal-drift',
      blocks: [
        pre(lines.join('\n')),
        fields(Array.from({ length: 40 }, (_, i) => ({ name: `F${i} ${'n'.repeat(300)}`, value: 'v'.repeat(2000) }))),
        context('c'.repeat(3000)),
      ],
    };
    const messages = bodies(reply);
    expect(messages).toHaveLength(5);
    for (const message of messages) expectWithinDiscordLimits(message);
    expect(messages.slice(0, 4).every((m) => m.files.length === 0)).toBe(true);
    const [file] = messages[4]!.files;
    expect(file!.name).toBe('map-of-goal-drift.txt');
    expect(messages[4]!.embeds.at(-1)!.footer!.text).toMatch(/Too long for Discord: the whole reply is in map-of-goal-drift.txt.$/);
    const transcript = Buffer.from(file!.data).toString('utf8');
    for (const line of lines) expect(transcript).toContain(line);
    expect(transcript).toContain(`F39 ${'n'.repeat(300)}: ${'v'.repeat(2000)}`);
    expect(transcript).toContain('c'.repeat(3000));
  });

  it('cuts what must fit one message (an edit in place) and says so', () => {
    const message = renderSingleMessage({ blocks: [text('z'.repeat(30_000))] });
    expectWithinDiscordLimits({ ...message, allowed_mentions: { parse: [] } });
    expect(message.embeds.at(-1)!.footer!.text).toBe('Cut to fit one Discord message.');
  });

  it('wraps more than 5 buttons into more rows, keeps a select alone, and never exceeds 5 rows', () => {
    const buttons = Array.from({ length: 7 }, (_, i) => ({ type: 'button' as const, id: `x:b:${i}`, label: `B${i}`, command: `/x ${i}` }));
    const select = { type: 'select' as const, id: 'x:s', placeholder: 'Pick', options: [{ label: 'One', value: '1' }] };
    const [message] = renderReply({ blocks: [text('t')], components: [[...buttons, select], buttons, buttons] });
    expect(message!.components.map((row) => row.components.length)).toEqual([5, 2, 1, 5, 2]);
    expect(message!.components[2]!.components[0]!.type).toBe(3);
  });

  it('attaches files and shows the first image in the embed', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const [message] = renderReply({
      blocks: [text('chart')],
      attachments: [{ name: 'drift curve.png', data: png, contentType: 'image/png' }],
    });
    expect(message!.files).toEqual([{ name: 'drift_curve.png', data: png }]);
    expect(message!.embeds[0]!.image).toEqual({ url: 'attachment://drift_curve.png' });
  });

  it('marks a private reply ephemeral', () => {
    expect(renderReply({ blocks: [text('only you')], ephemeral: true })[0]!.ephemeral).toBe(true);
  });
});

describe('a form as a Discord modal', () => {
  it('fits titles, labels and prefilled values to Discord’s limits', () => {
    const modal = renderModal({
      id: 'claim:capture-submit:abc',
      title: 'Capture a claim from a rather long conversation title',
      inputs: [
        { id: 'text', label: 'L'.repeat(60), style: 'paragraph', value: 'v'.repeat(5000), maxLength: 2000, placeholder: 'p'.repeat(200) },
      ],
    });
    expect(modal.title).toHaveLength(45);
    const label = modal.components[0] as any;
    expect(label.label).toHaveLength(45);
    expect(label.component.value).toHaveLength(2000);
    expect(label.component.max_length).toBe(2000);
    expect(label.component.placeholder).toHaveLength(100);
  });

  it('keeps a long label’s words in the label’s description', () => {
    const modal = renderModal({
      id: 'claim:link-submit:1',
      title: 'Link C1',
      inputs: [{ id: 'kind', label: 'How: supports, opposes, crux-of, refines, duplicates', style: 'short' }],
    });
    expect(modal.components[0]).toMatchObject({ type: 18, label: 'How', description: 'supports, opposes, crux-of, refines, duplicates' });
  });
});

describe('splitting long text', () => {
  it('breaks at lines or words, and never between an escape and what it escapes', () => {
    expect(splitText('aaaa bbbb\ncccc dddd', 12)).toEqual(['aaaa bbbb', 'cccc dddd']);
    const pieces = splitText(`${'x'.repeat(9)}\\*${'y'.repeat(9)}`, 10);
    expect(pieces[0]).toBe('x'.repeat(9));
    expect(pieces[1]!.startsWith('\\*')).toBe(true);
    expect(pieces.join('')).toBe(`${'x'.repeat(9)}\\*${'y'.repeat(9)}`);
  });
});
