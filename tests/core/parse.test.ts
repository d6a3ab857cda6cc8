import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { UsageError } from '../../src/core/errors.ts';
import { toPlainText } from '../../src/core/markup.ts';
import { parseCommandLine, tokenize } from '../../src/core/parse.ts';
import { createRegistry } from '../../src/core/registry.ts';

const registry = createRegistry(COMMANDS);
const parse = (line: string) => parseCommandLine(registry, line);

function usageErrorOf(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('tokenize', () => {
  it('splits on whitespace and keeps quoted values whole', () => {
    expect(tokenize('a  "b c"\td')).toEqual([
      { value: 'a', quoted: false },
      { value: 'b c', quoted: true },
      { value: 'd', quoted: false },
    ]);
  });

  it('reads name:value with a quoted value, colons and all', () => {
    expect(tokenize('text:"the crux: whether X" tags:a,b')).toEqual([
      { name: 'text', value: 'the crux: whether X', quoted: true },
      { name: 'tags', value: 'a,b', quoted: false },
    ]);
  });

  it('applies escaped quotes inside and outside quotes', () => {
    expect(tokenize('text:"He said \\"hi\\" twice"')[0]?.value).toBe('He said "hi" twice');
    expect(tokenize('say \\"this\\"').map((t) => t.value)).toEqual(['say', '"this"']);
  });

  it('accepts curly quotes, as phones and Slack type them', () => {
    expect(tokenize('text:“a b”')[0]).toEqual({ name: 'text', value: 'a b', quoted: true });
  });

  it('keeps typographic quotes inside a quoted value as text, and among free words as typed', () => {
    expect(parse('/claim add text:"He said “hi” today"').args.text).toBe('He said “hi” today');
    expect(parse('/claim add text:“It’s „fine“ here”').args.text).toBe('It’s „fine“ here');
    expect(parse('/claim add He said “hi” today').args.text).toBe('He said “hi” today');
    expect(parse('/claim add “Reward is the optimization target” tags:rl').args).toEqual({
      text: 'Reward is the optimization target',
      tags: 'rl',
    });
    expect(parse('/claim add a”b c').args.text).toBe('a”b c');
    expect(usageErrorOf(() => parse('/claim add “never closed')).message).toMatch(/Unbalanced quote: the quote at character \d+ is never closed/);
  });

  it('does not mistake a URL for an option', () => {
    expect(tokenize('https://example.org/x')).toEqual([{ value: 'https://example.org/x', quoted: false }]);
  });

  it('names the position of an unbalanced quote', () => {
    const error = usageErrorOf(() => tokenize('text:"never closed'));
    expect(error.message).toMatch(/unbalanced quote.*character 6/i);
  });
});

describe('parseCommandLine', () => {
  it('parses the examples from the issue', () => {
    expect(parse('/debate new slug:reward-seeking title:"Is reward the optimization target of capable agents?"')).toEqual({
      command: 'debate',
      subcommand: 'new',
      args: { slug: 'reward-seeking', title: 'Is reward the optimization target of capable agents?' },
    });
    expect(parse('/claim add Agents game broken scoring functions when the tasks are shoddy').args).toEqual({
      text: 'Agents game broken scoring functions when the tasks are shoddy',
    });
    expect(parse('/claim add text:"Reward seeking is more likely instrumental than terminal" tags:reward-seeking').args).toEqual({
      text: 'Reward seeking is more likely instrumental than terminal',
      tags: 'reward-seeking',
    });
    expect(parse('/link from:C2 to:C1 kind:supports')).toEqual({ command: 'link', args: { from: 'C2', to: 'C1', kind: 'supports' } });
  });

  it('fills positional options in order, the last free-text one taking the rest', () => {
    expect(parse('/link C2 C1 opposes').args).toEqual({ from: 'C2', to: 'C1', kind: 'opposes' });
    expect(parse('/claim edit C3 a new wording').args).toEqual({ claim: 'C3', text: 'a new wording' });
    expect(parse('/claim add Agents game tags:spec broken scorers').args).toEqual({ text: 'Agents game broken scorers', tags: 'spec' });
  });

  it('keeps prose with a colon as text', () => {
    expect(parse('/claim add the crux: whether drift is random').args.text).toBe('the crux: whether drift is random');
  });

  it('works without the leading slash and in any case', () => {
    expect(parse('CLAIM SHOW C1')).toEqual({ command: 'claim', subcommand: 'show', args: { claim: 'C1' } });
  });

  it('suggests the nearest command for a typo', () => {
    const error = usageErrorOf(() => parse('/claimm add x'));
    expect(toPlainText(error.markup)).toBe('Unknown command /claimm. Did you mean /claim? Type /help for the list.');
  });

  it('lists the subcommands when one is missing or unknown', () => {
    expect(usageErrorOf(() => parse('/claim')).message).toMatch(/needs a subcommand: add, show, list, edit, retract, search/);
    expect(usageErrorOf(() => parse('/claim ad x')).message).toMatch(/no subcommand ad; did you mean add/);
  });

  it('names an unknown option and shows the usage', () => {
    const error = usageErrorOf(() => parse('/claim add text:x colour:red'));
    expect(error.message).toMatch(/has no option colour/);
    expect(error.usage).toBe(
      '/claim add <text> [tags:<tags>] [source:<source>] [debate:<slug>] [resolve-by:<resolve-by>] [supports:<C#>] [opposes:<C#>]',
    );
  });

  it('refuses an option given twice and words with nowhere to go', () => {
    expect(usageErrorOf(() => parse('/claim add text:a text:b')).message).toMatch(/given twice/);
    expect(usageErrorOf(() => parse('/link C1 C2 supports extra words')).message).toMatch(/Unexpected text "extra words"/);
  });

  it('never throws anything but a UsageError on random input (fuzz)', () => {
    const alphabet = [
      '/',
      'claim',
      'add',
      'link',
      ' ',
      ' ',
      ':',
      '"',
      '“',
      '”',
      '\\',
      'text',
      'tags',
      'C1',
      'x',
      '\n',
      '\t',
      '\u202e',
      '\u200d',
      '@everyone',
      '<!channel>',
      "'; DROP TABLE claims; --",
      'é',
      '🙂',
    ];
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(random() * 20);
      let line = '';
      for (let j = 0; j < length; j++) line += alphabet[Math.floor(random() * alphabet.length)];
      try {
        parse(line);
      } catch (error) {
        expect(error, `input ${JSON.stringify(line)}`).toBeInstanceOf(UsageError);
      }
    }
  });
});
