import { expect } from 'vitest';

/**
 * Checks a message body against the limits Discord enforces (a body over them is rejected with a
 * 400, and the user sees "The application did not respond"). Returns the body's embed characters.
 */
export function expectWithinDiscordLimits(body: any): number {
  const embeds: any[] = body.embeds ?? [];
  expect(embeds.length, 'embeds per message').toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0, 'embed title').toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0, 'embed description').toBeLessThanOrEqual(4096);
    expect(embed.fields?.length ?? 0, 'fields per embed').toBeLessThanOrEqual(25);
    expect(embed.footer?.text.length ?? 0, 'footer').toBeLessThanOrEqual(2048);
    for (const field of embed.fields ?? []) {
      expect(field.name.length, 'field name').toBeGreaterThan(0);
      expect(field.name.length, 'field name').toBeLessThanOrEqual(256);
      expect(field.value.length, 'field value').toBeGreaterThan(0);
      expect(field.value.length, 'field value').toBeLessThanOrEqual(1024);
    }
    total +=
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.fields ?? []).reduce((n: number, f: any) => n + f.name.length + f.value.length, 0);
  }
  expect(total, 'characters in all embeds of one message').toBeLessThanOrEqual(6000);
  const rows: any[] = body.components ?? [];
  expect(rows.length, 'action rows').toBeLessThanOrEqual(5);
  for (const row of rows) expect(row.components.length, 'buttons in a row').toBeLessThanOrEqual(5);
  expect(body.allowed_mentions, 'allowed_mentions').toEqual({ parse: [] });
  return total;
}
