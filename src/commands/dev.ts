import { command, type Command } from '../cli.js';
import { startDev } from '../dev/session.js';
import { blogRoot } from './root.js';
import { listenError, loopbackWarning, parsePort, untilStopped } from './serve.js';

export const devCommand: Command = command('dev', async ({ values }) => {
  const port = parsePort('dev', values.port, 4321);
  if (port === null) return 1;
  const root = await blogRoot('dev', values.root);
  if (!root) return 1;
  const host = values.host ?? '127.0.0.1';
  let session;
  try {
    session = await startDev({ root, port, host, drafts: values.drafts ?? false, log: (line) => console.error(line) });
  } catch (err) {
    if (listenError('dev', host, err)) return 1;
    throw err;
  }
  console.log(`Serving on ${session.url} (Ctrl-C to stop)`);
  const warning = loopbackWarning(host, session.url);
  if (warning) console.error(warning);
  await untilStopped();
  await session.close();
  console.error('stopped');
  return 0;
});
