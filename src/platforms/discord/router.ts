import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  Interaction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
} from 'discord.js';
import { suggest } from '../../queries/autocomplete.ts';
import { customId } from '../../core/custom-id.ts';
import { newCorrelationId, withCorrelationId } from '../../core/correlation.ts';
import { runCommand, runInteraction, type RequestContext } from '../../core/dispatch.ts';
import { UserError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { md } from '../../core/markup.ts';
import { autocompleteSourceOf } from '../../core/options.ts';
import { errorReply, notice, type Reply } from '../../core/reply.ts';
import { chatMessage, messageRef, requestContext, type DiscordDeps } from './context.ts';
import { LIMITS, cut } from './limits.ts';
import { argsOf, leafOf } from './options.ts';
import { answer, sendOptions, type AnswerableInteraction } from './respond.ts';
import { renderReply } from './message.ts';

export interface RouterOptions extends DiscordDeps {
  readonly log: Logger;
  /** Defer an answer when its handler has not finished after this long (default 1.5 s of Discord's 3). */
  readonly deferAfterMs?: number;
}

const USE_IN_SERVER = md`I work in servers, where a team’s debates live: use my commands in a channel of a server I am in.`;

/**
 * Every interaction Discord sends, to the core: slash commands to `runCommand`, autocomplete to
 * `suggest`, buttons, selects and modal submits to `runInteraction` by custom id, and the message
 * context-menu commands to their command's message action. Tracks what is in flight so a shutdown
 * can stop taking new work and still finish what it took.
 */
export class InteractionRouter {
  private closing = false;
  private readonly active = new Set<Promise<void>>();
  private readonly deferAfterMs: number;

  constructor(private readonly options: RouterOptions) {
    this.deferAfterMs = options.deferAfterMs ?? 1500;
  }

  handle(interaction: Interaction): void {
    const cid = newCorrelationId();
    // Every log line of this interaction's work, down to its delivery, carries the cid.
    const task = withCorrelationId(cid, () => this.route(interaction, cid).catch((error: unknown) => this.failed(interaction, cid, error)));
    this.active.add(task);
    void task.finally(() => this.active.delete(task));
  }

  /** Stops taking interactions (new ones are told to retry) and waits for those in flight. */
  async stop(timeoutMs = 10_000): Promise<boolean> {
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const finished = Promise.allSettled([...this.active]).then(() => true as const);
    const result = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    return result;
  }

  private async route(interaction: Interaction, cid: string): Promise<void> {
    if (interaction.isAutocomplete()) return this.autocomplete(interaction, cid);
    if (!interaction.isRepliable()) return;
    this.options.log.debug({ cid, type: interaction.type, guild: interaction.guildId, user: interaction.user.id }, 'interaction');
    const base = await requestContext(interaction, this.options);
    const now = (reply: Reply) =>
      answer(interaction as AnswerableInteraction, Promise.resolve(reply), { slow: false, deferAfterMs: this.deferAfterMs });
    if (!base) return now(notice(USE_IN_SERVER, { accent: 'warning' }));
    if (this.closing) return now(notice('cruxbot is restarting; try again in a few seconds.', { accent: 'warning' }));
    const request: RequestContext = { ...base, correlationId: cid };
    const timing = { slow: false, deferAfterMs: this.deferAfterMs };

    if (interaction.isChatInputCommand()) return this.command(interaction, request);
    if (interaction.isMessageContextMenuCommand()) return answer(interaction, this.messageAction(interaction, request), timing);
    if (interaction.isMessageComponent()) {
      const values = interaction.isAnySelectMenu() ? interaction.values : [];
      const sourceMessage = messageRef(interaction.channelId, interaction.message.id);
      return answer(interaction, runInteraction(interaction.customId, request, { values, sourceMessage }), timing);
    }
    if (interaction.isModalSubmit()) {
      const sourceMessage = interaction.message ? messageRef(interaction.channelId!, interaction.message.id) : undefined;
      const input = { fields: modalFields(interaction), ...(sourceMessage ? { sourceMessage } : {}) };
      return answer(interaction, runInteraction(interaction.customId, request, input), timing);
    }
    return now(notice('That kind of command is not one of mine.'));
  }

  private command(interaction: ChatInputCommandInteraction, request: RequestContext): Promise<void> {
    const subcommand = interaction.options.getSubcommand(false);
    const leaf = leafOf(this.options.registry, interaction.commandName, subcommand);
    const work = (async (): Promise<Reply> => {
      let args: Record<string, unknown>;
      try {
        args = await argsOf(interaction, leaf);
      } catch (error) {
        // A refused or failed attachment: the same private message dispatch gives any UserError.
        if (error instanceof UserError) return errorReply(error.markup);
        throw error;
      }
      return runCommand({ command: interaction.commandName, ...(subcommand ? { subcommand } : {}), args }, request);
    })();
    return answer(interaction, work, { slow: leaf?.slow ?? false, deferAfterMs: this.deferAfterMs });
  }

  /** "Capture as claim" and the like: the command whose message action carries this menu label. */
  private messageAction(interaction: MessageContextMenuCommandInteraction, request: RequestContext): Promise<Reply> {
    for (const command of this.options.registry.commands) {
      const action = command.messageActions.find((a) => a.label === interaction.commandName);
      if (action) {
        const message = chatMessage(interaction.targetMessage, interaction.guildId!);
        return runInteraction(customId(command.name, action.action), request, { message });
      }
    }
    return Promise.resolve(errorReply(md`“${interaction.commandName}” is not one of my menu commands any more.`));
  }

  private async autocomplete(interaction: AutocompleteInteraction, cid: string): Promise<void> {
    const request = await requestContext(interaction, this.options);
    if (!request || this.closing) return interaction.respond([]);
    const focused = interaction.options.getFocused(true);
    const leaf = leafOf(this.options.registry, interaction.commandName, interaction.options.getSubcommand(false));
    const spec = leaf?.options.find((o) => o.name === focused.name);
    const source = spec ? autocompleteSourceOf(spec) : undefined;
    const choices = source ? await suggest(request, source, String(focused.value)) : [];
    this.options.log.debug({ cid, command: interaction.commandName, option: focused.name, n: choices.length }, 'autocomplete');
    await interaction.respond(
      choices
        .slice(0, LIMITS.autocompleteChoices)
        .map((c) => ({ name: cut(c.name, LIMITS.choiceText), value: cut(c.value, LIMITS.choiceText) })),
    );
  }

  /** The adapter's last resort: log with the id, and tell the person if Discord still lets us. */
  private async failed(interaction: Interaction, cid: string, error: unknown): Promise<void> {
    this.options.log.error({ err: error, cid, interaction: interaction.id, type: interaction.type }, 'Discord interaction failed');
    if (!interaction.isRepliable()) return;
    const sorry = sendOptions(
      renderReply(errorReply(md`Something went wrong (id \`${cid}\`). It has been logged; try again, or tell an admin the id.`))[0]!,
    );
    try {
      if (interaction.deferred || interaction.replied) await interaction.followUp(sorry);
      else await interaction.reply(sorry);
    } catch (second) {
      this.options.log.warn({ err: second, cid }, 'could not tell the user about the failure');
    }
  }
}

/** Text typed into a modal, by input id, from either layout (action rows or labels; discord.js reads both). */
export function modalFields(interaction: ModalSubmitInteraction): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [id, field] of interaction.fields.fields) {
    if ('value' in field && typeof field.value === 'string') fields[id] = field.value;
    else if ('values' in field && Array.isArray(field.values)) fields[id] = field.values.join(',');
  }
  return fields;
}
