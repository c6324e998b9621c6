/**
 * The lattice view: a width x height map of colour codes drawn with three.js as one textured quad under
 * an orthographic camera. Each cell is one texel of a DataTexture, so a frame costs one pass over the
 * codes and one texture upload, whatever the number of agents. Where the canvas has room, every cell
 * gets a whole number of device pixels (nearest filtering), so the picture is crisp and pixels can be
 * counted per cell; a lattice larger than the canvas is scaled down with mipmaps, averaging colours. Colours pass through unchanged (no colour-space conversion): a cell painted
 * '#d55e00' shows as exactly that colour. The drawing buffer is preserved, so the canvas can be read
 * back (screenshots, toDataURL) at any time.
 */
import {
  DataTexture,
  LinearMipmapLinearFilter,
  LinearSRGBColorSpace,
  Mesh,
  MeshBasicMaterial,
  NearestFilter,
  NoColorSpace,
  OrthographicCamera,
  PlaneGeometry,
  RGBAFormat,
  Scene,
  UnsignedByteType,
  WebGLRenderer,
} from 'three';
import type { CodeMap } from './model-views';
import { rgb } from './palette';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Palette colours packed as one RGBA word each, in the byte order of this machine. */
function packPalette(palette: readonly string[]): Uint32Array {
  const out = new Uint32Array(256);
  palette.forEach((hex, i) => {
    const [r, g, b] = rgb(hex);
    out[i] = LITTLE_ENDIAN ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
  });
  return out;
}

export class LatticeView {
  private readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera = new OrthographicCamera(0, 1, 1, 0, -1, 1);
  private readonly material = new MeshBasicMaterial();
  private readonly mesh = new Mesh(new PlaneGeometry(1, 1), this.material);
  private texture: DataTexture | undefined;
  private texels: Uint32Array | undefined;
  private width = 0;
  private height = 0;
  private paletteKey = '';
  private packed: Uint32Array = new Uint32Array(256);
  /** Largest side of the canvas in CSS pixels. */
  private maxCss = 560;

  /** Throws when WebGL is unavailable; the caller says so on the page. */
  constructor(readonly canvas: HTMLCanvasElement) {
    this.renderer = new WebGLRenderer({ canvas, antialias: false, alpha: false, preserveDrawingBuffer: true });
    this.renderer.outputColorSpace = LinearSRGBColorSpace;
    this.renderer.setPixelRatio(1);
    this.renderer.setClearColor(0xffffff, 1);
    this.scene.add(this.mesh);
  }

  /** Largest side in CSS pixels the view may take (call when the layout changes, then draw again). */
  setMaxSize(cssPixels: number): void {
    this.maxCss = Math.max(64, Math.floor(cssPixels));
    if (this.width > 0) {
      this.fit();
      this.renderer.render(this.scene, this.camera);
    }
  }

  /** Draw one map. Returns the time taken in milliseconds (colouring, upload and render). */
  draw(map: CodeMap, palette: readonly string[]): number {
    const t0 = performance.now();
    const key = palette.join();
    if (key !== this.paletteKey) {
      this.packed = packPalette(palette);
      this.paletteKey = key;
    }
    if (map.width !== this.width || map.height !== this.height || !this.texture) this.resize(map.width, map.height);
    const out = this.texels!;
    const { codes, width, height } = map;
    const lut = this.packed;
    // Row 0 of the map is the top row; row 0 of a texture is the bottom one.
    for (let y = 0; y < height; y++) {
      const src = y * width;
      const dst = (height - 1 - y) * width;
      for (let x = 0; x < width; x++) out[dst + x] = lut[codes[src + x]];
    }
    this.texture!.needsUpdate = true;
    this.renderer.render(this.scene, this.camera);
    return performance.now() - t0;
  }

  dispose(): void {
    this.texture?.dispose();
    this.material.dispose();
    this.mesh.geometry.dispose();
    this.renderer.dispose();
  }

  private resize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    this.texture?.dispose();
    this.texels = new Uint32Array(width * height);
    const tex = new DataTexture(new Uint8Array(this.texels.buffer), width, height, RGBAFormat, UnsignedByteType);
    tex.magFilter = NearestFilter;
    tex.minFilter = NearestFilter;
    tex.generateMipmaps = false;
    tex.colorSpace = NoColorSpace;
    this.texture = tex;
    this.material.map = tex;
    this.material.needsUpdate = true;
    this.mesh.scale.set(width, height, 1);
    this.mesh.position.set(width / 2, height / 2, 0);
    this.camera.left = 0;
    this.camera.right = width;
    this.camera.top = height;
    this.camera.bottom = 0;
    this.camera.updateProjectionMatrix();
    this.fit();
  }

  /** Size the canvas: a whole number of device pixels per cell when they fit, else scale down. */
  private fit(): void {
    const dpr = window.devicePixelRatio || 1;
    const maxDevice = Math.floor(this.maxCss * dpr);
    const side = Math.max(this.width, this.height);
    const perCell = Math.floor(maxDevice / side);
    const scale = perCell >= 1 ? perCell : maxDevice / side;
    // Scaled down, a cell is smaller than a pixel: average colours (mipmaps) rather than pick one cell.
    const tex = this.texture!;
    const minify = perCell < 1;
    if (tex.generateMipmaps !== minify) {
      tex.generateMipmaps = minify;
      tex.minFilter = minify ? LinearMipmapLinearFilter : NearestFilter;
      tex.needsUpdate = true;
    }
    const w = Math.max(1, Math.round(this.width * scale));
    const h = Math.max(1, Math.round(this.height * scale));
    this.renderer.setSize(w, h, false);
    this.canvas.style.width = `${w / dpr}px`;
    this.canvas.style.height = `${h / dpr}px`;
  }
}
