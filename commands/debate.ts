import { defineCommand, subcommand } from '../src/core/command.ts';
import type { BaseContext } from '../src/core/context.ts';
import { PermissionError, UsageError, UserError } from '../src/core/errors.ts';
import { md, type Markup } from '../src/core/markup.ts';
import { context, fields, notice, table, text, type Reply } from '../src/core/reply.ts';
import { assertCanDeleteDebate, deleteDebate, retireDeletedPolls } from '../src/app/delete-debate.ts';
import { importDebate } from '../src/app/import-debate.ts';
import { EXPORT_FORMATS, IMPORT_FORMATS } from '../src/domain/exchange/document.ts';
import { readImportFile } from '../src/domain/exchange/read-import.ts';
import { debateExportFiles, importReply } from '../src/views/debate-exchange.ts';
import { debateRecord } from '../src/queries/debate-record.ts';
import { deletedReply, deletePreview } from '../src/views/deleted-debate.ts';
import { teamCredenceLookup } from '../src/queries/team-credence.ts';
import { claimRef, STATUS_LABEL } from '../src/domain/claims.ts';
import { checkSlug, checkTitle, DEBATE_TITLE_MAX, type Debate } from '../src/domain/debates.ts';
import { resolveDebate } from '../src/app/lookup.ts';
import { setDebateRoot, startDebate, useDebate } from '../src/app/debates.ts';
import { debatePage } from '../src/app/debate-page.ts';
import { shareDebate, unshareDebate } from '../src/app/share-links.ts';
import { isLive, parseShareExpiry, SHARE_DEFAULT } from '../src/domain/share-links.ts';

const create = subcommand({
  name: 'new',
  description: 'Start a debate and make it this channel’s current one',
  options: [
    {
      name: 'slug',
      type: 'string',
      description: 'A short name: lowercase letters, digits, dashes',
      required: true,
      positional: true,
      maxLength: 40,
      example: 'reward-seeking',
    },
    {
      name: 'title',
      type: 'string',
      description: 'The question being debated',
      required: true,
      positional: true,
      maxLength: DEBATE_TITLE_MAX,
    },
  ] as const,
  examples: ['/debate new slug:reward-seeking title:"Is reward the optimization target of capable agents?"'],
  async handler(ctx) {
    const slug = checkSlug(ctx.args.slug);
    const title = checkTitle(ctx.args.title);
    const debate = await startDebate(ctx, slug, title);
    return {
      title: `Debate ${debate.slug}`,
      blocks: [
        text(md`**${debate.title}**`),
        context(
          md`Started by ${ctx.actor.name}. This channel now works on \`${debate.slug}\`: the first claim you add becomes its root. Try \`/claim add <text>\`.`,
        ),
      ],
      accent: 'success',
    };
  },
});

const use = subcommand({
  name: 'use',
  description: 'Make a debate this channel’s current one',
  options: [{ name: 'debate', type: 'debate', description: 'The debate’s slug', required: true, positional: true }] as const,
  examples: ['/debate use reward-seeking'],
  async handler(ctx) {
    const debate = await ctx.services.queries.debates.require(ctx.workspace, ctx.args.debate);
    await useDebate(ctx, debate);
    return notice(md`This channel now works on \`${debate.slug}\`: ${debate.title}`, { accent: 'success', ephemeral: false });
  },
});

const list = subcommand({
  name: 'list',
  description: 'List the debates in this workspace',
  options: [] as const,
  examples: ['/debate list'],
  async handler(ctx) {
    const { queries } = ctx.services;
    const debates = await queries.debates.list(ctx.workspace);
    if (debates.length === 0)
      return notice(md`No debates yet. Start one with \`/debate new slug:<slug> title:"<question>"\`.`, { ephemeral: false });
    const current = await queries.debates.currentFor(ctx.workspace, ctx.channel.id);
    return {
      title: `Debates (${debates.length})`,
      blocks: [
        table(
          ['', 'slug', 'claims', 'links', 'title'],
          debates.map((d) => [
            d.id === current?.id ? '▸' : '',
            d.slug,
            String(d.claimCount),
            String(d.linkCount),
            d.title.length > 70 ? `${d.title.slice(0, 69)}…` : d.title,
          ]),
          ['left', 'left', 'right', 'right', 'left'],
        ),
        context(
          current
            ? md`▸ marks this channel’s debate. Switch with \`/debate use <slug>\`.`
            : md`Pick one for this channel with \`/debate use <slug>\`.`,
        ),
      ],
    };
  },
});

