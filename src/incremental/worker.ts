/** A worker thread of the build: processes batches of record files (see process.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { SiteConfig } from '../config/types.js';
import { jobResult, type RecordJob } from './process.js';

const { root, config } = workerData as { root: string; config: SiteConfig };

parentPort!.on('message', (batch: RecordJob[]) => {
  const results = batch.map((job) => jobResult(root, job, config, true));
  // The encoded entries' memory moves to the main thread instead of being copied.
  const transfer = results.flatMap((r) => ('encoded' in r ? r.encoded.map((bytes) => bytes.buffer as ArrayBuffer) : []));
  parentPort!.postMessage(results, transfer);
});
