import type { Command, Leaf } from './command.ts';
import type { BaseContext, ChatMessage, WriteKind } from './context.ts';
import { currentCorrelationId, newCorrelationId, withCorrelationId } from './correlation.ts';
import { parseCustomId } from './custom-id.ts';
import { StorageUnavailableError, UsageError, UserError } from './errors.ts';
import { md } from './markup.ts';
import type { FileUpload } from './options.ts';
import { parseCommandLine, parseCommandText, type Invocation } from './parse.ts';
import { errorReply, notice, type MessageRef, type Reply } from './reply.ts';
import { validateArgs } from './schema.ts';
import { cleanText } from './values.ts';

/** What a platform knows about a request before dispatch: everything but the logger and the id. */
export type RequestContext = Omit<BaseContext, 'log' | 'correlationId'> & { readonly correlationId?: string };

/** Runs a parsed command (Discord's typed options or the text parser's output). Never throws. */
export function runCommand(invocation: Invocation, request: RequestContext): Promise<Reply> {
  const label = invocation.subcommand ? `/${invocation.command} ${invocation.subcommand}` : `/${invocation.command}`;
  return guard(request, label, async (ctx) => {
    const leaf = findLeaf(ctx, invocation);
    const args = validateArgs(leaf.schema, invocation.args, leaf.usage);
    await checkRequirement(ctx, leaf, args);
    await checkRateLimit(ctx, leaf);
    return leaf.handler({ ...ctx, args });
  });
}

/**
 * Runs the text after a known command's name, as Slack delivers it (`add text:"…" tags:x`). `adjust`
 * lets the platform turn its own markup in the values back into what was typed. Never throws.
 */
export function runCommandText(
  command: Command,
  text: string,
  request: RequestContext,
  adjust: (leaf: Leaf, args: Record<string, unknown>) => Record<string, unknown> = (_leaf, args) => args,
): Promise<Reply> {
  return guard(request, `/${command.name}`, async (ctx) => {
    const invocation = parseCommandText(command, text);
    const leaf = findLeaf(ctx, invocation);
    const args = validateArgs(leaf.schema, adjust(leaf, invocation.args), leaf.usage);
    await checkRequirement(ctx, leaf, args);
    await checkRateLimit(ctx, leaf);
    return leaf.handler({ ...ctx, args });
  });
}

export interface TextOptions {
  /**
   * Turns a typed value of an attachment option into a file. Only the console passes one (it reads the
   * operator's own files); elsewhere a typed value is refused by the schema.
   */
  readonly readAttachment?: (value: string) => FileUpload;
}

/** Runs a command line as typed in Slack or the console: `/claim add …`. Never throws. */
export function runText(line: string, request: RequestContext, options: TextOptions = {}): Promise<Reply> {
  return guard(request, 'text', async (ctx) => {
    const invocation = parseCommandLine(ctx.commands, line);
    const leaf = findLeaf(ctx, invocation);
    const raw = { ...invocation.args };
    if (options.readAttachment) {
      for (const option of leaf.options) {
        const value = raw[option.name];
        if (option.type === 'attachment' && typeof value === 'string' && value.trim())
          raw[option.name] = options.readAttachment(value.trim());
      }
    }
    const args = validateArgs(leaf.schema, raw, leaf.usage);
    await checkRequirement(ctx, leaf, args);
    await checkRateLimit(ctx, leaf);
    return leaf.handler({ ...ctx, args });
  });
}

export interface InteractionInput {
  readonly values?: readonly string[];
  readonly fields?: Readonly<Record<string, string>>;
  readonly message?: ChatMessage;
  readonly sourceMessage?: MessageRef;
}

/** Runs a button click, select, modal submit or message action by its custom id. Never throws. */
export function runInteraction(id: string, request: RequestContext, input: InteractionInput = {}): Promise<Reply> {
  return guard(request, 'interaction', async (ctx) => {
    const decoded = parseCustomId(id);
    const interactions = ctx.commands.get(decoded.command)?.interactions;
    // Own entries only: `claim:constructor` must not reach Object's constructor.
    const handler = interactions && Object.hasOwn(interactions, decoded.action) ? interactions[decoded.action] : undefined;
    if (!handler) throw new UserError('That button or form is not one of mine, or it is out of date.', 'interaction.unknown');
    return handler({
      ...ctx,
      action: decoded.action,
      params: decoded.params,
      values: input.values ?? [],
      // What people typed into a form, and a message they act on, are user text like any option.
      fields: Object.fromEntries(Object.entries(input.fields ?? {}).map(([id, value]) => [id, cleanText(String(value))])),
      ...(input.message
        ? { message: { ...input.message, text: cleanText(input.message.text), authorName: cleanText(input.message.authorName) } }
        : {}),
      ...(input.sourceMessage ? { sourceMessage: input.sourceMessage } : {}),
    });
  });
}

/** A leaf's declared requirement (`requires: { role: 'moderator' }`), when its arguments ask for it. */
async function checkRequirement(ctx: BaseContext, leaf: Leaf, args: Record<string, unknown>): Promise<void> {
  const requirement = leaf.requires;
  if (!requirement || (requirement.when && !requirement.when(args))) return;
  await ctx.services.permissions.require(ctx, requirement);
}

