import { claimRef, type Claim } from '../claims.ts';
import { cruxClaimIds, rootClaimOf, type CruxGraph } from '../crux-graph.ts';
import type { LinkKind } from '../links.ts';

/** Mermaid arrows for each kind: the shape says the kind even where colours are not shown. */
const ARROW: Record<LinkKind, { arrow: string; label: string; color: string; width: number }> = {
  supports: { arrow: '-->', label: 'supports', color: '#15803d', width: 2 },
  opposes: { arrow: '--x', label: 'opposes', color: '#dc2626', width: 2 },
  'crux-of': { arrow: '==>', label: 'crux of', color: '#7e22ce', width: 4 },
  refines: { arrow: '-.->', label: 'refines', color: '#475569', width: 1.5 },
  duplicates: { arrow: '-.-', label: 'duplicates', color: '#6b7280', width: 1.5 },
};

const LABEL_MAX = 280;
const LINE_WIDTH = 40;

/**
 * The debate as a Mermaid flowchart, which GitHub, GitLab and many editors draw from a ```mermaid
 * block: claims as boxes (id and text, wrapped), links as labelled arrows, cruxes, the root, resolved
 * and retracted claims styled by class.
 */
export function exportMermaid(graph: CruxGraph): string {
  const byId = new Map(graph.claims.map((c) => [c.id, c]));
  const cruxes = cruxClaimIds(graph.links);
  const root = rootClaimOf(graph);
  const claims = [...graph.claims].sort((a, b) => a.number - b.number);
  const links = [...graph.links].filter((l) => byId.has(l.fromClaimId) && byId.has(l.toClaimId)).sort((a, b) => a.id - b.id);
  const lines = [
    `%% ${mermaidComment(graph.debate.title)} (${graph.debate.slug}), exported by cruxbot`,
    'flowchart BT',
    ...claims.map((c) => `  ${claimRef(c)}["${nodeLabel(c, c.id === root?.id)}"]`),
    ...links.map((l) => `  C${l.fromNumber} ${ARROW[l.kind].arrow}|${ARROW[l.kind].label}| C${l.toNumber}`),
    '  classDef claim fill:#f8fafc,stroke:#64748b,color:#1f2933',
    '  classDef root stroke:#0f172a,stroke-width:3px',
    '  classDef crux stroke:#7e22ce,stroke-width:3px',
    '  classDef resolvedTrue fill:#8bb6e8',
    '  classDef resolvedFalse fill:#f2a073',
    '  classDef retracted fill:#ffffff,stroke:#9ca3af,stroke-dasharray:4 3,color:#9ca3af',
  ];
  const classes: [string, (c: Claim) => boolean][] = [
    ['claim', () => true],
    ['root', (c) => c.id === root?.id],
    ['crux', (c) => cruxes.has(c.id)],
    ['resolvedTrue', (c) => c.status === 'resolved-true'],
    ['resolvedFalse', (c) => c.status === 'resolved-false'],
    ['retracted', (c) => c.status === 'retracted'],
  ];
  for (const [name, test] of classes) {
    const members = claims.filter(test).map(claimRef);
    if (members.length) lines.push(`  class ${members.join(',')} ${name}`);
  }
  links.forEach((l, i) => lines.push(`  linkStyle ${i} stroke:${ARROW[l.kind].color},stroke-width:${ARROW[l.kind].width}px`));
  return `${lines.join('\n')}\n`;
}

function nodeLabel(claim: Claim, isRoot: boolean): string {
  const text = claim.text.replace(/\s+/g, ' ').trim();
  const cut = text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;
  const status = claim.status === 'open' ? '' : ` · ${claim.status.replace('-', ' ')}`;
  const header = `<b>${claimRef(claim)}</b>${isRoot ? ' · root' : ''}${status}`;
  return `${header}<br/>${wrapWords(cut, LINE_WIDTH).map(mermaidText).join('<br/>')}`;
}

// Inside a quoted Mermaid label, `"` ends the label, `#…;` is an entity code, and `<`, `>`, `&` would
// be read as HTML: all are written as Mermaid entity codes (`#35;` is #).
const MERMAID_ESCAPES: Record<string, string> = { '"': '#quot;', '#': '#35;', '&': '#amp;', '<': '#lt;', '>': '#gt;', '`': '#96;' };

export function mermaidText(text: string): string {
  return text.replace(/["#&<>`]/g, (c) => MERMAID_ESCAPES[c]!);
}

function mermaidComment(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/%%/g, '% %');
}

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
