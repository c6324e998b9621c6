/**
 * The help panel: what is on the screen, in plain words. Open on a first visit (remembered in
 * localStorage), and with the Help button or the H key at any time. It sits in the page's flow, not as a
 * modal, so nothing is hidden behind it.
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
  close.addEventListener('click', () => {
    show(false);
    toggle.focus();
  });
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if ((e.target as Element | null)?.closest('input, select, textarea, [contenteditable]')) return;
    if (e.key === 'h' || e.key === 'H' || e.key === '?') {
      e.preventDefault();
      toggle.click();
    } else if (e.key === 'Escape' && !panel.hidden) show(false);
  });
}
