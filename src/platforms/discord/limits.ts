/** Discord's limits on what a message, a modal and a command may hold (developer docs, API v10). */
export const LIMITS = {
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Title, description, field names and values and footer of every embed in one message, together. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  linkUrl: 512,
  selectOptions: 25,
  selectPlaceholder: 150,
  selectOptionText: 100,
  modalTitle: 45,
  modalInputs: 5,
  inputLabel: 45,
  labelDescription: 100,
  inputPlaceholder: 100,
  inputValue: 4000,
  autocompleteChoices: 25,
  choiceText: 100,
} as const;

/**
 * Cuts `value` to at most `max` UTF-16 units (never more than Discord counts), ending with "…" when
 * something was cut, and never inside a surrogate pair.
 */
export function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  return `${safeSlice(value, max - 1)}…`;
}

/** The first `units` UTF-16 units of `value`, one fewer if that would split a surrogate pair. */
export function safeSlice(value: string, units: number): string {
  const end = units > 0 && /[\uD800-\uDBFF]/.test(value.charAt(units - 1)) ? units - 1 : units;
  return value.slice(0, Math.max(0, end));
}
