/**
 * A worker thread of the build: processes batches of record files (see process.ts), then
 * renders and writes batches of record pages (page-jobs.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rendererFor } from '../render/render.js';
import { makePages } from './page-jobs.js';
import type { WorkerData, WorkerRequest } from './pool.js';
import { jobResult } from './process.js';

const { root, config } = workerData as WorkerData;

parentPort!.on('message', (request: WorkerRequest) => {
  if (request.kind === 'records') {
    const results = request.jobs.map((job) => jobResult(root, job, config, true));
    // The encoded entries' memory moves to the main thread instead of being copied.
    const transfer = results.flatMap((r) => ('encoded' in r ? r.encoded.map((bytes) => bytes.buffer as ArrayBuffer) : []));
    parentPort!.postMessage(results, transfer);
  } else {
    const renderer = rendererFor(request.theme, request.site, request.render);
    parentPort!.postMessage(makePages(request.jobs, renderer));
  }
});
