/** The blog a command works on: `--root`, or the current folder; a folder with `records/`. */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * The root's absolute path, or null (the problem printed) when it is not a blog: building
 * or checking a folder without `records/` would make an empty site of a mistyped path.
 */
export async function blogRoot(command: string, given: string | undefined): Promise<string | null> {
  const root = resolve(given ?? '.');
  const shown = given === undefined ? `the current folder (${root})` : given;
  const next = "give --root the blog's folder, or start a blog with leverage init";
  const kind = async (path: string) => (await stat(path).catch(() => null))?.isDirectory();
  const rootKind = await kind(root);
  if (rootKind === undefined) return refuse(command, `${shown} does not exist (${next})`);
  if (!rootKind) return refuse(command, `${shown} is a file, not a folder (${next})`);
  const records = await kind(join(root, 'records'));
  if (records === false) return refuse(command, `records in ${shown} is a file; it must be the folder of the record files`);
  if (records === undefined) return refuse(command, `${shown} has no records/ folder, so it is not a blog (${next})`);
  return root;
}

function refuse(command: string, message: string): null {
  console.error(`leverage ${command}: ${message}`);
  return null;
}