const show = subcommand({
  name: 'show',
  description: 'Show a debate: its question, root claim and numbers',
  options: [{ name: 'debate', type: 'debate', description: 'The debate (default: this channel’s)', positional: true }] as const,
  examples: ['/debate show', '/debate show reward-seeking'],
  async handler(ctx) {
    const debate = await resolveDebate(ctx, ctx.args.debate);
    const { queries } = ctx.services;
    const overview = await queries.debates.overview(ctx.workspace, debate.id, 8);
    const rootClaim = debate.rootClaimId === null ? undefined : await queries.claims.byId(ctx.workspace, debate.rootClaimId);
    const root = rootClaim?.debateId === debate.id ? rootClaim : undefined;
    const byStatus = new Map<string, number>();
    for (const { status, n } of overview.byStatus) byStatus.set(STATUS_LABEL[status], (byStatus.get(STATUS_LABEL[status]) ?? 0) + n);
    const claimCount = overview.byStatus.reduce((sum, s) => sum + s.n, 0);
    const topTags = overview.topTags.map(({ tag, n }) => [tag, n] as const).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const cruxes = overview.cruxLinks;
    const now = ctx.services.clock().toISOString();
    const shared = (await queries.shareLinks.forDebate(ctx.workspace, debate.id)).filter((l) => isLive(l, now));
    return {
      title: `Debate ${debate.slug}`,
      blocks: [
        text(md`**${debate.title}**`),
        fields([
          {
            name: 'Root claim',
            value: root ? md`**${claimRef(root)}** ${root.text.length > 200 ? `${root.text.slice(0, 199)}…` : root.text}` : 'none yet',
          },
          { name: 'Claims', value: claimCount ? [...byStatus.entries()].map(([s, n]) => `${n} ${s}`).join(', ') : '0', inline: true },
          { name: 'Links', value: `${overview.links} (${cruxes} crux${cruxes === 1 ? '' : 'es'})`, inline: true },
          { name: 'Started', value: `${debate.createdAt.slice(0, 10)} by ${debate.createdByName}`, inline: true },
          { name: 'Top tags', value: topTags.length ? topTags.map(([t, n]) => `#${t} (${n})`).join(' ') : '—' },
          {
            name: 'Shared by link',
            value: shared.length
              ? shared
                  .map(
                    (l) =>
                      `link ${l.id} by ${l.createdByName} on ${l.createdAt.slice(0, 10)}, ${l.expiresAt ? `until ${l.expiresAt.slice(0, 16).replace('T', ' ')} UTC` : 'no expiry'}`,
                  )
                  .join('\n')
              : 'no (`/debate share` makes a read-only page)',
          },
        ]),
        context(md`See the graph with \`/map\`; list claims with \`/claim list\`.`),
      ],
    };
  },
});

const root = subcommand({
  name: 'root',
  description: 'Choose the claim the debate is about (its root)',
  options: [
    { name: 'claim', type: 'claim', description: 'The claim id, e.g. C1', required: true, positional: true },
    { name: 'debate', type: 'debate', description: 'The debate (default: this channel’s)' },
  ] as const,
  examples: ['/debate root C1'],
  async handler(ctx) {
    const debate = await resolveDebate(ctx, ctx.args.debate);
    const { queries } = ctx.services;
    const claim = await queries.claims.require(ctx.workspace, ctx.args.claim);
    if (claim.debateId !== debate.id) throw new UserError(md`${claimRef(claim)} is not in \`${debate.slug}\`.`, 'debate.root-elsewhere');
    if (debate.createdBy !== ctx.actor.id && !ctx.actor.isModerator) {
      throw new PermissionError(
        md`Only ${debate.createdByName}, who started \`${debate.slug}\`, or a moderator can change its root.`,
        'debate.not-owner',
      );
    }
    await setDebateRoot(ctx, debate, claim);
    return notice(md`${claimRef(claim)} is now the root of \`${debate.slug}\`.`, { accent: 'success', ephemeral: false });
  },
});

