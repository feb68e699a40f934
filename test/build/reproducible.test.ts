/** Same input, byte-identical output — in every time zone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { makeRoot, readTree, removeRoot } from '../support/site.js';
import { ONLY_NO_URL_WARNING, runCli } from '../support/cli.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/reference');
const ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata'];

describe('builds are reproducible', () => {
  let root: string;
  const trees = new Map<string, Map<string, Buffer>>();

  beforeAll(async () => {
    root = await makeRoot({
      // An unquoted date is a YAML timestamp: it must stay the same calendar day everywhere.
      'records/2026-01-01.md': '---\ndate: 2026-01-01\ntasks:\n  - task: New year\n    human: 2h\n    claude: 10m\n---\n',
    });
    await cp(FIXTURE, root, { recursive: true });
    for (const zone of ZONES) {
      const out = join(root, `dist-${zone.replace('/', '-')}`);
      const result = await runCli(['build', '--root', root, '--out', out], { env: { TZ: zone } });
      expect(result.stderr).toMatch(ONLY_NO_URL_WARNING);
      expect(result.code).toBe(0);
      trees.set(zone, await readTree(out));
    }
  }, 120_000);
  afterAll(() => removeRoot(root));

  it.each(ZONES.slice(1))('%s gives the same bytes as UTC', (zone) => {
    const utc = trees.get('UTC')!;
    const other = trees.get(zone)!;
    expect([...other.keys()]).toEqual([...utc.keys()]);
    for (const [path, bytes] of utc) expect(other.get(path)!.equals(bytes), path).toBe(true);
  });

  it('shows calendar days, never shifted by the time zone', () => {
    const page = trees.get('Pacific/Kiritimati')!.get('records/2026-01-01/index.html')!.toString();
    expect(page).toContain('January 1, 2026');
    expect(page).not.toContain('December 31, 2025');
    expect([...trees.get('America/Los_Angeles')!.keys()]).toContain('records/2026-01-01/index.html');
  });

  it('building twice gives byte-identical output', async () => {
    const out = join(root, 'dist-again');
    const result = await runCli(['build', '--root', root, '--out', out], { env: { TZ: 'UTC' } });
    expect(result.code).toBe(0);
    const again = await readTree(out);
    const first = trees.get('UTC')!;
    expect([...again.keys()]).toEqual([...first.keys()]);
    for (const [path, bytes] of first) expect(again.get(path)!.equals(bytes), path).toBe(true);
  });
});
