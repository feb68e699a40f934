/**
 * A worker thread of the build: processes batches of record files (see process.ts). Each
 * entry's detail goes back V8-serialized, transferred, not copied; the rest
 * of the entry (what every build needs) as objects.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SiteConfig } from '../config/types.js';
import { readBatch, transferable, type RecordJob } from './process.js';

const { root, config } = workerData as { root: string; config: SiteConfig };

parentPort!.on('message', async (batch: RecordJob[]) => {
  const results = await readBatch(root, batch, config, true);
  parentPort!.postMessage(results, transferable(results));
});
