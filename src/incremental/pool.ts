/**
 * Reads record files in this thread and in worker threads, one thread fewer than
 * `os.availableParallelism()` in all, so that a core is left to the garbage collector's
 * helper threads and the system (override: LEVERAGE_WORKERS=N threads in all; 1 reads
 * everything in this thread). This thread takes its share a batch at a time, letting the
 * workers' answers in between: a record read in a worker costs more (its entry is copied
 * back), so this thread, which would otherwise only wait, reads the most. Workers send each
 * record's detail V8-serialized, transferred, not copied, and never also as
 * objects (bytes kept beside objects raised the peak memory of 4000 records from 305 to as
 * much as 350 MB): it is decoded for the pages made.
 *
 * Measured on two cores (4000 records, three sets of three alternating cold builds): this
 * thread alone took 5.51, 6.54 and 7.32 s (medians of each set), one worker beside it 5.79,
 * 7.03 and 7.60 s, using 1.3–3 s more CPU, at the same peak memory. Allocation-heavy
 * JavaScript runs 25–40% slower in each of two busy threads here (a hash loop does not).
 * Small builds stay in this thread: a worker costs more to start than it saves below a few
 * hundred records.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SiteConfig } from '../config/types.js';
import { readBatch, type JobResult, type RecordJob } from './process.js';

const BATCH = 32;
/** Batches a worker is given at a time: it goes on with one while its last answer waits here. */
const BATCHES_IN_FLIGHT = 2;
/**
 * A small young generation: parsing makes much short-lived garbage, and a worker's default
 * young generation lets each of them grow to a hundred megabytes before collecting it.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };
const MIN_JOBS_FOR_WORKERS = 200;

/** Threads that read records, this one included. */
export function threadCount(jobs: number): number {
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
  const results: JobResult[] = [];
  let next = 0;
  const take = (): RecordJob[] | null => (next < jobs.length ? jobs.slice(next, (next += BATCH)) : null);
  const done = (batch: JobResult[]) => {
    results.push(...batch);
    onProgress?.(results.length);
  };
  const count = Math.min(threadCount(jobs.length), Math.ceil(jobs.length / BATCH)) - 1;
  const script = workerScript();
  if (count < 1 || !script) {
    for (let batch = take(); batch; batch = take()) done(await readBatch(root, batch, config));
    return results;
  }

  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: { root, config }, resourceLimits: WORKER_LIMITS }));
  try {
    const inWorkers = Promise.all(workers.map((worker) => feed(worker, take, done)));
    inWorkers.catch(() => undefined); // handled below, once this thread's share is read
    for (let batch = take(); batch; batch = take()) {
      done(await readBatch(root, batch, config));
      await new Promise(setImmediate); // the workers' answers, and their next batches
    }
    await inWorkers;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** Gives a worker batches until there are none left; resolves once it answered them all. */
async function feed(worker: Worker, take: () => RecordJob[] | null, done: (batch: JobResult[]) => void): Promise<void> {
  let waiting = 0;
  const send = () => {
    const batch = take();
    if (!batch) return;
    worker.postMessage(batch);
    waiting++;
  };
  for (let i = 0; i < BATCHES_IN_FLIGHT; i++) send();
  while (waiting > 0) {
    const answer = await reply<JobResult[]>(worker);
    waiting--;
    send();
    done(answer);
  }
}

/** The worker's next message; rejects when it fails or stops. */
function reply<T>(worker: Worker): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: T) => settle(() => resolve(message));
    const onError = (err: Error) => settle(() => reject(err));
    const onExit = (code: number) => settle(() => reject(new Error(`a build worker stopped (exit ${code})`)));
    const settle = (then: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      then();
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}
