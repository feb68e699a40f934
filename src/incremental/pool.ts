/**
 * Runs record jobs across worker threads, one fewer than `os.availableParallelism()` (override:
 * LEVERAGE_WORKERS=N; 1 runs everything in this thread). A record read in a worker costs about
 * half as much again as in this thread (its result is encoded, moved and decoded, and the
 * worker's garbage collector competes for the cores), so on two cores one thread was as fast
 * as two workers and used 40 MB less (4000 records, `npm run bench`). Small builds stay in
 * this thread: starting a worker costs more than it saves below a few hundred records.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SiteConfig } from '../config/types.js';
import { jobResult, type JobResult, type RecordJob } from './process.js';

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
  return Math.max(1, Math.min(availableParallelism() - 1, 8));
}

/**
 * The compiled worker script. When the sources run as TypeScript (in tests), the worker
 * still needs JavaScript: the copy compiled into lib/ by `npm run compile`.
 */
function workerScript(): URL | null {
  const own = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(own))) return own;
  const compiled = new URL('../../lib/incremental/worker.js', import.meta.url);
  return existsSync(fileURLToPath(compiled)) ? compiled : null;
}

export async function runJobs(
  root: string,
  jobs: RecordJob[],
  config: SiteConfig,
  onProgress?: (done: number) => void,
): Promise<JobResult[]> {
  const count = Math.min(workerCount(jobs.length), Math.ceil(jobs.length / BATCH));
  const script = workerScript();
  if (count <= 1 || !script) {
    return jobs.map((job, i) => {
      if (i % BATCH === 0) onProgress?.(i);
      return jobResult(root, job, config, false);
    });
  }

  const results: JobResult[] = [];
  let next = 0;
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: { root, config }, resourceLimits: WORKER_LIMITS }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= jobs.length) return resolve();
              const batch = jobs.slice(next, next + BATCH);
              next += BATCH;
              worker.postMessage(batch);
            };
            worker.on('message', (batch: JobResult[]) => {
              results.push(...batch);
              onProgress?.(results.length);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (next < jobs.length || code !== 0 ? reject(new Error(`a build worker stopped (exit ${code})`)) : undefined));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