/** Expensive commands count against the person's and the workspace's limits; over them, say when to retry. */
async function checkRateLimit(ctx: BaseContext, leaf: Leaf): Promise<void> {
  if (leaf.writes) await checkWriteLimit(ctx, leaf.subcommand ? `/${leaf.command} ${leaf.subcommand}` : `/${leaf.command}`, leaf.writes);
  if (!leaf.expensive) return;
  const name = leaf.subcommand ? `/${leaf.command} ${leaf.subcommand}` : `/${leaf.command}`;
  const verdict = await ctx.services.limiter.take(ctx.workspace, ctx.actor.id, leaf.command);
  if (verdict.ok) return;
  const seconds = Math.max(1, Math.ceil(verdict.retryInMs / 1000));
  throw new UserError(
    verdict.scope === 'you'
      ? md`You have run \`/${leaf.command}\` several times in the last minute; try \`${name}\` again in ${seconds} s.`
      : md`This workspace has run \`/${leaf.command}\` many times in the last minute; try again in ${seconds} s.`,
    'rate-limited',
  );
}

/**
 * Adding claims and importing debates count against the person's write limit; over it, say when to
 * retry. Dispatch runs it for leaves that declare `writes`; a button that writes (Add all) calls it.
 */
export async function checkWriteLimit(
  ctx: Pick<BaseContext, 'services' | 'workspace' | 'actor'>,
  name: string,
  kind: WriteKind,
): Promise<void> {
  const verdict = await ctx.services.limiter.takeWrite(ctx.workspace, ctx.actor.id, kind);
  if (verdict.ok) return;
  const limit = ctx.services.limiter.writeLimit(kind);
  const seconds = Math.max(1, Math.ceil(verdict.retryInMs / 1000));
  const what = kind === 'claims' ? 'added claims' : 'imported debates';
  const times = limit
    ? `${limit.count} time${limit.count === 1 ? '' : 's'} in the last minute, the limit per person`
    : 'too often in the last minute';
  throw new UserError(md`You have ${what} ${times}; nothing was stored. Try \`${name}\` again in ${seconds} s.`, 'rate-limited.writes');
}

/** The leaf a command and subcommand name; a UsageError when there is none. */
export function findLeaf(ctx: Pick<BaseContext, 'commands'>, invocation: Pick<Invocation, 'command' | 'subcommand'>): Leaf {
  const command = ctx.commands.get(invocation.command);
  if (!command)
    throw new UsageError(md`Unknown command \`/${invocation.command}\`. Type \`/help\` for the list.`, undefined, 'usage.unknown-command');
  if (command.leaf) return command.leaf;
  const name = invocation.subcommand ?? command.defaultSubcommand;
  const leaf = name ? command.subcommands?.get(name) : undefined;
  if (!leaf) {
    const names = [...(command.subcommands?.keys() ?? [])].join(', ');
    throw new UsageError(md`\`/${command.name}\` needs a subcommand: ${names}.`, undefined, 'usage.missing-subcommand');
  }
  return leaf;
}

/** Runs the interaction under its correlation id: the adapter's, when it gave one, else a new one. */
function guard(request: RequestContext, label: string, run: (ctx: BaseContext) => Promise<Reply>): Promise<Reply> {
  const correlationId = request.correlationId ?? currentCorrelationId() ?? newCorrelationId();
  return withCorrelationId(correlationId, () => guarded(request, correlationId, label, run));
}

/**
 * The one try/catch. A UserError becomes a friendly private reply, a UsageError adds the usage line,
 * anything else is logged with the correlation id and the user sees only that id.
 */
async function guarded(
  request: RequestContext,
  correlationId: string,
  label: string,
  run: (ctx: BaseContext) => Promise<Reply>,
): Promise<Reply> {
  const { services } = request;
  const log = services.log.child({ cid: correlationId, workspace: request.workspace, platform: request.platform });
  if (services.inflight.closing) {
    return notice('cruxbot is restarting; try again in a few seconds.', { accent: 'warning' });
  }
  const done = services.inflight.begin();
  const started = performance.now();
  try {
    // A display name is the person's own text, shown and stored beside their claims: cleaned like any.
    const actor = { ...request.actor, name: cleanText(request.actor.name) || request.actor.id };
    const reply = await run({ ...request, actor, log, correlationId });
    log.debug({ label, ms: Math.round(performance.now() - started) }, 'handled');
    return reply;
  } catch (error) {
    if (error instanceof UsageError) {
      log.debug({ label, code: error.code }, 'usage error');
      return errorReply(error.markup, error.usage);
    }
    if (error instanceof UserError) {
      log.debug({ label, code: error.code }, 'user error');
      return errorReply(error.markup);
    }
    if (error instanceof StorageUnavailableError) {
      log.warn({ err: error, label }, 'database unavailable');
      return errorReply(md`The database is not reachable right now, so nothing was saved. Try again in a moment.`);
    }
    log.error({ err: error, label }, 'handler failed');
    return errorReply(md`Something went wrong (id \`${correlationId}\`). It has been logged; try again, or tell an admin the id.`);
  } finally {
    done();
  }
}
