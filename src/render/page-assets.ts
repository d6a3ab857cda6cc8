import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A file the debate page loads: its text, and a name with its content's hash, so it can be cached for ever. */
export interface PageAsset {
  readonly text: string;
  readonly name: string;
  readonly contentType: string;
}

function asset(file: string, contentType: string): PageAsset {
  const text = readFileSync(new URL(`./page/${file}`, import.meta.url), 'utf8');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  const [stem, extension] = file.split('.');
  return { text, name: `${stem}.${hash}.${extension}`, contentType };
}

/** The shared page's script and style sheet, read once. The page works without the script. */
export const PAGE_SCRIPT: PageAsset = asset('page.js', 'text/javascript; charset=utf-8');
export const PAGE_STYLE: PageAsset = asset('page.css', 'text/css; charset=utf-8');
