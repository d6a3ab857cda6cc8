import { seededRandom } from '../../src/domain/credences/seeded-random.ts';

/**
 * What a hostile (or just unlucky) user types: broadcasts and mentions in Slack's and Discord's syntax,
 * markdown and Block Kit fragments, control and direction-changing characters, SQL and FTS5 syntax,
 * paths, numbers at the edges, ids out of range, quotes that do not close. The fuzz tests mix these
 * fragments with a seeded generator, so every run sees the same thousands of inputs.
 */
export const HOSTILE_FRAGMENTS: readonly string[] = [
  // Broadcasts and mentions, Slack's and Discord's.
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S0123|@research>',
  '<@U0123ABCD>',
  '<@W111|ana>',
  '<#C0123|general>',
  '<!date^1392734382^{date_pretty}|then>',
  '@everyone',
  '@here',
  '@channel',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  '<t:0:R>',
  '<:cruxbot:123456789012345678>',
  // Markdown, Discord's and Slack's, and masked links.
  '**bold**',
  '*bold*',
  '__underline__',
  '_italic_',
  '~~strike~~',
  '~strike~',
  '||spoiler||',
  '`code`',
  '```\nfence\n```',
  '> quoted',
  '# Heading',
  '-# subtext',
  '1. item',
  '[click here](https://evil.example/x)',
  '[https://good.example](https://evil.example)',
  '<https://evil.example|https://good.example>',
  '<mailto:someone@example.org|mail>',
  'https://example.org/a_b*c~d',
  'javascript:alert(1)',
  '&amp; &lt; &gt; & < >',
  // Block Kit and JSON fragments.
  '{"type":"section","text":{"type":"mrkdwn","text":"<!channel>"}}',
  '[{"type":"actions","elements":[]}]',
  '"},{"type":"divider"},{"',
  '{"__proto__":{"admin":true}}',
  // SQL and FTS5.
  "'; DROP TABLE claims; --",
  "' OR '1'='1",
  "Robert'); DELETE FROM claims WHERE ('1'='1",
  'NULL',
  '%_%',
  'NEAR(reward seeking, 2)',
  'reward OR drift*',
  'text: "unbalanced',
  '^start AND -not',
  '{text author}: x',
  // Paths.
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'file:///etc/passwd',
  '~/.ssh/id_rsa',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  // Control, direction and invisible characters.
  '\u0000',
  '\u0007bell',
  '\u001b[31mred\u001b[0m',
  '\r\n',
  '\u007f\u0085',
  '\u2028\u2029',
  '\u202eevil\u202c',
  '\u202dforced\u202c',
  '\u2066isolate\u2069',
  '\u2067\u2068\u2069',
  '\u200f\u200e\u061c',
  'zero\u200bwidth\u200c\u200djoin\u2060',
  '\ufeffbom',
  '\ud800',
  '\udfff\ud83d',
  // Unicode that is fine but unusual.
  '👩‍🔬🧑🏽‍🤝‍🧑🏻',
  'e\u0301\u0301\u0301',
  'مرحبا بالعالم',
  'İstanbul ǅ ß',
  'Ｃ１２',
  // Quotes and option-looking text.
  '"',
  '\\"',
  '\\',
  '“curly”',
  '„low',
  'text:"a: b"',
  'tags:',
  ':',
  'a:b:c',
  'claim:C1',
  '__proto__:x',
  'constructor:x',
];

/** Numbers at the edges, and things that look like numbers. */
export const EDGE_NUMBERS: readonly string[] = [
  '1e309',
  '-1e309',
  '-0',
  '0',
  'NaN',
  'Infinity',
  '0x10',
  '0b101',
  '0o17',
  '-1',
  '9007199254740993',
  '1e-400',
  '4294967296',
  '.5',
  '5.',
  '1,5',
  '1_000',
  '+7',
  '٣',
  '１２',
  '50%',
  '150%',
  '3:1',
  '1:0',
  '0:0',
  '-3:1',
];

/** Ids in every wrong shape: out of range, too long, other kinds, other formats. */
export const HOSTILE_IDS: readonly string[] = [
  'C0',
  'C-1',
  'C1.5',
  'C1e3',
  'C999999999',
  'C1000000000',
  `C${'9'.repeat(400)}`,
  `C${'1'.repeat(40)}`,
  'c#7',
  '#7',
  'R1',
  `R${'9'.repeat(60)}`,
  'R-1',
  'C１',
  '!C1',
  '!!C1',
  'C1 C2',
  'C1,C1,C1',
  'a'.repeat(41),
  'UPPER-case',
  '-lead',
  'trail-',
  'with space',
];

/** Very long inputs: over every limit we set and over the platforms'. */
export const HUGE_INPUTS: readonly string[] = [
  'x'.repeat(2_001),
  'word '.repeat(2_000),
  `${'<!channel> '.repeat(500)}`,
  `${'**'.repeat(3_000)}`,
  '\u202e'.repeat(5_000),
  'y'.repeat(100_000),
];

export interface Fuzzer {
  /** A number in [0, 1). */
  readonly next: () => number;
  pick<T>(items: readonly T[]): T;
  /** A hostile string: fragments, edge numbers and ids, joined with spaces, newlines or nothing. */
  text(): string;
}

/** A seeded source of hostile input: the same seed gives the same inputs, run after run. */
export function fuzzer(seed: number): Fuzzer {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const separators = ['', ' ', '\n', ' ', ':', ','];
  const text = (): string => {
    const roll = next();
    if (roll < 0.03) return pick(HUGE_INPUTS);
    if (roll < 0.2) return pick(EDGE_NUMBERS);
    if (roll < 0.35) return pick(HOSTILE_IDS);
    const parts = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
      next() < 0.75 ? pick(HOSTILE_FRAGMENTS) : pick(['agents', 'game', 'reward', 'C1', '70%', 'drift']),
    );
    return parts.reduce((out, part) => (out ? `${out}${pick(separators)}${part}` : part), '');
  };
  return { next, pick, text };
}

/**
 * A value as the text parser reads it back exactly: in straight quotes, with backslashes and every
 * closing quote escaped.
 */
export function quoteForParser(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/["”“]/g, (q) => `\\${q}`)}"`;
}

/** Control characters (but tab and newline) and the direction overrides and isolates: never stored. */
export const UNSAFE_STORED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/;

/** What Slack sends for a mention, a channel, a group or a link a person picked while typing. */
const SLACK_SEQUENCES = [
  '<@U0123ABCD|ana>',
  '<@W111>',
  '<!channel>',
  '<!here|here>',
  '<!subteam^S0123|@research>',
  '<#C0123|general>',
  '<https://evil.example/x|https://good.example>',
  '<mailto:someone@example.org|someone@example.org>',
];

/**
 * Typed text as Slack delivers it: `&`, `<` and `>` escaped, with now and then a real mention, channel
 * or link sequence where the person picked one.
 */
export function asSlackDelivers(text: string, f: Fuzzer): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return f.next() < 0.4 ? escaped.replace(/ /, ` ${f.pick(SLACK_SEQUENCES)} `) : escaped;
}