const exportFile = subcommand({
  name: 'export',
  description: 'Attach the debate as a file: json (everything), csv, polis, argdown, dot or mermaid',
  options: [
    {
      name: 'format',
      type: 'string',
      description: 'json (default), csv, polis, argdown, dot, mermaid, or html (the shared page as one file)',
      positional: true,
      choices: [...EXPORT_FORMATS, 'html'],
    },
    { name: 'debate', type: 'debate', description: 'The debate (default: this channel’s)' },
  ] as const,
  examples: [
    '/debate export format:json',
    '/debate export format:csv',
    '/debate export format:polis',
    '/debate export format:mermaid debate:reward-seeking',
    '/debate export format:html',
  ],
  async handler(ctx) {
    const debate = await resolveDebate(ctx, ctx.args.debate);
    const { queries } = ctx.services;
    if (ctx.args.format === 'html') return await htmlExport(ctx, debate);
    const format = ctx.args.format ?? 'json';
    const record = await debateRecord(queries, ctx.workspace, debate);
    const { graph } = record;
    const credenceOf = await teamCredenceLookup(ctx, debate);
    const { label, files } = debateExportFiles(record, format, credenceOf, ctx.services.clock().toISOString());
    const howTo: Record<typeof format, Markup> = {
      json: md`Everything is in it: claims, links, every credence with its history, polls and their votes, resolutions, drift runs and thread captures. Import it into any workspace with \`/debate import\` (a moderator's import keeps who said what, and when).`,
      csv: md`One row per credence given: claim, person, time (UTC) and credence (0.7 is 70%). Open it in a spreadsheet or a notebook.`,
      polis: md`Put the three files in one folder: Polis's notebooks read it, and so does \`cruxbot groups --polis <folder>\`. A credence above 50% is an agree, below 50% a disagree, 50% a pass.`,
      argdown: md`Open it in the Argdown editor, or import it with \`/debate import\`.`,
      dot: md`Draw it with Graphviz, e.g. \`dot -Tsvg ${files[0]!.name} > map.svg\`.`,
      mermaid: md`Paste it into a \`mermaid\` code block on GitHub or GitLab to see the map.`,
    };
    const withheld = ['json', 'csv', 'polis'].includes(format) && record.withheld.length > 0;
    return {
      title: `Export of ${debate.slug}`,
      blocks: [
        text(md`**${debate.title}** as ${label}: ${graph.claims.length} claims, ${graph.links.length} links.`),
        context(howTo[format]),
        ...(withheld
          ? [
              context(
                md`The credences in ${record.withheld.map(claimRef).join(', ')} are left out: an open poll hides them until it closes. Export again after it closes.`,
              ),
            ]
          : []),
      ],
      attachments: files,
    };
  },
});

/** The shared page as one file: its style and script inside, so it opens anywhere, with no server. */
async function htmlExport(ctx: Pick<BaseContext, 'services'>, debate: Debate): Promise<Reply> {
  const html = await debatePage(ctx.services.queries, debate, { mode: 'file', now: ctx.services.clock() });
  return {
    title: `Export of ${debate.slug}`,
    blocks: [
      text(md`**${debate.title}** as one web page: the map, cruxes, opinion groups, polls and every claim's card.`),
      context(md`Open it in any browser; it needs no server. Hidden poll results stay out of it, as on \`/debate share\`'s page.`),
    ],
    attachments: [
      {
        name: `${debate.slug}.html`,
        data: new TextEncoder().encode(html),
        contentType: 'text/html; charset=utf-8',
        description: `${debate.title} (web page)`.slice(0, 1024),
      },
    ],
  };
}

const share = subcommand({
  name: 'share',
  description: 'Make a read-only web page of the debate, for a link (its starter or a moderator)',
  options: [
    {
      name: 'expires',
      type: 'string',
      description: `How long the link works: 12h, 7d, 2w or never (default ${SHARE_DEFAULT})`,
      maxLength: 10,
      example: '7d',
    },
    { name: 'debate', type: 'debate', description: 'The debate (default: this channel’s)', positional: true },
  ] as const,
  examples: ['/debate share', '/debate share expires:7d', '/debate share reward-seeking expires:never'],
  async handler(ctx) {
    const debate = await resolveDebate(ctx, ctx.args.debate);
    const lifetime = parseShareExpiry(ctx.args.expires ?? SHARE_DEFAULT);
    const { link, token } = await shareDebate(ctx, debate, lifetime);
    const { publicUrl, localUrl } = ctx.services.web;
    const url = `${publicUrl ?? localUrl ?? ''}/d/${token}`;
    const until = link.expiresAt ? `until ${link.expiresAt.slice(0, 16).replace('T', ' ')} UTC` : 'until it is revoked';
    return {
      title: `Sharing ${debate.slug}`,
      ephemeral: true,
      accent: 'success',
      blocks: [
        text(
          md`Anyone with this link can read **${debate.title}** (map, cruxes, groups, polls whose results the chat shows, claim cards), ${until}:`,
        ),
        text(url),
        context(
          publicUrl
            ? md`Only you see this message; send the link to whoever should read it. \`/debate unshare\` stops every link to this debate.`
            : md`PUBLIC_URL is not set, so this link works on this machine only; an operator sets PUBLIC_URL to the address people reach cruxbot at. \`/debate unshare\` stops every link to this debate.`,
        ),
      ],
    };
  },
});

