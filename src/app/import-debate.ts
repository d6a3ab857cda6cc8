import type { BaseContext } from '../core/context.ts';
import { UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import { clipText } from '../core/values.ts';
import { claimRef, type Claim } from '../domain/claims.ts';
import { checkSlug, checkTitle, DEBATE_TITLE_MAX, type Debate, type ImportResult } from '../domain/debates.ts';
import type { CheckedImport } from '../domain/exchange/check-import.ts';
import { wouldCreateRefinesCycle, type Link } from '../domain/links.ts';
import { nowIso } from './lookup.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor' | 'channel'>;

export interface ImportTarget {
  /** Merge into this debate; otherwise a new debate is created. */
  readonly into?: Debate;
  /** The new debate's slug (default: the file's, else the file name's). */
  readonly slug?: string;
  readonly fileName: string;
}

/**
 * Writes an import in ONE transaction: the debate (new, or the one merged into), its claims and links,
 * and an audit row. Any problem (a taken slug, a loop of refinements with the claims already here)
 * throws before the transaction commits, so nothing is half-imported. A moderator's import keeps the
 * file's authors, dates and statuses; anyone else's cannot forge them.
 */
export async function importDebate(ctx: Ctx, doc: CheckedImport, target: ImportTarget): Promise<ImportResult> {
  const { store } = ctx.services;
  const now = nowIso(ctx);
  // Only a moderator's import may say who wrote what, when, and how it resolved; anyone else's makes
  // claims of their own, open and dated now, with the file's author names kept as quoted provenance.
  const trusted = ctx.actor.isModerator === true;
  return await store.transaction(async (tx) => {
    const debate = target.into ?? (await createDebate(ctx, doc, target, now, trusted));
    const existing = new Map((await tx.claims.inDebate(debate.id)).map((c) => [normalize(c.text), c]));
    const byKey = new Map<string, Claim>();
    const matched: Claim[] = [];
    const fresh = doc.claims.filter((claim) => {
      const same = target.into ? existing.get(normalize(claim.text)) : undefined;
      if (same) {
        byKey.set(claim.key, same);
        matched.push(same);
      }
      return !same;
    });

    // Keep the file's numbers (C3 stays C3, so messages that cite it still make sense) when all are free.
    const numbers = fresh.map((c) => Number(/^C(\d{1,9})$/.exec(c.key)?.[1] ?? NaN));
    let keep = new Set(numbers).size === numbers.length;
    for (const n of numbers) if (keep) keep = n >= 1 && (await tx.claims.byNumber(ctx.workspace, n)) === undefined;
    const numberOf = new Map(fresh.map((c, i) => [c.key, numbers[i]!]));
    const ordered = keep ? [...fresh].sort((a, b) => numberOf.get(a.key)! - numberOf.get(b.key)!) : fresh;
    const added: Claim[] = [];
    for (const claim of ordered) {
      const created = await tx.claims.insert({
        workspace: ctx.workspace,
        debateId: debate.id,
        text: claim.text,
        authorId: (trusted ? claim.author?.id : undefined) ?? ctx.actor.id,
        authorName: (trusted ? claim.author?.name : undefined) ?? ctx.actor.name,
        ...(trusted ? (claim.source ? { source: claim.source } : {}) : provenance(claim, target.fileName)),
        tags: claim.tags,
        at: (trusted ? claim.createdAt : undefined) ?? now,
        ...(keep ? { number: numberOf.get(claim.key)! } : {}),
        ...(trusted && claim.status ? { status: claim.status } : {}),
        ...(trusted && claim.updatedAt ? { updatedAt: claim.updatedAt } : {}),
      });
      byKey.set(claim.key, created);
      added.push(created);
    }

    if (!target.into || debate.rootClaimId === null) {
      const root = (doc.root !== undefined ? byKey.get(doc.root) : undefined) ?? added[0];
      if (root) await tx.debates.setRoot(ctx.workspace, debate.id, root.id);
    }

    const refines: Pick<Link, 'fromClaimId' | 'toClaimId' | 'kind'>[] = await tx.links.refines(ctx.workspace);
    let linksAdded = 0;
    for (const link of doc.links) {
      const from = byKey.get(link.from)!;
      const to = byKey.get(link.to)!;
      if (from.id === to.id) continue; // two file claims matched the same claim here
      if (link.kind === 'refines') {
        if (wouldCreateRefinesCycle(refines, from.id, to.id)) {
          throw new UserError(
            md`The file's link ${link.from} refines ${link.to} would make a loop of refinements${target.into ? md` with the claims of \`${debate.slug}\`` : ''}; nothing was imported.`,
            'import.refines-cycle',
          );
        }
        refines.push({ fromClaimId: from.id, toClaimId: to.id, kind: 'refines' });
      }
      const result = await tx.links.add({
        workspace: ctx.workspace,
        fromClaimId: from.id,
        toClaimId: to.id,
        kind: link.kind,
        authorId: (trusted ? link.author : undefined) ?? ctx.actor.id,
        at: (trusted ? link.createdAt : undefined) ?? now,
      });
      if (result.created) linksAdded++;
    }

    let credencesAdded = 0;
    const fileCredences = doc.credences ?? [];
    const filePolls = doc.polls ?? [];
    const added_ = { polls: 0, resolutions: 0, simRuns: 0, captures: 0 };
    const fileRecords = filePolls.length + (doc.resolutions?.length ?? 0) + (doc.simRuns?.length ?? 0) + (doc.captures?.length ?? 0);
    if (trusted) {
      // Polls open and close between the credences the file puts before them, so each keeps its baseline
      // and closing row (ids here are new, but they fall between the same credences).
      const pollIds = new Map<string, number>();
      const openPolls = async (k: number) => {
        for (const poll of filePolls) {
          if (poll.closed && poll.closed.after === k && pollIds.has(poll.key) && poll.openedAfter < k) await closePoll(poll);
        }
        for (const [i, poll] of filePolls.entries()) {
          if (poll.openedAfter !== k) continue;
          const claim = byKey.get(poll.claim)!;
          const open = await tx.polls.openForClaim(ctx.workspace, claim.id);
          if (open) {
            throw new UserError(
              md`${claimRef(claim)} has an open poll here already, and the file's polls[${String(i)}] would open another on it (a claim has one open poll at a time). Close it with \`/poll close ${claimRef(claim)}\` and import again; nothing was imported.`,
              'import.poll-open',
            );
          }
          const created = await tx.polls.insert({
            workspace: ctx.workspace,
            claimId: claim.id,
            channel: poll.channel,
            hide: poll.hide,
            createdBy: poll.createdBy.id,
            createdByName: poll.createdBy.name,
            createdAt: poll.createdAt,
            ...(poll.closesAt ? { closesAt: poll.closesAt } : {}),
            baselineCredenceId: await tx.credences.newestId(),
            ...(poll.kind === 'choice' ? { kind: 'choice' as const, options: poll.options.map((o) => o.text) } : {}),
          });
          pollIds.set(poll.key, created.id);
          added_.polls++;
          if (poll.closed && poll.closed.after === k) await closePoll(poll);
        }
      };
      const closePoll = async (poll: (typeof filePolls)[number]) => {
        await tx.polls.close(ctx.workspace, pollIds.get(poll.key)!, poll.closed!.at, poll.closed!.by);
      };
      for (const [k, c] of fileCredences.entries()) {
        await openPolls(k);
        const given = c.given ? byKey.get(c.given.claim) : undefined;
        const pollId = c.poll !== undefined ? pollIds.get(c.poll) : undefined;
        await tx.credences.insert({
          workspace: ctx.workspace,
          claimId: byKey.get(c.claim)!.id,
          userId: c.user.id,
          userName: c.user.name,
          value: c.value,
          ...(given ? { given: { claimId: given.id, isTrue: c.given!.isTrue } } : {}),
          ...(pollId !== undefined ? { pollId } : {}),
          at: c.at,
        });
        credencesAdded++;
      }
      await openPolls(fileCredences.length);
      // A choice poll's votes and answer, in the order they were given.
      for (const poll of filePolls) {
        const pollId = pollIds.get(poll.key)!;
        for (const v of poll.votes ?? []) {
          await tx.polls.vote({
            workspace: ctx.workspace,
            pollId,
            userId: v.user.id,
            userName: v.user.name,
            credences: [...v.credences],
            at: v.at,
          });
        }
        if (poll.resolved) {
          const option = poll.options.findIndex((o) => o.key === poll.resolved!.option);
          await tx.polls.resolveChoice(ctx.workspace, pollId, option, poll.resolved.by, poll.resolved.at);
        }
      }
      for (const r of doc.resolutions ?? []) {
        const resolution = await tx.resolutions.insert({
          workspace: ctx.workspace,
          claimId: byKey.get(r.claim)!.id,
          outcome: r.outcome,
          resolvedBy: r.resolvedBy.id,
          resolvedByName: r.resolvedBy.name,
          resolvedAt: r.resolvedAt,
        });
        if (r.undone) await tx.resolutions.undo(ctx.workspace, resolution.id, r.undone.by, r.undone.at);
        added_.resolutions++;
      }
      for (const run of doc.simRuns ?? []) {
        await tx.simRuns.insert({
          workspace: ctx.workspace,
          kind: run.kind,
          input: run.input,
          summary: run.summary,
          headline: run.headline,
          claimId: byKey.get(run.claim)!.id,
          createdBy: run.createdBy,
          at: run.createdAt,
        });
        added_.simRuns++;
      }
      for (const capture of doc.captures ?? []) {
        const made = await tx.captures.insert(
          {
            workspace: ctx.workspace,
            channel: capture.channel,
            debateId: debate.id,
            origin: capture.origin,
            messageCount: capture.messageCount,
            createdBy: capture.createdBy,
            createdAt: capture.createdAt,
          },
          capture.items.map(({ status: _, claim: __, ...item }) => item),
          capture.links,
        );
        for (const [position, item] of capture.items.entries()) {
          if (item.status === 'pending') continue;
          await tx.captures.settle(made.id, position, item.status, item.claim !== undefined ? byKey.get(item.claim)!.id : null);
        }
        added_.captures++;
      }
      for (const claim of doc.claims) {
        if (!claim.resolveBy) continue;
        const target = byKey.get(claim.key)!;
        const { at, zone, setBy, setAt, remindAt } = claim.resolveBy;
        await tx.forecasts.setResolveBy({ workspace: ctx.workspace, claimId: target.id, resolveBy: at, zone, setBy, setAt });
        if (remindAt !== at) {
          if (remindAt === null) await tx.forecasts.moveReminder(ctx.workspace, target.id, at, null);
          else await tx.forecasts.setReminder(ctx.workspace, target.id, remindAt);
        }
      }
    }

    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'debate.import',
      entity: `debate:${debate.slug}`,
      after: {
        file: target.fileName,
        format: doc.format,
        created: !target.into,
        claims: added.map(claimRef),
        matched: matched.map(claimRef),
        links: linksAdded,
        ...(trusted && fileCredences.length ? { credences: credencesAdded } : {}),
        ...(trusted && fileRecords ? added_ : {}),
      },
      at: now,
    });
    return {
      debate: (await tx.debates.byId(ctx.workspace, debate.id))!,
      created: !target.into,
      added,
      matched,
      linksAdded,
      renumbered: !keep,
      ...(fileCredences.length ? { credences: { added: credencesAdded, skipped: fileCredences.length - credencesAdded } } : {}),
      ...(fileRecords ? { records: { added: added_, skipped: trusted ? 0 : fileRecords } } : {}),
    };
  });
}

