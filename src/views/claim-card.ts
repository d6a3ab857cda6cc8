import { customId } from '../core/custom-id.ts';
import { joinMarkup, link, md, type Markup } from '../core/markup.ts';
import { context, fields, text, type Accent, type ComponentRow, type Field, type Reply } from '../core/reply.ts';
import { claimRef, STATUS_LABEL, type Claim } from '../domain/claims.ts';
import { CARD_LINKS_SHOWN, LINK_KIND_INFO } from '../domain/links.ts';
import { shortText } from '../core/values.ts';
import type { CardLink, ClaimCardData } from '../queries/claim-card.ts';
import { driftEvidenceField } from './drift/evidence.ts';
import { teamCredenceField } from './credence-summary.ts';
import { formatInZone } from '../domain/time/when.ts';

const SHORT = 70;

const ACCENT: Record<Claim['status'], Accent> = {
  open: 'info',
  'resolved-true': 'success',
  'resolved-false': 'warning',
  'resolved-ambiguous': 'neutral',
  retracted: 'neutral',
};

/**
 * The claim card: text, author, source, tags, links in and out, status, and buttons to support, oppose
 * or link it. Every command that shows one claim answers with this.
 */
export function claimCard(
  { claim, debate, outgoing, incoming, team, runs, resolveBy, earlierTexts, givenToEarlier }: ClaimCardData,
  note?: Markup,
): Reply {
  const linkLine = ({ link, otherText }: CardLink, direction: 'out' | 'in'): Markup =>
    direction === 'out'
      ? md`${LINK_KIND_INFO[link.kind].verb} **C${link.toNumber}** ${shortText(otherText, SHORT)}`
      : md`**C${link.fromNumber}** ${LINK_KIND_INFO[link.kind].verb} this: ${shortText(otherText, SHORT)}`;
  const linkList = (links: readonly CardLink[], direction: 'out' | 'in'): Markup => {
    const lines = links.slice(0, CARD_LINKS_SHOWN).map((l) => linkLine(l, direction));
    if (links.length > CARD_LINKS_SHOWN) lines.push(md`_and ${links.length - CARD_LINKS_SHOWN} more_`);
    return joinMarkup(lines);
  };

  const items: Field[] = [
    { name: 'Author', value: claim.authorName, inline: true },
    { name: 'Debate', value: debate ? md`\`${debate.slug}\`` : '—', inline: true },
    { name: 'Status', value: STATUS_LABEL[claim.status], inline: true },
    {
      name: 'Tags',
      value: claim.tags.length
        ? joinMarkup(
            claim.tags.map((t) => md`\`#${t}\``),
            ' ',
          )
        : '—',
      inline: true,
    },
  ];
  if (claim.source.url || claim.source.author) {
    const by = claim.source.author ? md` (from ${claim.source.author})` : md``;
    items.push({
      name: 'Source',
      value: claim.source.url ? md`${link(claim.source.url, 'message')}${by}` : md`${claim.source.author ?? ''}`,
    });
  }
  if (resolveBy) items.push({ name: 'Resolve by', value: formatInZone(new Date(resolveBy.resolveBy), resolveBy.zone), inline: true });
  if (debate?.rootClaimId === claim.id) items.push({ name: 'Role', value: md`root of \`${debate.slug}\``, inline: true });
  items.push(teamCredenceField(claim, team));
  const edited = editedField(earlierTexts, givenToEarlier);
  if (edited) items.push(edited);
  if (outgoing.length) items.push({ name: `Links out (${outgoing.length})`, value: linkList(outgoing, 'out') });
  if (incoming.length) items.push({ name: `Links in (${incoming.length})`, value: linkList(incoming, 'in') });
  const driftRuns = driftEvidenceField(runs);
  if (driftRuns) items.push(driftRuns);

  const blocks = [text(md`${claim.text}`), fields(items)];
  if (note) blocks.push(context(note));
  blocks.push(
    context(
      md`Added ${claim.createdAt.slice(0, 10)}${claim.updatedAt !== claim.createdAt ? md` · edited ${claim.updatedAt.slice(0, 10)}` : ''}`,
    ),
  );

  return {
    title: `${claimRef(claim)} · ${STATUS_LABEL[claim.status]}`,
    blocks,
    components: claim.status === 'retracted' ? [] : [claimButtons(claim)],
    accent: ACCENT[claim.status],
  };
}

export function claimButtons(claim: Claim): ComponentRow {
  return [
    {
      type: 'button',
      id: customId('claim', 'support', claim.number),
      label: 'Support…',
      style: 'success',
      command: `/claim add "<a claim that supports it>" supports:${claimRef(claim)}`,
    },
    {
      type: 'button',
      id: customId('claim', 'oppose', claim.number),
      label: 'Oppose…',
      style: 'danger',
      command: `/claim add "<a claim that opposes it>" opposes:${claimRef(claim)}`,
    },
    {
      type: 'button',
      id: customId('claim', 'link', claim.number),
      label: 'Link…',
      style: 'secondary',
      command: `/link ${claimRef(claim)} <claim> <supports|opposes|…>`,
    },
    ...(claim.status === 'open'
      ? [
          {
            type: 'button' as const,
            id: customId('credence', 'form', claim.number),
            label: 'Credence…',
            style: 'primary' as const,
            command: `/credence ${claimRef(claim)} <0–100>`,
          },
        ]
      : []),
  ];
}

/**
 * An edited claim says so, shows the words it had, and how many of the team's credences were given to
 * them: an aggregate over two texts is worth knowing about.
 */
function editedField(earlier: ClaimCardData['earlierTexts'], given: ClaimCardData['givenToEarlier']): Field | undefined {
  const last = earlier.at(-1);
  if (!last) return undefined;
  const lines: Markup[] = [
    md`Until ${last.replacedAt.slice(0, 10)} it read: “${shortText(last.text, 200)}”${earlier.length > 1 ? md` (edited ${earlier.length} times)` : ''}`,
  ];
  if (given && given.before > 0)
    lines.push(
      given.before === given.total
        ? md`All ${given.total} credence${given.total === 1 ? ' was' : 's were'} given to the earlier text.`
        : md`${given.before} of ${given.total} credences were given to the earlier text.`,
    );
  return { name: 'Edited', value: joinMarkup(lines) };
}
