import { startDev } from '../dev/session.js';
import { parseFlags } from './args.js';

export async function devCommand(args: string[]): Promise<number> {
  const parsed = parseFlags('dev', args, {
    root: { type: 'string' },
    port: { type: 'string' },
    drafts: { type: 'boolean' },
  });
  if (!parsed) return 1;
  const port = parsed.values.port === undefined ? 4321 : Number(parsed.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`leverage dev: --port must be a port number (0–65535), got ${parsed.values.port}`);
    return 1;
  }
  const session = await startDev({
    root: parsed.values.root ?? '.',
    port,
    drafts: parsed.values.drafts ?? false,
    log: (line) => console.error(line),
  });
  console.log(`Serving on ${session.url} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await session.close();
  console.error('stopped');
  return 0;
}
