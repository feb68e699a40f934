/**
 * The dev server's quick path for edited records: re-read only those files and render only
 * their own pages, exactly as a full build would, so the edited page is served at once. The
 * full incremental rebuild that follows brings neighbours and list pages up to date.
 */
import type { Diagnostic } from '../diagnostics.js';
import { hasErrors } from '../diagnostics.js';
import type { SiteConfig } from '../config/types.js';
import { assembleRecords } from '../records/read.js';
import { recordPagesFor } from '../site/pages.js';
import type { Renderer } from '../render/render.js';
import type { CachedRecords } from '../incremental/cache.js';
import { processRecordFile } from '../incremental/process.js';
import { pageKey } from '../incremental/keys.js';
import { hashBytes } from '../incremental/fingerprint.js';
import { contentKeys } from '../build.js';
import type { MemorySite, ServedFile } from './memory-output.js';
import type { LeverageRecord } from '../records/types.js';
import type { RecordContent, RecordPage } from '../site/types.js';

export interface QuickContext {
  root: string;
  config: SiteConfig;
  renderer: Renderer;
  globalKey: string;
  drafts: boolean;
  /** The records of the last good build. */
  entries: CachedRecords;
  /** The last good build's record pages, by date. */
  pages: Map<string, RecordPage>;
}

export type QuickResult = { ok: true; urls: string[] } | { ok: false; diagnostics: Diagnostic[] };

export function quickRecordUpdate(context: QuickContext, files: string[], site: MemorySite): QuickResult {
  const entries: CachedRecords = { ...context.entries };
  for (const file of files) {
    // Size -1: the full rebuild after this one reads the file again rather than trust this entry.
    const result = processRecordFile(context.root, { file, state: { mtimeMs: 0, size: -1 }, cachedHash: null }, context.config);
    if (!('unchanged' in result)) entries[file] = result;
  }
  const assembled = assembleRecords(
    Object.keys(entries).sort().map((file) => ({ file, ...entries[file]!.parsed })),
    [],
    { drafts: context.drafts },
  );
  const problems = assembled.diagnostics.filter((d) => files.includes(d.file) || d.severity === 'error');
  if (hasErrors(problems)) return { ok: false, diagnostics: problems };

  const contents = assembled.records.map((record) => entries[record.file]!.content!);
  const edited = assembled.records.filter((r) => files.includes(r.file));
  const keys = contentKeys({ records: assembled.records, contents, entries });
  const served = new Map<string, ServedFile>();
  for (const page of changedPages(context, edited, entries, assembled.records, contents)) {
    const bytes = Buffer.from(context.renderer.render(page));
    served.set(page.outputPath, { bytes, key: pageKey(page, keys, context.globalKey), hash: hashBytes(bytes) });
  }
  site.apply(served);
  return { ok: true, urls: [...served.keys()].map(urlOf) };
}

/** `records/x/index.html` → `/records/x/`. */
export function urlOf(outputPath: string): string {
  return `/${outputPath.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * The new pages of the edited records. When an edit changed nothing that other pages show
 * (the usual case: the analysis; see incremental/shape.ts), the page is the last build's page
 * with the new content, and nothing else needs computing; otherwise it is made as a build would.
 */
function changedPages(
  context: QuickContext,
  edited: LeverageRecord[],
  entries: CachedRecords,
  records: LeverageRecord[],
  contents: RecordContent[],
): RecordPage[] {
  const reused = edited.map((record) => {
    const old = context.pages.get(record.date);
    const entry = entries[record.file]!;
    return old && context.entries[record.file]?.shape === entry.shape ? { ...old, record: entry.content! } : null;
  });
  if (reused.every((page) => page !== null)) return reused as RecordPage[];
  return recordPagesFor(new Set(edited.map((record) => record.date)), records, contents, context.config);
}
