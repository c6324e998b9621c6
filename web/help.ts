/**
 * The help panel: what is on the screen, in plain words. Open on a first visit, and with the Help button
 * or the H key at any time; closed by its close buttons or Esc, and a closing is remembered (localStorage)
 * so it does not open by itself again. It floats over the page (style.css .help) rather than sitting in
 * its flow: in the flow it pushed the town below the fold on a first visit, and opening it moved
 * everything the reader was looking at. It is not modal: the page behind stays usable.
 */
const SEEN = 'govsim-help-seen';

export function setupHelp(panel: HTMLElement, toggle: HTMLButtonElement, close: HTMLButtonElement): void {
  const show = (open: boolean) => {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (!open) {
      try {
        localStorage.setItem(SEEN, '1');
      } catch {
        /* private mode: show it again next time */
      }
    }
  };
  let seen = false;
  try {
    seen = localStorage.getItem(SEEN) === '1';
  } catch {
    seen = false;
  }
  show(!seen);
  toggle.addEventListener('click', () => {
    show(panel.hidden === true);
    if (!panel.hidden) panel.focus();
  });
  // "Got it" at the end and the corner's x (index.html) both close it.
  for (const b of [close, panel.querySelector<HTMLButtonElement>('.help-x')]) {
    b?.addEventListener('click', () => {
      show(false);
      toggle.focus();
    });
  }
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if ((e.target as Element | null)?.closest('input, select, textarea, [contenteditable]')) return;
    if (e.key === 'h' || e.key === 'H' || e.key === '?') {
      e.preventDefault();
      toggle.click();
    } else if (e.key === 'Escape' && !panel.hidden) {
      const inside = panel.contains(document.activeElement);
      show(false);
      if (inside) toggle.focus();
    }
  });
}
