/**
 * `node lib/incremental/write-bundle-hash.js` (run by `npm run bundle` once the bundle is
 * made): records the bundle's hash in lib/bundle/hash.json (see fingerprint.ts).
 */
import { fileURLToPath } from 'node:url';
import { writeBundleHash } from './fingerprint.js';

writeBundleHash(fileURLToPath(new URL('../bundle/', import.meta.url)));
