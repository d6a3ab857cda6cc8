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
}

const STATUS_MARK: Record<Claim['status'], string> = {
  open: '',
  'resolved-true': ' [resolved true]',
  'resolved-false': ' [resolved false]',
  'resolved-ambiguous': ' [resolved ambiguous]',
  retracted: ' [retracted]',
};

/**
 * The debate as an indented tree: the root claim, then what supports, opposes, is a crux of, refines or
 * duplicates it, recursively. Claims not connected to the root follow as their own trees.
 */
export function renderOutline(debate: Debate, claims: readonly Claim[], links: readonly Link[], options: OutlineOptions = {}): string {
  const width = options.width ?? 100;
  const maxClaimLength = options.maxClaimLength ?? 240;
  const byId = new Map(claims.map((c) => [c.id, c]));
  const children = new Map<number, Link[]>();
  const hasParent = new Set<number>();
  for (const link of links) {
    if (!byId.has(link.fromClaimId) || !byId.has(link.toClaimId)) continue;
    children.set(link.toClaimId, [...(children.get(link.toClaimId) ?? []), link]);
    hasParent.add(link.fromClaimId);
  }
  for (const list of children.values()) {
    list.sort((a, b) => LINK_KINDS.indexOf(a.kind) - LINK_KINDS.indexOf(b.kind) || a.fromNumber - b.fromNumber);
  }

  const lines: string[] = [];
  const shown = new Set<number>();

  const describe = (claim: Claim) => {
    const text = claim.text.replace(/\s+/g, ' ');
    const cut = text.length > maxClaimLength ? `${text.slice(0, maxClaimLength - 1)}…` : text;
    const note = options.annotate?.(claim);
    return `${claimRef(claim)}  ${cut}${STATUS_MARK[claim.status]}${note ? `  (${note})` : ''}`;
  };

  const emit = (firstPrefix: string, restPrefix: string, body: string) => {
    const wrapped = wrap(body, Math.max(30, width - restPrefix.length));
    wrapped.forEach((line, i) => lines.push(`${i === 0 ? firstPrefix : restPrefix}${line}`));
  };

  const walk = (claimId: number, prefix: string) => {
    const list = children.get(claimId) ?? [];
    list.forEach((link, i) => {
      const last = i === list.length - 1;
      const child = byId.get(link.fromClaimId)!;
      const branch = `${prefix}${last ? '└─ ' : '├─ '}`;
      const below = `${prefix}${last ? '   ' : '│  '}`;
      const marker = LINK_KIND_INFO[link.kind].marker;
      if (shown.has(child.id)) {
        lines.push(`${branch}${marker} ${claimRef(child)} (shown above)`);
        return;
      }
      shown.add(child.id);
      emit(`${branch}${marker} `, `${below}${' '.repeat(marker.length + 1)}`, describe(child));
      walk(child.id, below);
    });
  };

  const tree = (root: Claim) => {
    shown.add(root.id);
    emit('', '    ', describe(root));
    walk(root.id, '');
  };

  lines.push(
    `${debate.title}  [${debate.slug}: ${claims.length} claim${claims.length === 1 ? '' : 's'}, ${links.length} link${links.length === 1 ? '' : 's'}]`,
  );
  if (claims.length === 0) {
    lines.push('', 'No claims yet. Add the first with /claim add <text>.');
    return lines.join('\n');
  }
  lines.push('');
  const root =
    (debate.rootClaimId !== null ? byId.get(debate.rootClaimId) : undefined) ?? [...claims].sort((a, b) => a.number - b.number)[0]!;
  tree(root);

  // Whatever the root does not reach: start from claims that point nowhere, then any left in cycles.
  const rest = () =>
    claims.filter((c) => !shown.has(c.id)).sort((a, b) => Number(hasParent.has(a.id)) - Number(hasParent.has(b.id)) || a.number - b.number);
  let next = rest();
  if (next.length) lines.push('', 'Not linked to the root:');
  while (next.length) {
    lines.push('');
    tree(next[0]!);
    next = rest();
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
