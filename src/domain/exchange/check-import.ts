import { UserError } from '../../core/errors.ts';
import { cleanText } from '../../core/values.ts';
import { CLAIM_TEXT_MAX, parseSourceUrl, parseTags } from '../claims.ts';
import { LINK_KIND_INFO } from '../links.ts';
import {
  IMPORT_MAX_CLAIMS,
  IMPORT_MAX_LINKS,
  type ImportedClaim,
  type ImportedDebate,
  type ImportedLink,
  type Person,
} from './document.ts';

/** An import that has passed every check that does not need the database. */
export interface CheckedImport extends ImportedDebate {
  readonly claims: readonly ImportedClaim[];
  readonly links: readonly ImportedLink[];
}

/**
 * Checks a parsed import file before anything is written: sizes, claim texts and tags as `/claim add`
 * would check them, links that name claims missing from the file, self-links, the root. Throws a
 * UserError naming the first problem; drops exact duplicate links.
 */
export function checkImport(doc: ImportedDebate): CheckedImport {
  if (doc.claims.length > IMPORT_MAX_CLAIMS) {
    throw new UserError(
      `The file has ${doc.claims.length.toLocaleString('en-US')} claims; one import takes at most ${IMPORT_MAX_CLAIMS.toLocaleString('en-US')}. Split the debate.`,
      'import.too-many-claims',
    );
  }
  if (doc.links.length > IMPORT_MAX_LINKS) {
    throw new UserError(
      `The file has ${doc.links.length.toLocaleString('en-US')} links; one import takes at most ${IMPORT_MAX_LINKS.toLocaleString('en-US')}.`,
      'import.too-many-links',
    );
  }
  const keys = new Set<string>();
  const claims = doc.claims.map((claim) => {
    if (keys.has(claim.key)) throw new UserError(`Claim ${claim.key} appears twice in the file.`, 'import.duplicate-claim');
    keys.add(claim.key);
    const text = cleanText(claim.text);
    if (!text) throw new UserError(`Claim ${claim.key} has no text.`, 'import.empty-claim');
    if (text.length > CLAIM_TEXT_MAX) {
      throw new UserError(
        `Claim ${claim.key} is ${text.length.toLocaleString('en-US')} characters; the limit is ${CLAIM_TEXT_MAX.toLocaleString('en-US')}.`,
        'import.claim-too-long',
      );
    }
    const tags = withClaimKey(claim.key, () => parseTags(claim.tags.join(',')));
    const url = claim.source?.url ? withClaimKey(claim.key, () => parseSourceUrl(claim.source!.url)) : undefined;
    const source = claim.source ? cleanSource({ ...claim.source, ...(url ? { url } : {}) }) : undefined;
    return { ...claim, text, tags, ...(claim.author ? { author: cleanPerson(claim.author) } : {}), ...(source ? { source } : {}) };
  });

  const seen = new Set<string>();
  const links: ImportedLink[] = [];
  for (const link of doc.links) {
    const missing = [link.from, link.to].find((key) => !keys.has(key));
    if (missing !== undefined) {
      throw new UserError(
        `The link ${link.from} ${LINK_KIND_INFO[link.kind].verb} ${link.to} names ${missing}, which is not a claim in the file.`,
        'import.missing-claim',
      );
    }
    if (link.from === link.to) throw new UserError(`Claim ${link.from} is linked to itself in the file.`, 'import.self-link');
    const id = `${link.from}\u0000${link.to}\u0000${link.kind}`;
    if (seen.has(id)) continue;
    seen.add(id);
    links.push(link);
  }
  if (doc.root !== undefined && !keys.has(doc.root)) {
    throw new UserError(`The file's root claim ${doc.root} is not one of its claims.`, 'import.missing-root');
  }
  for (const [i, credence] of (doc.credences ?? []).entries()) {
    const missing = [credence.claim, credence.given?.claim].find((key) => key !== undefined && !keys.has(key));
    if (missing !== undefined) {
      throw new UserError(
        `The file's credences[${i}] is in ${missing}, which is not one of its claims; nothing was imported.`,
        'import.credence-claim',
      );
    }
  }
  const credenceCount = doc.credences?.length ?? 0;
  const pollKeys = new Set<string>();
  const lastPoll = new Map<string, { key: string; closedAfter: number | undefined }>();
  for (const [i, poll] of (doc.polls ?? []).entries()) {
    const where = `The file's polls[${i}]`;
    if (pollKeys.has(poll.key))
      throw new UserError(`${where} has the key ${poll.key}, which another poll has too; nothing was imported.`, 'import.poll');
    pollKeys.add(poll.key);
    if (!keys.has(poll.claim))
      throw new UserError(`${where} is on ${poll.claim}, which is not one of its claims; nothing was imported.`, 'import.poll');
    const closedAfter = poll.closed?.after;
    if (
      poll.openedAfter > credenceCount ||
      (closedAfter !== undefined && (closedAfter < poll.openedAfter || closedAfter > credenceCount))
    ) {
      throw new UserError(
        `${where}.openedAfter and closed.after must count credences of the file (0 to ${credenceCount}, closing no earlier than opening); nothing was imported.`,
        'import.poll',
      );
    }
    const previous = lastPoll.get(poll.claim);
    if (previous && (previous.closedAfter === undefined || previous.closedAfter > poll.openedAfter)) {
      throw new UserError(
        `${where} opens on ${poll.claim} while poll ${previous.key} on it is still open (a claim has one open poll at a time); nothing was imported.`,
        'import.poll',
      );
    }
    lastPoll.set(poll.claim, { key: poll.key, closedAfter });
    checkChoicePoll(poll, where);
  }
  for (const [i, credence] of (doc.credences ?? []).entries()) {
    if (credence.given?.claim === credence.claim) {
      throw new UserError(
        `The file's credences[${i}].given is ${credence.claim}, the claim it is in: a condition names another claim (e.g. "given": {"claim": "C2", "isTrue": true}); nothing was imported.`,
        'import.credence-given',
      );
    }
    if (credence.poll !== undefined && !pollKeys.has(credence.poll)) {
      throw new UserError(
        `The file's credences[${i}].poll is ${credence.poll}, which is not one of its polls; nothing was imported.`,
        'import.credence-poll',
      );
    }
  }
  const inClaims = (list: 'resolutions' | 'simRuns', entries: readonly { claim: string }[] | undefined) => {
    for (const [i, entry] of (entries ?? []).entries()) {
      if (!keys.has(entry.claim)) {
        throw new UserError(
          `The file's ${list}[${i}] is on ${entry.claim}, which is not one of its claims; nothing was imported.`,
          `import.${list}`,
        );
      }
    }
  };
  inClaims('resolutions', doc.resolutions);
  inClaims('simRuns', doc.simRuns);
  for (const [i, capture] of (doc.captures ?? []).entries()) {
    for (const [j, item] of capture.items.entries()) {
      if (item.claim !== undefined && !keys.has(item.claim)) {
        throw new UserError(
          `The file's captures[${i}].items[${j}] names ${item.claim}, which is not one of its claims; nothing was imported.`,
          'import.capture',
        );
      }
    }
    const missing = capture.links.find((l) => l.from >= capture.items.length || l.to >= capture.items.length);
    if (missing) {
      throw new UserError(
        `The file's captures[${i}] links item ${Math.max(missing.from, missing.to)}, which it does not have; nothing was imported.`,
        'import.capture',
      );
    }
  }
  return {
    ...doc,
    ...(doc.title !== undefined ? { title: cleanText(doc.title) } : {}),
    ...(doc.createdBy ? { createdBy: cleanPerson(doc.createdBy) } : {}),
    claims,
    links: links.map((link) => (link.author !== undefined ? { ...link, author: cleanText(link.author) || link.author } : link)),
  };
}

