import { resolve } from 'node:path';
import { CACHE_FOLDER, removeCache } from '../incremental/cache.js';
import { command, type Command } from '../cli.js';

export const cleanCommand: Command = command('clean', async ({ values }) => {
  const removed = await removeCache(resolve(values.root ?? '.'));
  console.log(removed ? `Removed ${CACHE_FOLDER}/` : `No ${CACHE_FOLDER}/ to remove`);
  return 0;
});
