/**
 * Outbursts: Epstein (2002) reads punctuated equilibrium off the count of actives. An outburst is
 * counted each time the actives rise above HIGH after having been below LOW; counting is armed only
 * once the actives have been below LOW, so a run that starts in turmoil does not count its start.
 * The thresholds (50 up, 10 down) are for the paper's 40 x 40 lattice of 1,120 citizens; 50 is the
 * level Epstein used to call an episode a rebellion (as reported by secondary accounts of the paper).
 */
export const OUTBURST_HIGH = 50;
export const OUTBURST_LOW = 10;

export function countOutbursts(active: ArrayLike<number>, high = OUTBURST_HIGH, low = OUTBURST_LOW): number {
  let armed = false;
  let n = 0;
  for (let i = 0; i < active.length; i++) {
    const a = active[i];
    if (a < low) armed = true;
    else if (armed && a > high) {
      n++;
      armed = false;
    }
  }
  return n;
}
