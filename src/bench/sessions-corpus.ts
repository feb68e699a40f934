/**
 * A folder of generated Claude Code transcripts for robustness tests and `npm run bench:sessions`:
 * `files` transcript files spread over projects and days, each with user, assistant (streamed
 * copies), turn-duration and sub-agent lines, and broken lines among them — invalid JSON,
 * lines without a timestamp, lines of other types, and every fourth file cut off mid-line as
 * if still being written. Deterministic for a seed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Corpus {
  /** The config folder (holding projects/). */
  dir: string;
  files: number;
  /** What the generator wrote: what a reader must find. */
  expected: { invalidJson: number; noTimestamp: number; other: number; turnMs: number };
}

const DAY_MS = 86_400_000;

export async function writeTranscriptCorpus(dir: string, files: number, seed = 1, startMs = Date.parse('2026-03-01T08:00:00Z')): Promise<Corpus> {
  let state = seed >>> 0 || 1;
  const random = () => ((state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
  const expected = { invalidJson: 0, noTimestamp: 0, other: 0, turnMs: 0 };
  const projects = 40;
  for (let p = 0; p < projects; p++) await mkdir(join(dir, 'projects', `-home-me-project-${p}`), { recursive: true });
  const writes: Promise<void>[] = [];
  for (let f = 0; f < files; f++) {
    const sessionId = `session-${f}`;
    const cwd = `/home/me/project-${f % projects}`;
    let ms = startMs + Math.floor(random() * 30) * DAY_MS + Math.floor(random() * DAY_MS);
    const lines: string[] = [];
    const stamp = () => new Date((ms += Math.floor(random() * 90_000))).toISOString();
    const common = () => ({ sessionId, cwd, isSidechain: false, uuid: `${sessionId}-${lines.length}`, timestamp: stamp() });
    const turns = 2 + Math.floor(random() * 6);
    for (let t = 0; t < turns; t++) {
      lines.push(JSON.stringify({ type: 'user', ...common(), message: { role: 'user', content: 'a prompt that is never read' } }));
      const usage = { input_tokens: 10, output_tokens: 0, cache_creation_input_tokens: 500, cache_read_input_tokens: 20_000 };
      for (let copy = 0; copy < 3; copy++) {
        usage.output_tokens += 100;
        lines.push(
          JSON.stringify({
            type: 'assistant',
            ...common(),
            requestId: `req-${f}-${t}`,
            message: { id: `msg-${f}-${t}`, model: 'claude-opus-4-6', content: [{ type: 'text', text: 'an answer that is never read '.repeat(20) }], usage },
          }),
        );
      }
      const durationMs = 1_000 + Math.floor(random() * 300_000);
      expected.turnMs += durationMs;
      lines.push(JSON.stringify({ type: 'system', subtype: 'turn_duration', durationMs, ...common() }));
    }
    lines.push('{"type":"assistant","timestamp": not json');
    lines.push(JSON.stringify({ type: 'user', sessionId, cwd, message: { content: 'no timestamp' } }));
    lines.push(JSON.stringify({ type: 'file-history-snapshot', snapshot: {} }));
    expected.invalidJson += 1;
    expected.noTimestamp += 1;
    expected.other += 1;
    let text = `${lines.join('\n')}\n`;
    if (f % 4 === 0) {
      text += JSON.stringify({ type: 'assistant', ...common(), message: { id: 'cut' } }).slice(0, 40);
      expected.invalidJson += 1;
    }
    const path = f % 2 === 0
      ? join(dir, 'projects', `-home-me-project-${f % projects}`, `${sessionId}.jsonl`)
      : join(dir, 'projects', `-home-me-project-${f % projects}`, sessionId, 'subagents', `agent-${f}.jsonl`);
    writes.push(mkdir(join(path, '..'), { recursive: true }).then(() => writeFile(path, text)));
    if (writes.length >= 64) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  return { dir, files, expected };
}
