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
  // Reader apps and "open in app" bars.
  /\b(?:unroll(?:ed)? (?:available|this|thread)|thread ?reader(?: ?app)?|read (?:this|the full|the whole) (?:thread|story|article) (?:on|in|at)|open in (?:the )?app|get the app|download (?:the|our) app|view (?:this )?in (?:your )?browser|view (?:the )?original (?:post|tweet|thread))\b/i,
  // Profile lines and avatars: "Jane Doe Profile picture".
  /\b(?:profile (?:picture|photo|image|pic)|avatar(?: image)?|verified account)$/i,
  // Cookie banners.
  /\b(?:we use cookies|(?:this|our) (?:site|website) uses cookies|accept (?:all )?cookies|reject (?:all )?cookies|cookie (?:policy|settings|preferences|consent)|manage (?:cookie )?preferences)\b/i,
  // Payment and wallet addresses: bitcoin, ethereum, IBAN, tip links.
  /\b(?:bc1[a-z0-9]{20,60}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[0-9a-fA-F]{40}|[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7})\b|\b(?:paypal\.me|venmo\.com|cash\.app|ko-fi\.com|buymeacoffee\.com|patreon\.com)\//,
  /^(?:btc|eth|bitcoin|ethereum|xmr|monero|ltc|usdt|wallet|paypal|venmo|iban)\s*(?:address)?\s*[:=]/i,
];

// Prompts to act rather than claims: "Subscribe to get the latest posts", "Follow @x for more".
const PROMPT =
  /^(?:please |🔔 ?|👉 ?)?(?:subscribe|donate|follow (?:me|us|@\S+|along)|support (?:us|me|this|our|my)|sign up|join (?:us|our|the (?:newsletter|list|community|conversation|discussion))|share this|like (?:and|&) (?:subscribe|share)|become a (?:member|patron|subscriber|supporter)|tip (?:me|us|the author)|sponsor (?:me|us|this)|click (?:here|the link)|tap (?:here|to)|listen (?:on|to (?:the|our) podcast)|watch (?:on|the video)|get (?:the latest|our|my|new posts|updates))\b/i;
const PROMPT_MAX_WORDS = 14;

/** Navigation crumbs: "Home > Blog > Politics", "News / World / Europe". */
function isCrumbs(line: string): boolean {
  const parts = line.split(/\s+(?:>|»|›|\/|→)\s+/);
  return parts.length >= 3 && parts.every((p) => p.trim().length > 0 && p.trim().split(/\s+/).length <= 3 && !/[.!?]$/.test(p.trim()));
}

function isPrompt(line: string): boolean {
  return PROMPT.test(line) && line.split(/\s+/).length <= PROMPT_MAX_WORDS;
}

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
    else if (isActionBar(line) || isCrumbs(line) || isPrompt(line) || BOILERPLATE_LINE.some((p) => p.test(line))) kinds.push('boilerplate');
    else kinds.push('content');
  }
  return kinds;
}

/** Where the quoted words of a `> ` line start (after the marker and one space). */
export function quoteContentOffset(line: string): number {
  const match = /^\s*(?:>|&gt;)+\s?/.exec(line);
  return match ? match[0].length : 0;
}
