import { claimRef, type Claim } from '../claims.ts';
import { rootClaimOf, type CredenceLookup, type CruxGraph } from '../crux-graph.ts';
import type { Link, LinkKind } from '../links.ts';
import { writeFlowMapping, writeFrontMatter, type FlowValue } from './yaml-flow.ts';

/** Links Argdown has no relation for travel as data on the claim they start from. */
export const DATA_KEY_OF_KIND: Partial<Record<LinkKind, string>> = { 'crux-of': 'cruxOf', refines: 'refines', duplicates: 'duplicates' };

/**
 * The debate as Argdown: each claim a `[C3]: text #tags {data}` statement, nested under the claim it
 * supports (`<+`) or opposes (`<-`), starting from the root. Crux, refinement and duplicate links, the
 * team's credence and a claim's status are YAML data in braces. A claim is written out once; later it
 * is referred to by its title alone. Claims nested deeper than `ARGDOWN_MAX_DEPTH` are referred to by
 * title there and written out as their own top-level statements after (Argdown joins relations by
 * title), so indentation stays bounded. Walked with an explicit stack: linear in claims and links, and a
 * chain of any length cannot overflow the call stack.
 */
export const ARGDOWN_MAX_DEPTH = 16;

export function exportArgdown(graph: CruxGraph, credenceOf?: CredenceLookup): string {
  const byId = new Map(graph.claims.map((c) => [c.id, c]));
  const links = [...graph.links].filter((l) => byId.has(l.fromClaimId) && byId.has(l.toClaimId)).sort((a, b) => a.id - b.id);
  const children = new Map<number, Link[]>();
  const dataLinks = new Map<number, Link[]>();
  const hasParent = new Set<number>();
  const append = (map: Map<number, Link[]>, key: number, link: Link) => {
    const list = map.get(key);
    if (list) list.push(link);
    else map.set(key, [link]);
  };
  for (const link of links) {
    if (link.kind === 'supports' || link.kind === 'opposes') {
      append(children, link.toClaimId, link);
      hasParent.add(link.fromClaimId);
    } else append(dataLinks, link.fromClaimId, link);
  }

  const out = [
    '===',
    writeFrontMatter({ title: oneLine(graph.debate.title), slug: graph.debate.slug }, ['title']),
    '===',
    '',
    `// Exported by cruxbot. Claims are statements; <+ supports, <- opposes; crux-of, refines and duplicates`,
    `// links, credences and statuses are data in braces.`,
    '',
    `# ${escapeArgdown(oneLine(graph.debate.title))}`,
    '',
  ];
  const written = new Set<number>();
  const statement = (claim: Claim) => {
    if (written.has(claim.id)) return `[${claimRef(claim)}]`;
    written.add(claim.id);
    const tags = claim.tags.map((t) => ` #${t}`).join('');
    return `[${claimRef(claim)}]: ${escapeArgdown(oneLine(claim.text))}${tags}${dataOf(claim, dataLinks.get(claim.id) ?? [], credenceOf)}`;
  };
  // Claims met below the depth cap: referred to where met, written out at the top level later, in order.
  const deferred: Claim[] = [];
  const tree = (claim: Claim) => {
    const stack = [{ list: children.get(claim.id) ?? [], index: 0, depth: 1 }];
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      if (frame.index >= frame.list.length) {
        stack.pop();
        continue;
      }
      const child = byId.get(frame.list[frame.index++]!.fromClaimId)!;
      const kind = frame.list[frame.index - 1]!.kind;
      const indent = '  '.repeat(frame.depth);
      if (frame.depth >= ARGDOWN_MAX_DEPTH && !written.has(child.id)) {
        out.push(`${indent}${kind === 'supports' ? '<+' : '<-'} [${claimRef(child)}]`);
        deferred.push(child);
        continue;
      }
      const again = written.has(child.id);
      out.push(`${indent}${kind === 'supports' ? '<+' : '<-'} ${statement(child)}`);
      // A claim written before is only referred to: its own arguments are already listed under it.
      if (!again) stack.push({ list: children.get(child.id) ?? [], index: 0, depth: frame.depth + 1 });
    }
  };
  const start = (claim: Claim) => {
    out.push(statement(claim));
    tree(claim);
    out.push('');
  };
  const drain = () => {
    for (let i = 0; i < deferred.length; i++) if (!written.has(deferred[i]!.id)) start(deferred[i]!);
    deferred.length = 0;
  };

  const root = rootClaimOf(graph);
  if (root) start(root);
  drain();
  // The order does not change as claims are written, so one sort serves every tree.
  const remaining = [...graph.claims]
    .filter((c) => !written.has(c.id))
    .sort((a, b) => Number(hasParent.has(a.id)) - Number(hasParent.has(b.id)) || a.number - b.number);
  for (const next of remaining) {
    if (written.has(next.id)) continue;
    start(next);
    drain();
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function dataOf(claim: Claim, links: readonly Link[], credenceOf?: CredenceLookup): string {
  const data: { [key: string]: FlowValue } = {};
  const credence = credenceOf?.(claim.id);
  if (credence !== undefined) data.credence = Math.round(credence * 1000) / 1000;
  if (claim.status !== 'open') data.status = claim.status;
  for (const kind of ['crux-of', 'refines', 'duplicates'] as const) {
    const targets = links.filter((l) => l.kind === kind).map((l) => `C${l.toNumber}`);
    if (targets.length) data[DATA_KEY_OF_KIND[kind]!] = targets;
  }
  return Object.keys(data).length ? ` ${writeFlowMapping(data)}` : '';
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

// Characters that start Argdown syntax inside text (tags, titles, mentions, links, data, comments,
// emphasis): escaped with a backslash, which Argdown reads as the character itself.
const ARGDOWN_SPECIAL = /[\\#@[\]<>{}*_/]/g;

export function escapeArgdown(text: string): string {
  return text.replace(ARGDOWN_SPECIAL, (c) => `\\${c}`);
}
