/**
 * A worker thread of the build: processes batches of record files (see process.ts), keeping
 * each record's content, then renders and writes those records' pages (page-jobs.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer } from '../render/render.js';
import type { RecordContent } from '../site/types.js';
import { makePages } from './page-jobs.js';
import type { WorkerData, WorkerRequest } from './pool.js';
import { jobResult } from './process.js';

const { root, config, theme } = workerData as WorkerData;
const contents = new Map<string, RecordContent>();

parentPort!.on('message', (request: WorkerRequest) => {
  if (request.kind === 'records') {
    const results = request.jobs.map((job) => jobResult(root, job, config, true, (content) => contents.set(job.file, content)));
    // The encoded entries' memory moves to the main thread instead of being copied.
    const transfer = results.flatMap((r) => ('encoded' in r ? r.encoded.map((bytes) => bytes.buffer as ArrayBuffer) : []));
    parentPort!.postMessage(results, transfer);
  } else {
    const renderer = createRenderer(theme, request.site, request.render);
    parentPort!.postMessage(makePages(request.jobs, contents, renderer));
    contents.clear();
  }
});
