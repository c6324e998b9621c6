/**
 * After a pick on the town (a click, or ] [ Home End from the keyboard), bring the inspector into view
 * when it is not: on narrow screens it sits under the town, often below the fold, and a click that
 * seemed to do nothing was the first thing a class noticed (issue 12). Hover updates the inspector too,
 * but never scrolls: only a deliberate pick moves the page.
 */
const PICK_KEYS = new Set([']', '[', 'Home', 'End']);

/** Whether `r` lies wholly inside a viewport of `w` x `h` CSS pixels. */
export function withinViewport(r: { top: number; bottom: number; left: number; right: number }, w: number, h: number): boolean {
  return r.top >= 0 && r.left >= 0 && r.bottom <= h && r.right <= w;
}

export function revealOnPick(target: HTMLElement, panel: HTMLElement): void {
  const reveal = () =>
    // Two frames: the pick's listener fills the inspector first, and the layout settles.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (panel.hidden || withinViewport(panel.getBoundingClientRect(), innerWidth, innerHeight)) return;
        const calm = matchMedia('(prefers-reduced-motion: reduce)').matches;
        panel.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: calm ? 'auto' : 'smooth' });
      }),
    );
  target.addEventListener('click', reveal);
  target.addEventListener('keydown', (e) => {
    if (PICK_KEYS.has(e.key)) reveal();
  });
}
