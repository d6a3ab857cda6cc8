/**
 * Light markup for replies. Literal parts, written by us in `md` templates, may use **bold**, _italic_,
 * `code`, ~~strike~~ and [label](https://url). Interpolated values are user text: every platform escapes
 * them, so a claim can never inject formatting, links or mentions.
 */

export type MarkupPart =
  | { readonly kind: 'markup'; readonly value: string }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'link'; readonly value: string; readonly url: string };

export class Markup {
  constructor(readonly parts: readonly MarkupPart[]) {}

  /** True when the markup has no visible characters. */
  get isEmpty(): boolean {
    return this.parts.every((part) => part.value.trim() === '');
  }
}

/** Tagged template: literal parts are markup, interpolations are escaped user text (or nested Markup). */
export function md(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  const parts: MarkupPart[] = [];
  strings.forEach((literal, i) => {
    if (literal) parts.push({ kind: 'markup', value: literal });
    if (i < values.length) parts.push(...toParts(values[i]));
  });
  return new Markup(parts);
}

/**
 * A link whose address comes from data (a claim's source): only http(s) URLs become links; anything
 * else is shown as text.
 */
export function link(url: string, label: string): Markup {
  return new Markup(/^https?:\/\/[^\s<>|]+$/i.test(url) ? [{ kind: 'link', value: label, url }] : [{ kind: 'text', value: label }]);
}

/** User text (or anything printable) as Markup that renders verbatim. */
export function plain(text: string): Markup {
  return new Markup(text ? [{ kind: 'text', value: text }] : []);
}

export function joinMarkup(items: readonly (Markup | string)[], separator: Markup | string = '\n'): Markup {
  const parts: MarkupPart[] = [];
  items.forEach((item, i) => {
    if (i > 0) parts.push(...toParts(separator, true));
    parts.push(...toParts(item));
  });
  return new Markup(parts);
}

function toParts(value: unknown, literalStrings = false): MarkupPart[] {
  if (value instanceof Markup) return [...value.parts];
  if (Array.isArray(value)) return toParts(joinMarkup(value.map((v) => (v instanceof Markup ? v : String(v)))));
  const text = value === undefined || value === null ? '' : String(value);
  if (!text) return [];
  return [{ kind: literalStrings ? 'markup' : 'text', value: text }];
}

export type MarkupNode =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'bold' | 'italic' | 'strike'; readonly children: MarkupNode[] }
  | { readonly type: 'code'; readonly value: string }
  | { readonly type: 'link'; readonly url: string; readonly children: MarkupNode[] }
  | { readonly type: 'break' };

const DELIMITER = /(\*\*|~~|`|\[[^\]]*\]\([^)\s]+\)|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|\n)/u;

/**
 * Parses Markup into a tree. Delimiters are only recognised in literal parts; user text stays text,
 * even inside a bold span that surrounds it.
 */
export function parseMarkup(markup: Markup): MarkupNode[] {
  const root: MarkupNode[] = [];
  const stack: { type: 'bold' | 'italic' | 'strike'; children: MarkupNode[]; delimiter: string }[] = [];
  const current = () => stack[stack.length - 1]?.children ?? root;
  const pushText = (value: string) => {
    if (!value) return;
    const siblings = current();
    const last = siblings[siblings.length - 1];
    if (last?.type === 'text') siblings[siblings.length - 1] = { type: 'text', value: last.value + value };
    else siblings.push({ type: 'text', value });
  };

  // Inside `code`, everything (user text included) is collected verbatim until the closing backtick.
  let code: string | undefined;

  for (const part of markup.parts) {
    if (code !== undefined && part.kind !== 'markup') {
      code += part.value;
      continue;
    }
    if (part.kind === 'link') {
      current().push({ type: 'link', url: part.url, children: [{ type: 'text', value: part.value }] });
      continue;
    }
    if (part.kind === 'text') {
      const lines = part.value.split('\n');
      lines.forEach((line, i) => {
        if (i > 0) current().push({ type: 'break' });
        pushText(line);
      });
      continue;
    }
    for (const token of part.value.split(DELIMITER)) {
      if (!token) continue;
      if (token === '`') {
        if (code === undefined) code = '';
        else {
          current().push({ type: 'code', value: code });
          code = undefined;
        }
      } else if (code !== undefined) code += token;
      else if (token === '\n') current().push({ type: 'break' });
      else if (token.startsWith('[') && token.endsWith(')')) {
        const match = /^\[([^\]]*)\]\(([^)\s]+)\)$/.exec(token);
        if (match) current().push({ type: 'link', url: match[2]!, children: [{ type: 'text', value: match[1]! }] });
        else pushText(token);
      } else if (token === '**' || token === '~~' || token === '_') {
        const type = token === '**' ? 'bold' : token === '~~' ? 'strike' : 'italic';
        const top = stack[stack.length - 1];
        if (top && top.delimiter === token) {
          stack.pop();
          current().push({ type: top.type, children: top.children });
        } else {
          stack.push({ type, children: [], delimiter: token });
        }
      } else pushText(token);
    }
  }
  if (code !== undefined) pushText('`' + code);
  // An unclosed delimiter is shown as written rather than swallowing the rest.
  while (stack.length) {
    const open = stack.pop()!;
    const siblings = current();
    siblings.push({ type: 'text', value: open.delimiter }, ...open.children);
  }
  return root;
}

export interface MarkupRenderer {
  text(value: string): string;
  bold(inner: string): string;
  italic(inner: string): string;
  strike(inner: string): string;
  code(value: string): string;
  link(url: string, label: string): string;
  lineBreak: string;
}

/** Renders Markup with a platform's functions; each platform supplies its own escaping in `text`. */
export function renderMarkup(markup: Markup | string, renderer: MarkupRenderer): string {
  const nodes = typeof markup === 'string' ? [{ type: 'text', value: markup } as const] : parseMarkup(markup);
  return renderNodes(nodes, renderer);
}

function renderNodes(nodes: readonly MarkupNode[], r: MarkupRenderer): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return r.text(node.value);
        case 'break':
          return r.lineBreak;
        case 'code':
          return r.code(node.value);
        case 'bold':
          return r.bold(renderNodes(node.children, r));
        case 'italic':
          return r.italic(renderNodes(node.children, r));
        case 'strike':
          return r.strike(renderNodes(node.children, r));
        case 'link':
          return r.link(node.url, renderNodes(node.children, r));
      }
    })
    .join('');
}

/** The same words with no formatting: for logs, plain-text fallbacks and tests. */
export const plainTextRenderer: MarkupRenderer = {
  text: (value) => value,
  bold: (inner) => inner,
  italic: (inner) => inner,
  strike: (inner) => inner,
  code: (value) => value,
  link: (url, label) => (label && label !== url ? `${label} (${url})` : url),
  lineBreak: '\n',
};

export function toPlainText(markup: Markup | string): string {
  return renderMarkup(markup, plainTextRenderer);
}
