/**
 * Block Kit's limits (https://docs.slack.dev/reference/block-kit). A message that breaks one is rejected
 * whole (`invalid_blocks`), so everything the bot builds is cut to fit, with "…" where it was cut.
 */
export const BLOCK_KIT = {
  /** Blocks in a message; modals and the App Home allow 100. */
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  actionId: 255,
  blockId: 255,
  buttonUrl: 3000,
  selectPlaceholder: 150,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  modalTitle: 24,
  modalButton: 24,
  callbackId: 255,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputPlaceholder: 150,
  inputMaxLength: 3000,
  /** The plain-text fallback: Slack truncates at 40,000 but advises keeping it to a few thousand. */
  fallbackText: 3000,
} as const;

/** Cuts plain text to `max` characters, ending with "…"; never splits a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  return `${text.slice(0, Math.max(cut, 0))}…`;
}

/**
 * Cuts mrkdwn to `max` characters without breaking an escape (`&amp;`) or a `<url|label>` sequence,
 * which Slack would otherwise show half-parsed.
 */
export function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const open = text.lastIndexOf('<', cut - 1);
  if (open !== -1 && text.lastIndexOf('>', cut - 1) < open) cut = open;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp !== -1 && cut - amp < 6 && !text.slice(amp, cut).includes(';')) cut = amp;
  if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  return `${text.slice(0, cut)}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
