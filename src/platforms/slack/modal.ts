import type { types } from '@slack/bolt';
import type { Modal } from '../../core/reply.ts';
import { visibleModal } from '../../core/visible.ts';
import { plainText } from './blocks.ts';
import { BLOCK_KIT, clip } from './limits.ts';

/**
 * Where a form was opened, carried through the modal's `private_metadata` so its submission can answer
 * in the same place: the channel (and thread), the message to update, and the response URL when the
 * message was ephemeral (only a response URL can replace one).
 */
export interface FormOrigin {
  readonly channel?: string;
  readonly thread?: string;
  readonly message?: { readonly ts: string; readonly ephemeral: boolean };
  readonly responseUrl?: string;
}

/** Our form as a Slack modal: one input block per field, ids kept so the values come back by name. */
export function renderModal(given: Modal, origin: FormOrigin): types.ModalView {
  const modal = visibleModal(given);
  return {
    type: 'modal',
    callback_id: clip(modal.id, BLOCK_KIT.callbackId),
    title: plainText(modal.title, BLOCK_KIT.modalTitle),
    submit: plainText('Submit', BLOCK_KIT.modalButton),
    close: plainText('Cancel', BLOCK_KIT.modalButton),
    private_metadata: encodeOrigin(origin),
    blocks: modal.inputs.slice(0, BLOCK_KIT.viewBlocks).map((input) => {
      const max = Math.min(input.maxLength ?? BLOCK_KIT.inputMaxLength, BLOCK_KIT.inputMaxLength);
      const min = input.minLength !== undefined ? Math.min(input.minLength, max) : undefined;
      const initial = input.value ? input.value.slice(0, max) : undefined;
      return {
        type: 'input',
        block_id: clip(input.id, BLOCK_KIT.blockId),
        label: plainText(input.label, BLOCK_KIT.inputLabel),
        optional: !input.required,
        element: {
          type: 'plain_text_input',
          action_id: clip(input.id, BLOCK_KIT.actionId),
          multiline: input.style === 'paragraph',
          max_length: max,
          ...(min !== undefined ? { min_length: min } : {}),
          ...(initial ? { initial_value: initial } : {}),
          ...(input.placeholder ? { placeholder: plainText(input.placeholder, BLOCK_KIT.inputPlaceholder) } : {}),
        },
      };
    }),
  };
}

type StateValues = Readonly<
  Record<string, Readonly<Record<string, { value?: string | null; selected_option?: { value: string } | null }>>>
>;

/** The submitted values by input id (block id); an empty optional input is an empty string. */
export function fieldsFromState(values: StateValues): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    for (const state of Object.values(actions)) {
      fields[blockId] = state.value ?? state.selected_option?.value ?? '';
    }
  }
  return fields;
}

/** The origin as compact JSON; the response URL is dropped first if it would not fit. */
export function encodeOrigin(origin: FormOrigin): string {
  const compact = {
    ...(origin.channel ? { c: origin.channel } : {}),
    ...(origin.thread ? { t: origin.thread } : {}),
    ...(origin.message ? { m: origin.message.ts, e: origin.message.ephemeral ? 1 : 0 } : {}),
    ...(origin.responseUrl ? { r: origin.responseUrl } : {}),
  };
  const json = JSON.stringify(compact);
  if (json.length <= BLOCK_KIT.privateMetadata) return json;
  const { r: _dropped, ...rest } = compact;
  return JSON.stringify(rest);
}

/** Reads what `encodeOrigin` wrote; anything else (another app's metadata, garbage) is no origin. */
export function decodeOrigin(metadata: string | undefined): FormOrigin {
  if (!metadata) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(metadata);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const o = raw as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length <= 2000 ? v : undefined);
  const channel = text(o.c);
  const thread = text(o.t);
  const ts = text(o.m);
  const responseUrl = text(o.r);
  return {
    ...(channel ? { channel } : {}),
    ...(thread ? { thread } : {}),
    ...(ts ? { message: { ts, ephemeral: o.e === 1 } } : {}),
    ...(responseUrl && /^https?:\/\//.test(responseUrl) ? { responseUrl } : {}),
  };
}
