/**
 * A worker thread of the build: processes batches of record files (see process.ts), then
 * renders batches of record pages (page-jobs.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rendererFor, type Renderer } from '../render/render.js';
import { renderPageJobs } from './page-jobs.js';
import type { WorkerData, WorkerRequest } from './pool.js';
import { jobResult } from './process.js';

const { root, config } = workerData as WorkerData;

let renderer: Renderer | null = null;

parentPort!.on('message', (request: WorkerRequest) => {
  if (request.kind === 'records') {
    const results = request.jobs.map((job) => jobResult(root, job, config, true));
    // The encoded entries' memory moves to the main thread instead of being copied.
    const transfer = results.flatMap((r) => ('encoded' in r ? r.encoded.map((bytes) => bytes.buffer as ArrayBuffer) : []));
    parentPort!.postMessage(results, transfer);
  } else if (request.kind === 'theme') {
    renderer = rendererFor(request.theme, request.site, request.render);
  } else {
    parentPort!.postMessage(renderPageJobs(request.jobs, renderer!));
  }
});
