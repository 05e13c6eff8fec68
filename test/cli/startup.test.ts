import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// esbuild's metafile of the built CLI: which inputs every output chunk holds and which chunks
// it imports statically. What `--help` loads is the entry chunk and its static imports.
interface Meta {
  outputs: Record<string, {
    entryPoint?: string;
    inputs: Record<string, unknown>;
    imports: { path: string; kind: string }[];
  }>;
}

const meta = JSON.parse(
  readFileSync(new URL('../../dist/meta.json', import.meta.url), 'utf8'),
) as Meta;

function staticClosure(start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const out = stack.pop()!;
    if (seen.has(out)) continue;
    seen.add(out);
    for (const imp of meta.outputs[out]?.imports ?? []) {
      if (imp.kind === 'import-statement' && meta.outputs[imp.path]) stack.push(imp.path);
    }
  }
  return seen;
}

function inputsOf(chunks: Set<string>): string[] {
  return [...chunks].flatMap((c) => Object.keys(meta.outputs[c]!.inputs));
}

describe('start-up cost', () => {
  const entry = Object.keys(meta.outputs).find((o) => meta.outputs[o]!.entryPoint === 'src/cli.ts')!;

  it('loads neither the SDK nor the credentials library for --help', () => {
    const loaded = inputsOf(staticClosure(entry));
    expect(loaded.some((i) => i.includes('src/cli.ts'))).toBe(true);
    expect(loaded.filter((i) => i.includes('node_modules/@alicloud'))).toEqual([]);
    expect(loaded.filter((i) => i.includes('node_modules/@darabonba'))).toEqual([]);
  });

  it('keeps the error catalogue and the sandbox out of the entry chunk', () => {
    const loaded = inputsOf(staticClosure(entry));
    expect(loaded.filter((i) => i.includes('src/catalogue/data'))).toEqual([]);
    expect(loaded.filter((i) => i.includes('src/sandbox/server'))).toEqual([]);
  });
});

describe('the help rendered at build time', () => {
  const rendered = JSON.parse(
    readFileSync(new URL('../../dist/help.json', import.meta.url), 'utf8'),
  ) as Record<string, string>;

  it('covers every command and subcommand', () => {
    expect(Object.keys(rendered)).toEqual(expect.arrayContaining([
      '', 'reset', 'describe', 'export', 'undo', 'explain', 'sandbox', 'config', 'config show',
      'completion', 'sandbox fault add', 'sandbox consumers',
    ]));
  });

  it('is the help commander prints, with examples and the exit statuses', () => {
    expect(rendered.reset).toMatch(/^Usage: alikafka-offsets reset \[options\]/);
    expect(rendered.reset).toContain('Examples:');
    expect(rendered.reset).toContain('130  interrupted');
  });
});
