import type { DiscordPayload } from './payloads.ts';

/**
 * A Discord message payload (embeds, action rows) as a small HTML page in Discord's dark theme, for the
 * docs' picture. It draws what the payload says and nothing more: title, description, fields (inline ones
 * three to a row), footer, the accent colour, buttons in their styles, select menus by placeholder.
 */

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Discord's markdown, the part the bot writes: code blocks, inline code, bold, italics, links, quotes. */
export function discordMarkdown(text: string): string {
  const blocks: string[] = [];
  let html = escape(text).replace(/```(?:\w*\n)?([\s\S]*?)```/g, (_m, code: string) => {
    blocks.push(`<pre>${code.replace(/\n$/, '')}</pre>`);
    return `\u0000${blocks.length - 1}\u0000`;
  });
  html = html
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w*])\*([^*\n]+)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_([^_\n]+)_(?!\w)/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a>$1</a>')
    .replace(/^&gt; (.*)$/gm, '<blockquote>$1</blockquote>')
    .replace(/^-# (.*)$/gm, '<small>$1</small>')
    .replace(/\\([\\*_`~|>#\-[\]()])/g, '$1')
    .replace(/\n/g, '<br>');
  return html.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => blocks[Number(i)]!);
}

const BUTTON_CLASS: Record<number, string> = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link' };

interface AnyComponent {
  type: number;
  style?: number;
  label?: string;
  placeholder?: string;
  disabled?: boolean;
  emoji?: { name?: string };
}

function component(c: AnyComponent): string {
  if (c.type === 2) {
    const label = `${c.emoji?.name ? `${escape(c.emoji.name)} ` : ''}${escape(c.label ?? '')}${c.style === 5 ? ' ↗' : ''}`;
    return `<span class="button ${BUTTON_CLASS[c.style ?? 2] ?? 'secondary'}${c.disabled ? ' disabled' : ''}">${label}</span>`;
  }
  return `<span class="select">${escape(c.placeholder ?? 'Choose…')}<span class="chevron">⌄</span></span>`;
}

export function discordPage(payload: DiscordPayload, options: { bot?: string; time?: string } = {}): string {
  const embeds = payload.embeds
    .map((embed) => {
      const colour = `#${(embed.color ?? 0x99aab5).toString(16).padStart(6, '0')}`;
      const fields = (embed.fields ?? [])
        .map(
          (f) =>
            `<div class="field${f.inline ? ' inline' : ''}"><div class="name">${discordMarkdown(f.name)}</div><div>${discordMarkdown(f.value)}</div></div>`,
        )
        .join('');
      return `<div class="embed" style="border-left-color:${colour}">
        ${embed.author?.name ? `<div class="author">${escape(embed.author.name)}</div>` : ''}
        ${embed.title ? `<div class="title">${discordMarkdown(embed.title)}</div>` : ''}
        ${embed.description ? `<div class="description">${discordMarkdown(embed.description)}</div>` : ''}
        ${fields ? `<div class="fields">${fields}</div>` : ''}
        ${embed.footer?.text ? `<div class="footer">${escape(embed.footer.text)}</div>` : ''}
      </div>`;
    })
    .join('');
  const rows = payload.components
    .map((row) => `<div class="row">${(row.components as AnyComponent[]).map(component).join('')}</div>`)
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>
    <div id="message" class="message">
      <div class="avatar">◆</div>
      <div class="content">
        <div class="header"><span class="bot-name">${escape(options.bot ?? 'cruxbot')}</span><span class="tag">APP</span><span class="time">${escape(options.time ?? 'Today at 12:00')}</span></div>
        ${embeds}
        ${rows}
      </div>
    </div></body></html>`;
}

const STYLE = `
  body { margin: 0; background: #313338; font-family: "DejaVu Sans", sans-serif; font-size: 15px; color: #dbdee1; }
  .message { display: flex; gap: 16px; padding: 16px 24px 20px 16px; width: 620px; }
  .avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; background: #5865f2; color: white; display: flex;
            align-items: center; justify-content: center; font-size: 20px; }
  .content { min-width: 0; flex: 1; }
  .header { display: flex; align-items: baseline; gap: 6px; margin-bottom: 4px; }
  .bot-name { color: #f2f3f5; font-weight: bold; }
  .tag { background: #5865f2; color: white; font-size: 10px; font-weight: bold; padding: 1px 4px; border-radius: 3px; }
  .time { color: #949ba4; font-size: 12px; }
  .embed { background: #2b2d31; border-left: 4px solid; border-radius: 4px; padding: 8px 16px 16px 12px; max-width: 520px; margin-top: 4px; }
  .author { font-size: 13px; font-weight: bold; color: #f2f3f5; margin-top: 8px; }
  .title { color: #f2f3f5; font-weight: bold; margin-top: 8px; font-size: 16px; }
  .description { margin-top: 8px; font-size: 14px; line-height: 1.35; }
  .fields { display: flex; flex-wrap: wrap; gap: 8px 16px; margin-top: 8px; font-size: 14px; line-height: 1.35; }
  .field { flex: 1 1 100%; }
  .field.inline { flex: 1 1 28%; }
  .field .name { font-weight: bold; color: #f2f3f5; margin-bottom: 2px; }
  .footer { margin-top: 8px; font-size: 12px; color: #b5bac1; }
  code { background: #1e1f22; border-radius: 3px; padding: 0 3px; font-size: 13px; }
  pre { background: #1e1f22; border: 1px solid #1e1f22; border-radius: 4px; padding: 6px; font-size: 12px; white-space: pre-wrap; margin: 4px 0; }
  blockquote { margin: 0; padding-left: 10px; border-left: 4px solid #4e5058; }
  small { color: #949ba4; font-size: 12px; }
  a { color: #00a8fc; }
  .row { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
  .button { border-radius: 3px; padding: 0 16px; height: 32px; display: inline-flex; align-items: center; font-size: 14px; color: white; }
  .button.primary { background: #5865f2; }
  .button.secondary { background: #4e5058; }
  .button.success { background: #248046; }
  .button.danger { background: #da373c; }
  .button.link { background: #4e5058; }
  .button.disabled { opacity: 0.5; }
  .select { background: #1e1f22; border-radius: 4px; height: 40px; width: 400px; display: inline-flex; align-items: center;
            justify-content: space-between; padding: 0 12px; color: #949ba4; font-size: 14px; box-sizing: border-box; }
`;
