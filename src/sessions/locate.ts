/** Where the transcripts are: the `projects/` folders of the Claude config folders (sessions.md). */

import { readdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

export type Located = { ok: true; folders: string[] } | { ok: false; message: string };

export interface LocateOptions {
  /** `--logs DIR`: a config folder or a `projects/` folder. */
  logs?: string | undefined;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

/** The `projects/` folders to read, each once, in the order of the spec. */
export async function locateProjectFolders(options: LocateOptions = {}): Promise<Located> {
  const env = options.env ?? process.env;
  const home = options.home ?? homedir();
  if (options.logs !== undefined) {
    if (!(await isFolder(options.logs))) return { ok: false, message: `--logs ${options.logs}: no such folder` };
    if (basename(options.logs) === 'projects') return unique([options.logs]);
    const projects = join(options.logs, 'projects');
    if (await isFolder(projects)) return unique([projects]);
    return { ok: false, message: `--logs ${options.logs} holds no projects/ folder (give a Claude config folder such as ~/.claude, or its projects/ folder)` };
  }
  const configured = (env.CLAUDE_CONFIG_DIR ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (configured.length > 0) {
    const folders: string[] = [];
    for (const dir of configured) {
      const projects = join(dir, 'projects');
      if (!(await isFolder(projects))) {
        return { ok: false, message: `CLAUDE_CONFIG_DIR names ${dir}, which holds no projects/ folder (each entry must be a Claude config folder)` };
      }
      folders.push(projects);
    }
    return unique(folders);
  }
  const defaults = [join(env.XDG_CONFIG_HOME || join(home, '.config'), 'claude'), join(home, '.claude')];
  const found: string[] = [];
  for (const dir of defaults) if (await isFolder(join(dir, 'projects'))) found.push(join(dir, 'projects'));
  if (found.length === 0) {
    return { ok: false, message: `no Claude Code logs found in ${defaults.join(' or ')} (give --logs DIR, or set CLAUDE_CONFIG_DIR)` };
  }
  return unique(found);
}

/** Two names of one folder (a link) are read once. */
async function unique(folders: string[]): Promise<Located> {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const folder of folders) {
    const real = await realpath(folder);
    if (seen.has(real)) continue;
    seen.add(real);
    result.push(folder);
  }
  return { ok: true, folders: result };
}

export interface TranscriptFile {
  path: string;
  mtimeMs: number;
}

/**
 * Every `*.jsonl` file under the folders, at any depth, in a stable order; with `since`,
 * only the files modified at or after that instant (older files cannot hold later lines).
 */
export async function listTranscripts(
  folders: readonly string[],
  since?: number,
): Promise<{ ok: true; files: TranscriptFile[] } | { ok: false; message: string }> {
  const files: TranscriptFile[] = [];
  for (const folder of folders) {
    let entries;
    try {
      entries = await readdir(folder, { recursive: true, withFileTypes: true });
    } catch (err) {
      return { ok: false, message: `cannot list the transcripts in ${folder} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
    }
    const paths = entries
      .filter((e) => e.isFile() && e.name.endsWith('.jsonl'))
      .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const stats = await Promise.all(paths.map((path) => (since === undefined ? null : stat(path).catch(() => null))));
    paths.forEach((path, i) => {
      const mtimeMs = stats[i]?.mtimeMs ?? Infinity;
      if (since === undefined || mtimeMs >= since) files.push({ path, mtimeMs });
    });
  }
  return { ok: true, files };
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
