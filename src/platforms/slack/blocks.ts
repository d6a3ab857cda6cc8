import type { types } from '@slack/bolt';
import { toPlainText, type Markup } from '../../core/markup.ts';
import type { Block, Component, ComponentRow, Field, Reply } from '../../core/reply.ts';
import { formatTable } from '../../core/text-table.ts';
import { visibleBlock, visibleReply } from '../../core/visible.ts';
import { BLOCK_KIT, clip, clipMrkdwn } from './limits.ts';
import { codeBlock, escapeMrkdwn, toFallback, toMrkdwn } from './mrkdwn.ts';

export type SlackBlock = types.KnownBlock;

/** A reply as Slack will take it: Block Kit, and the plain-text fallback for notifications. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: SlackBlock[];
}

/** Messages hold 50 blocks; modals and the App Home hold 100. */
export type Surface = 'message' | 'view';

/** Link buttons and repeated ids get action ids that route nowhere; see `interactionIdOf`. */
const LINK_ACTION_PREFIX = 'open-link-';
const REPEAT_SUFFIX = /~\d+$/;

/**
 * A Reply as Block Kit: title → header, text → mrkdwn sections, fields → section fields, table and
 * pre → ``` sections, context, divider, buttons and selects → actions. Every limit is respected; what
 * does not fit is cut with "…", so Slack never rejects the message.
 */
export function renderMessage(given: Reply, surface: Surface = 'message'): SlackMessage {
  const reply = visibleReply(given);
  const max = surface === 'message' ? BLOCK_KIT.messageBlocks : BLOCK_KIT.viewBlocks;
  const head: SlackBlock[] = reply.title ? [{ type: 'header', text: plainText(reply.title, BLOCK_KIT.headerText) }] : [];
  let body = renderBlocks(reply.blocks, reply.accent === 'error');
  const actions = renderActions(reply.components ?? []).slice(0, max - head.length - 1);
  const room = max - head.length - actions.length;
  if (body.length > room) {
    const hidden = body.length - (room - 1);
    body = [...body.slice(0, room - 1), contextBlock(`_… ${hidden} more not shown: Slack shows at most ${max} blocks._`)];
  }
  return { text: fallbackText(reply), blocks: [...head, ...body, ...actions] };
}

/** Blocks for the content alone (the App Home composes several of these). */
export function renderBlocks(blocks: readonly Block[], warn = false): SlackBlock[] {
  const out: SlackBlock[] = [];
  let warned = !warn;
  for (const block of blocks.map(visibleBlock)) {
    switch (block.type) {
      case 'text': {
        const text = toMrkdwn(block.text);
        if (!text.trim()) break;
        out.push(...sections(warned ? text : `:warning: ${text}`));
        warned = true;
        break;
      }
      case 'fields':
        out.push(...fieldSections(block.fields));
        break;
      case 'table':
        out.push(...codeSections(formatTable(block.columns, block.rows, block.align)));
        break;
      case 'pre':
        out.push(...codeSections(block.text.split('\n')));
        break;
      case 'context': {
        const text = toMrkdwn(block.text);
        if (text.trim()) out.push(contextBlock(text));
        break;
      }
      case 'divider':
        out.push({ type: 'divider' });
        break;
    }
  }
  return out;
}

export function plainText(text: string, max: number): types.PlainTextElement {
  const value = text.replace(/\s+/g, ' ').trim();
  return { type: 'plain_text', text: clip(value || '—', max), emoji: true };
}

// verbatim: Slack must not auto-link names or parse mentions in what we send; links are explicit.
function mrkdwn(text: string, max: number): types.MrkdwnElement {
  return { type: 'mrkdwn', text: clipMrkdwn(text, max), verbatim: true };
}

function contextBlock(text: string): SlackBlock {
  return { type: 'context', elements: [mrkdwn(text, BLOCK_KIT.contextText)] };
}

/** Long text is split at line breaks into sections of at most 3,000 characters. */
function sections(text: string): SlackBlock[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length <= BLOCK_KIT.sectionText) current = next;
    else {
      if (current) chunks.push(current);
      current = line;
    }
  }
  if (current.trim()) chunks.push(current);
  return chunks.map((chunk) => ({ type: 'section', text: mrkdwn(chunk, BLOCK_KIT.sectionText) }));
}

/** Inline fields sit side by side (10 to a section); the others take a section of their own. */
function fieldSections(fields: readonly Field[]): SlackBlock[] {
  const out: SlackBlock[] = [];
  let inline: types.MrkdwnElement[] = [];
  const flush = () => {
    if (inline.length) out.push({ type: 'section', fields: inline });
    inline = [];
  };
  for (const field of fields) {
    const value = typeof field.value === 'string' ? escapeMrkdwn(field.value) : toMrkdwn(field.value);
    const text = `*${escapeMrkdwn(field.name)}*\n${value.trim() ? value : '—'}`;
    if (field.inline) {
      inline.push(mrkdwn(text, BLOCK_KIT.fieldText));
      if (inline.length === BLOCK_KIT.sectionFields) flush();
    } else {
      flush();
      out.push({ type: 'section', text: mrkdwn(text, BLOCK_KIT.sectionText) });
    }
  }
  flush();
  return out;
}

