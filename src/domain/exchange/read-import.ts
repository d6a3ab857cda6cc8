import { UserError } from '../../core/errors.ts';
import type { FileUpload } from '../../core/options.ts';
import { parseArgdown } from './argdown-parse.ts';
import { checkImport, type CheckedImport } from './check-import.ts';
import { IMPORT_MAX_BYTES, type ExchangeFormat } from './document.ts';
import { parseJsonDebate } from './json.ts';

/**
 * An uploaded file as a checked import: refused when too large or not text, its format taken from
 * the option, else its name (`.json`; `.argdown`, `.ad`, `.md`, `.txt`), else its first character.
 */
export function readImportFile(file: FileUpload, format?: ExchangeFormat): CheckedImport {
  if (file.data.byteLength > IMPORT_MAX_BYTES) {
    throw new UserError(
      `${file.name} is ${(file.data.byteLength / 1024 / 1024).toFixed(1)} MB; an import file can be at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`,
      'import.too-large',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.data).replace(/^\uFEFF/, '');
  } catch {
    throw new UserError(`${file.name} is not a text file: attach a cruxbot JSON export or an Argdown file.`, 'import.not-text');
  }
  if (text.includes('\u0000')) {
    throw new UserError(`${file.name} is not a text file: attach a cruxbot JSON export or an Argdown file.`, 'import.not-text');
  }
  const chosen = format ?? formatOf(file.name, text);
  return checkImport(chosen === 'json' ? parseJsonDebate(text) : parseArgdown(text));
}

function formatOf(name: string, text: string): ExchangeFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'json') return 'json';
  if (extension && ['argdown', 'ad', 'md', 'txt'].includes(extension)) return 'argdown';
  return /^\s*[{[]/.test(text) ? 'json' : 'argdown';
}
