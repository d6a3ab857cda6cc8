import { claimRef, type Claim } from '../claims.ts';
import { rootClaimOf, type CredenceLookup, type CruxGraph } from '../crux-graph.ts';
import type { Link, LinkKind } from '../links.ts';

/** Links Argdown has no relation for travel as data on the claim they start from. */
export const DATA_KEY_OF_KIND: Partial<Record<LinkKind, string>> = { 'crux-of': 'cruxOf', refines: 'refines', duplicates: 'duplicates' };

/**
 * The debate as Argdown: each claim a `[C3]: text #tags {data}` statement, nested under the claim it
 * supports (`<+`) or opposes (`<-`), starting from the root. Crux, refinement and duplicate links, the
 * team's credence and a claim's status are YAML data in braces. A claim is written out once; later it
 * is referred to by its title alone.
 */
export function exportArgdown(graph: CruxGraph, credenceOf?: CredenceLookup): string {
  const byId = new Map(graph.claims.map((c) => [c.id, c]));
  const links = [...graph.links].filter((l) => byId.has(l.fromClaimId) && byId.has(l.toClaimId)).sort((a, b) => a.id - b.id);
  const children = new Map<number, Link[]>();
  const dataLinks = new Map<number, Link[]>();
  const hasParent = new Set<number>();
  for (const link of links) {
    if (link.kind === 'supports' || link.kind === 'opposes') {
      children.set(link.toClaimId, [...(children.get(link.toClaimId) ?? []), link]);
      hasParent.add(link.fromClaimId);
    } else dataLinks.set(link.fromClaimId, [...(dataLinks.get(link.fromClaimId) ?? []), link]);
  }

  const out = [
    '===',
    `title: ${yamlString(graph.debate.title)}`,
    `slug: ${graph.debate.slug}`,
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
  const tree = (claim: Claim, depth: number, path: Set<number>) => {
    for (const link of children.get(claim.id) ?? []) {
      const child = byId.get(link.fromClaimId)!;
      const again = written.has(child.id);
      out.push(`${'  '.repeat(depth)}${link.kind === 'supports' ? '<+' : '<-'} ${statement(child)}`);
      // A claim written before is only referred to: its own arguments are already listed under it.
      if (!again && !path.has(child.id)) tree(child, depth + 1, new Set([...path, child.id]));
    }
  };

  const root = rootClaimOf(graph);
  const starts = root ? [root] : [];
  const remaining = () =>
    [...graph.claims]
      .filter((c) => !written.has(c.id))
      .sort((a, b) => Number(hasParent.has(a.id)) - Number(hasParent.has(b.id)) || a.number - b.number);
  for (let next: Claim | undefined = starts[0] ?? remaining()[0]; next; next = remaining()[0]) {
    out.push(statement(next));
    tree(next, 1, new Set([next.id]));
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function dataOf(claim: Claim, links: readonly Link[], credenceOf?: CredenceLookup): string {
  const entries: string[] = [];
  const credence = credenceOf?.(claim.id);
  if (credence !== undefined) entries.push(`credence: ${Math.round(credence * 1000) / 1000}`);
  if (claim.status !== 'open') entries.push(`status: ${claim.status}`);
  for (const kind of ['crux-of', 'refines', 'duplicates'] as const) {
    const targets = links.filter((l) => l.kind === kind).map((l) => `C${l.toNumber}`);
    if (targets.length) entries.push(`${DATA_KEY_OF_KIND[kind]}: [${targets.join(', ')}]`);
  }
  return entries.length ? ` {${entries.join(', ')}}` : '';
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

// Characters that start Argdown syntax inside text (tags, titles, mentions, links, data, comments,
// emphasis): escaped with a backslash, which Argdown reads as the character itself.
const ARGDOWN_SPECIAL = /[\\#@[\]<>{}*_/]/g;

export function escapeArgdown(text: string): string {
  return text.replace(ARGDOWN_SPECIAL, (c) => `\\${c}`);
}

/** A YAML double-quoted scalar (valid JSON string syntax is valid YAML). */
function yamlString(text: string): string {
  return JSON.stringify(oneLine(text));
}
