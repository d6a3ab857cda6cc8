/**
 * Claim text is user text: before it goes into DOT or an SVG it is cleaned and escaped here, so no
 * quote, brace, backslash, angle bracket, ampersand, newline or control character can break the
 * picture or inject markup.
 */

// Characters XML 1.0 forbids (Graphviz's HTML labels and SVG are XML): C0 controls but tab, newline
// and carriage return; lone surrogates; U+FFFE and U+FFFF. Bidi overrides are invisible tricks.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|[\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;

/** Text safe to place in XML (or a Graphviz HTML label): forbidden characters dropped, whitespace folded. */
export function cleanForPicture(text: string): string {
  return text.replace(NOT_XML, '').replace(/\s+/g, ' ').trim();
}

/** Escapes text for XML character data and attribute values (Graphviz HTML labels, SVG). */
export function escapeXml(text: string): string {
  return cleanForPicture(text).replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for a Graphviz HTML label: XML-escaped, and backslashes doubled, because Graphviz expands its
 * own escapes (`\N` is the node's name, `\G` the graph's) even inside HTML labels.
 */
export function escapeHtmlLabel(text: string): string {
  return escapeXml(text).replace(/\\/g, '\\\\');
}

/**
 * A DOT double-quoted string. Inside one only `"` and `\` are special (and `\` starts Graphviz's own
 * escapes such as `\N` or `\l`), so both are escaped; newlines become `\n`; forbidden characters go.
 */
export function dotString(text: string): string {
  const safe = text
    .replace(NOT_XML, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
  return `"${safe}"`;
}
