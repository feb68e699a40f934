/**
 * `npm run bench:dev [-- --records N [--edits K] [--dir D]]`: how soon `leverage dev` serves an
 * edited record. Writes N synthetic records (default 4000) into a temporary root, starts the
 * real command (`node bin/leverage.js dev`), opens its event stream as a page would, then K
 * times (default 6) appends a sentence to one record and measures, from the write: the reload
 * event, and the page fetched right after it with the new sentence in it (what a browser does
 * on that event). Between edits it waits for the full rebuild that follows each one.
 *
 * A benchmark, not a test: it prints figures and exits 0, non-zero only when the server fails
 * or a page comes back without the edit. The root is removed at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeSyntheticRoot } from './synthetic.js';

const BIN = fileURLToPath(new URL('../../bin/leverage.js', import.meta.url));

const { values } = parseArgs({
  options: { records: { type: 'string', default: '4000' }, edits: { type: 'string', default: '6' }, dir: { type: 'string' } },
});
const records = Number(values.records);
const edits = Number(values.edits);

const root = await mkdtemp(join(values.dir ?? tmpdir(), 'leverage-dev-bench-'));
let server: ChildProcess | null = null;
const stop = async () => {
  server?.kill('SIGINT');
  await rm(root, { recursive: true, force: true });
};
process.once('SIGINT', () => void stop().then(() => process.exit(130)));

try {
  console.log(`writing ${records} synthetic records into ${root}`);
  await writeSyntheticRoot(root, records, 42);
  server = spawn(process.execPath, [BIN, 'dev', '--root', root, '--port', '4390'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout!.setEncoding('utf8').on('data', (s: string) => (log += s));
  server.stderr!.setEncoding('utf8').on('data', (s: string) => (log += s));
  const base = await until(() => /Serving on (\S+)/.exec(log)?.[1], 600_000, 'the server to start');

  // The event stream, read as a page's EventSource would: when each reload event came, and the URLs it names.
  const reloads: { at: number; urls: string[] }[] = [];
  const stream = await fetch(`${base}__leverage/events`);
  void (async () => {
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (/^event: reload$/m.test(block) && data) reloads.push({ at: performance.now(), urls: JSON.parse(data) as string[] });
      }
    }
  })().catch(() => {});

  const year = (await readdir(join(root, 'records'))).sort()[0]!;
  const name = (await readdir(join(root, 'records', year))).sort()[100]!;
  const file = join(root, 'records', year, name);
  const url = `/records/${name.slice(0, 10)}/`;
  const page = `${base}${url.slice(1)}`;
  const rows: { reload: number; served: number }[] = [];
  for (let i = 0; i < edits; i++) {
    const rebuilt = (log.match(/rebuilt:/g) ?? []).length;
    const sentence = `Benchmark edit ${i + 1} at ${Date.now()}.`;
    const start = performance.now();
    await appendFile(file, `\n${sentence}\n`);
    const reload = await until(() => reloads.find((r) => r.at > start && r.urls.includes(url)), 30_000, 'the reload event');
    const html = await (await fetch(page)).text();
    const served = performance.now() - start;
    if (!html.includes(sentence)) throw new Error(`edit ${i + 1}: the page came back without the new sentence\n${log}`);
    rows.push({ reload: reload.at - start, served });
    console.log(`edit ${i + 1}: reload event ${ms(reload.at - start)} ms, page served ${ms(served)} ms after the save`);
    await until(() => (log.match(/rebuilt:/g) ?? []).length > rebuilt || undefined, 60_000, 'the full rebuild');
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `\n${records} records, ${edits} edits: page served ${ms(median(rows.map((r) => r.served)))} ms after the save (median; ` +
      `${ms(Math.min(...rows.map((r) => r.served)))}-${ms(Math.max(...rows.map((r) => r.served)))}), ` +
      `reload event ${ms(median(rows.map((r) => r.reload)))} ms (median); target: served within 150 ms`,
  );
} finally {
  await stop();
}

function ms(value: number): string {
  return value.toFixed(0);
}

async function until<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}
