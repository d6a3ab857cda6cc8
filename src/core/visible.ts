import { Markup } from './markup.ts';
import type { Block, Component, Field, Modal, Reply } from './reply.ts';
import { withoutInvisible } from './values.ts';

/**
 * A reply with no invisible characters in anything a person reads: no controls (a terminal's escape
 * codes), no direction overrides or isolates (text that reads differently than it is), no halves of
 * surrogate pairs (which Discord and Slack refuse). Stored text is cleaned on the way in; this catches
 * the rest — chat history quoted in a summary, a display name, a file name, an echo of a bad option —
 * and every platform renderer applies it before anything else. Ids, URLs and bytes are left as they are.
 */
export function visibleReply(reply: Reply): Reply {
  return {
    ...reply,
    ...(reply.title !== undefined ? { title: withoutInvisible(reply.title) } : {}),
    blocks: reply.blocks.map(visibleBlock),
    ...(reply.components ? { components: reply.components.map((row) => row.map(visibleComponent)) } : {}),
    ...(reply.attachments
      ? {
          attachments: reply.attachments.map((a) => ({
            ...a,
            name: withoutInvisible(a.name),
            ...(a.description !== undefined ? { description: withoutInvisible(a.description) } : {}),
          })),
        }
      : {}),
    ...(reply.modal ? { modal: visibleModal(reply.modal) } : {}),
    ...(reply.followUps ? { followUps: reply.followUps.map(visibleReply) } : {}),
  };
}

export function visibleMarkup(markup: Markup): Markup {
  return new Markup(markup.parts.map((part) => ({ ...part, value: withoutInvisible(part.value) })));
}

export function visibleBlock(block: Block): Block {
  switch (block.type) {
    case 'text':
    case 'context':
      return { ...block, text: visibleMarkup(block.text) };
    case 'pre':
      return { ...block, text: withoutInvisible(block.text) };
    case 'table':
      return { ...block, columns: block.columns.map(withoutInvisible), rows: block.rows.map((row) => row.map(withoutInvisible)) };
    case 'fields':
      return { ...block, fields: block.fields.map(visibleField) };
    case 'divider':
      return block;
  }
}

function visibleField(field: Field): Field {
  return {
    ...field,
    name: withoutInvisible(field.name),
    value: typeof field.value === 'string' ? withoutInvisible(field.value) : visibleMarkup(field.value),
  };
}

function visibleComponent(component: Component): Component {
  switch (component.type) {
    case 'button':
    case 'link':
      return { ...component, label: withoutInvisible(component.label) };
    case 'select':
      return {
        ...component,
        placeholder: withoutInvisible(component.placeholder),
        options: component.options.map((o) => ({
          ...o,
          label: withoutInvisible(o.label),
          ...(o.description !== undefined ? { description: withoutInvisible(o.description) } : {}),
        })),
      };
  }
}

export function visibleModal(modal: Modal): Modal {
  return {
    ...modal,
    title: withoutInvisible(modal.title),
    inputs: modal.inputs.map((input) => ({
      ...input,
      label: withoutInvisible(input.label),
      ...(input.value !== undefined ? { value: withoutInvisible(input.value) } : {}),
      ...(input.placeholder !== undefined ? { placeholder: withoutInvisible(input.placeholder) } : {}),
    })),
  };
}
