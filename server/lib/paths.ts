import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root, found from this file (server/lib in sources, dist/server/lib in a build), never from the
 * working directory: a service started from `/` still finds its web files and its default data folder.
 */
export const PACKAGE_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  import.meta.url.includes('/dist/server/') ? '../../..' : '../..',
);
