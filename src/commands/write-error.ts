/** Why a file could not be written, in the author's words, with the system's code. */
export function whyNotWritten(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'EEXIST' || code === 'ENOTDIR' ? 'a file stands where a folder must be'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOSPC' ? 'the disk is full'
    : (err as Error).message;
  return `${why}${code ? ` (${code})` : ''}`;
}
