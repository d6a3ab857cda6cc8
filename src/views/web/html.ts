import { renderMarkup, type Markup, type MarkupRenderer } from '../../core/markup.ts';
import type { Block } from '../../core/reply.ts';

/** Every user text on the page passes through here: `&`, `<`, `>`, `"` and `'` become entities. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Only web addresses become links: a `javascript:` or `data:` URL in a claim's source stays text. */
export const isWebUrl = (url: string): boolean => /^https?:\/\/[^\s"'<>]+$/i.test(url);

const htmlRenderer: MarkupRenderer = {
  text: escapeHtml,
  bold: (inner) => `<strong>${inner}</strong>`,
  italic: (inner) => `<em>${inner}</em>`,
  strike: (inner) => `<s>${inner}</s>`,
  code: (value) => `<code>${escapeHtml(value)}</code>`,
  link: (url, label) => (isWebUrl(url) ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${label}</a>` : label),
  lineBreak: '<br>',
};

export const markupHtml = (markup: Markup | string): string => renderMarkup(markup, htmlRenderer);

/** A reply's blocks as HTML, so the page says what the chat says (opinion groups, notes), in the same words. */
export function blocksHtml(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'text':
          return `<p>${markupHtml(block.text)}</p>`;
        case 'context':
          return `<p class="note">${markupHtml(block.text)}</p>`;
        case 'pre':
          return `<pre>${escapeHtml(block.text)}</pre>`;
        case 'divider':
          return '<hr>';
        case 'fields':
          return `<dl>${block.fields.map((f) => `<dt>${escapeHtml(f.name)}</dt><dd>${markupHtml(f.value)}</dd>`).join('')}</dl>`;
        case 'table':
          return tableHtml(block.columns, block.rows, block.align);
      }
    })
    .join('\n');
}

/** A table of plain cells (escaped), in a box that scrolls sideways on a narrow screen. */
export function tableHtml(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('left' | 'right')[] = [],
  cell: (value: string, column: number) => string = escapeHtml,
): string {
  const cls = (i: number) => (align[i] === 'right' ? ' class="num"' : '');
  const head = columns.map((c, i) => `<th scope="col"${cls(i)}>${escapeHtml(c)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((v, i) => `<td${cls(i)}>${cell(v, i)}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table-scroll"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}
