import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discordMarkdown, discordPage } from '../../src/tools/screenshots/discord-html.ts';
import { discordPayload, sampleReply, slackPayload } from '../../src/tools/screenshots/payloads.ts';
import { slackMarkdown, slackPage } from '../../src/tools/screenshots/slack-html.ts';
import { pngSize } from '../support/png-size.ts';
import { ROOT } from './documents.ts';

/** Words of an HTML page, tags and entities aside, as a reader of the picture sees them. */
const words = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

describe('the docs’ pictures of a Discord and a Slack reply (npm run docs:screenshots)', () => {
  it('draw the claim card as each adapter sends it: its title, fields and every button', { timeout: 60_000 }, async () => {
    const reply = await sampleReply();
    const discord = discordPayload(reply);
    const slack = slackPayload(reply);
    const embed = discord.embeds[0]!;
    expect(embed.title).toBe('C2 · open');

    const discordWords = words(discordPage(discord));
    expect(discordWords).toContain('C2 · open');
    for (const field of embed.fields ?? []) expect(discordWords).toContain(field.name);
    const labels = discord.components.flatMap((row) => row.components.map((c) => ('label' in c ? c.label : undefined)));
    expect(labels).toEqual(['Support…', 'Oppose…', 'Link…', 'Credence…']);
    for (const label of labels) expect(discordWords).toContain(label);

    const slackWords = words(slackPage(slack));
    expect(slackWords).toContain('C2 · open');
    const buttons = slack.blocks.flatMap((b) =>
      b.type === 'actions' ? b.elements.map((e) => ('text' in e && e.text ? e.text.text : '')) : [],
    );
    expect(buttons).toEqual(['Support…', 'Oppose…', 'Link…', 'Credence…']);
    for (const text of buttons) expect(slackWords).toContain(text);
    expect(slackWords).toContain('Agents have already been seen gaming broken scoring functions');
  });

  it('show what people typed as text, never as markup', () => {
    expect(discordMarkdown('**C1** <script>alert(1)</script> `x<y`')).toBe(
      '<strong>C1</strong> &lt;script&gt;alert(1)&lt;/script&gt; <code>x&lt;y</code>',
    );
    // Slack text arrives escaped by the bot; a link keeps its words, a mention reads as a name.
    expect(slackMarkdown('*C1* &lt;!channel&gt; <https://example.org|the source> <@U123|ada>')).toBe(
      '<strong>C1</strong> &lt;!channel&gt; <a>the source</a> <span class="mention">@ada</span>',
    );
  });

  it('are committed, each a PNG of a message a few hundred pixels across', () => {
    for (const file of ['docs/discord-reply.png', 'docs/slack-reply.png']) {
      const { width, height } = pngSize(readFileSync(join(ROOT, file)));
      expect(width, file).toBeGreaterThan(400);
      expect(width, file).toBeLessThanOrEqual(800);
      expect(height, file).toBeGreaterThan(200);
    }
  });
});
