// Fault injection for the real `leverage` command, loaded with `node --import`.
//
// LEVERAGE_FAULT="<op>:<n>:<action>" acts on the n-th call (1-based) of the fs/promises
// function <op> (rename, writeFile, mkdir, copyFile, link, rm, unlink) made by the main thread:
//   kill-before  SIGKILL the process before the call runs
//   kill-after   SIGKILL it right after the call finished
//   ENOSPC, EIO, EROFS, EACCES  make the call fail with that error, as the system would
// LEVERAGE_FAULT_LOG=<file> appends one line per call ("rename 3 <from> -> <to>"), to count them.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const OPS = ['rename', 'writeFile', 'mkdir', 'copyFile', 'link', 'rm', 'unlink'];
const spec = process.env.LEVERAGE_FAULT ?? '';
const log = process.env.LEVERAGE_FAULT_LOG;
const [faultOp, faultIndex, action] = spec.split(':');

if (isMainThread && (spec || log)) {
  const counts = Object.fromEntries(OPS.map((op) => [op, 0]));
  for (const op of OPS) {
    const original = fs.promises[op];
    fs.promises[op] = async function (...args) {
      const n = ++counts[op];
      const paths = ['rename', 'copyFile', 'link'].includes(op) ? args.slice(0, 2) : args.slice(0, 1);
      if (log) fs.appendFileSync(log, `${op} ${n} ${paths.map(String).join(' -> ')}\n`);
      const hit = op === faultOp && n === Number(faultIndex);
      if (hit && action === 'kill-before') process.kill(process.pid, 'SIGKILL');
      if (hit && /^E[A-Z]+$/.test(action)) {
        const err = new Error(`${action}: injected fault, ${op} '${args[0]}'`);
        err.code = action;
        err.syscall = op;
        err.path = String(args[0]);
        throw err;
      }
      const result = await original.apply(this, args);
      if (hit && action === 'kill-after') process.kill(process.pid, 'SIGKILL');
      return result;
    };
  }
  syncBuiltinESMExports();
}
