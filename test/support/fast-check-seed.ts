/**
 * The seed of every fast-check property that does not fix its own. Unset, each run draws a new
 * one (fast-check prints it with any counterexample), so that running the tests locally keeps
 * exploring. `.ci/run` sets FC_SEED: a gate that is red one run in fifty on a case nobody
 * changed blocks every change behind it, and what a random run finds becomes a fixed example
 * of its test instead.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== '') {
  if (!/^-?\d+$/.test(seed)) throw new Error(`FC_SEED=${seed}: not a whole number (e.g. FC_SEED=42)`);
  fc.configureGlobal({ seed: Number(seed) });
}
