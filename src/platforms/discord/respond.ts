import {
  MessageFlags,
  type ChatInputCommandInteraction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type Message,
  type MessageComponentInteraction,
  type MessageContextMenuCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { md } from '../../core/markup.ts';
import { notice, type MessageRef, type Reply } from '../../core/reply.ts';
import { renderModal } from './components.ts';
import { messageRef } from './context.ts';
import { messagePayload, renderReply, type DiscordMessage } from './message.ts';

export type AnswerableInteraction =
  ChatInputCommandInteraction | MessageContextMenuCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction;

export interface AnswerTiming {
  /** The handler is known to be slow: defer at once. */
  readonly slow: boolean;
  /** Otherwise defer when the handler has not finished after this long (Discord allows 3 s). */
  readonly deferAfterMs: number;
}

/** How the interaction was acknowledged before the reply was ready. */
type Deferral = 'reply' | 'update';

/**
 * Answers an interaction with the Reply its handler produces, within Discord's 3 seconds: a slow
 * handler is deferred at once, any other when it has not finished after `deferAfterMs`; the deferred
 * answer is then edited (or, for a private answer to a public "thinking…", replaced by a private
 * follow-up). Overflow messages and `followUps` go out as follow-ups, in order.
 */
export async function answer(interaction: AnswerableInteraction, work: Promise<Reply>, timing: AnswerTiming): Promise<void> {
  // `work` is awaited below; until then a rejection must not count as unhandled (it would end the process).
  work.catch(() => undefined);
  let deferral: Deferral | undefined;
  if (timing.slow || !(await settlesWithin(work, timing.deferAfterMs))) deferral = await defer(interaction);
  const reply = await work;
  if (reply.modal) return openForm(interaction, reply, deferral);

  const [first, ...overflow] = renderReply(reply);
  const ref = await sendFirst(interaction, reply, first!, deferral);
  for (const message of overflow) await interaction.followUp(sendOptions(message));
  if (ref) await reply.onSent?.(ref);
  for (const followUp of reply.followUps ?? []) {
    const messages = renderReply(followUp);
    let sent: Message | undefined;
    for (const message of messages) {
      const posted = await interaction.followUp(sendOptions(message));
      sent ??= posted;
    }
    await followUp.onSent?.(messageRef(sent!.channelId, sent!.id));
  }
}

/** Whether the interaction came from a message the bot can edit in place (a button on a card). */
function fromMessage(interaction: AnswerableInteraction): interaction is MessageComponentInteraction | ModalSubmitInteraction {
  return interaction.isMessageComponent() || (interaction.isModalSubmit() && interaction.isFromMessage());
}

async function defer(interaction: AnswerableInteraction): Promise<Deferral> {
  if (fromMessage(interaction)) {
    await interaction.deferUpdate();
    return 'update';
  }
  await interaction.deferReply();
  return 'reply';
}

async function sendFirst(
  interaction: AnswerableInteraction,
  reply: Reply,
  first: DiscordMessage,
  deferral: Deferral | undefined,
): Promise<MessageRef | undefined> {
  const channelId = interaction.channelId!;
  if (!deferral) {
    if (reply.update && interaction.isMessageComponent()) {
      await interaction.update(editOptions(first));
      return messageRef(channelId, interaction.message.id);
    }
    if (reply.update && interaction.isModalSubmit() && interaction.isFromMessage()) {
      await interaction.update(editOptions(first));
      return messageRef(channelId, interaction.message.id);
    }
    // Discord returns the new message's id only when asked; only onSent needs it.
    if (!reply.onSent) {
      await interaction.reply(sendOptions(first));
      return undefined;
    }
    const response = await interaction.reply({ ...sendOptions(first), withResponse: true });
    const id = response.resource?.message?.id;
    return id ? messageRef(channelId, id) : undefined;
  }
  if (deferral === 'reply' && !first.ephemeral) return refOf(await interaction.editReply(editOptions(first)));
  if (deferral === 'update' && reply.update) return refOf(await interaction.editReply(editOptions(first)));
  // A private answer cannot replace a public "thinking…": remove that and answer privately instead.
  if (deferral === 'reply') await interaction.deleteReply();
  return refOf(await interaction.followUp(sendOptions(first)));
}

/**
 * A form can only be the first answer to a command or a button: not after a deferral (the handler was
 * too slow), and not from another form. Either way, say so privately.
 */
async function openForm(interaction: AnswerableInteraction, reply: Reply, deferral: Deferral | undefined): Promise<void> {
  if (!deferral && !interaction.isModalSubmit()) {
    await interaction.showModal(renderModal(reply.modal!));
    return;
  }
  const why = deferral ? 'could not be opened in time; please try again' : 'cannot open from another form on Discord';
  const sorry = renderReply(notice(md`The form “${reply.modal!.title}” ${why}.`))[0]!;
  if (deferral === 'reply') await interaction.deleteReply();
  if (deferral) await interaction.followUp(sendOptions(sorry));
  else await interaction.reply(sendOptions(sorry));
}

function refOf(message: Message): MessageRef {
  return messageRef(message.channelId, message.id);
}

export function sendOptions(message: DiscordMessage): InteractionReplyOptions {
  return { ...messagePayload(message), ...(message.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** An edit replaces the whole message: embeds, components and attachments (it cannot change who sees it). */
export function editOptions(message: DiscordMessage): InteractionEditReplyOptions {
  return { ...messagePayload(message), attachments: [] };
}

/** True when `work` settles within `ms`; the timer never outlives the answer. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => true as const,
        () => true as const,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
