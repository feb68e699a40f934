import { resolve } from 'node:path';
import { CACHE_FOLDER, removeCache } from '../incremental/cache.js';
import { parseFlags } from './args.js';

export async function cleanCommand(args: string[]): Promise<number> {
  const parsed = parseFlags('clean', args, { root: { type: 'string' } });
  if (!parsed) return 1;
  const removed = await removeCache(resolve(parsed.values.root ?? '.'));
  console.log(removed ? `Removed ${CACHE_FOLDER}/` : `No ${CACHE_FOLDER}/ to remove`);
  return 0;
}
