// Bundles the CLI into dist/ with code splitting, so that each command (and the SDK) is a chunk
// loaded only when a command needs it; `--help` loads the entry chunk alone.
import { build } from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';

await rm(new URL('../dist/', import.meta.url), { recursive: true, force: true });
const result = await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
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
await writeFile(new URL('../dist/meta.json', import.meta.url), JSON.stringify(result.metafile));
