import { addClaim } from '../../src/app/claims.ts';
import { addLink } from '../../src/app/links.ts';
import type { CruxGraph } from '../../src/domain/crux-graph.ts';
import type { LinkKind } from '../../src/domain/links.ts';
import type { Services } from '../../src/services.ts';

/** Claim texts that would break DOT, HTML labels, SVG, Argdown or Mermaid if they were not escaped. */
export const HOSTILE_TEXTS = [
  'He said "no" {a} \\ back\\slash <b>bold</b> & more',
  'digraph { x -> y } ]; node [label="pwned"]',
  'Two\nlines\tand a tab',
  '<<TABLE>></TD> &amp; &lt; &#0; \\N \\G \\l',
  'averyveryveryverylongwordwithoutanyspacesthatmustbesplitsomewheresomehowtofitinsideabox',
  '#not-a-tag [C1]: <Arg> // not a comment {not: data} *no* _emphasis_ https://example.org/a_b',
  'Mermaid "quote" #35; %% --> end',
];

/** The graph of one debate, as the map and the exports read it. */
export async function graphOf(services: Services, workspace: string, slug: string): Promise<CruxGraph> {
  const debate = await services.store.debates.require(workspace, slug);
  return { debate, claims: await services.store.claims.inDebate(debate.id), links: await services.store.links.inDebate(debate.id) };
}

/**
 * A debate of `size` claims shaped like a real one: a root, a few claims on it, and arguments under
 * those, with every link kind. Deterministic (a fixed-seed generator).
 */
export async function seedBigDebate(
  services: Services,
  options: { workspace?: string; slug: string; size: number; seed?: number },
): Promise<void> {
  const workspace = options.workspace ?? 'local';
  // One transaction: the seeding's many small writes would otherwise each wait for the disk.
  await services.store.transaction(async () => await seed(services, workspace, options));
}

async function seed(services: Services, workspace: string, options: { slug: string; size: number; seed?: number }): Promise<void> {
  const ctx = { services, workspace, actor: { id: 'ada', name: 'ada' } };
  const debate = await services.store.debates.create({
    workspace,
    slug: options.slug,
    title: `A debate with ${options.size} claims`,
    createdBy: 'ada',
    createdByName: 'ada',
    at: services.clock().toISOString(),
  });
  let state = options.seed ?? 42;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const kinds: LinkKind[] = ['supports', 'opposes', 'supports', 'opposes', 'crux-of', 'refines'];
  const claims = [];
  for (let i = 0; i < options.size; i++) {
    const words = 6 + Math.floor(random() * 20);
    const text = `Claim ${i + 1}: ${Array.from({ length: words }, (_, w) => ['agents', 'reward', 'drift', 'data', 'values', 'training', 'steps', 'scorer'][(i + w * 3) % 8]).join(' ')}`;
    claims.push(await addClaim(ctx, { debate, text, tags: [] }));
    if (i > 0) {
      const parent = claims[Math.floor(random() * Math.min(i, 1 + i / 4))]!;
      const kind = kinds[Math.floor(random() * kinds.length)]!;
      await addLink(ctx, claims[i]!, parent, kind);
    }
  }
}
