/**
 * This step's arrests, kept until the step ends so that each can be matched to the arrestee's roster
 * entry (sim/epstein/roster.ts).
 *
 * Why: a cop finds its arrestee by cell, and the roster entry holding that citizen's traits cannot be
 * found from the cell without a per-cell index that every move would have to update (the cost the
 * roster exists to avoid). Instead each arrest is logged with its cell and its time (the arresting
 * cop's place in the activation order), and a bit per cell marks where arrests happened:
 *
 * - An entry whose turn comes with its cell marked has been arrested: it has not acted, so it sat in
 *   that cell from the start of the step, and any arrest there took it (or the cop that stepped in
 *   after taking it). It is skipped and marked, and its arrest is the cell's first.
 * - An entry that acted at time e and ended in a marked cell was arrested there if the cell saw an
 *   arrest after e: the earliest such one, since a cell holds one agent and an arrest empties it (or,
 *   in Mesa's variant, keeps it jailed) until the next agent arrives.
 *
 * Every arrest is matched exactly once (`take` removes it); the model checks that none is left over.
 */
export class ArrestLog {
  /** One bit per cell: an arrest happened there this step (read directly by the activation loop). */
  readonly marks: Int32Array;
  private cells: number[] = [];
  private times: number[] = [];
  private jailIndex: number[] = [];
  /** Per marked cell, its arrests' indices in time order (most cells see one). */
  private readonly byCell = new Map<number, number[]>();

  constructor(cells: number) {
    this.marks = new Int32Array((cells + 31) >>> 5);
  }

  get size(): number {
    return this.cells.length;
  }

  /** An arrest at `cell` by the agent activated at `time`, held as jail record `jailIndex`. */
  record(cell: number, time: number, jailIndex: number): void {
    const i = this.cells.length;
    this.cells.push(cell);
    this.times.push(time);
    this.jailIndex.push(jailIndex);
    this.marks[cell >>> 5] |= 1 << (cell & 31);
    const list = this.byCell.get(cell);
    if (list === undefined) this.byCell.set(cell, [i]);
    else list.push(i);
  }

  /**
   * The jail record of the earliest unmatched arrest at `cell` after `time` (-1: any), removing it;
   * -1 if there is none.
   */
  take(cell: number, time: number): number {
    const list = this.byCell.get(cell);
    if (list === undefined) return -1;
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if (this.times[i] > time) {
        list.splice(k, 1);
        return this.jailIndex[i];
      }
    }
    return -1;
  }

  /** Arrests not yet matched (0 once every arrestee has been found). */
  unmatched(): number {
    let left = 0;
    for (const list of this.byCell.values()) left += list.length;
    return left;
  }

  /** Forget this step's arrests. */
  clear(): void {
    for (const cell of this.cells) this.marks[cell >>> 5] = 0;
    this.cells = [];
    this.times = [];
    this.jailIndex = [];
    this.byCell.clear();
  }

  byteLength(): number {
    return this.marks.byteLength;
  }
}
