// The build's shared names (scripts/build.conf), for the Node hooks, and the checks that
// keep the hooks' text patches honest.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

/** scripts/build.conf as an object: `KEY=value` lines, `#` comments, optional quotes. */
export function buildConfig() {
  const config = {};
  for (const line of readFileSync(join(ROOT, 'scripts', 'build.conf'), 'utf8').split('\n')) {
    const m = line.match(/^([A-Z_]+)=(.*)$/);
    if (m) config[m[1]] = m[2].replace(/^"(.*)"$/, '$1');
  }
  for (const key of ['CRATE', 'SPLIT_DIR', 'WASM_OPT_LEVEL', 'WASM_OPT_FEATURES']) {
    if (!config[key]) fail('build-config', `scripts/build.conf does not set ${key}`);
  }
  return config;
}

/** Stops the build with a message naming the hook. */
export function fail(hook, message) {
  console.error(`${hook}: ${message}`);
  process.exit(1);
}

/**
 * `text` with `pattern` replaced, failing the build unless it matched exactly `times` times:
 * a tool that changes its output must break the build loudly, not ship a page that breaks.
 */
export function patch(hook, what, text, pattern, replacement, times = 1) {
  const all = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  const n = (text.match(all) ?? []).length;
  if (n !== times) fail(hook, `${what}: expected ${times} match(es) of ${pattern}, found ${n}`);
  return text.replace(all, replacement);
}

/** The Subresource Integrity value of some bytes (SHA-256, as the page and worker check it). */
export function integrity(bytes) {
  return 'sha256-' + createHash('sha256').update(bytes).digest('base64');
}

/** A short content hash for file names (16 hex digits of SHA-256). */
export function contentHash(bytes) {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}
