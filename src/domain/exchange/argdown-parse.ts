import { UserError } from '../../core/errors.ts';
import { CLAIM_STATUSES, type ClaimStatus } from '../claims.ts';
import type { LinkKind } from '../links.ts';
import { DATA_KEY_OF_KIND } from './argdown-export.ts';
import type { ImportedClaim, ImportedDebate, ImportedLink } from './document.ts';
import { parseFlowMapping, parseFrontMatter, type FlowValue } from './yaml-flow.ts';

/**
 * Reads the part of Argdown a crux graph needs: statements (`[Title]: text`, references `[Title]`,
 * untitled text), arguments (`<Title>: text`, read as claims too), their relations in indented
 * trees (`<+ + +> <- - -> >< <_ _>`), `#tags`, `{data}`, headings, front matter and comments.
 * Premise–conclusion structures are refused with the line they start on.
 */
export function parseArgdown(source: string): ImportedDebate {
  const normalized = source.replace(/\r\n?/g, '\n');
  const text = stripComments(normalized);
  const { body, meta, offset } = frontMatter(text);
  // A line that only held a comment is not a blank line: it does not end the tree it sits in.
  const originalLines = normalized.split('\n');
  const blankInSource = (line: number) => !(originalLines[line - 1] ?? '').trim();
  const claims = new Map<string, { text: string; tags: Set<string>; status?: ClaimStatus; line: number }>();
  const links: ImportedLink[] = [];
  const notes = new Set<string>();
  let heading: string | undefined;
  let anonymous = 0;

  const claimFor = (key: string, line: number) => {
    let claim = claims.get(key);
    if (!claim) claims.set(key, (claim = { text: '', tags: new Set(), line }));
    return claim;
  };

  /** Reads `[Title]: text #tag {data}` (or a reference, an argument, untitled text) and returns its key. */
  const element = (raw: string, line: number): string => {
    const where = `Line ${line}`;
    const match = /^\[((?:\\.|[^\]\\])+)\](:?)\s*(.*)$/.exec(raw) ?? /^<((?:\\.|[^>\\])+)>(:?)\s*(.*)$/.exec(raw);
    const key = match ? unescape(match[1]!).trim() : `${where}`;
    if (!match) anonymous++;
    const rest = match ? match[3]! : raw;
    const { words, tags, data } = splitContent(rest, where);
    const claim = claimFor(key, line);
    if (words && !claim.text) claim.text = words;
    // A second definition of the same title (or more untitled text) adds its words; a repeat of the same words adds nothing.
    else if (words && claim.text && !claim.text.includes(words)) claim.text = `${claim.text} ${words}`;
    tags.forEach((t) => claim.tags.add(t));
    if (data) applyData(key, data, where);
    return key;
  };

  const applyData = (key: string, data: { [k: string]: FlowValue }, where: string) => {
    for (const [kind, dataKey] of Object.entries(DATA_KEY_OF_KIND) as [LinkKind, string][]) {
      const targets = data[dataKey];
      if (targets === undefined) continue;
      const list = Array.isArray(targets) ? targets : [targets];
      for (const target of list) {
        if (typeof target !== 'string' && typeof target !== 'number')
          throw new UserError(`${where}: ${dataKey} must list claim titles.`, 'import.bad-data');
        links.push({ from: key, to: String(target), kind });
      }
    }
    const status = data.status;
    if (typeof status === 'string' && (CLAIM_STATUSES as readonly string[]).includes(status))
      claims.get(key)!.status = status as ClaimStatus;
    else if (status !== undefined) throw new UserError(`${where}: status must be one of ${CLAIM_STATUSES.join(', ')}.`, 'import.bad-data');
    if (data.credence !== undefined)
      notes.add('Credences in the file ({credence: …}) were not imported: a credence belongs to the person who gives it.');
  };

  const stack: { indent: number; key: string }[] = [];
  const lines = body.split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1 + offset;
    // A markdown list item (`* [A]: a`) is read as the statement it holds.
    const content = raw.replace(/^(\s*)\*\s+(?=\S)/, '$1');
    if (!content.trim()) {
      if (blankInSource(line)) stack.length = 0;
      return;
    }
    if (/^\s*\(\d+\)/.test(content) || /^\s*--/.test(content)) {
      throw new UserError(
        `Line ${line}: premise–conclusion structures ((1) … ---- …) are not imported; cruxbot reads statements, arguments and their support and attack relations.`,
        'import.argdown-pcs',
      );
    }
    const headingMatch = /^(#+)\s+(.*)$/.exec(content);
    if (headingMatch && stack.length === 0) {
      heading ??= unescape(headingMatch[2]!).trim();
      return;
    }
    const relation = /^(\s*)(<\+|<-|\+>|->|><|<_|_>|\+|-)\s+(.*)$/.exec(content);
    if (relation) {
      const indent = relation[1]!.replace(/\t/g, '    ').length;
      while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
      const parent = stack[stack.length - 1];
      if (!parent)
        throw new UserError(`Line ${line}: the relation "${relation[2]}" has no statement above it to attach to.`, 'import.argdown-orphan');
      const child = element(relation[3]!.trim(), line);
      links.push(relationLink(relation[2]!, child, parent.key));
      stack.push({ indent, key: child });
      return;
    }
    const indent = /^\s*/.exec(content)![0].replace(/\t/g, '    ').length;
    const startsElement = /^\s*[[<]/.test(content);
    if (stack.length && (indent > 0 || !startsElement)) {
      // A continuation of the text of the element above.
      const last = claims.get(stack[stack.length - 1]!.key)!;
      const { words, tags, data } = splitContent(content.trim(), `Line ${line}`);
      if (words) last.text = last.text ? `${last.text} ${words}` : words;
      tags.forEach((t) => last.tags.add(t));
      if (data) applyData(stack[stack.length - 1]!.key, data, `Line ${line}`);
      return;
    }
    stack.length = 0;
    stack.push({ indent, key: element(content.trim(), line) });
  });

  const imported: ImportedClaim[] = [...claims.entries()].map(([key, claim]) => ({
    key,
    text: claim.text || (key.startsWith('Line ') ? '' : key),
    tags: [...claim.tags],
    ...(claim.status ? { status: claim.status } : {}),
  }));
  if (imported.length === anonymous) {
    throw new UserError('No claims found: the file is neither a cruxbot JSON export nor Argdown with [statements].', 'import.no-claims');
  }
  const title = meta.title ?? heading;
  return {
    format: 'argdown',
    ...(meta.slug ? { slug: meta.slug } : {}),
    ...(title ? { title } : {}),
    ...(meta.root ? { root: meta.root } : {}),
    claims: imported,
    links,
    notes: [
      ...notes,
      ...(anonymous
        ? [`${anonymous} untitled statement${anonymous === 1 ? '' : 's'} got a claim of ${anonymous === 1 ? 'its' : 'their'} own.`]
        : []),
    ],
  };
}

