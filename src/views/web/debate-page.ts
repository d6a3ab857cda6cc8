import { claimRef, STATUS_LABEL, type Claim } from '../../domain/claims.ts';
import type { Aggregate } from '../../domain/credences/aggregate.ts';
import { formatPercent } from '../../domain/credences/parse-credence.ts';
import { LINK_KIND_INFO, type Link } from '../../domain/links.ts';
import { hiddenNote } from '../../domain/polls.ts';
import { simRunRef } from '../../domain/sim-runs.ts';
import type { DebatePageData, PagePoll } from '../../queries/debate-page.ts';
import { opinionGroupBlocks } from '../opinion-groups-view.ts';
import { people, spreadText } from '../credence-summary.ts';
import { blocksHtml, escapeHtml, isWebUrl, tableHtml } from './html.ts';

/** How the page brings its style sheet and script: linked from the server, or inside the file itself. */
export type PageAssets =
  | { readonly mode: 'linked'; readonly styleHref: string; readonly scriptHref: string }
  | { readonly mode: 'inline'; readonly style: string; readonly script: string };

export interface DebatePageInput {
  readonly data: DebatePageData;
  /** The crux map as an `<svg>` whose boxes link to `#card-C…`. */
  readonly mapSvg: string;
  /** Drift charts as `data:image/svg+xml` URLs, by run number. */
  readonly charts: ReadonlyMap<number, string>;
  readonly assets: PageAssets;
  /** When the page was made (ISO), for its footer. */
  readonly generatedAt: string;
}

/**
 * The shared debate as one HTML page: the title and root, the crux map, the cruxes of the root, opinion
 * groups, polls, drift evidence and every claim's card. Pure: the data, the map and the charts come in
 * already made, and every user text is escaped on the way out.
 */
export function debatePageHtml(input: DebatePageInput): string {
  const { data } = input;
  const byId = new Map(data.claims.map((c) => [c.id, c]));
  const sections = [
    mapSection(input),
    cruxesSection(data, byId),
    groupsSection(data),
    pollsSection(data.polls, byId),
    evidenceSection(data, byId, input.charts),
    cardsSection(data, byId),
  ];
  const style =
    input.assets.mode === 'linked'
      ? `<link rel="stylesheet" href="${escapeHtml(input.assets.styleHref)}">`
      : `<style>${input.assets.style}</style>`;
  const script =
    input.assets.mode === 'linked'
      ? `<script src="${escapeHtml(input.assets.scriptHref)}" defer></script>`
      : `<script>${input.assets.script.replace(/<\/script/gi, '<\\/script')}</script>`;
  const counts = `${data.claims.length} claim${data.claims.length === 1 ? '' : 's'}, ${data.links.length} link${data.links.length === 1 ? '' : 's'}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(data.debate.title)} · cruxbot</title>
${style}
</head>
<body>
<header class="page">
<p class="muted">A debate shared from cruxbot · read-only · <code>${escapeHtml(data.debate.slug)}</code> · ${counts}</p>
<h1>${escapeHtml(data.debate.title)}</h1>
${
  data.root
    ? `<p class="root"><span class="id">Root <a href="#card-${claimRef(data.root)}">${claimRef(data.root)}</a></span> ${escapeHtml(data.root.text)}</p>`
    : '<p class="note">No root claim chosen yet (<code>/debate root C1</code> in the chat).</p>'
}
<nav aria-label="On this page"><p class="muted"><a href="#map">Map</a> · <a href="#cruxes">Cruxes</a> · <a href="#groups">Opinion groups</a> · <a href="#polls">Polls</a> · <a href="#evidence">Evidence</a> · <a href="#claims">Claims</a></p></nav>
</header>
<main>
${sections.join('\n')}
</main>
<aside id="card-panel" hidden role="dialog" aria-label="Claim"><button type="button" class="panel-close">Close</button><div class="panel-body"></div></aside>
<footer>
<p>This page changes nothing: to add a claim, give a credence or vote, use the chat where the debate lives (<code>/claim add …</code>, <code>/credence C3 70</code>, <code>/poll C3</code>). Poll results are shown here only where the chat shows them to everyone.</p>
<p>Made by cruxbot at ${escapeHtml(input.generatedAt.slice(0, 16).replace('T', ' '))} UTC.</p>
</footer>
${script}
</body>
</html>
`;
}

