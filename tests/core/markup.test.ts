import { describe, expect, it } from 'vitest';
import { md, parseMarkup, renderMarkup, toPlainText, type MarkupRenderer } from '../../src/core/markup.ts';

const tags: MarkupRenderer = {
  text: (v) => v.replace(/[*_`<>]/g, (c) => `\\${c}`),
  bold: (i) => `<b>${i}</b>`,
  italic: (i) => `<i>${i}</i>`,
  strike: (i) => `<s>${i}</s>`,
  code: (v) => `<code>${v}</code>`,
  link: (u, l) => `<a href="${u}">${l}</a>`,
  lineBreak: '<br>',
};

describe('markup', () => {
  it('formats literal parts and escapes what was interpolated', () => {
    const userText = '**not bold** <@123> _x_';
    expect(renderMarkup(md`**C3** ${userText}`, tags)).toBe('<b>C3</b> \\*\\*not bold\\*\\* \\<@123\\> \\_x\\_');
  });

  it('keeps user text inside a bold or code span as text', () => {
    expect(renderMarkup(md`**${'a*b'}**`, tags)).toBe('<b>a\\*b</b>');
    expect(renderMarkup(md`run \`/claim show ${'C1'}\``, tags)).toBe('run <code>/claim show C1</code>');
  });

  it('renders links, line breaks and nested markup', () => {
    expect(renderMarkup(md`[source](https://x.org/a)\n_**both**_`, tags)).toBe(
      '<a href="https://x.org/a">source</a><br><i><b>both</b></i>',
    );
  });

  it('shows an unclosed delimiter as written', () => {
    expect(toPlainText(md`**open`)).toBe('**open');
    expect(parseMarkup(md`a_b`)).toEqual([{ type: 'text', value: 'a_b' }]);
  });

  it('reads as plain words without formatting', () => {
    expect(toPlainText(md`**C1** supports \`C2\``)).toBe('C1 supports C2');
  });
});
