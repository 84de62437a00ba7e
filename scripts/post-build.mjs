// Trunk's one post-build hook. Trunk 0.21 starts the hooks of a stage at the same time, and
// these steps edit the same files (index.html above all), so they run here one after the
// other, each as its own script:
//   1. place-files.mjs      — the dataset, previews and lazy views' chunks beside the page;
//   2. externalize-init.mjs — the start-up script as a file, the main wasm checked, with
//      the table of the excerpt files step 1 placed;
//   3. write-sw.mjs         — the service worker, versioned by the finished file set.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

for (const step of ['place-files.mjs', 'externalize-init.mjs', 'write-sw.mjs']) {
  try {
    execFileSync(process.execPath, [join(import.meta.dirname, step), ...process.argv.slice(2)], { stdio: 'inherit' });
  } catch {
    console.error(`post-build: ${step} failed`);
    process.exit(1);
  }
}