const unshare = subcommand({
  name: 'unshare',
  description: 'Stop every shared link to the debate (its starter or a moderator)',
  options: [{ name: 'debate', type: 'debate', description: 'The debate (default: this channel’s)', positional: true }] as const,
  examples: ['/debate unshare', '/debate unshare reward-seeking'],
  async handler(ctx) {
    const debate = await resolveDebate(ctx, ctx.args.debate);
    const revoked = await unshareDebate(ctx, debate);
    return notice(
      revoked
        ? md`${revoked === 1 ? 'The link' : `All ${revoked} links`} to \`${debate.slug}\` stopped working: ${revoked === 1 ? 'it opens' : 'they open'} a “not found” page now.`
        : md`\`${debate.slug}\` has no shared links to stop.`,
      { accent: revoked ? 'success' : 'info', ephemeral: false },
    );
  },
});

const importFile = subcommand({
  name: 'import',
  description: 'Create a debate (or add to one) from a JSON or Argdown file',
  writes: 'imports',
  options: [
    { name: 'file', type: 'attachment', description: 'A cruxbot JSON export or an Argdown file', required: true, positional: true },
    { name: 'into', type: 'debate', description: 'Add the file’s claims to this existing debate instead' },
    { name: 'slug', type: 'string', description: 'The new debate’s slug (default: the file’s)', maxLength: 40 },
    { name: 'format', type: 'string', description: 'json or argdown (default: from the file)', choices: IMPORT_FORMATS },
  ] as const,
  examples: ['/debate import file:reward-seeking.json', '/debate import file:notes.argdown into:reward-seeking'],
  async handler(ctx) {
    if (ctx.args.into && ctx.args.slug) {
      throw new UsageError(md`Give \`into:\` to add to a debate, or \`slug:\` to create one, not both.`, undefined, 'import.into-and-slug');
    }
    const into = ctx.args.into ? await ctx.services.queries.debates.require(ctx.workspace, ctx.args.into) : undefined;
    const doc = readImportFile(ctx.args.file, ctx.args.format);
    const result = await importDebate(ctx, doc, {
      fileName: ctx.args.file.name,
      ...(into ? { into } : {}),
      ...(ctx.args.slug ? { slug: ctx.args.slug } : {}),
    });
    return importReply(result, doc.notes);
  },
});

const remove = subcommand({
  name: 'delete',
  description: 'Delete a debate and everything in it (its creator or a moderator); confirm: repeats the slug',
  options: [
    { name: 'debate', type: 'debate', description: 'The debate to delete', required: true, positional: true },
    { name: 'confirm', type: 'string', description: 'The debate’s slug again, to confirm', maxLength: 40, example: 'reward-seeking' },
  ] as const,
  examples: ['/debate delete reward-seeking', '/debate delete reward-seeking confirm:reward-seeking'],
  async handler(ctx) {
    const { queries } = ctx.services;
    const debate = await queries.debates.require(ctx.workspace, ctx.args.debate);
    if (ctx.args.confirm === undefined) {
      await assertCanDeleteDebate(ctx, debate);
      return deletePreview(debate, await queries.debates.contents(ctx.workspace, debate.id));
    }
    const deleted = await deleteDebate(ctx, debate, ctx.args.confirm);
    await retireDeletedPolls(ctx, deleted, ctx.actor.name);
    return deletedReply(deleted, ctx.actor.name);
  },
});

export default defineCommand({
  name: 'debate',
  description: 'Start, pick, list, show, share, export, import and delete debates',
  subcommands: [create, use, list, show, root, share, unshare, exportFile, importFile, remove],
});
