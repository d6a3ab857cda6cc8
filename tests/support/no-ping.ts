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
 * User text that reached Discord's markdown unescaped: a mention, a channel, a timestamp or custom
 * emoji tag, or one of the fuzz corpus's formatting and masked-link fragments, outside code.
 */
const DISCORD_INJECTIONS: readonly (string | RegExp)[] = [
  /(?<!\\)<(?:@[!&]?\d+|#\d+|t:-?\d+(?::\w)?|a?:\w+:\d+)>/,
  '[click here](https://evil.example/x)',
  '[https://good.example](https://evil.example)',
  '**bold**',
  '__underline__',
  '~~strike~~',
  '||spoiler||',
];

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
        const prose = withoutCode(text ?? '');
        for (const injection of DISCORD_INJECTIONS) {
          if (unescaped(prose, injection)) problems.push(`unescaped ${String(injection)} in ${JSON.stringify(clip(prose))}`);
        }
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

/** Whether `injection` occurs in `prose` other than escaped (after an odd run of backslashes). */
function unescaped(prose: string, injection: string | RegExp): boolean {
  if (typeof injection !== 'string') return injection.test(prose);
  for (let at = prose.indexOf(injection); at !== -1; at = prose.indexOf(injection, at + 1)) {
    let slashes = 0;
    while (prose[at - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) return true;
  }
  return false;
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
