import { defineCommand } from '../src/core/command.ts';
import { THREAD_OPTIONS, threadRequest } from './thread-options.ts';
import { readAndCapture } from '../src/app/capture-flow.ts';
import { nothingArguedReply, summaryReply } from '../src/views/thread-summary.ts';

export default defineCommand({
  name: 'summarize',
  description: 'Summarize this thread: positions, key claims, cruxes, agreements, open questions',
  options: THREAD_OPTIONS,
  slow: true,
  expensive: true,
  examples: ['/summarize', '/summarize since:2h', '/summarize messages:500', '/summarize file:thread.txt'],
  async handler(ctx) {
    const result = await readAndCapture(ctx, threadRequest(ctx.args));
    if (result.set.candidates.length === 0) return nothingArguedReply(result.source, result.analysis);
    return summaryReply({
      source: result.source,
      analysis: result.analysis,
      summary: result.summary,
      ...(result.capture ? { captureId: result.capture.id } : {}),
      candidates: result.set.candidates.length,
      links: result.set.links.length,
      ...(result.debateSlug ? { debateSlug: result.debateSlug } : {}),
      extractedBy: result.extractedBy,
    });
  },
});