function mapSection(input: DebatePageInput): string {
  return `<section id="map" aria-labelledby="map-h">
<h2 id="map-h">Crux map</h2>
<div class="map-tools"><button type="button" data-map="in" hidden aria-label="Zoom in">+</button><button type="button" data-map="out" hidden aria-label="Zoom out">−</button><button type="button" data-map="reset" hidden>Fit</button>
<span class="note">Boxes are claims, coloured by the team’s credence (orange 0% · cream 50% · blue 100%; grey: none shown); arrows point to the claim they bear on: supports (green), opposes (red), crux of (purple), refines (dashed), duplicates (dotted). Choose a box to read its card.</span></div>
<div class="map-wrap"><div class="map-viewport" tabindex="0" aria-label="Crux map: scroll or drag to move, + and − to zoom">${input.mapSvg}</div></div>
</section>`;
}

function cruxesSection(data: DebatePageData, byId: ReadonlyMap<number, Claim>): string {
  const head = `<section id="cruxes" aria-labelledby="cruxes-h">\n<h2 id="cruxes-h">Cruxes${data.root ? ` of ${claimRef(data.root)}` : ''}</h2>`;
  if (!data.root) return `${head}\n<p class="note">Choose a root claim to rank its cruxes.</p>\n</section>`;
  if (data.cruxes.length === 0)
    return `${head}\n<p class="note">Not enough credences yet to rank the cruxes of ${claimRef(data.root)} (<code>/cruxes ${claimRef(data.root)}</code> in the chat says what it needs).</p>\n</section>`;
  const rows = data.cruxes.map((r) => {
    const claim = byId.get(r.claimId);
    return [
      claim ? claimRef(claim) : '?',
      claim?.text ?? '',
      r.method === 'conditional' ? 'conditionals' : 'proxy',
      r.method === 'conditional'
        ? `${Math.round(r.meanStrength! * 100)} pts`
        : `${r.score.toFixed(2)} (r ${r.correlation! >= 0 ? '+' : '−'}${Math.abs(r.correlation!).toFixed(2)})`,
      String(r.people),
    ];
  });
  const cell = (value: string, column: number) =>
    column === 0 && /^C\d+$/.test(value) ? `<a href="#card-${value}" class="id">${value}</a>` : escapeHtml(value);
  return `${head}
${tableHtml(['claim', 'text', 'method', 'strength', 'people'], rows, ['left', 'left', 'left', 'right', 'right'], cell)}
<p class="note">As <code>/cruxes</code> ranks them: <strong>conditionals</strong>, how far learning the claim would move people’s belief in the root, in points; <strong>proxy</strong>, how strongly credences in it predict credences in the root, times the team’s spread on it.</p>
</section>`;
}

function groupsSection(data: DebatePageData): string {
  const head = '<section id="groups" aria-labelledby="groups-h">\n<h2 id="groups-h">Opinion groups</h2>';
  if (!data.groups) return `${head}\n<p class="note">Too few people have rated enough of the claims to find opinion groups.</p>\n</section>`;
  return `${head}\n${blocksHtml(opinionGroupBlocks(data.groups.data, data.groups.result))}\n</section>`;
}

