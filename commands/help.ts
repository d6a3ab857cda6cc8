import { defineCommand } from '../src/core/command.ts';
import { helpFor, helpOverview } from '../src/core/help.ts';

export default defineCommand({
  name: 'help',
  description: 'What cruxbot can do, or how to use one command',
  options: [
    { name: 'command', type: 'string', description: 'A command, e.g. claim or "claim add"', positional: true, maxLength: 64 },
  ] as const,
  examples: ['/help', '/help claim add'],
  handler(ctx) {
    return ctx.args.command ? helpFor(ctx.commands, ctx.args.command) : helpOverview(ctx.commands);
  },
});
