/**
 * The memory limit of a command: `--max-memory SIZE`, else 90% of the machine's free memory (what the
 * kernel reports as available, Node's os.freemem(); inside a container with a smaller memory limit,
 * that limit less what this process already holds). The 10% left over is for Node itself, the output
 * text and whatever else the machine runs. The JavaScript heap is limited on its own by V8
 * (--max-old-space-size); its limit is checked too.
 */
import { freemem, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { formatBytes, type MemoryLimit, parseSize } from '../scenario/bounds';
import { quoteEcho } from '../scenario/display';
import { type ParsedArgs, stringFlag } from './args';
import { UsageError } from './errors';

/** Share of the free memory a command may plan for when --max-memory is not given. */
export const FREE_MEMORY_SHARE = 0.9;

export const MAX_MEMORY_HINT = 'set another with --max-memory SIZE, e.g. --max-memory 8GB';

/** The limit for runs of this command, `copies` of them at once (batch workers, `why`). */
export function memoryLimit(args: ParsedArgs, copies = 1, why?: string): MemoryLimit {
  const text = stringFlag(args, 'max-memory');
  const heap = getHeapStatistics();
  const heapBytes = heap.heap_size_limit - heap.used_heap_size;
  const common = { heapBytes, copies, copiesWhy: why };
  if (text !== undefined) {
    const bytes = parseSize(text);
    if (bytes === undefined) {
      throw new UsageError(`--max-memory: ${quoteEcho(text)} is not a size; allowed: bytes, or a number with KB, MB, GB or TB (1 GB = 1024 MB), e.g. 512MB, 4GB`);
    }
    return { bytes, what: `--max-memory ${text}`, hint: 'raise --max-memory if the machine has the memory', ...common };
  }
  let free = freemem();
  const constrained = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.();
  if (constrained && constrained < totalmem()) free = Math.min(free, constrained - process.memoryUsage().rss);
  return {
    bytes: Math.max(0, Math.floor(FREE_MEMORY_SHARE * free)),
    what: `${Math.round(FREE_MEMORY_SHARE * 100)}% of the free memory, ${formatBytes(free)}`,
    hint: MAX_MEMORY_HINT,
    ...common,
  };
}
