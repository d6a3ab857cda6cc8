import { renderMarkup, type MarkupRenderer } from '../../core/markup.ts';
import type { Block, Reply } from '../../core/reply.ts';
import { formatTable } from '../../core/text-table.ts';
import { visibleReply } from '../../core/visible.ts';

export interface ConsoleStyle {
  /** ANSI colours and bold, for a terminal; plain text when piped. */
  readonly color: boolean;
  readonly width: number;
  /** Writes an attachment to disk and returns the path to print. */
  readonly saveAttachment?: (name: string, data: Uint8Array) => string;
}

const ansi = (code: string, on: boolean) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

function markupRenderer(color: boolean): MarkupRenderer {
  return {
    text: (value) => value,
    bold: ansi('1', color),
    italic: ansi('3', color),
    strike: (inner) => (color ? `\x1b[9m${inner}\x1b[0m` : inner),
    code: (value) => (color ? `\x1b[36m${value}\x1b[0m` : value),
    link: (url, label) => (label && label !== url ? `${label} <${url}>` : url),
    lineBreak: '\n',
  };
}

/** A reply as terminal text: heading, text, fields, tables and outlines, buttons as hints, files saved. */
export function renderReplyText(given: Reply, style: ConsoleStyle): string {
  const reply = visibleReply(given);
  const r = markupRenderer(style.color);
  const dim = ansi('2', style.color);
  const out: string[] = [];
  if (reply.title) out.push(ansi('1', style.color)(reply.accent === 'error' ? `✖ ${reply.title}` : reply.title));
  for (const block of reply.blocks) out.push(renderBlock(block, r, style, dim));
  out.push(renderButtons(reply, dim));
  for (const attachment of reply.attachments ?? []) {
    const path = style.saveAttachment?.(attachment.name, attachment.data);
    out.push(path ? `${attachment.contentType.startsWith('image/') ? 'Image' : 'File'} saved: ${path}` : `(attachment ${attachment.name})`);
  }
  if (reply.modal) out.push(dim(`“${reply.modal.title}” opens a form on Discord and Slack; in the console use the matching command.`));
  let text = out.filter((s) => s !== '').join('\n');
  if (reply.accent === 'error' && !reply.title) text = `${style.color ? '\x1b[31m✖\x1b[0m' : '✖'} ${text}`;
  const follow = (reply.followUps ?? []).map((f) => renderReplyText(f, style));
  return [text, ...follow].join('\n\n');
}

/**
 * The console has no buttons: each one is listed with the command that does the same, so every flow can
 * be finished by typing (Discord and Slack show the buttons, and the same commands work there too).
 */
function renderButtons(reply: Reply, dim: (s: string) => string): string {
  const rows = (reply.components ?? [])
    .flat()
    .filter((c) => c.type !== 'link' && !(c.type === 'button' && c.disabled))
    .map((c) => ({ label: c.type === 'select' ? `${c.placeholder} ▾` : c.label, command: c.type === 'link' ? undefined : c.command }));
  const links = (reply.components ?? []).flat().flatMap((c) => (c.type === 'link' ? [`${c.label}: ${c.url}`] : []));
  if (!rows.length && !links.length) return '';
  const width = Math.max(0, ...rows.map((r) => r.label.length)) + 2;
  const lines = rows.map((r) => `  ${dim(`[${r.label}]`.padEnd(width + 2))} ${r.command ?? dim('(on Discord and Slack only)')}`);
  return [
    ...(rows.length ? [dim('Buttons on Discord and Slack; here, type the command:'), ...lines] : []),
    ...links.map((l) => `  ${l}`),
  ].join('\n');
}

function renderBlock(block: Block, r: MarkupRenderer, style: ConsoleStyle, dim: (s: string) => string): string {
  switch (block.type) {
    case 'text':
      return renderMarkup(block.text, r);
    case 'context':
      return dim(renderMarkup(block.text, r));
    case 'divider':
      return dim('─'.repeat(Math.min(style.width, 60)));
    case 'pre':
      return block.text;
    case 'fields': {
      const width = Math.max(...block.fields.map((f) => f.name.length));
      return block.fields
        .map((field) => {
          const value = typeof field.value === 'string' ? field.value : renderMarkup(field.value, r);
          const [first = '', ...rest] = value.split('\n');
          const pad = ' '.repeat(width + 2);
          return [`${dim(field.name.padEnd(width))}  ${first}`, ...rest.map((line) => `${pad}${line}`)].join('\n');
        })
        .join('\n');
    }
    case 'table':
      return formatTable(block.columns, block.rows, block.align).join('\n');
  }
}
