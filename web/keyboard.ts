/**
 * Single-key shortcuts for the playback buttons. A shortcut clicks its button (so a disabled button
 * stays inert), and keys typed into a field or a picker are left alone.
 */
export function bindShortcuts(keys: Record<string, HTMLButtonElement>): void {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const target = e.target as Element | null;
    if (target?.closest('input, select, textarea, [contenteditable]')) return;
    const button = keys[e.key.toLowerCase()];
    if (!button) return;
    e.preventDefault();
    if (!button.disabled) button.click();
  });
}
