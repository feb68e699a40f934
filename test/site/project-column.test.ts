import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/types.js';
import { recordContent } from '../../src/site/content.js';
import { testRecord } from '../support/records.js';

describe("a record page's Project column", () => {
  it('is shown when any task of the record names a project, each row with its own', () => {
    const content = recordContent(
      testRecord('2026-03-02', [{ human: 240, claude: 19 }, { human: 60, claude: 5, project: 'cms' }]),
      DEFAULT_CONFIG,
    );
    expect(content.projectColumn).toBe(true);
    expect(content.rows.map((row) => row.project)).toEqual([null, 'cms']);
  });

  it('is left out when no task names one', () => {
    const content = recordContent(testRecord('2026-03-02', [{ human: 240, claude: 19 }]), DEFAULT_CONFIG);
    expect(content.projectColumn).toBe(false);
  });
});
