/**
 * Reading an author's text file: UTF-8 only, no NUL bytes. Problems come back as located
 * diagnostics, never as exceptions. Line ends come out as LF whatever the file uses (CRLF
 * from a Windows checkout, CR from an old Mac editor), so the same text gives the same site.
 */

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { error } from '../diagnostics.js';
import type { Diagnostic } from '../diagnostics.js';

export type TextFile = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** Reads `<root>/<file>` (`file` relative, with `/`). The BOM, if any, is dropped. */
export async function readTextFile(root: string, file: string): Promise<TextFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.join(root, ...file.split('/')));
  } catch (cause) {
    return fail(file, 0, 0, `cannot read the file (${errorCode(cause)})`, 'check that it exists and is readable');
  }
  return decodeText(file, bytes);
}

/** Decodes UTF-8 bytes, line ends made LF; an error at the first invalid byte or NUL character otherwise. */
export function decodeText(file: string, bytes: Uint8Array): TextFile {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const { line, column } = bytePosition(bytes, firstInvalidByte(bytes));
    return fail(file, line, column, 'the file is not valid UTF-8 text', 'save it as UTF-8');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, column } = bytePosition(bytes, nul);
    return fail(file, line, column, 'the file contains a NUL character, so it is not text', 'save it as plain UTF-8 text');
  }
  return { ok: true, text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text };
}

/** Throws at the first invalid sequence; drops a BOM. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** `ENOENT`, `EACCES`, … of a file-system error. */
export function errorCode(cause: unknown): string {
  return (cause as NodeJS.ErrnoException).code ?? String(cause);
}

function fail(file: string, line: number, column: number, message: string, hint: string): TextFile {
  return { ok: false, diagnostic: error(file, line, column, message, hint) };
}

function decodes(bytes: Uint8Array, stream: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}

/** Offset of the first byte of the first invalid UTF-8 sequence of bytes that do not decode. */
function firstInvalidByte(bytes: Uint8Array): number {
  // The longest prefix that is valid as far as it goes ends inside the bad sequence…
  let valid = 0;
  let invalid = bytes.length + 1;
  while (invalid - valid > 1) {
    const middle = (valid + invalid) >>> 1;
    if (decodes(bytes.subarray(0, middle), true)) valid = middle;
    else invalid = middle;
  }
  // …which starts where the longest complete prefix ends.
  let start = valid;
  while (start > 0 && !decodes(bytes.subarray(0, start), false)) start--;
  return start;
}

/** 1-based line and column (in characters) of a byte offset. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    // LF, CRLF and a lone CR each end a line, as in the decoded text.
    if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}
