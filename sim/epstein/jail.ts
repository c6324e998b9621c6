/**
 * Jail terms. An arrested citizen draws a term t and misses its next t steps: arrested during step s,
 * it is released at the end of step s + t (before that step is recorded), so it is counted as jailed
 * in exactly t rows of the series, and t = 0 means it is out again at the end of the step of its arrest.
 *
 * The reference implementations disagree on the range (an option, `jailTermInclusive`):
 *   exclusive  0..J-1  NetLogo Rebellion: `set jail-term random max-jail-term` (`random 0` is 0)
 *   inclusive  0..J    Mesa epstein_civil_violence: `self.random.randint(0, self.max_jail_term)`
 * NetLogo also decrements the term at the end of the arrest tick, so its citizen misses t - 1 ticks;
 * this model does not copy that off-by-one (a term means the steps missed).
 */

/** A term in steps; Infinity for an unbounded maximum (never released, no draw taken). */
export function drawJailTerm(draw: () => number, maxJailTerm: number | null, inclusive: boolean): number {
  if (maxJailTerm === null) return Infinity;
  const choices = inclusive ? maxJailTerm + 1 : maxJailTerm;
  return choices > 0 ? Math.floor(draw() * choices) : 0;
}

/**
 * The jail: one record per jailed citizen, in order of arrest. A citizen that leaves the lattice while
 * jailed (jailedCellEmpty) takes its traits here; `cell` is where it was arrested.
 */
export class Jail {
  hardship: Float64Array;
  riskAversion: Float64Array;
  releaseAt: Float64Array;
  cell: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.hardship = new Float64Array(capacity);
    this.riskAversion = new Float64Array(capacity);
    this.releaseAt = new Float64Array(capacity);
    this.cell = new Int32Array(capacity);
  }

  /** Add a record; returns its index (stable until the next releaseDue). */
  admit(hardship: number, riskAversion: number, releaseAt: number, cell: number): number {
    const i = this.size++;
    this.hardship[i] = hardship;
    this.riskAversion[i] = riskAversion;
    this.releaseAt[i] = releaseAt;
    this.cell[i] = cell;
    return i;
  }

  /**
   * Offer every record due by step `s`, in arrest order, to `leave`; records it accepts (returns true)
   * are removed, the rest keep their order.
   */
  releaseDue(s: number, leave: (record: number) => boolean): void {
    let kept = 0;
    for (let i = 0; i < this.size; i++) {
      if (this.releaseAt[i] <= s && leave(i)) continue;
      if (kept !== i) {
        this.hardship[kept] = this.hardship[i];
        this.riskAversion[kept] = this.riskAversion[i];
        this.releaseAt[kept] = this.releaseAt[i];
        this.cell[kept] = this.cell[i];
      }
      kept++;
    }
    this.size = kept;
  }

  byteLength(): number {
    return this.hardship.byteLength + this.riskAversion.byteLength + this.releaseAt.byteLength + this.cell.byteLength;
  }
}
