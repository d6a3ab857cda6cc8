import { toPlainText } from '../../core/markup.ts';
import type { Block, Reply } from '../../core/reply.ts';
import { formatTable } from '../../core/text-table.ts';

/**
 * A reply as plain text, for a reply too long to post: Discord gets the first messages and this file
 * with everything. Nothing is escaped or cut; it is a text file, not markdown.
 */
export function replyTranscript(reply: Reply): string {
  const parts = reply.title ? [reply.title] : [];
  for (const block of reply.blocks) {
    const part = blockText(block);
    if (part.trim()) parts.push(part);
  }
  return `${parts.join('\n\n')}\n`;
}

/** `Map of goal-drift` → `map-of-goal-drift.txt`. */
export function transcriptName(reply: Reply): string {
  const stem = (reply.title ?? 'reply')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${stem || 'reply'}.txt`;
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'text':
    case 'context':
      return toPlainText(block.text);
    case 'pre':
      return block.text;
    case 'table':
      return formatTable(block.columns, block.rows, block.align).join('\n');
    case 'fields':
      return block.fields.map((f) => `${f.name}: ${typeof f.value === 'string' ? f.value : toPlainText(f.value)}`).join('\n');
    case 'divider':
      return '---';
  }
}
