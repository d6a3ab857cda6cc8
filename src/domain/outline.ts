import { claimRef, type Claim } from './claims.ts';
import type { Debate } from './debates.ts';
import { LINK_KIND_INFO, LINK_KINDS, type Link } from './links.ts';

export interface OutlineOptions {
  /** Characters per line before wrapping; the tree prefix counts. */
  readonly width?: number;
  /** Claim text beyond this many characters is cut with an ellipsis. */
  readonly maxClaimLength?: number;
  /** Extra text after a claim, e.g. the team's aggregate credence. */
  readonly annotate?: (claim: Claim) => string | undefined;
  /** Row ids of claims whose text was edited: marked `[edited]`. */
  readonly edited?: ReadonlySet<number>;
  /** The outline stops, with a note, once it is this long (default `OUTLINE_MAX_CHARS`). */
  readonly maxChars?: number;
}

/**
 * Past this many characters the outline stops with a note: the platforms send a long outline as a few
 * messages and the whole as a file, and nobody reads further in a chat than this.
 */
export const OUTLINE_MAX_CHARS = 100_000;

/** Levels drawn as indentation; deeper claims stay at this indent and carry their level as `‹level›`. */
export const OUTLINE_MAX_INDENT = 12;

const STATUS_MARK: Record<Claim['status'], string> = {
  open: '',
  'resolved-true': ' [resolved true]',
  'resolved-false': ' [resolved false]',
  'resolved-ambiguous': ' [resolved ambiguous]',
  retracted: ' [retracted]',
};

interface Frame {
  readonly list: readonly Link[];
  index: number;
  readonly prefix: string;
  readonly level: number;
}

/**
 * The debate as an indented tree: the root claim, then what supports, opposes, is a crux of, refines or
 * duplicates it, level by level. Claims not connected to the root follow as their own trees. Walked with
 * an explicit stack (a chain of any length cannot overflow the call stack), each claim and link once, so
 * the time and the text grow linearly with the debate, and the text stops at `maxChars`.
 */
export function renderOutline(debate: Debate, claims: readonly Claim[], links: readonly Link[], options: OutlineOptions = {}): string {
  const width = options.width ?? 100;
  const maxClaimLength = options.maxClaimLength ?? 240;
  const maxChars = options.maxChars ?? OUTLINE_MAX_CHARS;
  const byId = new Map(claims.map((c) => [c.id, c]));
  const children = new Map<number, Link[]>();
  const hasParent = new Set<number>();
  for (const link of links) {
    if (!byId.has(link.fromClaimId) || !byId.has(link.toClaimId)) continue;
    const list = children.get(link.toClaimId);
    if (list) list.push(link);
    else children.set(link.toClaimId, [link]);
    hasParent.add(link.fromClaimId);
  }
  const kindOrder = new Map(LINK_KINDS.map((kind, i) => [kind, i]));
  for (const list of children.values()) {
    list.sort((a, b) => kindOrder.get(a.kind)! - kindOrder.get(b.kind)! || a.fromNumber - b.fromNumber);
  }

  const lines: string[] = [];
  let length = 0;
  const push = (line: string) => {
    lines.push(line);
    length += line.length + 1;
  };
  const full = () => length >= maxChars;
  const shown = new Set<number>();

  const describe = (claim: Claim) => {
    const text = claim.text.replace(/\s+/g, ' ');
    const cut = text.length > maxClaimLength ? `${text.slice(0, maxClaimLength - 1)}…` : text;
    const note = options.annotate?.(claim);
    const edited = options.edited?.has(claim.id) ? ' [edited]' : '';
    return `${claimRef(claim)}  ${cut}${STATUS_MARK[claim.status]}${edited}${note ? `  (${note})` : ''}`;
  };

  const emit = (firstPrefix: string, restPrefix: string, body: string) => {
    const wrapped = wrap(body, Math.max(30, width - restPrefix.length));
    wrapped.forEach((line, i) => push(`${i === 0 ? firstPrefix : restPrefix}${line}`));
  };

  const walk = (rootId: number) => {
    const stack: Frame[] = [{ list: children.get(rootId) ?? [], index: 0, prefix: '', level: 1 }];
    while (stack.length && !full()) {
      const frame = stack[stack.length - 1]!;
      if (frame.index >= frame.list.length) {
        stack.pop();
        continue;
      }
      const link = frame.list[frame.index++]!;
      const last = frame.index === frame.list.length;
      const child = byId.get(link.fromClaimId)!;
      const { prefix, level } = frame;
      const deep = level > OUTLINE_MAX_INDENT;
      const branch = `${prefix}${last ? '└─ ' : '├─ '}`;
      const below = deep ? prefix : `${prefix}${last ? '   ' : '│  '}`;
      const marker = `${LINK_KIND_INFO[link.kind].marker}${deep ? ` ‹${level}›` : ''}`;
      if (shown.has(child.id)) {
        push(`${branch}${marker} ${claimRef(child)} (shown above)`);
        continue;
      }
      shown.add(child.id);
      emit(`${branch}${marker} `, `${below}${' '.repeat(marker.length + 1)}`, describe(child));
      stack.push({ list: children.get(child.id) ?? [], index: 0, prefix: below, level: level + 1 });
    }
  };

  const tree = (root: Claim) => {
    shown.add(root.id);
    emit('', '    ', describe(root));
    walk(root.id);
  };

  push(
    `${debate.title}  [${debate.slug}: ${claims.length} claim${claims.length === 1 ? '' : 's'}, ${links.length} link${links.length === 1 ? '' : 's'}]`,
  );
  if (claims.length === 0) {
    push('');
    push('No claims yet. Add the first with /claim add <text>.');
    return lines.join('\n');
  }
  push('');
  let first: Claim | undefined;
  for (const c of claims) if (!first || c.number < first.number) first = c;
  const root = (debate.rootClaimId !== null ? byId.get(debate.rootClaimId) : undefined) ?? first!;
  tree(root);

  // Whatever the root does not reach: start from claims that point nowhere, then any left in cycles.
  // The order does not change as trees are drawn, so one sort serves every tree.
  const rest = claims
    .filter((c) => !shown.has(c.id))
    .sort((a, b) => Number(hasParent.has(a.id)) - Number(hasParent.has(b.id)) || a.number - b.number);
  let heading = false;
  for (const claim of rest) {
    if (full()) break;
    if (shown.has(claim.id)) continue;
    if (!heading) {
      push('');
      push('Not linked to the root:');
      heading = true;
    }
    push('');
    tree(claim);
  }
  const missing = claims.length - shown.size;
  if (missing > 0 && full()) {
    push('');
    push(
      `… cut here: ${missing} more claim${missing === 1 ? '' : 's'} not shown. Zoom in with /map focus:C# depth:2, or export the whole debate with /debate export.`,
    );
  }
  return lines.join('\n');
}

/** Greedy word wrap; words longer than the width are split. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let w = word;
    while (w.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
