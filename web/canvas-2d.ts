/**
 * A 2D canvas ready to draw in CSS pixels: its backing store sized for the device's pixel ratio (so
 * lines stay sharp on high-density screens and projectors) and cleared.
 */
export function prepare2d(canvas: HTMLCanvasElement, fallbackW: number, fallbackH: number): { g: CanvasRenderingContext2D; w: number; h: number } | undefined {
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth || fallbackW;
  const h = canvas.clientHeight || fallbackH;
  // Resizing clears the canvas and its state, so only when the size really changed.
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  const g = canvas.getContext('2d');
  if (!g) return undefined;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, w, h);
  return { g, w, h };
}