function pollsSection(polls: readonly PagePoll[], byId: ReadonlyMap<number, Claim>): string {
  const head = '<section id="polls" aria-labelledby="polls-h">\n<h2 id="polls-h">Polls</h2>';
  if (polls.length === 0) return `${head}\n<p class="note">No polls in this debate yet.</p>\n</section>`;
  const rows = polls.map(({ poll, results, voters }) => {
    const claim = byId.get(poll.claimId);
    const state = poll.closedAt ? `closed ${poll.closedAt.slice(0, 10)}` : poll.closesAt ? `open until ${poll.closesAt.slice(0, 16).replace('T', ' ')}` : 'open';
    const result = results?.aggregate
      ? `team ${formatPercent(results.aggregate.geoMeanOdds)} · median ${formatPercent(results.aggregate.median)} · ${spreadText(results.aggregate)}`
      : poll.closedAt || poll.hide === 'visible'
        ? 'no votes yet'
        : `results ${hiddenNote(poll)}`;
    return [`P${poll.id}`, claim ? claimRef(claim) : '?', state, people(voters), result];
  });
  const cell = (value: string, column: number) =>
    column === 1 && /^C\d+$/.test(value) ? `<a href="#card-${value}" class="id">${value}</a>` : escapeHtml(value);
  return `${head}\n${tableHtml(['poll', 'claim', 'state', 'voted', 'result'], rows, [], cell)}\n</section>`;
}

function evidenceSection(data: DebatePageData, byId: ReadonlyMap<number, Claim>, charts: ReadonlyMap<number, string>): string {
  const head = '<section id="evidence" aria-labelledby="evidence-h">\n<h2 id="evidence-h">Drift runs attached as evidence</h2>';
  if (data.runs.length === 0) return `${head}\n<p class="note">No drift runs attached to these claims (<code>/drift … claim:C3</code> in the chat).</p>\n</section>`;
  const items = data.runs.map((run) => {
    const claim = run.claimId !== null ? byId.get(run.claimId) : undefined;
    const chart = charts.get(run.number);
    return `<figure class="chart"><figcaption><span class="id">${simRunRef(run)}</span>${claim ? ` on <a href="#card-${claimRef(claim)}">${claimRef(claim)}</a>` : ''}: ${escapeHtml(run.headline)}</figcaption>${
      chart ? `<img src="${chart}" alt="${escapeHtml(`Chart of ${simRunRef(run)}: ${run.headline}`)}" loading="lazy" width="800" height="400">` : ''
    }</figure>`;
  });
  return `${head}\n${items.join('\n')}\n</section>`;
}

function cardsSection(data: DebatePageData, byId: ReadonlyMap<number, Claim>): string {
  const outgoing = new Map<number, Link[]>();
  const incoming = new Map<number, Link[]>();
  for (const link of data.links) {
    outgoing.set(link.fromClaimId, [...(outgoing.get(link.fromClaimId) ?? []), link]);
    incoming.set(link.toClaimId, [...(incoming.get(link.toClaimId) ?? []), link]);
  }
  const polls = new Map(data.polls.map((p) => [p.poll.claimId, p]));
  const runs = new Map<number, string[]>();
  for (const run of data.runs) if (run.claimId !== null) runs.set(run.claimId, [...(runs.get(run.claimId) ?? []), simRunRef(run)]);
  const cards = [...data.claims]
    .sort((a, b) => a.number - b.number)
    .map((claim) => claimCard(claim, { data, byId, out: outgoing.get(claim.id) ?? [], into: incoming.get(claim.id) ?? [], poll: polls.get(claim.id), runs: runs.get(claim.id) ?? [] }));
  return `<section id="claims" aria-labelledby="claims-h">\n<h2 id="claims-h">Claims</h2>\n<div class="cards">\n${cards.join('\n')}\n</div>\n</section>`;
}

