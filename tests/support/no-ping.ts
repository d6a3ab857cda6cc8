import type { Reply } from '../../src/core/reply.ts';
import { renderReplyText } from '../../src/platforms/console/render.ts';
import { renderModal as renderDiscordModal } from '../../src/platforms/discord/components.ts';
import { messagePayload, renderReply } from '../../src/platforms/discord/message.ts';
import { renderMessage } from '../../src/platforms/slack/blocks.ts';
import { renderModal as renderSlackModal } from '../../src/platforms/slack/modal.ts';
import { messageProblems, modalProblems } from '../platforms/slack/support/block-kit.ts';

/**
 * Renders a reply the way each platform would send it (the real Discord, Slack and console renderers)
 * and lists every way it could ping, inject markup, break a platform limit or carry invisible
 * characters. An empty list is a reply that is safe to send anywhere.
 */
export function renderedProblems(reply: Reply): string[] {
  return [reply, ...(reply.followUps ?? []).flatMap(allReplies)].flatMap((one) => [
    ...discordProblems(one).map((p) => `discord: ${p}`),
    ...slackProblems(one).map((p) => `slack: ${p}`),
    ...consoleProblems(one).map((p) => `console: ${p}`),
  ]);
}

function allReplies(reply: Reply): Reply[] {
  return [reply, ...(reply.followUps ?? []).flatMap(allReplies)];
}

// Characters no reply may carry: controls (but tab and newline), direction overrides and isolates, a
// byte-order mark, and halves of surrogate pairs (the platforms refuse those with a 400).
const INVISIBLE =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function invisible(where: string, text: string | undefined): string[] {
  if (!text) return [];
  const match = INVISIBLE.exec(text);
  return match ? [`${where} carries U+${match[0].charCodeAt(0).toString(16).padStart(4, '0')}`] : [];
}

/**
 * User text that reached Discord's markdown unescaped, outside code: a mention, a channel, a timestamp
 * or custom emoji tag; a masked link to the corpus's evil.example; or one of the corpus's formatting
 * fragments outside a bare link (Discord reads a link before any markdown in it).
 */
const DISCORD_MENTION = /<(?:@[!&]?\d+|#\d+|t:-?\d+(?::\w)?|a?:\w+:\d+)>/g;
const DISCORD_MASKED_LINK = /\[[^\[\]]*\]\(<?https?:\/\/evil\.example[^)]*\)/g;
const DISCORD_FORMATTING = ['**bold**', '__underline__', '~~strike~~', '||spoiler||'];
// Discord's own rule for a bare link: up to whitespace or `<`, not ending in punctuation.
const DISCORD_BARE_LINK = /https?:\/\/[^\s<]+[^<.,:;"')\]\s]/g;

function discordInjections(markdown: string): string[] {
  const prose = withoutCode(markdown);
  // A `[` inside a bare link is part of the link; the address of a masked link is not a bare link.
  const withoutBareLinks = prose.replace(new RegExp(`(?<!\\]\\()${DISCORD_BARE_LINK.source}`, 'g'), ' ');
  const found = [...unescapedMatches(prose, DISCORD_MENTION), ...unescapedMatches(withoutBareLinks, DISCORD_MASKED_LINK)];
  const outsideLinks = prose.replace(DISCORD_BARE_LINK, ' ');
  for (const fragment of DISCORD_FORMATTING) {
    found.push(...unescapedMatches(outsideLinks, new RegExp(fragment.replace(/[*_~|]/g, '\\$&'), 'g')));
  }
  return found.map((what) => `unescaped ${what} in ${JSON.stringify(clip(prose))}`);
}

/** The matches not escaped, that is not after an odd run of backslashes. */
function unescapedMatches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)]
    .filter((m) => {
      let slashes = 0;
      while (text[m.index - 1 - slashes] === '\\') slashes++;
      return slashes % 2 === 0;
    })
    .map((m) => m[0]);
}