/** A member's import keeps who the file says wrote a claim only as a quote in its source. */
function provenance(claim: CheckedImport['claims'][number], fileName: string): { source?: Claim['source'] } {
  const named = claim.author?.name ?? claim.source?.author;
  const source = { ...(claim.source ?? {}), ...(named ? { author: clipText(`“${named}” according to ${fileName}`, 200) } : {}) };
  return Object.keys(source).length ? { source } : {};
}

async function createDebate(ctx: Ctx, doc: CheckedImport, target: ImportTarget, now: string, trusted: boolean): Promise<Debate> {
  const { store } = ctx.services;
  const fromName = target.fileName
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const slug = checkSlug(target.slug ?? doc.slug ?? (fromName || 'imported'));
  if (await store.debates.bySlug(ctx.workspace, slug)) {
    throw new UserError(
      md`A debate \`${slug}\` already exists here. Merge into it with \`into:${slug}\`, or import as a new debate with \`slug:<another>\`.`,
      'import.slug-taken',
    );
  }
  const title = checkTitle(clipText((doc.title ?? `Imported from ${target.fileName}`).replace(/\s+/g, ' ').trim(), DEBATE_TITLE_MAX));
  const debate = await store.debates.create({
    workspace: ctx.workspace,
    slug,
    title,
    createdBy: (trusted ? doc.createdBy?.id : undefined) ?? ctx.actor.id,
    createdByName: (trusted ? doc.createdBy?.name : undefined) ?? ctx.actor.name,
    at: (trusted ? doc.createdAt : undefined) ?? now,
  });
  await store.debates.setCurrent(ctx.workspace, ctx.channel.id, debate.id, now);
  return debate;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
