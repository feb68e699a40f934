/**
 * Runs record jobs across worker threads, sized by `os.availableParallelism()` (override:
 * LEVERAGE_WORKERS=N; 1 runs everything in this thread). Small builds stay in this thread:
 * starting a worker costs more than it saves below a few hundred records.
 *
 * The workers then stay up for the render stage, to render record pages (page-jobs.ts) while
 * the main thread writes them and makes the other pages.
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
import { BuildError } from '../diagnostics.js';

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
  | { kind: 'theme'; theme: CompiledTheme; site: SiteInfo; render: RenderOptions }
  | { kind: 'pages'; jobs: PageJob[] };

export interface WorkerData {
  root: string;
  config: SiteConfig;
}

/** The workers that processed the records, kept to render record pages. */
export interface PageWorkers {
  /**
   * Renders the pages across the workers; each page's HTML is given to `rendered` (with the
   * job's index) as it arrives. Rejects at the first template error, with its diagnostics.
   */
  render(
    theme: { theme: CompiledTheme; site: SiteInfo; render: RenderOptions },
    jobs: PageJob[],
    rendered: (index: number, html: string) => Promise<void>,
  ): Promise<void>;
  close(): Promise<void>;
}

/** Batches a worker has at a time while rendering: it goes on with one while the other's pages are written. */
const BATCHES_IN_FLIGHT = 2;

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
    async render(theme, jobs, rendered) {
      let next = 0;
      let failure: BuildError | null = null;
      let crashed = false;
      const take = () => {
        const start = next;
        next = Math.min(jobs.length, next + BATCH);
        return start;
      };
      // Settled, not all: no worker's pages may still be written after this returns.
      const settled = await Promise.allSettled(
        workers.map(async (worker) => {
          worker.postMessage({ kind: 'theme', ...theme } satisfies WorkerRequest);
          const sent: number[] = [];
          const send = () => {
            if (failure || crashed || next >= jobs.length) return;
            const start = take();
            sent.push(start);
            worker.postMessage({ kind: 'pages', jobs: jobs.slice(start, next) } satisfies WorkerRequest);
          };
          for (let i = 0; i < BATCHES_IN_FLIGHT; i++) send();
          while (sent.length > 0) {
            const results = await reply<PageResult[]>(worker).catch((err: unknown) => {
              crashed = true;
              throw err;
            });
            const start = sent.shift()!;
            send();
            for (const [i, result] of results.entries()) {
              if ('failure' in result) failure ??= new BuildError(result.failure);
              else if (!failure) await rendered(start + i, result.html);
            }
          }
        }),
      );
      const stopped = settled.find((outcome) => outcome.status === 'rejected');
      if (stopped) throw stopped.reason;
      if (failure) throw failure;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** The worker's next message; rejects when it fails or stops. */
function reply<T>(worker: Worker): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: T) => done(() => resolve(message));
    const onError = (err: Error) => done(() => reject(err));
    const onExit = (code: number) => done(() => reject(new Error(`a build worker stopped (exit ${code})`)));
    const done = (settle: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      settle();
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
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
