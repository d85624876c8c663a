/** The site's own static files, with version tags so browsers may cache them for a year. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ASSETS_DIR = join(import.meta.dirname, 'assets');

function versioned(file: string): string {
  const hash = createHash('sha256').update(readFileSync(join(ASSETS_DIR, file))).digest('hex').slice(0, 10);
  return `/assets/${file}?v=${hash}`;
}

export const ASSETS = {
  css: versioned('vigil.css'),
  js: versioned('vigil.js'),
  icon: versioned('icon.svg'),
};
