import { md } from '../../core/markup.ts';
import { context, fields, pre, text, type Reply } from '../../core/reply.ts';
import { renderReply } from '../../platforms/discord/message.ts';
import { ms, time } from './measure.ts';
import type { BenchSuite } from './types.ts';

/**
 * Reply → Discord messages (markdown escaping, embeds, limits, splitting) for a claim card and for a big
 * map, beside the floor: the same embeds built directly, with no escaping and no limits.
 */
export const discordBench: BenchSuite = {
  name: 'discord',
  async run({ quick }) {
    const claimText = 'Agents game broken scoring functions when the tasks are shoddy, so reward seeking is <@123> likely';
    const card: Reply = {
      title: 'C12 · open',
      blocks: [
        text(md`${claimText}`),
        fields([
          { name: 'Author', value: 'alice', inline: true },
          { name: 'Debate', value: md`\`reward-seeking\``, inline: true },
          { name: 'Links in (3)', value: md`**C3** supports this: ${claimText}\n**C4** opposes this: ${claimText}` },
        ]),
        context(md`Added 2026-11-23`),
      ],
      components: [[{ type: 'button', id: 'claim:support:12', label: 'Support…', command: '/claim add "…" supports:C12' }]],
      accent: 'info',
    };
    const cardRaw = () => ({
      embeds: [
        { title: card.title, description: claimText, fields: [{ name: 'Author', value: 'alice' }], footer: { text: 'Added 2026-11-23' } },
      ],
    });
    const lines = quick ? 200 : 1000;
    const outline = Array.from({ length: lines }, (_, i) => `${'  '.repeat(i % 4)}└─ + C${i + 1}  ${claimText}`).join('\n');
    const map: Reply = { title: 'Map of reward-seeking', blocks: [pre(outline)] };
    const mapRaw = () => {
      const pieces: string[] = [];
      for (let i = 0; i < outline.length; i += 4000) pieces.push(`\`\`\`\n${outline.slice(i, i + 4000)}\n\`\`\``);
      return pieces.map((description) => ({ description }));
    };

    const cardTime = await time(() => renderReply(card), 5000);
    const cardFloor = await time(cardRaw, 5000);
    const mapTime = await time(() => renderReply(map), quick ? 200 : 500);
    const mapFloor = await time(mapRaw, quick ? 200 : 500);
    const rendered = renderReply(map);
    const files = rendered.flatMap((m) => m.files).length;
    return [
      {
        case: 'claim card → embed + buttons',
        value: `p50 ${ms(cardTime.p50)} · p99 ${ms(cardTime.p99)}`,
        floor: `p50 ${ms(cardFloor.p50)}`,
      },
      {
        case: `map of ${lines.toLocaleString('en-US')} claims → ${rendered.length} messages within limits${files ? ' + the whole as a file' : ''}`,
        value: `p50 ${ms(mapTime.p50)} · p99 ${ms(mapTime.p99)}`,
        floor: `p50 ${ms(mapFloor.p50)}`,
        note: `${(outline.length / 1000).toFixed(0)}k characters`,
      },
    ];
  },
};