function discordProblems(reply: Reply): string[] {
  const problems: string[] = [];
  // A reply that opens a form is shown as the form, not as a message.
  if (reply.modal) return strings(renderDiscordModal(reply.modal)).flatMap((text) => invisible('a modal', text));
  for (const message of renderReply(reply)) {
    const payload = messagePayload(message);
    if (payload.allowedMentions.parse.length !== 0) problems.push('allowed_mentions.parse is not empty');
    if ('content' in payload) problems.push('a message with content');
    let total = 0;
    for (const embed of payload.embeds) {
      const texts = [embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])];
      for (const text of texts) {
        problems.push(...invisible('an embed', text));
        problems.push(...discordInjections(text ?? ''));
      }
      problems.push(...invisible('a footer', embed.footer?.text));
      total +=
        (embed.title?.length ?? 0) +
        (embed.description?.length ?? 0) +
        (embed.footer?.text.length ?? 0) +
        (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
      if ((embed.description?.length ?? 0) > 4096) problems.push('an embed description over 4,096');
      if ((embed.title?.length ?? 0) > 256) problems.push('an embed title over 256');
      for (const field of embed.fields ?? []) {
        if (!field.name || field.name.length > 256 || !field.value || field.value.length > 1024) problems.push('a field out of limits');
      }
    }
    if (total > 6000) problems.push(`${total} embed characters in one message`);
    if (payload.embeds.length > 10) problems.push('over 10 embeds');
    for (const row of payload.components) {
      for (const text of strings(row.components)) problems.push(...invisible('a component', text));
    }
  }
  return problems;
}

/** Discord shows code spans and blocks literally: nothing in them can ping or format. */
function withoutCode(markdown: string): string {
  return markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
}

function slackProblems(reply: Reply): string[] {
  if (reply.modal) {
    const view = renderSlackModal(reply.modal, {});
    return [...modalProblems(view), ...strings(view).flatMap((text) => invisible('a modal', text))];
  }
  const message = renderMessage(reply);
  const problems = [...messageProblems(message.blocks), ...mrkdwnProblems('the fallback text', message.text)];
  for (const text of textObjects(message.blocks)) {
    if (text.type === 'mrkdwn') {
      if (text.verbatim !== true) problems.push('a mrkdwn text without verbatim');
      problems.push(...mrkdwnProblems('a mrkdwn text', text.text));
    } else problems.push(...invisible('a plain text', text.text));
  }
  return problems;
}

/**
 * Slack turns `<…>` into mentions, broadcasts and links, and `&` starts an escape: the only `<…>` we
 * send are our own http(s) links, and every `&` is one of the three escapes.
 */
function mrkdwnProblems(where: string, text: string): string[] {
  const problems = invisible(where, text);
  for (const [sequence] of text.matchAll(/<[^>]*>?/g)) {
    if (!/^<https?:\/\/[^\s<>|]+(?:\|[^<>]*)?>$/.test(sequence)) problems.push(`${where}: ${JSON.stringify(clip(sequence))} reaches Slack`);
  }
  if (/&(?!amp;|lt;|gt;)/.test(text)) problems.push(`${where}: an unescaped &`);
  if (text.replace(/<[^<>]*>/g, '').includes('>')) problems.push(`${where}: an unescaped >`);
  return problems;
}

interface TextObject {
  readonly type: string;
  readonly text: string;
  readonly verbatim?: boolean;
}

function textObjects(value: unknown): TextObject[] {
  if (Array.isArray(value)) return value.flatMap(textObjects);
  if (!value || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  if ((object.type === 'mrkdwn' || object.type === 'plain_text') && typeof object.text === 'string')
    return [object as unknown as TextObject];
  return Object.values(object).flatMap(textObjects);
}

/** Every string inside a rendered payload. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function consoleProblems(reply: Reply): string[] {
  return invisible('the console text', renderReplyText(reply, { color: false, width: 100 }));
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
