import type { ImportResult } from '../domain/debates.ts';
import { joinMarkup, md, type Markup } from '../core/markup.ts';
import { context, text, type Attachment, type Block, type Reply } from '../core/reply.ts';
import { claimRef, type Claim } from '../domain/claims.ts';
import { rootClaimOf, type CredenceLookup, type CruxGraph } from '../domain/crux-graph.ts';
import { exportArgdown } from '../domain/exchange/argdown-export.ts';
import type { ExportFormat } from '../domain/exchange/document.ts';
import { exportJson } from '../domain/exchange/json.ts';
import { exportCredenceCsv } from '../domain/exchange/csv-export.ts';
import { exportPolis } from '../domain/exchange/polis-write.ts';
import { graphOnly, type DebateRecord } from '../domain/exchange/record.ts';
import { exportMermaid } from '../domain/exchange/mermaid.ts';
import { cruxMapDot } from '../render/map/dot.ts';

const FILE: Record<Exclude<ExportFormat, 'polis'>, { extension: string; contentType: string; label: string }> = {
  json: { extension: 'json', contentType: 'application/json', label: 'JSON' },
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8', label: 'CSV (one row per credence)' },
  argdown: { extension: 'argdown', contentType: 'text/plain; charset=utf-8', label: 'Argdown' },
  dot: { extension: 'dot', contentType: 'text/vnd.graphviz; charset=utf-8', label: 'Graphviz DOT' },
  mermaid: { extension: 'mmd', contentType: 'text/plain; charset=utf-8', label: 'Mermaid' },
};

const isRecord = (source: CruxGraph | DebateRecord): source is DebateRecord => 'graph' in source;

/** The debate as a file in one of the one-file export formats. */
export function debateExportFile(
  source: CruxGraph | DebateRecord,
  format: Exclude<ExportFormat, 'polis'>,
  credenceOf?: CredenceLookup,
  exportedAt = new Date(0).toISOString(),
): Attachment & { label: string } {
  const record = isRecord(source) ? source : graphOnly(source);
  const text = exportText(record, format, credenceOf, exportedAt);
  const file = FILE[format];
  return {
    name: `${record.graph.debate.slug}.${file.extension}`,
    data: new TextEncoder().encode(text),
    contentType: file.contentType,
    description: `${record.graph.debate.title} (${file.label})`.slice(0, 1024),
    label: file.label,
  };
}

/** The debate in an export format, as the files it takes: one, or Polis's three (named as Polis names them). */
export function debateExportFiles(
  record: DebateRecord,
  format: ExportFormat,
  credenceOf: CredenceLookup | undefined,
  exportedAt: string,
): { label: string; files: Attachment[] } {
  if (format !== 'polis') {
    const { label, ...file } = debateExportFile(record, format, credenceOf, exportedAt);
    return { label, files: [file] };
  }
  const polis = exportPolis(record);
  const csv = (name: string, text: string, what: string): Attachment => ({
    name,
    data: new TextEncoder().encode(text),
    contentType: 'text/csv; charset=utf-8',
    description: `${record.graph.debate.title} (Polis ${what})`.slice(0, 1024),
  });
  return {
    label: 'a Polis export (comments.csv, votes.csv, participants-votes.csv)',
    files: [
      csv('comments.csv', polis.comments, 'comments'),
      csv('votes.csv', polis.votes, 'votes'),
      csv('participants-votes.csv', polis.participantsVotes, 'participants and their votes'),
    ],
  };
}

function exportText(
  record: DebateRecord,
  format: Exclude<ExportFormat, 'polis'>,
  credenceOf: CredenceLookup | undefined,
  exportedAt: string,
): string {
  const graph = record.graph;
  switch (format) {
    case 'json':
      return exportJson(record, exportedAt);
    case 'csv':
      return exportCredenceCsv(record);
    case 'argdown':
      return exportArgdown(graph, credenceOf);
    case 'mermaid':
      return exportMermaid(graph);
    case 'dot': {
      const root = rootClaimOf(graph);
      return cruxMapDot(graph.claims, graph.links, {
        title: graph.debate.title,
        tooltips: true,
        ...(root ? { rootId: root.id } : {}),
        ...(credenceOf ? { credenceOf } : {}),
      });
    }
  }
}

/** What an import did, in words: created or merged, how many claims and links, what was renumbered. */
export function importReply(result: ImportResult, notes: readonly string[]): Reply {
  const { debate, added, matched, linksAdded } = result;
  const ids = (claims: readonly Claim[]) => {
    const refs = claims.map(claimRef);
    return refs.length > 8 ? `${refs.slice(0, 8).join(', ')} …` : refs.join(', ');
  };
  const lines: Markup[] = [
    result.created
      ? md`Imported **${debate.title}** as \`${debate.slug}\`: ${added.length} claim${added.length === 1 ? '' : 's'} (${ids(added)}) and ${linksAdded} link${linksAdded === 1 ? '' : 's'}. This channel now works on it.`
      : md`Added ${added.length} claim${added.length === 1 ? '' : 's'}${added.length ? md` (${ids(added)})` : ''} and ${linksAdded} link${linksAdded === 1 ? '' : 's'} to \`${debate.slug}\`.`,
  ];
  if (matched.length)
    lines.push(
      md`${matched.length} claim${matched.length === 1 ? ' was' : 's were'} already there with the same text (${ids(matched)}): kept, with the file's links.`,
    );
  if (result.credences?.added)
    lines.push(md`With ${result.credences.added} credence${result.credences.added === 1 ? '' : 's'}, their history and conditions kept.`);
  if (result.credences?.skipped)
    lines.push(
      md`${result.credences.skipped} credence${result.credences.skipped === 1 ? '' : 's'} in the file ${result.credences.skipped === 1 ? 'was' : 'were'} not imported: they speak for other people, so only a moderator's import keeps them.`,
    );
  const records = result.records;
  if (records && !records.skipped) {
    const { polls, resolutions, simRuns, captures } = records.added;
    const parts = [
      [polls, 'poll'],
      [resolutions, 'resolution'],
      [simRuns, 'drift run'],
      [captures, 'thread capture'],
    ]
      .filter(([n]) => (n as number) > 0)
      .map(([n, what]) => `${n} ${what}${n === 1 ? '' : 's'}`);
    if (parts.length) lines.push(md`Also kept: ${parts.join(', ')}.`);
  }
  if (records?.skipped)
    lines.push(
      md`The file's polls, resolutions, drift runs and thread captures (${records.skipped} in all) were not imported: they record what other people did, so only a moderator's import keeps them.`,
    );
  if (result.renumbered && added.length)
    lines.push(md`Its claims got new numbers: the file's ids are taken here, or are not ids like C12.`);
  const blocks: Block[] = [text(joinMarkup(lines))];
  for (const note of notes) blocks.push(context(note));
  blocks.push(context(md`See it with \`/map${result.created ? '' : md` ${debate.slug}`}\`.`));
  return { title: `Import into ${debate.slug}`, blocks, accent: 'success' };
}