function claimCard(
  claim: Claim,
  c: { data: DebatePageData; byId: ReadonlyMap<number, Claim>; out: Link[]; into: Link[]; poll: PagePoll | undefined; runs: string[] },
): string {
  const ref = claimRef(claim);
  const ref2 = (id: number) => {
    const other = c.byId.get(id);
    return other ? `<a href="#card-${claimRef(other)}">${claimRef(other)}</a>` : 'a claim elsewhere';
  };
  const links = [
    ...c.out.map((l) => `<li>${escapeHtml(LINK_KIND_INFO[l.kind].verb)} ${ref2(l.toClaimId)}</li>`),
    ...c.into.map((l) => `<li>${ref2(l.fromClaimId)} ${escapeHtml(LINK_KIND_INFO[l.kind].verb)} it</li>`),
  ];
  const aggregate = c.data.shown.get(claim.id);
  const raters = c.data.raters.get(claim.id) ?? 0;
  const team = aggregate
    ? `<p><strong>Team ${formatPercent(aggregate.geoMeanOdds)}</strong> · median ${formatPercent(aggregate.median)} · ${spreadText(aggregate)} · ${people(aggregate.people)}</p>${histogramSvg(aggregate)}`
    : raters > 0 && c.poll
      ? `<p class="note">${people(raters)} gave a credence; the results are ${escapeHtml(hiddenNote(c.poll.poll))}.</p>`
      : '<p class="note">No credences yet.</p>';
  const resolution = c.data.resolutions.get(claim.id);
  const history = [
    `added ${claim.createdAt.slice(0, 10)} by ${escapeHtml(claim.authorName)}`,
    ...(claim.updatedAt.slice(0, 16) !== claim.createdAt.slice(0, 16) ? [`changed ${claim.updatedAt.slice(0, 10)}`] : []),
    ...(c.poll ? [`poll P${c.poll.poll.id} opened ${c.poll.poll.createdAt.slice(0, 10)}${c.poll.poll.closedAt ? `, closed ${c.poll.poll.closedAt.slice(0, 10)}` : ''}`] : []),
    ...(resolution ? [`resolved ${escapeHtml(resolution.outcome)} ${resolution.resolvedAt.slice(0, 10)} by ${escapeHtml(resolution.resolvedByName)}`] : []),
    ...(c.runs.length ? [`evidence: ${c.runs.join(', ')}`] : []),
  ];
  const source = claim.source.url && isWebUrl(claim.source.url) ? ` · <a href="${escapeHtml(claim.source.url)}" rel="noopener noreferrer">source message</a>` : '';
  return `<article class="card" id="card-${ref}" aria-labelledby="h-${ref}">
<h3 id="h-${ref}"><span class="id">${ref}</span> · ${escapeHtml(STATUS_LABEL[claim.status])}${claim.id === c.data.root?.id ? ' · root' : ''}</h3>
<p>${escapeHtml(claim.text)}</p>
<p class="muted">by ${escapeHtml(claim.authorName)}${source}${claim.tags.length ? ` · <span class="tags">${claim.tags.map((t) => `#${escapeHtml(t)}`).join(' ')}</span>` : ''}</p>
${team}
${links.length ? `<ul class="links">${links.join('')}</ul>` : ''}
<p class="note">${history.join(' · ')}</p>
</article>`;
}

/** The team's credences in five bins, as bars (an SVG: the page's style rules allow no inline styles). */
function histogramSvg(a: Aggregate): string {
  const max = Math.max(1, ...a.histogram);
  const w = 36;
  const bars = a.histogram
    .map((n, i) => {
      const h = Math.round((n / max) * 36);
      return `<rect x="${i * (w + 3)}" y="${40 - h}" width="${w}" height="${Math.max(h, 1)}" fill="#60a5fa"><title>${n}</title></rect><text x="${i * (w + 3) + w / 2}" y="52" font-size="9" text-anchor="middle" fill="#52606d">${i * 20}–${i * 20 + 20}</text>`;
    })
    .join('');
  const label = `Histogram: ${a.histogram.map((n, i) => `${n} between ${i * 20}% and ${i * 20 + 20}%`).join(', ')}`;
  return `<svg class="histogram-chart" width="${a.histogram.length * (w + 3)}" height="54" role="img" aria-label="${label}">${bars}</svg>`;
}
