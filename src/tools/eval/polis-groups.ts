import { findOpinionGroups, type OpinionGroupOptions, type StatementAcrossGroups } from '../../domain/credences/opinion-groups.ts';
import type { Representativeness, VoteCounts } from '../../domain/credences/statement-stats.ts';
import { groupLabel } from '../../views/opinion-groups-view.ts';
import type { PolisFolder } from './polis-folder.ts';

/** `cruxbot groups --polis <folder> --json`: opinion groups of a Polis export, as plain data. */
export interface PolisGroupsReport {
  readonly conversation: string;
  readonly participants: readonly { readonly id: string; readonly group: number | null }[];
  readonly groups: readonly {
    readonly id: number;
    readonly label: string;
    readonly size: number;
    readonly representative: readonly RepresentativeStatement[];
  }[];
  readonly consensus: readonly (StatementReport & { readonly side: 'agree' | 'disagree' })[];
  readonly divisive: readonly StatementReport[];
  readonly silhouette: number | null;
  readonly silhouettes: Readonly<Record<string, number>>;
  readonly statements: number;
  readonly votes: { readonly read: number; readonly superseded: number; readonly skipped: number };
}

interface RepresentativeStatement {
  readonly statement: string;
  readonly text: string;
  readonly side: 'agree' | 'disagree';
  readonly group: VoteCounts;
  readonly others: VoteCounts;
  readonly significant: boolean;
}

interface StatementReport {
  readonly statement: string;
  readonly text: string;
  readonly agreeConsensus: number;
  readonly disagreeConsensus: number;
  readonly perGroup: readonly VoteCounts[];
}

const LISTED = 10;

export function polisGroupsReport(conversation: PolisFolder, options: OpinionGroupOptions = {}): PolisGroupsReport {
  // Polis's stored `:in-conv` joins the vote-count rule (conversation.clj `:in-conv`), as in Polis.
  const result = findOpinionGroups(conversation.matrix, { alreadyIn: conversation.inConversation, ...options });
  const statement = (j: number) => conversation.statements[j]!;
  const base = {
    conversation: conversation.name,
    statements: conversation.statements.length,
    votes: { read: conversation.votesRead, superseded: conversation.votesSuperseded, skipped: conversation.votesSkipped },
  };
  if (result.kind === 'too-few') {
    return {
      ...base,
      participants: conversation.participants.map((id) => ({ id, group: null })),
      groups: [],
      consensus: [],
      divisive: [],
      silhouette: null,
      silhouettes: {},
    };
  }
  const across = (s: StatementAcrossGroups): StatementReport => ({
    statement: statement(s.statement).id,
    text: statement(s.statement).text,
    agreeConsensus: round(s.agreeConsensus),
    disagreeConsensus: round(s.disagreeConsensus),
    perGroup: s.perGroup,
  });
  const representative = (r: Representativeness): RepresentativeStatement => ({
    statement: statement(r.statement).id,
    text: statement(r.statement).text,
    side: r.side,
    group: r.counts,
    others: r.othersCounts,
    significant: r.significant,
  });
  return {
    ...base,
    participants: conversation.participants.map((id, i) => ({ id, group: result.groupOf[i]! >= 0 ? result.groupOf[i]! : null })),
    groups: result.groups.map((g) => ({
      id: g.id,
      label: groupLabel(g.id),
      size: g.members.length,
      representative: g.representative.map(representative),
    })),
    consensus: result.consensus.slice(0, LISTED).map((s) => ({ ...across(s), side: s.side })),
    divisive: result.divisive.slice(0, LISTED).map(across),
    silhouette: round(result.silhouette),
    silhouettes: Object.fromEntries([...result.silhouettes].map(([k, s]) => [String(k), round(s)])),
  };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** A short human summary of the report, for the terminal. */
export function describePolisGroups(report: PolisGroupsReport): string {
  const lines = [
    `${report.conversation}: ${report.participants.length} participants, ${report.statements} statements shown`,
    report.groups.length
      ? `${report.groups.length} groups (silhouette ${report.silhouette}): ${report.groups.map((g) => `${g.label} ${g.size}`).join(', ')}; ${
          report.participants.filter((p) => p.group === null).length
        } left out for too few votes`
      : 'too few participants with enough votes to form groups',
  ];
  const clip = (t: string) => (t.replace(/\s+/g, ' ').length > 90 ? `${t.replace(/\s+/g, ' ').slice(0, 89)}…` : t.replace(/\s+/g, ' '));
  for (const g of report.groups) {
    lines.push('', `Group ${g.label} (${g.size}):`);
    for (const r of g.representative.slice(0, 3)) {
      const n = r.side === 'agree' ? r.group.agree : r.group.disagree;
      lines.push(`  ${r.side === 'agree' ? 'agrees' : 'disagrees'} ${n}/${r.group.seen}: #${r.statement} ${clip(r.text)}`);
    }
  }
  if (report.consensus.length) {
    lines.push('', 'Consensus:');
    for (const s of report.consensus.slice(0, 3))
      lines.push(`  ${s.side} (${s.side === 'agree' ? s.agreeConsensus : s.disagreeConsensus}): #${s.statement} ${clip(s.text)}`);
  }
  if (report.divisive.length) {
    lines.push('', 'Divisive:');
    for (const s of report.divisive.slice(0, 3)) {
      const shares = s.perGroup.map((c, i) => `${groupLabel(i)} ${c.seen ? Math.round((100 * c.agree) / c.seen) : 0}%`).join(' ');
      lines.push(`  ${shares} agree: #${s.statement} ${clip(s.text)}`);
    }
  }
  return lines.join('\n');
}
