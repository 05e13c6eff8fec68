/**
 * CommonJS packages reach this ESM code wrapped in different ways: Node hands over a namespace
 * whose `default` is `module.exports`; the bundle's split chunks export `module.exports` as
 * `default` only; the test runner hands over the named exports with `default` being the
 * package's own default export. This finds `module.exports` in all three.
 */
export function moduleExports<M extends { default: unknown }>(imported: M): M['default'] {
  const inner = imported.default;
  return (typeof inner === 'object' && inner !== null ? inner : imported) as M['default'];
}
