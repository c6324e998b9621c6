/** Save what is on screen as a PNG: one canvas, or several side by side (comparison panes). */
export function downloadPng(canvases: readonly HTMLCanvasElement[], name: string): void {
  const live = canvases.filter((c) => c.width > 0 && c.height > 0 && c.offsetParent !== null);
  if (!live.length) return;
  const out = document.createElement('canvas');
  out.width = live.reduce((s, c) => s + c.width, 0);
  out.height = Math.max(...live.map((c) => c.height));
  const g = out.getContext('2d')!;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, out.width, out.height);
  let x = 0;
  for (const c of live) {
    g.drawImage(c, x, 0);
    x += c.width;
  }
  downloadCanvas(out, name);
}

/** Offer a canvas as a PNG download named `name`. */
export function downloadCanvas(canvas: HTMLCanvasElement, name: string): void {
  canvas.toBlob((blob) => {
    if (!blob) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }, 'image/png');
}
