/**
 * Runs record jobs across worker threads, sized by `os.availableParallelism()` (override:
 * LEVERAGE_WORKERS=N; 1 runs everything in this thread). Small builds stay in this thread:
 * starting a worker costs more than it saves below a few hundred records.
 *
 * The workers then stay up for the render stage, to render and write record pages
 * (page-jobs.ts), so that pages too are made on every core.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SiteConfig } from '../config/types.js';
import type { CompiledTheme, RenderOptions } from '../render/render.js';
import type { SiteInfo } from '../site/types.js';
import { jobResult, type JobResult, type RecordJob } from './process.js';
import type { PageJob, PageResult } from './page-jobs.js';

const BATCH = 32;
/**
 * A small young generation: parsing makes much short-lived garbage, and a worker's default
 * young generation lets each of them grow to a hundred megabytes before collecting it.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };
const MIN_JOBS_FOR_WORKERS = 200;

export function workerCount(jobs: number): number {
  const override = Number(process.env.LEVERAGE_WORKERS);
  if (Number.isInteger(override) && override >= 1) return override;
  if (jobs < MIN_JOBS_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/**
 * The compiled worker script: beside this module (lib/bundle/ or lib/incremental/). When the
 * sources run as TypeScript (in tests), the worker still needs JavaScript: the copy compiled
 * by `npm run compile`.
 */
function workerScript(): URL | null {
  const candidates = ['./worker.js', '../../lib/bundle/worker.js', '../../lib/incremental/worker.js'];
  return candidates.map((path) => new URL(path, import.meta.url)).find((url) => existsSync(fileURLToPath(url))) ?? null;
}

/** What the main thread sends a worker. */
export type WorkerRequest =
  | { kind: 'records'; jobs: RecordJob[] }
  | { kind: 'pages'; theme: CompiledTheme; site: SiteInfo; render: RenderOptions; jobs: PageJob[] };

export interface WorkerData {
  root: string;
  config: SiteConfig;
}

/** The workers that processed the records, kept to render record pages. */
export interface PageWorkers {
  /** Renders and writes the pages across the workers; results in the order of the jobs. */
  render(theme: CompiledTheme, site: SiteInfo, render: RenderOptions, jobs: PageJob[]): Promise<PageResult[]>;
  close(): Promise<void>;
}

export interface JobsDone {
  results: JobResult[];
  /** null when the jobs ran in this thread. */
  workers: PageWorkers | null;
}

export async function runJobs(
  data: WorkerData,
  jobs: RecordJob[],
  onProgress?: (done: number) => void,
): Promise<JobsDone> {
  const count = Math.min(workerCount(jobs.length), Math.ceil(jobs.length / BATCH));
  const script = workerScript();
  if (count <= 1 || !script) {
    const results = jobs.map((job, i) => {
      if (i % BATCH === 0) onProgress?.(i);
      return jobResult(data.root, job, data.config, false);
    });
    return { results, workers: null };
  }

  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: data, resourceLimits: WORKER_LIMITS }));
  const results: JobResult[] = [];
  let next = 0;
  try {
    await Promise.all(
      workers.map((worker) =>
        exchange(worker, (reply: JobResult[] | null) => {
          if (reply) {
            results.push(...reply);
            onProgress?.(results.length);
          }
          if (next >= jobs.length) return 'done';
          const batch = jobs.slice(next, next + BATCH);
          next += BATCH;
          return { kind: 'records', jobs: batch } satisfies WorkerRequest;
        }),
      ),
    );
  } catch (err) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  return { results, workers: pageWorkers(workers) };
}

function pageWorkers(workers: Worker[]): PageWorkers {
  return {
    async render(theme, site, render, jobs) {
      const results: PageResult[] = new Array(jobs.length);
      let next = 0;
      let failed = false;
      await Promise.all(
        workers.map((worker) => {
          let sent = 0;
          return exchange(worker, (reply: PageResult[] | null) => {
            if (reply) {
              reply.forEach((result, i) => (results[sent + i] = result));
              failed ||= reply.some((result) => 'failure' in result);
            }
            if (failed || next >= jobs.length) return 'done';
            sent = next;
            next += BATCH;
            return { kind: 'pages', theme, site, render, jobs: jobs.slice(sent, next) } satisfies WorkerRequest;
          });
        }),
      );
      // After a failure the jobs never sent have no result: the build stops at the failure.
      return results.filter((result) => result !== undefined);
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * A conversation with one worker: `next` is called first with null, then with each reply,
 * and says what to send next, or 'done'. Rejects when the worker fails or stops.
 */
function exchange<Reply>(worker: Worker, next: (reply: Reply | null) => WorkerRequest | 'done'): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onMessage = (reply: Reply) => send(next(reply));
    const onError = (err: Error) => finish(err);
    const onExit = (code: number) => finish(new Error(`a build worker stopped (exit ${code})`));
    const finish = (err?: Error) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (err) reject(err);
      else resolve();
    };
    const send = (request: WorkerRequest | 'done') => (request === 'done' ? finish() : worker.postMessage(request));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    send(next(null));
  });
}
