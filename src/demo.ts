import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { addClaim } from './app/claims.ts';
import { recordCredence } from './app/credences.ts';
import { addLink } from './app/links.ts';
import type { Actor } from './core/context.ts';
import { LINK_KINDS } from './domain/links.ts';
import type { Claim } from './domain/claims.ts';
import type { Services } from './services.ts';

export const DEMO_FILE = fileURLToPath(new URL('../data/demo/sample-debates.json', import.meta.url));

const DemoSchema = z.object({
  version: z.literal(1),
  debates: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      createdBy: z.string(),
      claims: z.array(z.object({ key: z.string(), author: z.string(), text: z.string(), tags: z.array(z.string()) })),
      links: z.array(z.object({ from: z.string(), to: z.string(), kind: z.enum(LINK_KINDS) })),
      /** `given` names a claim key; `!key` conditions on it being false. */
      credences: z
        .array(z.object({ by: z.string(), claim: z.string(), value: z.number().min(0).max(1), given: z.string().optional() }))
        .default([]),
    }),
  ),
});

export interface DemoResult {
  readonly loaded: { slug: string; claims: number; links: number; credences: number }[];
  readonly skipped: string[];
}

/**
 * Loads the sample debates into a workspace, as their fictional authors, and makes the first one the
 * channel's current debate. A debate whose slug exists already is left alone.
 */
export async function loadDemo(services: Services, target: { workspace: string; channel: string }, file = DEMO_FILE): Promise<DemoResult> {
  const demo = DemoSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const { store } = services;
  const actor = (name: string): Actor => ({ id: name, name });
  const loaded: DemoResult['loaded'] = [];
  const skipped: string[] = [];

  await store.transaction(async (tx) => {
    for (const spec of demo.debates) {
      if (await tx.debates.bySlug(target.workspace, spec.slug)) {
        skipped.push(spec.slug);
        continue;
      }
      const at = services.clock().toISOString();
      const debate = await tx.debates.create({
        workspace: target.workspace,
        slug: spec.slug,
        title: spec.title,
        createdBy: spec.createdBy,
        createdByName: spec.createdBy,
        at,
      });
      await tx.audit.record({
        workspace: target.workspace,
        actorId: spec.createdBy,
        action: 'debate.new',
        entity: `debate:${spec.slug}`,
        after: { title: spec.title, demo: true },
        at,
      });
      const byKey = new Map<string, Claim>();
      for (const c of spec.claims) {
        const ctx = { services, workspace: target.workspace, actor: actor(c.author) };
        byKey.set(c.key, await addClaim(ctx, { debate, text: c.text, tags: c.tags }));
      }
      for (const l of spec.links) {
        const from = byKey.get(l.from);
        const to = byKey.get(l.to);
        if (!from || !to) throw new Error(`demo file: link ${l.from} → ${l.to} names a missing claim`);
        await addLink({ services, workspace: target.workspace, actor: actor(from.authorName) }, from, to, l.kind);
      }
      for (const c of spec.credences) {
        const claim = byKey.get(c.claim);
        const given = c.given === undefined ? undefined : byKey.get(c.given.replace(/^!/, ''));
        if (!claim || (c.given !== undefined && !given))
          throw new Error(`demo file: a credence names a missing claim (${c.claim}, ${c.given})`);
        await recordCredence({ services, workspace: target.workspace, actor: actor(c.by) }, claim, {
          value: c.value,
          ...(given ? { given: { claim: given, isTrue: !c.given!.startsWith('!') } } : {}),
        });
      }
      loaded.push({ slug: spec.slug, claims: spec.claims.length, links: spec.links.length, credences: spec.credences.length });
    }
    const first = demo.debates[0] && (await tx.debates.bySlug(target.workspace, demo.debates[0].slug));
    if (first) await tx.debates.setCurrent(target.workspace, target.channel, first.id, services.clock().toISOString());
  });
  return { loaded, skipped };
}
