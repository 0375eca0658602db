// Empties frontend/dist before a build but keeps dist/.gitkeep, which must stay committed so
// that main.go's `//go:embed all:frontend/dist` compiles on a clean checkout.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
mkdirSync(dist, { recursive: true });
for (const name of readdirSync(dist)) {
  if (name !== '.gitkeep') rmSync(join(dist, name), { recursive: true, force: true });
}
writeFileSync(join(dist, '.gitkeep'), '');
