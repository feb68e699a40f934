/**
 * Transcript lines for tests, written from the field list of sessions.md, and config folders
 * of them in temporary folders. Every line also carries content fields (prompt, answer, tool
 * output) holding MARKER, which must never reach any output.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const MARKER = 'SECRET-MARKER-7f3a';

export interface LineFields {
  timestamp: string;
  sessionId?: string;
  cwd?: string;
  isSidechain?: boolean;
  uuid?: string;
}

let counter = 0;
const nextUuid = () => `uuid-${++counter}`;

function base(type: string, f: LineFields): Record<string, unknown> {
  return {
    type,
    timestamp: f.timestamp,
    sessionId: f.sessionId ?? 'session-a',
    cwd: f.cwd ?? '/home/me/cms',
    isSidechain: f.isSidechain ?? false,
    uuid: f.uuid ?? nextUuid(),
  };
}

export function userLine(f: LineFields): string {
  return JSON.stringify({ ...base('user', f), message: { role: 'user', content: `please ${MARKER} fix it` } });
}

export interface Usage {
  input?: number;
  output?: number;
  cacheCreation?: number;
  cacheRead?: number;
}

export function assistantLine(
  f: LineFields & { messageId?: string | null; requestId?: string | null; model?: string; usage?: Usage },
): string {
  const u = f.usage ?? {};
  const usage: Record<string, number> = { input_tokens: u.input ?? 0, output_tokens: u.output ?? 0 };
  if (u.cacheCreation !== undefined) usage.cache_creation_input_tokens = u.cacheCreation;
  if (u.cacheRead !== undefined) usage.cache_read_input_tokens = u.cacheRead;
  const message: Record<string, unknown> = {
    model: f.model ?? 'claude-opus-4-6',
    role: 'assistant',
    content: [{ type: 'text', text: `Here is the code: const ${MARKER} = 1;` }],
    usage,
  };
  if (f.messageId !== null) message.id = f.messageId ?? `msg-${nextUuid()}`;
  const line: Record<string, unknown> = { ...base('assistant', f), message };
  if (f.requestId !== null) line.requestId = f.requestId ?? `req-${nextUuid()}`;
  return JSON.stringify(line);
}

export function turnLine(f: LineFields & { durationMs: number }): string {
  return JSON.stringify({ ...base('system', f), subtype: 'turn_duration', durationMs: f.durationMs, content: MARKER });
}

/** A config folder (holding projects/) with the given files, paths relative to projects/. */
export async function configFolder(files: Record<string, string[] | string>, parent?: string): Promise<string> {
  const dir = parent ?? (await mkdtemp(join(tmpdir(), 'leverage-logs-')));
  for (const [path, lines] of Object.entries(files)) {
    const file = join(dir, 'projects', path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, typeof lines === 'string' ? lines : `${lines.join('\n')}\n`);
  }
  return dir;
}
