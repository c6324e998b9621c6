/**
 * Ctrl-C and SIGTERM during a long command (batch, sweep, compare, effects): the first signal aborts
 * the run pool through an AbortSignal (no new run starts; finished runs are kept) and the command exits
 * with the shell's code for that signal (130 for SIGINT, 143 for SIGTERM). `dispose` removes the
 * handlers once the pool is done.
 */
export interface Interrupt {
  signal: AbortSignal;
  /** 130 or 143 once a signal came, else 0. */
  code(): number;
  dispose(): void;
}

export function onInterrupt(): Interrupt {
  const controller = new AbortController();
  let code = 0;
  const handler = (sig: NodeJS.Signals) => {
    code = sig === 'SIGTERM' ? 143 : 130;
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    code: () => code,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
