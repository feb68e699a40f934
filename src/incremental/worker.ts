/**
 * A worker thread of the build: processes batches of record files (see process.ts). Entries
 * go back as objects (structured clone): the main thread then holds them as it holds its own,
 * with no encoded bytes kept beside them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SiteConfig } from '../config/types.js';
import { readBatch, type RecordJob } from './process.js';

const { root, config } = workerData as { root: string; config: SiteConfig };

parentPort!.on('message', async (batch: RecordJob[]) => {
  parentPort!.postMessage(await readBatch(root, batch, config));
});