// Names, titles and excerpts in a file are text someone wrote, stored and shown like a claim's text.
function cleanPerson(person: Person): Person {
  const id = cleanText(person.id) || 'unknown';
  return { id, name: cleanText(person.name) || id };
}

function cleanSource(source: NonNullable<ImportedClaim['source']>): NonNullable<ImportedClaim['source']> {
  const excerpt = source.excerpt !== undefined ? cleanText(source.excerpt) : '';
  const author = source.author !== undefined ? cleanText(source.author) : '';
  return { ...(source.url ? { url: source.url } : {}), ...(excerpt ? { excerpt } : {}), ...(author ? { author } : {}) };
}

function withClaimKey<T>(key: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`Claim ${key}: ${error.message}`, error.code);
    throw error;
  }
}

/** A choice poll has 2 to 25 options keyed A, B, C… in order; each vote a credence per option summing to 1; its answer one of them. */
function checkChoicePoll(poll: NonNullable<ImportedDebate['polls']>[number], where: string): void {
  const refuse = (why: string) => {
    throw new UserError(`${where} ${why}; nothing was imported.`, 'import.poll');
  };
  if (poll.kind === 'binary') {
    if (poll.options.length) refuse('is a binary poll with options (a binary poll has none; a poll with options is "kind": "choice")');
    if (poll.votes?.length || poll.resolved) refuse('is a binary poll with votes or an answer (its votes are credences in its claim)');
    return;
  }
  const n = poll.options.length;
  if (n < 2)
    refuse(
      `is a choice poll with ${n} option${n === 1 ? '' : 's'} (it needs 2 to 25, e.g. [{"key": "A", "text": "OpenAI"}, {"key": "B", "text": "Anthropic"}])`,
    );
  poll.options.forEach((o, i) => {
    const key = String.fromCharCode(65 + i);
    if (o.key !== key) refuse(`.options[${i}] has the key ${o.key}; options are keyed A, B, C… in order, so it should be ${key}`);
  });
  for (const [j, vote] of (poll.votes ?? []).entries()) {
    if (vote.credences.length !== n)
      refuse(`.votes[${j}] gives ${vote.credences.length} credences for ${n} options (one per option, e.g. [0.5, 0.5])`);
    const sum = vote.credences.reduce((s, p) => s + p, 0);
    if (Math.abs(sum - 1) > 1e-6) refuse(`.votes[${j}] credences sum to ${sum.toFixed(3)}, not 1 (e.g. [0.5, 0.3, 0.2])`);
  }
  if (poll.resolved && !poll.options.some((o) => o.key === poll.resolved!.option)) {
    refuse(`.resolved.option is ${poll.resolved.option}, which is not one of its options (A to ${String.fromCharCode(64 + n)})`);
  }
  if (poll.resolved && !poll.closed) refuse('is resolved but not closed (a choice poll closes before it resolves)');
}
