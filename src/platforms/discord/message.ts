import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Accent, Attachment, Block, Reply } from '../../core/reply.ts';
import { visibleReply } from '../../core/visible.ts';
import { renderComponents, type ActionRow } from './components.ts';
import { LIMITS, cut, safeSlice } from './limits.ts';
import { codeBlock, escapeDiscord, neutraliseFences, toDiscordMarkdown, toDiscordPlain } from './markdown.ts';
import { formatTable } from '../../core/text-table.ts';
import { replyTranscript, transcriptName } from './transcript.ts';

/** One Discord message, ready to send: everything Discord needs but the flags of the route used. */
export interface DiscordMessage {
  readonly embeds: APIEmbed[];
  readonly components: ActionRow[];
  readonly files: readonly DiscordFile[];
  readonly ephemeral: boolean;
}

export interface DiscordFile {
  readonly name: string;
  readonly data: Uint8Array;
  readonly description?: string;
}

/** The parts of a message every send route shares (interaction reply, follow-up, channel post). */
export function messagePayload(message: DiscordMessage) {
  return {
    embeds: message.embeds,
    components: message.components,
    files: message.files.map((f) => ({
      attachment: Buffer.from(f.data),
      name: f.name,
      ...(f.description ? { description: f.description } : {}),
    })),
    // Nothing the bot sends may ping anyone, whatever the text says (`@everyone`, `<@123>`).
    allowedMentions: { parse: [] },
  };
}

export const ACCENT_COLOUR: Record<Accent, number> = {
  neutral: 0x99aab5,
  info: 0x5865f2,
  success: 0x57f287,
  warning: 0xfee75c,
  error: 0xed4245,
};

type Piece =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'field'; readonly field: APIEmbedField }
  | { readonly kind: 'break' };

/** More messages than this for one reply would flood the channel; the rest goes in a text file. */
export const MESSAGES_MAX = 5;

/**
 * A Reply as Discord messages. Text goes into embed descriptions, fields into embed fields, `pre` and
 * `table` blocks into code blocks, `context` into the footer. Nothing is ever over Discord's limits:
 * long text continues in further embeds and, past 10 embeds or 6,000 characters, in further messages
 * (sent as follow-ups), at most 5; a reply longer still is cut there and the whole of it attached as
 * a text file. Single fields and titles are cut with "…". Buttons, selects and files go on the first
 * message. `followUps` are not included: each is rendered on its own.
 */
export function renderReply(given: Reply): DiscordMessage[] {
  const reply = visibleReply(given);
  const colour = ACCENT_COLOUR[reply.accent ?? 'info'];
  const embeds = packEmbeds(reply, colour);
  const files = (reply.attachments ?? []).map(toFile);
  const image = files.find((f, i) => reply.attachments?.[i]?.contentType.startsWith('image/'));
  if (image && embeds[0]) embeds[0].image = { url: `attachment://${image.name}` };

  const packed = packMessages(embeds);
  const messages = packed.slice(0, MESSAGES_MAX);
  const transcript = packed.length > MESSAGES_MAX ? transcriptFile(reply) : undefined;
  if (transcript) noteOnLast(messages.at(-1)!, `Too long for Discord: the whole reply is in ${transcript.name}.`);
  const components = renderComponents(reply.components ?? []);
  const ephemeral = reply.ephemeral ?? false;
  if (messages.length === 0) {
    // A reply of only buttons or files still needs something to show; an empty one says it is done.
    const fallback = components.length || files.length ? [] : [{ description: 'Done.', color: colour }];
    return [{ embeds: fallback, components, files, ephemeral }];
  }
  const last = messages.length - 1;
  return messages.map((group, i) => ({
    embeds: group,
    components: i === 0 ? components : [],
    files: [...(i === 0 ? files : []), ...(i === last && transcript ? [transcript] : [])],
    ephemeral,
  }));
}

function transcriptFile(reply: Reply): DiscordFile {
  return { name: transcriptName(reply), data: Buffer.from(replyTranscript(reply)), description: 'The whole reply, as text' };
}

/** Everything in one message, cut where it must be (editing a message in place cannot add more). */
export function renderSingleMessage(reply: Reply): DiscordMessage {
  const [first, ...rest] = renderReply(reply);
  if (rest.length > 0) noteOnLast(first!.embeds, 'Cut to fit one Discord message.');
  return first!;
}

/** Adds a note to the footer of a message's last embed, shrinking the message to keep it within 6,000. */
function noteOnLast(embeds: APIEmbed[], note: string): void {
  const last = embeds[embeds.length - 1]!;
  last.footer = { text: cut(last.footer?.text ? `${last.footer.text}\n${note}` : note, LIMITS.footer) };
  while (embeds.reduce((n, e) => n + embedSize(e), 0) > LIMITS.embedTotal) {
    const target = embeds.length > 1 ? embeds[embeds.length - 2]! : last;
    if (target.fields?.length) target.fields.pop();
    else if ((target.description?.length ?? 0) > 200)
      target.description = cut(target.description!, Math.floor(target.description!.length / 2));
    else if (embeds.length > 1) embeds.splice(embeds.length - 2, 1);
    else target.description = cut(target.description ?? '', 100);
  }
}

