// Trunk post-build hook: moves the inline module script Trunk writes into index.html to a
// file of its own, so the site runs under a strict Content-Security-Policy with no
// 'unsafe-inline' (Trunk 0.21 has no option for this; trunk-rs/trunk#288).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const htmlPath = join(dir, 'index.html');
const html = readFileSync(htmlPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) {
  if (html.includes('src="./init-')) process.exit(0); // already done
  console.error(`externalize-init: no inline module script in ${htmlPath}`);
  process.exit(1);
}
const code = match[1].trim() + '\n';
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const name = `init-${hash}.js`;
writeFileSync(join(dir, name), code);
const integrity = 'sha384-' + createHash('sha384').update(code).digest('base64');
writeFileSync(
  htmlPath,
  html.replace(inline, `<script type="module" src="./${name}" integrity="${integrity}" crossorigin="anonymous"></script>`),
);
console.log(`externalize-init: ${name}`);
