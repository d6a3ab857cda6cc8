import type { SlackMessage } from '../../platforms/slack/blocks.ts';

/**
 * A Slack message (Block Kit) as a small HTML page in Slack's light theme, for the docs' picture. It draws
 * the blocks the bot sends: header, sections (text and fields), context, dividers, images, and actions
 * (buttons in their styles, selects and overflow menus by placeholder).
 */

/**
 * Slack's mrkdwn as HTML. Slack text arrives with `&`, `<` and `>` already escaped by the bot, so those
 * entities are kept; the only `<…>` left are links (`<url|text>`) and mentions.
 */
export function slackMarkdown(text: string): string {
  const blocks: string[] = [];
  let html = text.replace(/"/g, '&quot;').replace(/```([\s\S]*?)```/g, (_m, code: string) => {
    blocks.push(`<pre>${code.replace(/^\n/, '').replace(/\n$/, '')}</pre>`);
    return `\u0000${blocks.length - 1}\u0000`;
  });
  html = html
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '<a>$2</a>')
    .replace(/<(https?:[^>]+)>/g, '<a>$1</a>')
    .replace(/<@([A-Z0-9]+)(?:\|([^>]+))?>/g, (_m, id: string, name?: string) => `<span class="mention">@${name ?? id}</span>`)
    .replace(/<!(\w+)>/g, '<span class="mention">@$1</span>')
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/(^|[^\w*])\*([^*\n]+)\*(?!\w)/g, '$1<strong>$2</strong>')
    .replace(/(^|[^\w])_([^_\n]+)_(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])~([^~\n]+)~(?!\w)/g, '$1<s>$2</s>')
    .replace(/^&gt; (.*)$/gm, '<blockquote>$1</blockquote>')
    .replace(/\n/g, '<br>');
  return html.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => blocks[Number(i)]!);
}

const plain = (text: string) =>
  text
    .replace(/&(?!amp;|lt;|gt;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

interface TextObject {
  type: 'plain_text' | 'mrkdwn';
  text: string;
}

const textOf = (t: TextObject | undefined) => (!t ? '' : t.type === 'mrkdwn' ? slackMarkdown(t.text) : plain(t.text));

interface AnyElement {
  type: string;
  text?: TextObject;
  style?: 'primary' | 'danger';
  placeholder?: TextObject;
  url?: string;
  alt_text?: string;
}

function element(e: AnyElement): string {
  switch (e.type) {
    case 'button':
      return `<span class="button ${e.style ?? ''}">${textOf(e.text)}</span>`;
    case 'overflow':
      return `<span class="button overflow">⋯</span>`;
    default:
      return `<span class="select">${textOf(e.placeholder) || 'Select an item'}<span class="chevron">⌄</span></span>`;
  }
}

interface AnyBlock {
  type: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: (AnyElement | TextObject)[];
  accessory?: AnyElement;
  alt_text?: string;
  title?: TextObject;
}

function block(b: AnyBlock): string {
  switch (b.type) {
    case 'header':
      return `<div class="header-block">${textOf(b.text)}</div>`;
    case 'section': {
      const fields = b.fields?.length ? `<div class="fields">${b.fields.map((f) => `<div>${textOf(f)}</div>`).join('')}</div>` : '';
      const accessory = b.accessory ? `<div class="accessory">${element(b.accessory)}</div>` : '';
      return `<div class="section"><div class="section-body">${b.text ? `<div>${textOf(b.text)}</div>` : ''}${fields}</div>${accessory}</div>`;
    }
    case 'context':
      return `<div class="context">${(b.elements as TextObject[]).map((e) => `<span>${textOf(e)}</span>`).join(' ')}</div>`;
    case 'divider':
      return '<hr>';
    case 'image':
      return `<div class="image">${plain(b.alt_text ?? 'image')}</div>`;
    case 'actions':
      return `<div class="actions">${(b.elements as AnyElement[]).map(element).join('')}</div>`;
    default:
      return '';
  }
}

export function slackPage(message: SlackMessage, options: { bot?: string; time?: string } = {}): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>
    <div id="message" class="message">
      <div class="avatar">◆</div>
      <div class="content">
        <div class="header"><span class="bot-name">${plain(options.bot ?? 'cruxbot')}</span><span class="tag">APP</span><span class="time">${plain(options.time ?? '12:00 PM')}</span></div>
        ${(message.blocks as AnyBlock[]).map(block).join('')}
      </div>
    </div></body></html>`;
}

const STYLE = `
  body { margin: 0; background: #ffffff; font-family: "DejaVu Sans", sans-serif; font-size: 15px; color: #1d1c1d; }
  .message { display: flex; gap: 8px; padding: 12px 20px 16px 20px; width: 620px; }
  .avatar { flex: none; width: 36px; height: 36px; border-radius: 6px; background: #4a154b; color: white; display: flex;
            align-items: center; justify-content: center; font-size: 18px; }
  .content { min-width: 0; flex: 1; line-height: 1.45; }
  .header { display: flex; align-items: baseline; gap: 6px; }
  .bot-name { font-weight: bold; }
  .tag { background: #e8e8e8; color: #616061; font-size: 10px; font-weight: bold; padding: 1px 3px; border-radius: 2px; }
  .time { color: #616061; font-size: 12px; }
  .header-block { font-weight: bold; font-size: 18px; margin: 4px 0; }
  .section { display: flex; gap: 12px; margin: 4px 0; }
  .section-body { flex: 1; }
  .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; margin-top: 4px; }
  .context { color: #616061; font-size: 12px; margin: 4px 0; }
  hr { border: none; border-top: 1px solid #dddddd; margin: 8px 0; }
  code { color: #e01e5a; background: #f6f6f6; border: 1px solid #dddddd; border-radius: 3px; padding: 0 3px; font-size: 12px; }
  pre { background: #f8f8f8; border: 1px solid #dddddd; border-radius: 4px; padding: 8px; font-size: 12px; white-space: pre-wrap; margin: 4px 0; }
  blockquote { margin: 0; padding-left: 10px; border-left: 4px solid #dddddd; }
  a { color: #1264a3; }
  .mention { color: #1264a3; background: #e8f5fa; border-radius: 3px; padding: 0 2px; }
  .image { border: 1px dashed #bbbbbb; border-radius: 6px; padding: 24px; color: #616061; font-size: 12px; margin: 4px 0; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 4px; }
  .button { border: 1px solid #bbbabb; border-radius: 4px; padding: 0 12px; height: 28px; display: inline-flex; align-items: center;
            font-size: 13px; font-weight: bold; background: white; }
  .button.primary { background: #007a5a; border-color: #007a5a; color: white; }
  .button.danger { background: #e01e5a; border-color: #e01e5a; color: white; }
  .select { border: 1px solid #bbbabb; border-radius: 4px; height: 28px; min-width: 160px; display: inline-flex; align-items: center;
            justify-content: space-between; gap: 8px; padding: 0 10px; font-size: 13px; color: #616061; }
`;
