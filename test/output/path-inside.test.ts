/**
 * Where an output file goes: inside the output folder, or an error. Plain relative paths skip
 * path.resolve; what they give must be exactly what resolving gives.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolve } from 'node:path';
import { pathInside } from '../../src/output/write.js';

const OUT = '/tmp/site/dist';

describe('pathInside', () => {
  it('gives what path.resolve gives for any path that stays inside', () => {
    const part = fc.constantFrom('records', 'index.html', '.', '..', '', 'a..b', '.well-known', '...', 'x\\y', 'tags', 'ü');
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.boolean(), (parts, absolute) => {
        const path = `${absolute ? '/' : ''}${parts.join('/')}`;
        const resolved = resolve(OUT, path);
        if (resolved.startsWith(`${OUT}/`)) expect(pathInside(OUT, path)).toBe(resolved);
        else expect(() => pathInside(OUT, path)).toThrow(/outside the output folder/);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses paths that leave the folder or name the folder itself', () => {
    for (const path of ['../x', 'a/../../x', '/etc/passwd', '', '.', 'a/..']) {
      expect(() => pathInside(OUT, path), path).toThrow(/outside the output folder/);
    }
  });
});
