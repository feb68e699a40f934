/**
 * `npm run bench:sessions [-- --files N]`: how fast `leverage sessions` reads transcripts.
 * Writes N generated transcript files (default 10,000, broken lines among them) into a
 * temporary config folder, then runs the real command three times over them and prints files
 * per second of the best run, and of the processor time the reading takes in a process of its
 * own; then makes half the files old and runs with `--since`, which must not read those.
 * A benchmark, not a test. The folder is removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSessions } from '../sessions/load.js';
import { writeTranscriptCorpus } from './sessions-corpus.js';

const BIN = fileURLToPath(new URL('../../bin/leverage.js', import.meta.url));
const { values } = parseArgs({
  options: { files: { type: 'string', default: '10000' }, measure: { type: 'string' }, since: { type: 'string' } },
});
if (values.measure !== undefined) {
  // In a fresh process of its own: the processor time of the reading alone, nothing left over from another run.
  const start = process.cpuUsage();
  const loaded = await loadSessions({ logs: values.measure, tz: 'UTC', since: values.since, config: { timeZone: null, tokensCount: 'default' } });
  const used = process.cpuUsage(start);
  if (!loaded.ok) throw new Error(loaded.message);
  console.log(JSON.stringify({ seconds: (used.user + used.system) / 1e6, files: loaded.files }));
  process.exit(0);
}
const files = Number(values.files);
const dir = await mkdtemp(join(tmpdir(), 'leverage-sessions-bench-'));

const run = (args: string[]) => {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [BIN, 'sessions', '--logs', dir, '--tz', 'UTC', '--json', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`leverage sessions failed: ${result.stderr}`);
  return seconds;
};

/** The processor time of the reading alone: on a busy machine wall time is mostly waiting. */
function processorTime(since?: string): { seconds: number; files: number } {
  const args = [fileURLToPath(import.meta.url), '--measure', dir, ...(since ? ['--since', since] : [])];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as { seconds: number; files: number };
}

try {
  console.log(`writing ${files} transcript files into ${dir}`);
  await writeTranscriptCorpus(dir, files);
  const times = [run([]), run([]), run([])];
  const best = Math.min(...times);
  console.log(`all files: ${times.map((t) => t.toFixed(2)).join(' s, ')} s; best ${best.toFixed(2)} s = ${Math.round(files / best)} files/s (command start included)`);
  const reading = processorTime();
  console.log(`reading in this process: ${reading.seconds.toFixed(2)} s of processor time = ${Math.round(files / reading.seconds)} files/s`);
  // Half the files last modified long ago: --since reads only the others.
  const transcripts = (await readdir(join(dir, 'projects'), { recursive: true })).filter((p) => p.endsWith('.jsonl'));
  const old = new Date('2020-01-01T00:00:00Z');
  await Promise.all(transcripts.filter((_, i) => i % 2 === 0).map((p) => utimes(join(dir, 'projects', p), old, old)));
  const since = run(['--since', '2026-01-01']);
  const sinceCpu = processorTime('2026-01-01');
  console.log(`--since with half the files older: ${since.toFixed(2)} s; ${sinceCpu.files} files read in ${sinceCpu.seconds.toFixed(2)} s of processor time`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
