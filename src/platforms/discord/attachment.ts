import type { Attachment } from 'discord.js';
import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import { ATTACHMENT_MAX_BYTES, type FileUpload } from '../../core/options.ts';

const MB = 1024 * 1024;

/**
 * Downloads a file attached to a command option. The size Discord reports is checked before any
 * byte is fetched, and the download stops as soon as it passes the limit (in case the size was wrong).
 */
export async function downloadAttachment(optionName: string, attachment: Attachment): Promise<FileUpload> {
  const limit = `${ATTACHMENT_MAX_BYTES / MB} MB`;
  const tooLarge = (size: string) =>
    new UserError(md`The file in \`${optionName}\` (${attachment.name}) is ${size}; the limit is ${limit}.`, 'attachment.too-large');
  if (attachment.size > ATTACHMENT_MAX_BYTES) throw tooLarge(`${(attachment.size / MB).toFixed(1)} MB`);
  const failed = (why: string) =>
    new UserError(md`I could not download ${attachment.name} from Discord (${why}); try attaching it again.`, 'attachment.download');

  let response: Response;
  try {
    response = await fetch(attachment.url, { signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw failed(error instanceof Error && error.name === 'TimeoutError' ? 'it took too long' : 'the connection failed');
  }
  if (!response.ok || !response.body) throw failed(`HTTP ${response.status}`);

  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    // Leaving the loop cancels the rest of the download.
    if (total > ATTACHMENT_MAX_BYTES) throw tooLarge(`over ${limit}`);
    chunks.push(chunk);
  }
  const data = Buffer.concat(chunks);
  return { name: attachment.name, data, ...(attachment.contentType ? { contentType: attachment.contentType } : {}) };
}
