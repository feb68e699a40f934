/** A worker thread of the build: processes batches of record files (see process.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import type { SiteConfig } from '../config/types.js';
import { processRecordFile, type RecordJob } from './process.js';

const { root, config } = workerData as { root: string; config: SiteConfig };

parentPort!.on('message', (batch: RecordJob[]) => {
  parentPort!.postMessage(batch.map((job) => processRecordFile(root, job, config)));
});
