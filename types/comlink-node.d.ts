// comlink ships its Node adapter without a declaration at the .mjs path (STACK.md).
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
