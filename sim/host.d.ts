/**
 * The host APIs sim/ may use beyond ECMAScript (sim/tsconfig.json has lib ES2023 only, no DOM, no
 * Node types). Each is in every browser, in Web Workers and in Node >= 17, and is deterministic.
 * Add one here only with that argument.
 */

/** HTML's structured clone (sim/governance/model.ts snapshots): typed arrays and plain data. */
declare function structuredClone<T>(value: T, options?: { transfer?: unknown[] }): T;
