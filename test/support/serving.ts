/** A command that serves (leverage dev, leverage preview), started and stopped by a test. */
import { spawn } from 'node:child_process';
import { BIN } from './cli.js';

export interface Serving {
  /** The address it printed: `http://127.0.0.1:PORT/…`. */
  url: string;
  output(): { stdout: string; stderr: string };
  /** Sends SIGTERM (as Ctrl-C would stop it) and resolves with how it ended. */
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/**
 * Runs `node <bin> …args` (bin: this repository's bin/leverage.js unless given) and resolves once it prints the address it serves on; rejects when
 * it ends first or prints nothing within the time (then it is killed).
 */
export function startServing(args: string[], options: { cwd?: string; bin?: string; timeoutMs?: number } = {}): Promise<Serving> {
  const child = spawn(process.execPath, [options.bin ?? BIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const ended = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise<Serving>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`leverage ${args.join(' ')} served nothing within ${options.timeoutMs ?? 30_000} ms\n${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const url = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(stdout)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        output: () => ({ stdout, stderr }),
        stop: async () => {
          child.kill('SIGTERM');
          return { code: await ended, stdout, stderr };
        },
      });
    });
    void ended.then((code) => {
      clearTimeout(timer);
      reject(new Error(`leverage ${args.join(' ')} ended (exit ${code}) before serving\n${stdout}${stderr}`));
    });
  });
}
