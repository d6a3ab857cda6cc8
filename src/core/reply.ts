import { Markup, md, plain } from './markup.ts';

/**
 * What a handler returns: a platform-neutral message. Discord renders it as an embed with components,
 * Slack as Block Kit, the console as plain text (images written to files).
 */
export interface Reply {
  /** A short plain-text heading, e.g. "C3 · open". */
  readonly title?: string;
  readonly blocks: readonly Block[];
  /** Rows of buttons or a select menu; each row holds up to 5 buttons or 1 select. */
  readonly components?: readonly ComponentRow[];
  /** Images and files attached to the message. */
  readonly attachments?: readonly Attachment[];
  /** Only the person who asked sees it (Discord flags 64, Slack `response_type: ephemeral`). */
  readonly ephemeral?: boolean;
  /** Open a form instead of replying; only valid as the answer to a command or a button. */
  readonly modal?: Modal;
  /** Replace the message the interaction came from (a button on a card updates the card). */
  readonly update?: boolean;
  readonly accent?: Accent;
  /** More messages to send after this one, in order. */
  readonly followUps?: readonly Reply[];
  /** Called with the posted message's reference once the platform has sent it (polls remember it). */
  readonly onSent?: (ref: MessageRef) => void | Promise<void>;
}

export type Accent = 'neutral' | 'info' | 'success' | 'warning' | 'error';

export type Block =
  | { readonly type: 'text'; readonly text: Markup }
  | { readonly type: 'fields'; readonly fields: readonly Field[] }
  | {
      readonly type: 'table';
      readonly columns: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly align?: readonly ('left' | 'right')[];
    }
  /** Literal preformatted text (an outline, a histogram): shown in a monospace block, never interpreted. */
  | { readonly type: 'pre'; readonly text: string }
  /** A small grey note under the main content. */
  | { readonly type: 'context'; readonly text: Markup }
  | { readonly type: 'divider' };

export interface Field {
  readonly name: string;
  readonly value: Markup | string;
  readonly inline?: boolean;
}

export type ComponentRow = readonly Component[];
export type Component = Button | LinkButton | Select;

export interface Button {
  readonly type: 'button';
  /** A custom id made with `customId()`; it routes the click back to a command's interaction handler. */
  readonly id: string;
  readonly label: string;
  readonly style?: 'primary' | 'secondary' | 'success' | 'danger';
  readonly disabled?: boolean;
  /**
   * The command that does what the button does, e.g. `/capture add T3 all`: the console (which has no
   * buttons) shows it in the button's place, and a person on any platform can type it instead.
   */
  readonly command: string;
}

export interface LinkButton {
  readonly type: 'link';
  readonly url: string;
  readonly label: string;
}

export interface Select {
  readonly type: 'select';
  readonly id: string;
  readonly placeholder: string;
  readonly options: readonly { readonly label: string; readonly value: string; readonly description?: string }[];
  readonly minValues?: number;
  readonly maxValues?: number;
  /** The command that does what picking an option does, shown by the console. */
  readonly command?: string;
}

export interface Modal {
  /** A custom id; the submitted values come back to that interaction handler as `fields`. */
  readonly id: string;
  readonly title: string;
  readonly inputs: readonly ModalInput[];
}

export interface ModalInput {
  readonly id: string;
  readonly label: string;
  readonly style: 'short' | 'paragraph';
  readonly value?: string;
  readonly placeholder?: string;
  readonly required?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
}

export interface Attachment {
  readonly name: string;
  readonly data: Uint8Array;
  readonly contentType: string;
  /** Alternative text for images. */
  readonly description?: string;
}

/** Where a sent message lives, so it can be edited later (a poll updates in place). */
export interface MessageRef {
  readonly platform: string;
  readonly channel: string;
  readonly id: string;
}

// Small builders so handlers read as what they say.
export const text = (markup: Markup | string): Block => ({ type: 'text', text: typeof markup === 'string' ? plain(markup) : markup });
export const fields = (items: readonly Field[]): Block => ({ type: 'fields', fields: items });
export const pre = (value: string): Block => ({ type: 'pre', text: value });
export const context = (markup: Markup | string): Block => ({ type: 'context', text: typeof markup === 'string' ? plain(markup) : markup });
export const table = (columns: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('left' | 'right')[]): Block =>
  align ? { type: 'table', columns, rows, align } : { type: 'table', columns, rows };

/** A one-line private notice, e.g. a confirmation or an error. */
export function notice(markup: Markup | string, options: { accent?: Accent; ephemeral?: boolean } = {}): Reply {
  return { blocks: [text(markup)], ephemeral: options.ephemeral ?? true, accent: options.accent ?? 'neutral' };
}

export function errorReply(message: Markup | string, usage?: string): Reply {
  const blocks: Block[] = [text(message)];
  if (usage) blocks.push(context(md`Usage: \`${usage}\``));
  return { blocks, ephemeral: true, accent: 'error' };
}
