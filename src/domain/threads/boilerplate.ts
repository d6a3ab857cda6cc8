import type { LineKind } from './thread.ts';

/**
 * What each line of a message is: the author's words, a quote of someone else, a link on its own,
 * code, or boilerplate that web exports and mail clients add (share/reply footers, vote counts,
 * signatures, moderator footnotes).
 */

// Words that make up the action bars of forums and social sites: "Reply · Share · Report", "12 points".
const FOOTER_WORD =
  /^(?:share|reply|replies|report|save|saved|hide|permalink|embed|award|give award|follow|unfollow|subscribe|subscribed|donate|like|likes|liked|upvote|upvotes|downvote|retweet|repost|quote|copy link|load more comments|continue this thread|view more replies|view all comments|see more|show more|read more|more replies|parent|context|source|edit|edited|delete|block|mute|translate|\d[\d,.]*k?|\d[\d,.]*k? (?:points?|votes?|upvotes?|likes?|comments?|replies|karma|shares?|views?|reactions?)|\d+ ?(?:s|m|h|d|w|mo|y)(?: ago)?|level \d+|op|mod)$/i;

const BOILERPLATE_LINE: readonly RegExp[] = [
  /^sent from my \w+/i,
  /^posted by (?:u\/)?\S+/i,
  /^(?:u\/|@)\S+\s*[·•|]/i,
  /^\[(?:deleted|removed)\]$/i,
  /^(?:edited|last edited|updated)\b.{0,40}\bago$/i,
  /^(?:this (?:comment|post|message) (?:has been|was) (?:removed|deleted))/i,
  /\b(?:buy me a coffee|support us on patreon|become a patron|donate (?:now|today|here)|subscribe (?:now|to (?:our|my) newsletter)|sign up for (?:our|my) newsletter|click here to (?:subscribe|donate|share))\b/i,
  /^(?:if you (?:enjoyed|liked) this|share this (?:post|article)|like and subscribe)/i,
  /^\*?hello,? users of cmv!/i,
  /^\*?(?:i am a bot|this (?:action|message) was performed automatically)/i,
];

const LINK_ONLY = /^(?:[-*•]\s*)?(?:<?https?:\/\/\S+>?|\[[^\]]*\]\(\s*https?:\/\/[^)\s]+\s*\)|!\[[^\]]*\]\([^)]*\))$/i;
const QUOTE = /^\s*(?:>|&gt;)/;
const SIGNATURE = /^(?:--|—|-- )$/;

/** An action bar: every part between separators is a footer word or a count. */
function isActionBar(line: string): boolean {
  const parts = line
    .split(/\s*[·•|]\s*|\s{2,}|\t/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => FOOTER_WORD.test(p));
}

/** Classifies each line; everything after a signature delimiter (`-- `) is boilerplate. */
export function classifyLines(lines: readonly string[]): LineKind[] {
  const kinds: LineKind[] = [];
  let signature = false;
  let code = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (/^(?:```|~~~)/.test(line)) {
      code = !code;
      kinds.push('code');
      continue;
    }
    if (code) kinds.push('code');
    else if (!line) kinds.push('blank');
    else if (signature) kinds.push('boilerplate');
    else if (SIGNATURE.test(raw.trimStart()) || raw === '-- ') {
      signature = true;
      kinds.push('boilerplate');
    } else if (QUOTE.test(raw)) kinds.push('quote');
    else if (LINK_ONLY.test(line)) kinds.push('link');
    else if (isActionBar(line) || BOILERPLATE_LINE.some((p) => p.test(line))) kinds.push('boilerplate');
    else kinds.push('content');
  }
  return kinds;
}

/** Where the quoted words of a `> ` line start (after the marker and one space). */
export function quoteContentOffset(line: string): number {
  const match = /^\s*(?:>|&gt;)+\s?/.exec(line);
  return match ? match[0].length : 0;
}
