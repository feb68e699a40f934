// Fault injection for the real `leverage` command, loaded with `node --import`.
//
// LEVERAGE_FAULT="<op>:<n>:<action>" acts on the n-th call (1-based) of the fs function <op>
// (rename, writeFile, mkdir, copyFile, link, rm, unlink) made by the main thread, counting its
// fs/promises form and its synchronous form (writeFileSync…) together:
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
  // appendFileSync goes through fs.writeFileSync: log with the original, before it is replaced.
  const writeLog = fs.writeFileSync.bind(fs);
  const intercept = (op, args) => {
    const n = ++counts[op];
    const paths = ['rename', 'copyFile', 'link'].includes(op) ? args.slice(0, 2) : args.slice(0, 1);
    if (log) writeLog(log, `${op} ${n} ${paths.map(String).join(' -> ')}\n`, { flag: 'a' });
    const hit = op === faultOp && n === Number(faultIndex);
    if (hit && action === 'kill-before') process.kill(process.pid, 'SIGKILL');
    if (hit && /^E[A-Z]+$/.test(action)) {
      const err = new Error(`${action}: injected fault, ${op} '${args[0]}'`);
      err.code = action;
      err.syscall = op;
      err.path = String(args[0]);
      throw err;
    }
    return hit && action === 'kill-after';
  };
  for (const op of OPS) {
    const original = fs.promises[op];
    fs.promises[op] = async function (...args) {
      const killAfter = intercept(op, args);
      const result = await original.apply(this, args);
      if (killAfter) process.kill(process.pid, 'SIGKILL');
      return result;
    };
    const originalSync = fs[`${op}Sync`];
    fs[`${op}Sync`] = function (...args) {
      const killAfter = intercept(op, args);
      const result = originalSync.apply(this, args);
      if (killAfter) process.kill(process.pid, 'SIGKILL');
      return result;
    };
  }
  syncBuiltinESMExports();
}
