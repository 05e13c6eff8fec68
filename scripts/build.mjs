// Bundles the CLI into dist/ with code splitting, so that each command (and the SDK) is a chunk
// loaded only when a command needs it; `--help` loads the entry chunk alone. The bundle is made
// in a fresh folder and swapped in, so a run of the binary never sees half a build.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rename, rm, writeFile } from 'node:fs/promises';

const root = new URL('../', import.meta.url);
const next = new URL(`dist.${process.pid}/`, root);
const old = new URL(`dist.old.${process.pid}/`, root);
const dist = new URL('dist/', root);

const result = await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: next.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
  // The SDK is CommonJS; give its chunks a `require` for Node built-ins.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});

// Which modules each chunk pulls in statically: tests use it to prove that `--help` and
// `explain` never load the SDK.
await writeFile(new URL('meta.json', next), JSON.stringify(result.metafile));
execFileSync(process.execPath, [new URL('render-help.mjs', import.meta.url).pathname,
  next.pathname]);
await rename(dist, old).catch(() => undefined);
await rename(next, dist);
await rm(old, { recursive: true, force: true });
