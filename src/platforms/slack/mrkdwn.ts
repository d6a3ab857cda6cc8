import { renderMarkup, toPlainText, type Markup, type MarkupRenderer } from '../../core/markup.ts';

/**
 * Slack's three control characters. Escaped, user text can show `<!channel>` or `<@U123>` but never
 * becomes a mention, a link or a broadcast (https://docs.slack.dev/messaging/formatting-message-text).
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// Slack has no escape for * _ ~ `, so user text that contains them may look formatted; it can never
// ping or link. A backtick inside code would end the span early, so it becomes a look-alike.
const codeSafe = (value: string) => escapeMrkdwn(value.replace(/`/g, 'ˋ'));

/** Our markup as Slack mrkdwn: **b** → *b*, _i_, ~~s~~ → ~s~, `code`, links as <url|label>. */
export const mrkdwnRenderer: MarkupRenderer = {
  text: escapeMrkdwn,
  bold: (inner) => (inner.trim() ? `*${inner}*` : inner),
  italic: (inner) => (inner.trim() ? `_${inner}_` : inner),
  strike: (inner) => (inner.trim() ? `~${inner}~` : inner),
  code: (value) => (value ? `\`${codeSafe(value)}\`` : ''),
  link: (url, label) => {
    const target = escapeMrkdwn(url).replace(/\|/g, '%7C');
    return label && label !== escapeMrkdwn(url) ? `<${target}|${label.replace(/\|/g, '¦')}>` : `<${target}>`;
  },
  lineBreak: '\n',
};

export function toMrkdwn(markup: Markup | string): string {
  return renderMarkup(markup, mrkdwnRenderer);
}

/** Plain words for the notification fallback, still escaped: Slack parses `text` for mentions too. */
export function toFallback(markup: Markup | string): string {
  return escapeMrkdwn(typeof markup === 'string' ? markup : toPlainText(markup));
}

/** A literal block (an outline, a table) inside ``` fences; its text is shown verbatim. */
export function codeBlock(lines: readonly string[]): string {
  return `\`\`\`\n${lines.map((line) => escapeMrkdwn(line.replace(/```/g, '`\u200b``'))).join('\n')}\n\`\`\``;
}
