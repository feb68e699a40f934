/**
 * Runs record jobs across worker threads, sized by `os.availableParallelism()` (override:
 * LEVERAGE_WORKERS=N; 1 runs everything in this thread). Small builds stay in this thread:
 * starting a worker costs more than it saves below a few hundred records.
 *
 * The workers then stay up for the render stage: each keeps the content of the records it
 * processed and renders and writes those records' pages itself (page-jobs.ts), so a record's
 * rendered content never crosses threads twice and the pages are made on every core.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SiteConfig } from '../config/types.js';
import type { RenderOptions } from '../render/render.js';
import type { ThemeSources } from '../render/theme.js';
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
  | { kind: 'pages'; site: SiteInfo; render: RenderOptions; jobs: PageJob[] };

export interface WorkerData {
  root: string;
  config: SiteConfig;
  theme: ThemeSources;
}

/** Workers that processed records and can render those records' pages. */
export interface PageWorkers {
  /** True when a worker holds the content of this record file. */
  holds(file: string): boolean;
  /** Renders and writes the pages, each in the worker holding its record. */
  render(site: SiteInfo, render: RenderOptions, jobs: PageJob[]): Promise<PageResult[]>;
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
  const owner = new Map<string, Worker>();
  const results: JobResult[] = [];
  let next = 0;
  try {
    await Promise.all(
      workers.map((worker) =>
        exchange(worker, (reply: JobResult[] | null) => {
          if (reply) {
            for (const result of reply) if ('encoded' in result) owner.set(result.file, worker);
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
  return { results, workers: pageWorkers(workers, owner) };
}

function pageWorkers(workers: Worker[], owner: Map<string, Worker>): PageWorkers {
  return {
    holds: (file) => owner.has(file),
    async render(site, render, jobs) {
      const byWorker = new Map<Worker, PageJob[]>(workers.map((w) => [w, []]));
      for (const job of jobs) byWorker.get(owner.get(job.file)!)!.push(job);
      const replies = await Promise.all(
        [...byWorker].map(([worker, list]) => {
          let sent = false;
          let answer: PageResult[] = [];
          return exchange(worker, (reply: PageResult[] | null) => {
            if (sent) {
              answer = reply ?? [];
              return 'done';
            }
            sent = true;
            return { kind: 'pages', site, render, jobs: list } satisfies WorkerRequest;
          }).then(() => answer);
        }),
      );
      return replies.flat();
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