function packEmbeds(reply: Reply, colour: number): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let current: APIEmbed | undefined;
  const open = (): APIEmbed => {
    current = { color: colour };
    embeds.push(current);
    return current;
  };
  if (reply.title) open().title = cut(escapeDiscord(reply.title.replace(/\s+/g, ' ')), LIMITS.embedTitle);

  for (const piece of reply.blocks.flatMap(toPieces)) {
    if (piece.kind === 'break') {
      current = undefined;
      continue;
    }
    if (piece.kind === 'field') {
      const embed =
        current && (current.fields?.length ?? 0) < LIMITS.embedFields && fits(current, fieldSize(piece.field)) ? current : open();
      (embed.fields ??= []).push(piece.field);
      continue;
    }
    // Text after fields starts a new embed, so the order of blocks is kept.
    let embed = current && !current.fields?.length ? current : open();
    for (const chunk of splitText(piece.text, LIMITS.embedDescription)) {
      const joined = embed.description ? `${embed.description}\n\n${chunk}` : chunk;
      if (joined.length <= LIMITS.embedDescription && fits(embed, joined.length - (embed.description?.length ?? 0))) {
        embed.description = joined;
      } else {
        embed = open();
        embed.description = chunk;
      }
    }
  }

  const footer = reply.blocks
    .filter((b): b is Extract<Block, { type: 'context' }> => b.type === 'context')
    .map((b) => toDiscordPlain(b.text))
    .filter((t) => t.trim())
    .join('\n');
  if (footer) {
    const text = cut(footer, LIMITS.footer);
    const last = embeds[embeds.length - 1];
    if (last && fits(last, text.length)) last.footer = { text };
    else embeds.push({ color: colour, footer: { text } });
  }
  return embeds;
}

function toPieces(block: Block): Piece[] {
  switch (block.type) {
    case 'text': {
      const text = toDiscordMarkdown(block.text);
      return text.trim() ? [{ kind: 'paragraph', text }] : [];
    }
    case 'pre':
      return codeBlocks(block.text).map((text) => ({ kind: 'paragraph', text }));
    case 'table':
      return codeBlocks(formatTable(block.columns, block.rows, block.align).join('\n')).map((text) => ({ kind: 'paragraph', text }));
    case 'fields':
      return block.fields.map((f) => ({
        kind: 'field',
        field: {
          name: cut(escapeDiscord(f.name), LIMITS.fieldName) || '\u200b',
          value: cut(toDiscordMarkdown(f.value), LIMITS.fieldValue) || '—',
          ...(f.inline ? { inline: true } : {}),
        },
      }));
    case 'divider':
      return [{ kind: 'break' }];
    case 'context':
      return [];
  }
}

/** Preformatted text as code blocks that each fit an embed description, split between lines. */
function codeBlocks(content: string): string[] {
  const room = LIMITS.embedDescription - '```\n\n```'.length;
  const lines = neutraliseFences(content.replace(/\s+$/, '')).split('\n');
  const chunks: string[] = [];
  let chunk = '';
  for (const raw of lines) {
    const line = raw.length > room ? cut(raw, room) : raw;
    if (chunk && chunk.length + 1 + line.length > room) {
      chunks.push(chunk);
      chunk = line;
    } else chunk = chunk ? `${chunk}\n${line}` : line;
  }
  chunks.push(chunk);
  return chunks.map(codeBlock);
}

/** Splits text at line or word boundaries into pieces of at most `max` characters. */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = safeSlice(rest, max);
    // Prefer the last line break, then the last space; one in the first half would leave a tiny piece,
    // so then cut mid-word (rare: a very long word).
    const line = window.lastIndexOf('\n');
    const at = line > max / 2 ? line : window.lastIndexOf(' ');
    let end = at > max / 2 ? at : window.length;
    // Never part an escape from what it escapes: an odd run of backslashes must not end a piece.
    let slashes = 0;
    while (rest[end - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 1) end--;
    out.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).replace(/^\s+/, '');
  }
  if (rest) out.push(rest);
  return out;
}

/** Groups embeds into messages: at most 10 each and 6,000 characters together. */
function packMessages(embeds: readonly APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let group: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const n = embedSize(embed);
    if (group.length && (group.length === LIMITS.embedsPerMessage || size + n > LIMITS.embedTotal)) {
      messages.push(group);
      group = [];
      size = 0;
    }
    group.push(embed);
    size += n;
  }
  if (group.length) messages.push(group);
  return messages;
}

export function embedSize(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + fieldSize(f), 0)
  );
}

function fieldSize(field: APIEmbedField): number {
  return field.name.length + field.value.length;
}

/** Whether `extra` more characters keep the embed within a message's total on its own. */
function fits(embed: APIEmbed, extra: number): boolean {
  return embedSize(embed) + extra <= LIMITS.embedTotal;
}

function toFile(attachment: Attachment): DiscordFile {
  const name = attachment.name.replace(/[^A-Za-z0-9._-]/g, '_').slice(-100) || 'file';
  return { name, data: attachment.data, ...(attachment.description ? { description: cut(attachment.description, 1024) } : {}) };
}
