/** The record files' states `leverage dev` keeps between rebuilds: stat'ed again only when the watcher names them. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WatchedFileStates } from '../../src/dev/file-states.js';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function rootWith(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'file-states-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const A = 'records/2026/2026-03-02.md';
const B = 'records/2026/2026-03-03.md';

describe('WatchedFileStates', () => {
  it('stats a file once, and again only after the watcher names it', () => {
    const states = new WatchedFileStates();
    rootWith({ [A]: 'one', [B]: 'two' });
    expect(states.stat(root, [A, B]).get(A)!.size).toBe(3);
    writeFileSync(join(root, A), 'one more');
    expect(states.stat(root, [A, B]).get(A)!.size).toBe(3);
    states.changed(A);
    expect(states.stat(root, [A, B]).get(A)!.size).toBe(8);
  });

  it('forgets every file under a folder the watcher names, and none beside it', () => {
    const states = new WatchedFileStates();
    rootWith({ [A]: 'one', [B]: 'two', 'records/2026-x.md': 'three' });
    states.stat(root, [A, B, 'records/2026-x.md']);
    rmSync(join(root, 'records/2026'), { recursive: true });
    writeFileSync(join(root, 'records/2026-x.md'), 'three more');
    states.changed('records/2026');
    const after = states.stat(root, [A, B, 'records/2026-x.md']);
    expect(after.get(A)!.size).toBe(-1);
    expect(after.get(B)!.size).toBe(-1);
    expect(after.get('records/2026-x.md')!.size).toBe(5);
  });

  it('stats every file again after clear()', () => {
    const states = new WatchedFileStates();
    rootWith({ [A]: 'one' });
    states.stat(root, [A]);
    writeFileSync(join(root, A), 'changed');
    states.clear();
    expect(states.stat(root, [A]).get(A)!.size).toBe(7);
  });
});
