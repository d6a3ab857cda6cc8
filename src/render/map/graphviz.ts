import { Graphviz } from '@hpcc-js/wasm-graphviz';

/**
 * Graphviz compiled to WebAssembly, loaded once per process on first use (about 100 ms) and shared by
 * every map after that.
 */
let loading: Promise<Graphviz> | undefined;

export function graphviz(): Promise<Graphviz> {
  loading ??= Graphviz.load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Lays out DOT with the `dot` engine and returns the SVG. Throws on DOT that Graphviz rejects. */
export async function layoutSvg(dot: string): Promise<string> {
  return (await graphviz()).layout(dot, 'svg', 'dot');
}

/** The same graph with long rows of leaves staggered over several ranks, so it is less wide. */
export async function unflatten(dot: string, stagger: number): Promise<string> {
  return (await graphviz()).unflatten(dot, stagger, true, stagger);
}
