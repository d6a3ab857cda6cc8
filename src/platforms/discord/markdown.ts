import { renderMarkup, toPlainText, type Markup, type MarkupRenderer } from '../../core/markup.ts';

/**
 * Discord markdown. User text is escaped so it shows exactly as typed: no bold, no masked links, no
 * `<@123>` mention or `<t:…>` timestamp syntax, no headings or quotes from a line's first character.
 * Links in user text are left whole, because Discord links a bare URL before it reads any escape.
 */

const URL_IN_TEXT = /https?:\/\/[^\s<>]+/g;
// Anywhere in a line: emphasis, strike, spoilers, code, masked links, mentions and custom emoji.
const INLINE = /[\\*_~`|<>[\]]/g;
// Only at the start of a line: headings, subtext, lists, block quotes.
const LINE_START = /^([ \t]*)(?:([#>+-])|(\d+)\.(?=\s))/gm;

export function escapeDiscord(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    out += escapePlain(text.slice(last, match.index));
    out += match[0];
    last = match.index + match[0].length;
  }
  return out + escapePlain(text.slice(last));
}

function escapePlain(text: string): string {
  return text
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_, space: string, mark?: string, digits?: string) => (mark ? `${space}\\${mark}` : `${space}${digits}\\.`));
}

/** Inline code cannot escape a backtick, so one in the value becomes a look-alike (ˋ). */
export function inlineCode(value: string): string {
  const clean = value.replace(/`/g, 'ˋ').replace(/\n/g, ' ');
  return clean.trim() ? `\`${clean}\`` : '';
}

/** A fenced code block whose content cannot close the fence early (``` inside is broken up). */
export function codeBlock(content: string): string {
  return `\`\`\`\n${neutraliseFences(content)}\n\`\`\``;
}

export function neutraliseFences(content: string): string {
  return content.replace(/`(?=`)/g, '`\u200b');
}

const discordRenderer: MarkupRenderer = {
  text: escapeDiscord,
  bold: (inner) => (inner ? `**${inner}**` : ''),
  italic: (inner) => (inner ? `_${inner}_` : ''),
  strike: (inner) => (inner ? `~~${inner}~~` : ''),
  code: inlineCode,
  link: (url, label) => `[${label || escapeDiscord(url)}](${url.replace(/[()\s]/g, encodeURIComponent)})`,
  lineBreak: '\n',
};

/** Markup as Discord markdown; a plain string is user text and is escaped. */
export function toDiscordMarkdown(markup: Markup | string): string {
  return renderMarkup(markup, discordRenderer);
}

/** For places Discord shows without markdown (embed footers, modal labels): the words only. */
export function toDiscordPlain(markup: Markup | string): string {
  return typeof markup === 'string' ? markup : toPlainText(markup);
}
