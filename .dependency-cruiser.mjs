/**
 * dependency-cruiser: the house plan's arrows (design/ARCHITECTURE.md), checked by `npm run lint`.
 * TypeScript 7 has no JS API, so the TypeScript parser dependency-cruiser would use is unavailable:
 * files are parsed with swc (@swc/core) and resolved by extension, without reading tsconfig.json.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'sim-is-self-contained',
      comment:
        'sim/ is pure model code: it imports nothing of the project outside sim/ (no src/, no web/; design/ARCHITECTURE.md).',
      severity: 'error',
      from: { path: '^sim/' },
      to: { pathNot: '^sim/', dependencyTypesNot: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'core'] },
    },
    {
      name: 'sim-no-node-builtins',
      comment: 'sim/ runs in browsers and workers too: no node: builtins (fs, path, worker_threads, ...).',
      severity: 'error',
      from: { path: '^sim/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'sim-npm-allowlist',
      comment:
        'sim/ may use only packages known to be deterministic and engine-neutral (seedrandom); add one here deliberately.',
      severity: 'error',
      from: { path: '^sim/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg'], pathNot: '^node_modules/seedrandom/' },
    },
    {
      name: 'web-uses-public-model-interfaces',
      comment:
        'web/ sees a model only through its public interfaces: sim/core/model.ts, sim/core/types*, and a model entry ' +
        'sim/<model>/index.ts.',
      severity: 'error',
      from: { path: '^web/' },
      to: {
        path: '^sim/',
        pathNot: ['^sim/core/model[.]ts$', '^sim/core/types([.]ts$|/)', '^sim/[^/]+/index[.]ts$'],
      },
    },
    {
      name: 'web-stays-in-the-browser',
      comment:
        'web/ runs in a browser: nothing it imports may reach, however indirectly, a Node builtin (fs, ' +
        'worker_threads, ...). Shared logic in src/ that the app uses (e.g. src/sensitivity) must stay pure.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(node:)?(fs|fs/promises|path|os|crypto|worker_threads|child_process|url|module|util|stream|events|readline|process)$', reachable: true },
    },
    {
      name: 'src-not-to-web',
      comment: 'Arrows point down: web -> src -> sim. src/ (the CLI, workers, batches) never imports the front end.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^web/' },
    },
    {
      name: 'no-circular',
      comment:
        'No import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|reports|out)/' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.mjs', '.js', '.json', '.d.ts'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
