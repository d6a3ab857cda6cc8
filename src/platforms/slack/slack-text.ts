/**
 * Text as Slack delivers it (https://docs.slack.dev/messaging/formatting-message-text): `&`, `<`, `>` are
 * escaped, and mentions, channels and links are `<…>` sequences. These turn it back into what a person
 * reads, so a captured message or a typed option is stored as words.
 */

export interface SlackTextOptions {
  /**
   * `typed`: a link becomes what the person typed (its label, or the address): right for slash
   * command text, where Slack adds the labels itself. `label-and-url`: "label (address)", right for
   * messages, whose labels may hide where a link goes.
   */
  readonly links: 'typed' | 'label-and-url';
  /** A user's display name by id, for mentions that carry no label (`<@U123>` in messages). */
  readonly userName?: (id: string) => string | undefined;
}

const SEQUENCE = /<([^<>]*)>/g;

export function slackTextToPlain(text: string, options: SlackTextOptions): string {
  return unescapeSlack(
    text.replace(SEQUENCE, (_whole, inner: string) => {
      const bar = inner.indexOf('|');
      const target = bar === -1 ? inner : inner.slice(0, bar);
      const label = bar === -1 ? '' : inner.slice(bar + 1);
      if (target.startsWith('@')) return `@${label || options.userName?.(target.slice(1)) || target.slice(1)}`;
      if (target.startsWith('#')) return `#${label || target.slice(1)}`;
      if (target.startsWith('!subteam^')) return label || '@group';
      if (target.startsWith('!date^')) return label || target;
      if (target.startsWith('!')) return `@${target.slice(1)}`;
      const address = target.startsWith('mailto:') ? target.slice('mailto:'.length) : target;
      if (!label || label === address || label === target) return address;
      return options.links === 'typed' ? label : `${label} (${address})`;
    }),
  );
}

/** `&lt;` → `<`, `&gt;` → `>`, `&amp;` → `&` (in that order, so `&amp;lt;` stays `&lt;`). */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The user ids mentioned in Slack text (`<@U123>`), in order, without repeats. */
export function mentionedUsers(text: string): string[] {
  const ids = [...text.matchAll(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1]!);
  return [...new Set(ids)];
}
