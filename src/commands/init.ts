/**
 * `leverage init [DIR] [--github-pages]`: starts a blog in DIR (default: the current
 * folder). It never overwrites: a file that is there is kept, and only what it lacks is added
 * (lines of `.gitignore`, scripts of `package.json`); what was done is listed.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { command, type Command } from '../cli.js';
import { localToday, newRecordText } from './example-record.js';
import { GITIGNORE_LINES, SCRIPTS, SITE_YAML, WORKFLOW, WORKFLOW_FILE } from './init-files.js';
import { whyNotWritten } from './write-error.js';

/** One line of the report; `problem` ones make the exit code 1. */
interface Step {
  done: 'wrote' | 'added' | 'kept' | 'problem';
  text: string;
}

export const initCommand: Command = command('init', async ({ values, positionals }) => {
  const dir = resolve(positionals[0] ?? '.');
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    console.error(`leverage init: cannot make the folder ${dir}: ${whyNotWritten(err)}`);
    return 1;
  }
  const steps = [
    await initRecords(dir),
    await initFile(dir, 'site.yaml', SITE_YAML),
    await initGitignore(dir),
    await initPackageJson(dir),
    ...(values['github-pages'] ? [await initFile(dir, WORKFLOW_FILE, WORKFLOW)] : []),
  ];
  for (const step of steps) (step.done === 'problem' ? console.error : console.log)(`  ${step.done.padEnd(5)} ${step.text}`);
  if (steps.some((step) => step.done === 'problem')) return 1;
  const into = relative(process.cwd(), dir);
  console.log(
    [
      '',
      steps.every((step) => step.done === 'kept') ? 'The blog was all there: nothing was written.' : 'Your blog is ready. Next:',
      ...(into ? [`  cd ${into}`] : []),
      '  npx leverage dev      see it at http://127.0.0.1:4321/ while you write',
      '  npx leverage new      the record of today (a draft until you remove draft: true)',
      '  npx leverage build    the site in dist/, for any static host; set url in site.yaml first',
    ].join('\n'),
  );
  return 0;
});

/** `records/` with today's record, a draft showing every field; kept as it is when there. */
async function initRecords(dir: string): Promise<Step> {
  const file = `records/${localToday()}.md`;
  try {
    await mkdir(join(dir, 'records'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { done: 'kept', text: 'records/ (it exists)' };
    return { done: 'problem', text: `records/: ${whyNotWritten(err)}` };
  }
  const written = await initFile(dir, file, newRecordText(localToday()));
  return written.done === 'wrote' ? { done: 'wrote', text: `${file} (a draft with an example task)` } : written;
}

/** Writes the file unless something is there ('wx': not even through a dangling link). */
async function initFile(dir: string, file: string, text: string): Promise<Step> {
  try {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text, { flag: 'wx' });
    return { done: 'wrote', text: file };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { done: 'kept', text: `${file} (it exists)` };
    return { done: 'problem', text: `${file}: ${whyNotWritten(err)}` };
  }
}

async function readIfThere(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

async function initGitignore(dir: string): Promise<Step> {
  const path = join(dir, '.gitignore');
  try {
    const text = await readIfThere(path);
    if (text === null) return await initFile(dir, '.gitignore', `${GITIGNORE_LINES.join('\n')}\n`);
    const has = new Set(text.split(/\r?\n/).map((line) => line.trim().replace(/^\//, '')));
    const missing = GITIGNORE_LINES.filter((line) => !has.has(line) && !has.has(line.replace(/\/$/, '')));
    if (missing.length === 0) return { done: 'kept', text: `.gitignore (it ignores ${GITIGNORE_LINES.join(', ')})` };
    const separator = text === '' || text.endsWith('\n') ? '' : '\n';
    await writeFile(path, `${text}${separator}${missing.join('\n')}\n`);
    return { done: 'added', text: `${missing.join(', ')} to .gitignore` };
  } catch (err) {
    return { done: 'problem', text: `.gitignore: ${whyNotWritten(err)}` };
  }
}

/** A package.json with the blog's scripts; one that exists gets the scripts it lacks, its own kept. */
async function initPackageJson(dir: string): Promise<Step> {
  const path = join(dir, 'package.json');
  let text: string | null;
  try {
    text = await readIfThere(path);
  } catch (err) {
    return { done: 'problem', text: `package.json: ${whyNotWritten(err)}` };
  }
  if (text === null) {
    const name = basename(dir).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|-+$/g, '') || 'my-blog';
    const json = { name, private: true, scripts: SCRIPTS };
    const written = await initFile(dir, 'package.json', `${JSON.stringify(json, null, 2)}\n`);
    if (written.done !== 'wrote') return written;
    return { done: 'wrote', text: 'package.json (install leverage-record into the folder so that its scripts and a deploy find it)' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { done: 'problem', text: `package.json is not valid JSON (${(err as Error).message}); its scripts were not added` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { done: 'problem', text: 'package.json does not hold a JSON object; its scripts were not added' };
  }
  const pkg = json as { scripts?: unknown };
  const scripts = pkg.scripts === undefined ? {} : pkg.scripts;
  if (typeof scripts !== 'object' || scripts === null || Array.isArray(scripts)) {
    return { done: 'problem', text: 'package.json: its "scripts" is not an object; the scripts were not added' };
  }
  const missing = Object.keys(SCRIPTS).filter((name) => !Object.hasOwn(scripts, name));
  if (missing.length === 0) return { done: 'kept', text: 'package.json (it has the scripts)' };
  pkg.scripts = { ...scripts, ...Object.fromEntries(missing.map((name) => [name, SCRIPTS[name]!])) };
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? 2;
  try {
    await writeFile(path, `${JSON.stringify(pkg, null, indent)}\n`);
  } catch (err) {
    return { done: 'problem', text: `package.json: ${whyNotWritten(err)}` };
  }
  return { done: 'added', text: `the scripts ${missing.join(', ')} to package.json` };
}
