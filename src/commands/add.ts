import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, isMap, isSeq, parseDocument } from 'yaml';
import type { YAMLMap, YAMLSeq } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { command, type Command } from '../cli.js';
import type { SiteConfig } from '../config/types.js';
import { formatDiagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';
import { isCalendarDate } from '../leverage/dates.js';
import { parseRecord } from '../records/read.js';
import { parseDuration } from '../records/duration.js';
import type { DurationUnit } from '../records/duration.js';
import { splitFrontMatter } from '../records/frontmatter.js';
import { machineTimeZone, zoneClock } from '../sessions/zone.js';
import { badDate, siteSettings } from './logs.js';
import { blogRoot } from './root.js';
import { recordOf, writeNewRecord } from './new.js';

/** One row of `tasks:` in the order a record writes it. */
export interface NewTask {
  task: string;
  human: string;
  claude: string;
  supervision?: string;
  project?: string;
}

export const addCommand: Command = command('add', async ({ values, positionals }) => {
  const what = positionals[0]?.trim();
  if (!what) {
    console.error('leverage add: say what was done, in quotes: leverage add "Fix the login form" --human 4h --claude 19m');
    return 1;
  }
  const durations: [string, string | undefined, DurationUnit][] = [
    ['human', values.human, 'hours'],
    ['claude', values.claude, 'minutes'],
    ['supervision', values.supervision, 'minutes'],
  ];
  for (const [name, value, unit] of durations) {
    if (value === undefined) {
      if (name === 'supervision') continue;
      console.error(`leverage add: --${name} is missing (${name === 'human' ? "the senior engineer's estimate, e.g. --human 4h" : "the assistant's time, e.g. --claude 19m"})`);
      return 1;
    }
    const checked = parseDuration(value, name, unit);
    if (!checked.ok) {
      console.error(`leverage add: --${name}: ${checked.message} (${checked.hint})`);
      return 1;
    }
  }
  if (values.project !== undefined && values.project.trim() === '') {
    console.error('leverage add: --project is empty (a short project name, e.g. --project Website)');
    return 1;
  }
  if (values.date !== undefined && !isCalendarDate(values.date)) return badDate('add', '--date ', values.date);
  const root = await blogRoot('add', values.root);
  if (!root) return 1;
  const config = await siteSettings(root);
  if (!config) return 1;
  const date = values.date ?? zoneClock(config.timeZone ?? machineTimeZone()).day(Date.now());
  const task: NewTask = {
    task: what,
    human: values.human!.trim(),
    claude: values.claude!.trim(),
    ...(values.supervision !== undefined ? { supervision: values.supervision.trim() } : {}),
    ...(values.project !== undefined ? { project: values.project.trim() } : {}),
  };

  const file = await recordOf(root, date);
  if (!file) return writeNewRecord('add', root, date, newRecordWith(date, task));
  let text: string;
  try {
    text = await readFile(join(root, ...file.split('/')), 'utf8');
  } catch (err) {
    console.error(`leverage add: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); nothing was written`);
    return 1;
  }
  const appended = appendTask(text, task);
  if (!appended.ok) {
    console.error(`leverage add: ${file}: ${appended.message}; nothing was written`);
    return 1;
  }
  const introduced = newErrors(file, text, appended.text, config);
  if (introduced.length > 0) {
    for (const d of introduced) console.error(formatDiagnostic(d, asRead(appended.text)));
    console.error(`leverage add: the task would make ${file} wrong; nothing was written`);
    return 1;
  }
  try {
    await writeFile(join(root, ...file.split('/')), appended.text);
  } catch (err) {
    console.error(`leverage add: cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); nothing was written`);
    return 1;
  }
  console.log(`Added task to ${file}`);
  return 0;
});

/** Errors of the record that the added task brings (a missing supervision, say); those it had stay its own. */
function newErrors(file: string, before: string, after: string, config: SiteConfig): Diagnostic[] {
  const errors = (text: string) => parseRecord(file, asRead(text), config).diagnostics.filter((d) => d.severity === 'error');
  const had = new Set(errors(before).map((d) => d.message));
  return errors(after).filter((d) => !had.has(d.message));
}

/** The text as the record reader gets it from a file: no BOM, LF line ends. */
function asRead(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** A draft record of the day holding the one task. */
export function newRecordWith(date: string, task: NewTask): string {
  const yaml = new Document({ date, draft: true, tasks: [task] }).toString({ lineWidth: 0 });
  return `---\n${yaml}---\n\nWhat went well, what did not, and what the numbers do not show.\n`;
}

export type Appended = { ok: true; text: string } | { ok: false; message: string };

/**
 * The record's text with one more task at the end of `tasks:`. Everything else stays as
 * written, byte for byte: the library writes the new item (quoting what needs quotes) and it
 * is put after the last one. `Document.toString()` would keep comments, quotes and order too,
 * but it lays out the whole file again (folded summaries re-wrapped, `[a, b]` padded); it is
 * used only where there is no list to extend, or should the spliced text not read back as the
 * old record plus the task.
 */
export function appendTask(original: string, task: NewTask): Appended {
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = original.includes('\r\n');
  const text = original.slice(bom.length).replace(/\r\n/g, '\n');
  const { frontMatter } = splitFrontMatter('', text, []);
  if (frontMatter === null) {
    return { ok: false, message: 'it has no front matter between two --- lines to add a task to (leverage check shows what is wrong)' };
  }
  // Where the closing `\n---` starts: the front matter's text begins after the opening `---`.
  const closing = '---'.length + frontMatter.length;
  const yaml = text.slice(3, closing + 1);
  const doc = parseDocument(yaml);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    return { ok: false, message: 'its front matter does not read as YAML fields (leverage check shows what is wrong)' };
  }
  const tasks = doc.get('tasks', true);
  if (tasks !== undefined && tasks !== null && !isSeq(tasks) && !(isScalarNull(tasks))) {
    return { ok: false, message: 'its tasks: is not a list' };
  }
  const expected = doc.toJS() as Record<string, unknown>;
  expected.tasks = [...((expected.tasks as unknown[] | null | undefined) ?? []), { ...task }];

  let edited = isSeq(tasks) && tasks.items.length > 0 ? spliced(yaml, tasks, task) : null;
  if (edited === null || !isDeepStrictEqual(parseDocument(edited).toJS(), expected)) {
    if (isSeq(tasks) && tasks.items.length > 0) tasks.add(doc.createNode(task));
    else doc.set('tasks', doc.createNode([task]));
    edited = doc.toString({ lineWidth: 0 });
  }
  const result = `---${edited.startsWith('\n') ? '' : '\n'}${edited}${text.slice(closing + 1)}`;
  return { ok: true, text: bom + (crlf ? result.replace(/\n/g, '\r\n') : result) };
}

function isScalarNull(node: unknown): boolean {
  return typeof node === 'object' && node !== null && 'value' in node && (node as { value: unknown }).value === null;
}

/** The YAML text with the task written after the list's last item, in the list's own style. */
function spliced(yaml: string, tasks: YAMLSeq, task: NewTask): string | null {
  const [start, end] = tasks.range ?? [];
  if (start === undefined || end === undefined) return null;
  if (tasks.flow) {
    const close = yaml.lastIndexOf(']', end - 1);
    if (close < start) return null;
    let before = close;
    while (before > start && /\s/.test(yaml[before - 1]!)) before--;
    const padded = yaml[start + 1] === ' ';
    const item = new Document(task);
    (item.contents as YAMLMap).flow = true;
    const written = item.toString({ lineWidth: 0, flowCollectionPadding: padded }).trim();
    const separator = yaml[before - 1] === ',' ? ' ' : ', ';
    return `${yaml.slice(0, before)}${separator}${written}${yaml.slice(before)}`;
  }
  const lineStart = yaml.lastIndexOf('\n', start - 1) + 1;
  const indent = yaml.slice(lineStart, start);
  if (!/^ *$/.test(indent)) return null;
  const item = new Document([task])
    .toString({ lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((line) => indent + line)
    .join('\n');
  // After the line the last item ends on (an empty last value ends before its line end).
  const lineEnd = yaml.indexOf('\n', end - 1);
  const at = lineEnd === -1 ? yaml.length : lineEnd + 1;
  const newline = yaml[at - 1] === '\n' ? '' : '\n';
  return `${yaml.slice(0, at)}${newline}${item}\n${yaml.slice(at)}`;
}
