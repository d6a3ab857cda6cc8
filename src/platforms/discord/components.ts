import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIModalInteractionResponseCallbackData,
  type APIStringSelectComponent,
} from 'discord.js';
import type { Button, Component, ComponentRow, LinkButton, Modal, Select } from '../../core/reply.ts';
import { visibleModal } from '../../core/visible.ts';
import { LIMITS, cut } from './limits.ts';

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

const STYLE: Record<NonNullable<Button['style']>, Exclude<ButtonStyle, ButtonStyle.Link | ButtonStyle.Premium>> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

/**
 * Buttons and selects as action rows: at most 5 buttons a row (a longer row wraps), a select alone in
 * its row, at most 5 rows (the rest are left off: a reply never asks for more than a card needs).
 */
export function renderComponents(rows: readonly ComponentRow[]): ActionRow[] {
  const out: APIComponentInMessageActionRow[][] = [];
  for (const row of rows) {
    let buttons: APIButtonComponent[] = [];
    const flush = () => {
      if (buttons.length) out.push(buttons);
      buttons = [];
    };
    for (const component of row) {
      const rendered = renderComponent(component);
      if (!rendered) continue;
      if (rendered.type === ComponentType.StringSelect) {
        flush();
        out.push([rendered]);
        continue;
      }
      if (buttons.length === LIMITS.buttonsPerRow) flush();
      buttons.push(rendered);
    }
    flush();
  }
  return out.slice(0, LIMITS.actionRows).map((components) => ({ type: ComponentType.ActionRow, components }));
}

function renderComponent(component: Component): APIButtonComponent | APIStringSelectComponent | undefined {
  switch (component.type) {
    case 'button':
      return {
        type: ComponentType.Button,
        style: STYLE[component.style ?? 'secondary'],
        custom_id: component.id,
        label: cut(component.label, LIMITS.buttonLabel),
        ...(component.disabled ? { disabled: true } : {}),
      };
    case 'link':
      return renderLink(component);
    case 'select':
      return renderSelect(component);
  }
}

/** A link button only for a web address Discord will open; anything else is left off. */
function renderLink(link: LinkButton): APIButtonComponent | undefined {
  if (!/^https?:\/\/\S+$/i.test(link.url) || link.url.length > LIMITS.linkUrl) return undefined;
  return { type: ComponentType.Button, style: ButtonStyle.Link, url: link.url, label: cut(link.label, LIMITS.buttonLabel) };
}

function renderSelect(select: Select): APIStringSelectComponent | undefined {
  const options = select.options.slice(0, LIMITS.selectOptions).map((o) => ({
    label: cut(o.label, LIMITS.selectOptionText) || o.value,
    value: cut(o.value, LIMITS.selectOptionText),
    ...(o.description ? { description: cut(o.description, LIMITS.selectOptionText) } : {}),
  }));
  if (options.length === 0) return undefined;
  const max = Math.min(select.maxValues ?? 1, options.length);
  const min = Math.min(select.minValues ?? 1, max);
  return {
    type: ComponentType.StringSelect,
    custom_id: select.id,
    placeholder: cut(select.placeholder, LIMITS.selectPlaceholder),
    options,
    min_values: min,
    max_values: max,
  };
}

/**
 * A form as a Discord modal (type 9), in the current layout: each text input inside a label
 * (component type 18). Submissions are read in this layout and in the older one (action rows).
 */
export function renderModal(given: Modal): APIModalInteractionResponseCallbackData {
  const modal = visibleModal(given);
  return {
    custom_id: modal.id,
    title: cut(modal.title, LIMITS.modalTitle),
    components: modal.inputs.slice(0, LIMITS.modalInputs).map((input) => {
      const max = Math.min(input.maxLength ?? LIMITS.inputValue, LIMITS.inputValue);
      return {
        type: ComponentType.Label,
        ...labelText(input.label),
        component: {
          type: ComponentType.TextInput,
          custom_id: input.id,
          style: input.style === 'paragraph' ? TextInputStyle.Paragraph : TextInputStyle.Short,
          required: input.required ?? true,
          max_length: max,
          ...(input.minLength !== undefined ? { min_length: Math.min(input.minLength, max) } : {}),
          ...(input.value ? { value: input.value.slice(0, max) } : {}),
          ...(input.placeholder ? { placeholder: cut(input.placeholder, LIMITS.inputPlaceholder) } : {}),
        },
      };
    }),
  };
}

/**
 * A label over Discord's 45 characters keeps its words in the label's description (up to 100):
 * "How: supports, opposes, …" becomes the label "How" over the description "supports, opposes, …".
 */
function labelText(text: string): { label: string; description?: string } {
  if (text.length <= LIMITS.inputLabel) return { label: text };
  const colon = text.indexOf(': ');
  if (colon > 0 && colon <= LIMITS.inputLabel) {
    return { label: text.slice(0, colon), description: cut(text.slice(colon + 2), LIMITS.labelDescription) };
  }
  return { label: cut(text, LIMITS.inputLabel), description: cut(text, LIMITS.labelDescription) };
}
