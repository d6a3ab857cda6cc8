import { createHash } from 'node:crypto';
import type { Claim } from '../../domain/claims.ts';
import type { CredenceLookup } from '../../domain/crux-graph.ts';
import type { Link } from '../../domain/links.ts';
import { readGraphvizSvg } from './compose.ts';
import { cruxMapDot } from './dot.ts';
import { layoutSvg } from './graphviz.ts';

export interface WebMap {
  /** An `<svg>` element to place in a page: every claim's box is a link to its card (`#card-C12`). */
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/**
 * The crux map for a web page: the same DOT and Graphviz layout as the PNG (`cruxMapDot`, `dot`), whole
 * (a page pans and zooms, so nothing is left out and no width cap applies), as SVG whose boxes link to
 * the claims' cards. Layouts are kept by the hash of their DOT: the page of an unchanged debate is not
 * laid out again.
 */
export async function renderWebMap(input: {
  claims: readonly Claim[];
  links: readonly Link[];
  rootId?: number;
  credenceOf?: CredenceLookup;
  /** The claim's text for the box's accessible name, by number. */
  labelOf: (number: number) => string;
}): Promise<WebMap> {
  const dot = cruxMapDot(input.claims, input.links, {
    ...(input.rootId !== undefined ? { rootId: input.rootId } : {}),
    ...(input.credenceOf ? { credenceOf: input.credenceOf } : {}),
  });
  const key = createHash('sha256').update(dot).digest('hex');
  let graph = LAYOUTS.get(key);
  if (!graph) {
    graph = readGraphvizSvg(await layoutSvg(dot));
    LAYOUTS.set(key, graph);
    if (LAYOUTS.size > LAYOUTS_KEPT) LAYOUTS.delete(LAYOUTS.keys().next().value!);
  }
  const body = graph.body
    // Graphviz's own tooltips repeat the ids; the page has cards.
    .replace(/<title>[^<]*<\/title>/g, (title, offset: number, all: string) => (isNodeTitle(all, offset) ? title : ''))
    .replace(/<g id="(node\d+)" class="node">\s*<title>C(\d+)<\/title>([\s\S]*?)<\/g>/g, (_m, id: string, n: string, inner: string) => {
      const label = escapeAttribute(`C${n}: ${input.labelOf(Number(n))}`);
      return `<a href="#card-C${n}" class="claim-node" data-claim="C${n}" aria-label="${label}"><g id="${id}" class="node" data-claim="C${n}">${inner}</g></a>`;
    });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="crux-map" role="group" aria-label="Crux map" ` +
    `width="${Math.ceil(graph.width)}" height="${Math.ceil(graph.height)}" viewBox="0 0 ${graph.width} ${graph.height}">${body}</svg>`;
  return { svg, width: graph.width, height: graph.height };
}

const LAYOUTS = new Map<string, ReturnType<typeof readGraphvizSvg>>();
const LAYOUTS_KEPT = 64;

function isNodeTitle(all: string, offset: number): boolean {
  return /<g id="node\d+" class="node">\s*$/.test(all.slice(Math.max(0, offset - 60), offset));
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