/** Literal lines in ``` sections, split between lines so each section fits. */
function codeSections(lines: readonly string[]): SlackBlock[] {
  const budget = BLOCK_KIT.sectionText - 8; // the fences and their newlines
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const raw of lines) {
    const line = fitEscaped(raw, budget - 1);
    const length = escapeMrkdwn(line).length + 1;
    if (size + length > budget && current.length) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(line);
    size += length;
  }
  if (current.length) chunks.push(current);
  return chunks.map((chunk) => ({ type: 'section', text: { type: 'mrkdwn', text: codeBlock(chunk), verbatim: true } }));
}

/** The longest start of `raw` whose escaped form fits in `budget`, with "…" when cut. */
function fitEscaped(raw: string, budget: number): string {
  if (escapeMrkdwn(raw).length <= budget) return raw;
  let size = 1; // the ellipsis
  let end = 0;
  for (const char of raw) {
    const width = escapeMrkdwn(char).length;
    if (size + width > budget) break;
    size += width;
    end += char.length;
  }
  return `${raw.slice(0, end)}…`;
}

function renderActions(rows: readonly ComponentRow[]): SlackBlock[] {
  let links = 0;
  return rows.flatMap((row) => {
    const seen = new Map<string, number>();
    // Slack wants action ids unique within a block; a repeat gets a suffix that routing strips.
    const uniqueId = (id: string) => {
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      return n === 1 ? id : `${id}~${n}`;
    };
    const elements = row.flatMap((component) => {
      const element = renderComponent(component, uniqueId, () => `${LINK_ACTION_PREFIX}${++links}`);
      return element ? [element] : [];
    });
    const blocks: SlackBlock[] = [];
    for (let i = 0; i < elements.length; i += BLOCK_KIT.actionsElements) {
      blocks.push({ type: 'actions', elements: elements.slice(i, i + BLOCK_KIT.actionsElements) });
    }
    return blocks;
  });
}

function renderComponent(
  component: Component,
  uniqueId: (id: string) => string,
  linkId: () => string,
): types.ActionsBlockElement | undefined {
  switch (component.type) {
    case 'button': {
      // Slack buttons cannot be shown disabled; a disabled button is left out.
      if (component.disabled) return undefined;
      const style =
        component.style === 'primary' || component.style === 'success' ? 'primary' : component.style === 'danger' ? 'danger' : undefined;
      return {
        type: 'button',
        action_id: uniqueId(component.id),
        text: plainText(component.label, BLOCK_KIT.buttonText),
        ...(style ? { style } : {}),
      };
    }
    case 'link':
      if (component.url.length > BLOCK_KIT.buttonUrl) return undefined;
      return { type: 'button', action_id: linkId(), text: plainText(component.label, BLOCK_KIT.buttonText), url: component.url };
    case 'select': {
      const options = component.options.slice(0, BLOCK_KIT.selectOptions).map((option) => ({
        text: plainText(option.label, BLOCK_KIT.optionText),
        value: clip(option.value, BLOCK_KIT.optionValue),
        ...(option.description ? { description: plainText(option.description, BLOCK_KIT.optionDescription) } : {}),
      }));
      if (options.length === 0) return undefined;
      const placeholder = plainText(component.placeholder, BLOCK_KIT.selectPlaceholder);
      const action_id = uniqueId(component.id);
      return (component.maxValues ?? 1) > 1
        ? {
            type: 'multi_static_select',
            action_id,
            placeholder,
            options,
            max_selected_items: Math.min(component.maxValues!, options.length),
          }
        : { type: 'static_select', action_id, placeholder, options };
    }
  }
}

/**
 * The custom id an action id stands for, or undefined for a link button (Slack reports those clicks
 * too; they need only an ack).
 */
export function interactionIdOf(actionId: string): string | undefined {
  if (actionId.startsWith(LINK_ACTION_PREFIX)) return undefined;
  return actionId.replace(REPEAT_SUFFIX, '');
}

/** The words of a reply without formatting, escaped: the `text` Slack shows in notifications. */
export function fallbackText(reply: Reply): string {
  const parts: string[] = [];
  if (reply.title) parts.push(escapeMrkdwn(reply.title));
  for (const block of reply.blocks) {
    const words = blockWords(block);
    if (words.trim()) parts.push(words);
  }
  const text = parts.join('\n').trim() || (reply.attachments ?? []).map((a) => escapeMrkdwn(a.description ?? a.name)).join(', ');
  return text ? clipMrkdwn(text, BLOCK_KIT.fallbackText) : 'cruxbot';
}

function blockWords(block: Block): string {
  switch (block.type) {
    case 'text':
    case 'context':
      return toFallback(block.text);
    case 'fields':
      return block.fields.map((f) => `${escapeMrkdwn(f.name)}: ${toFallback(f.value as Markup | string)}`).join('\n');
    case 'pre':
      return escapeMrkdwn(block.text);
    case 'table':
      return escapeMrkdwn(formatTable(block.columns, block.rows, block.align).join('\n'));
    case 'divider':
      return '';
  }
}

/** What a person reads in a reply: for logs and for an error shown inside a form. */
export function replyWords(reply: Reply): string {
  return reply.blocks
    .map(visibleBlock)
    .map((block) => (block.type === 'text' ? toPlainText(block.text) : ''))
    .filter(Boolean)
    .join(' ');
}