function relationLink(marker: string, child: string, parent: string): ImportedLink {
  switch (marker) {
    case '<+':
    case '+':
      return { from: child, to: parent, kind: 'supports' };
    case '+>':
      return { from: parent, to: child, kind: 'supports' };
    case '->':
    case '_>':
      return { from: parent, to: child, kind: 'opposes' };
    default: // <- - >< <_
      return { from: child, to: parent, kind: 'opposes' };
  }
}

/** Splits an element's text into words, `#tags` and a trailing `{data}`, honouring backslash escapes. */
function splitContent(raw: string, where: string): { words: string; tags: string[]; data?: { [k: string]: FlowValue } } {
  let rest = raw;
  let data: { [k: string]: FlowValue } | undefined;
  const open = unescapedIndex(rest, '{');
  if (open >= 0 && rest.trimEnd().endsWith('}')) {
    data = parseFlowMapping(rest.slice(open).trim(), where);
    rest = rest.slice(0, open);
  }
  const tags: string[] = [];
  let words = '';
  for (let i = 0; i < rest.length; i++) {
    const char = rest[i]!;
    if (char === '\\' && i + 1 < rest.length) {
      words += rest[++i];
      continue;
    }
    if (char === '#') {
      const tag = /^#(?:\(([^)]+)\)|([\p{L}\p{N}-]+))/u.exec(rest.slice(i));
      if (tag) {
        const name = tagName(tag[1] ?? tag[2]!);
        if (name) tags.push(name);
        i += tag[0].length - 1;
        continue;
      }
    }
    words += char;
  }
  return { words: words.replace(/\s+/g, ' ').trim(), tags, ...(data ? { data } : {}) };
}

/** An Argdown tag as a cruxbot tag: lowercase words joined by dashes (`#(Spec Gaming)` → `spec-gaming`). */
function tagName(raw: string): string {
  return raw
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
}

function unescapedIndex(text: string, char: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === char) return i;
  }
  return -1;
}

const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

// Drops line comments, block comments and HTML comments outside escapes, keeping line breaks so line
// numbers stay true.
function stripComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\') {
      out += text.slice(i, i + 2);
      i++;
      continue;
    }
    const block = text.startsWith('/*', i) ? '*/' : text.startsWith('<!--', i) ? '-->' : undefined;
    if (block) {
      const end = text.indexOf(block, i + 2);
      const skipped = end < 0 ? text.slice(i) : text.slice(i, end + block.length);
      out += skipped.replace(/[^\n]/g, '');
      i += skipped.length - 1;
      continue;
    }
    if (text.startsWith('//', i) && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
      continue;
    }
    out += char;
  }
  return out;
}

/**
 * YAML front matter between `===` lines, read by the `yaml` package; cruxbot uses its title, slug and
 * root (Argdown's own settings there, such as `color:`, are left alone).
 */
function frontMatter(text: string): { body: string; meta: { title?: string; slug?: string; root?: string }; offset: number } {
  const match = /^(\s*===+[^\S\n]*\n)([\s\S]*?)\n===+[^\S\n]*(\n|$)/.exec(text);
  if (!match) return { body: text, meta: {}, offset: 0 };
  const data = parseFrontMatter(match[2]!, match[1]!.split('\n').length);
  const meta: { title?: string; slug?: string; root?: string } = {};
  for (const key of ['title', 'slug', 'root'] as const) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'object')
      throw new UserError(
        `The front matter's ${key} must be one line of text, e.g. ${key}: "Is reward the goal?"`,
        'import.bad-front-matter',
      );
    const words = String(value).trim();
    if (words) meta[key] = words;
  }
  return { body: text.slice(match[0].length), meta, offset: match[0].split('\n').length - 1 };
}
