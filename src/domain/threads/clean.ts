/**
 * What a reader sees of a message: HTML entities decoded (`&#8217;` → ’, `&amp;` → &) and markdown
 * markup taken off (`**bold**`, `_stress_`, `~~struck~~`, `[text](url)` → text, `# ` headings), so a claim
 * is the words, not their markup. Code (fenced blocks and `inline`) is left as written. Claims stay verbatim
 * slices of this text, which is the message the analysis holds.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  copy: '©',
  euro: '€',
  pound: '£',
  deg: '°',
  times: '×',
  rarr: '→',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  // Twice at most: exports often escape the ampersand of an entity again ("&amp;#8217;").
  let out = text;
  for (let pass = 0; pass < 2 && out.includes('&'); pass++) {
    out = out.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    });
  }
  return out;
}

const MARKDOWN_HINT = /[*_~[\]#`]/;

/** Markdown taken off one line of prose (not code). */
function plainLine(line: string): string {
  if (!MARKDOWN_HINT.test(line)) return line;
  // Inline code is kept as it is: split it out, clean the rest.
  return line
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/!\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '$1')
            .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g, '$1')
            .replace(/^(\s*)#{1,6}\s+/, '$1')
            .replace(/(\*\*|__)(?=\S)([^*_]*?\S)\1/g, '$2')
            .replace(/~~(?=\S)([^~]*?\S)~~/g, '$1')
            .replace(/(^|[\s(“"'])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?=$|[\s).,;:!?”"'])/g, '$1$2')
            .replace(/(^|[\s(“"'])_(?=[^\s_])([^_\n]*?[^\s_])_(?=$|[\s).,;:!?”"'])/g, '$1$2'),
    )
    .join('');
}

export function readableText(text: string): string {
  const decoded = decodeEntities(text);
  if (!MARKDOWN_HINT.test(decoded)) return decoded;
  let code = false;
  return decoded
    .split('\n')
    .map((line) => {
      if (/^\s*(?:```|~~~)/.test(line)) {
        code = !code;
        return line;
      }
      return code ? line : plainLine(line);
    })
    .join('\n');
}
