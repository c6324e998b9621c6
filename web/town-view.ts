/**
 * The town in three.js: the four levels of the mediation network as stacked layers. At the bottom the
 * grids (residents' quarters) at their layout positions (gridX, gridY), coloured calm / open disputes /
 * collective action, raised by their open disputes; above them the villages' mediation committees, then
 * the town's offices (mediation office, NGO teams, police, petition office), then the county (court,
 * petition office). Each resolver is a bar: its colour says what it is, its height how loaded it is
 * ((busy + queued) / capacity), a vermillion cap that a queue is waiting. Each open case is a dot at the
 * resolver handling it, tied by a thin line to its claimant's grid, so a referred or escalated case is
 * seen one layer higher; petitions are reddish purple, mass incidents a vermillion ring at the town.
 * Orbit, zoom and pick (hover or click) with the mouse; the camera can be shared between views.
 */
import {
  AmbientLight,
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
  Color,
  DirectionalLight,
  DoubleSide,
  EdgesGeometry,
  Float32BufferAttribute,
  InstancedMesh,
  LineBasicMaterial,
  LineSegments,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  PerspectiveCamera,
  PlaneGeometry,
  Points,
  PointsMaterial,
  Raycaster,
  RingGeometry,
  Scene,
  SRGBColorSpace,
  Vector2,
  Vector3,
  WebGLRenderer,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { GOVERNANCE_COLOURS, TOWN_COLOURS } from './palette';
import { codeLabel, lang, locale, t } from './i18n';
import {
  CH_COURT,
  CH_GRID,
  CH_NEGOTIATE,
  CH_NGO,
  CH_PET_COUNTY,
  CH_PET_TOWN,
  CH_POLICE,
  CH_TOWN,
  CH_VILLAGE,
  FIRST_NONE,
  FLAG_COUNTY,
  FLAG_COURT,
  FLAG_ONLINE,
  FLAG_OVER_LEVEL,
  type GovernanceFrame,
  ST_PENDING,
  RESOLVER_LABELS,
  STATUS_LABELS,
  TYPE_LABELS,
} from '../sim/governance/index';

export const LEVELS = ['Grids', 'Villages', 'Town', 'County'] as const;

/** A layer's label in the page's language. */
const layerLabel = (l: number) => codeLabel('layer', l, LEVELS[l]);
const LEVEL_GAP = 9;
/** The town view's words and drawing for each channel (index = CH_* of sim/governance/codes.ts). */
const BY_CHANNEL: { ch: number; channel: string; layer: number; colour: string }[] = [
  { ch: CH_NEGOTIATE, channel: 'direct negotiation', layer: 0, colour: '#000' },
  { ch: CH_GRID, channel: 'grid mediation', layer: 0, colour: '#000' },
  { ch: CH_VILLAGE, channel: 'village mediation', layer: 1, colour: TOWN_COLOURS.village },
  { ch: CH_NGO, channel: 'NGO mediation', layer: 2, colour: TOWN_COLOURS.ngo },
  { ch: CH_TOWN, channel: 'town mediation', layer: 2, colour: TOWN_COLOURS.town },
  { ch: CH_POLICE, channel: 'police', layer: 2, colour: TOWN_COLOURS.police },
  { ch: CH_COURT, channel: 'court', layer: 3, colour: TOWN_COLOURS.court },
  { ch: CH_PET_TOWN, channel: 'town petition office', layer: 2, colour: TOWN_COLOURS.petition },
  { ch: CH_PET_COUNTY, channel: 'county petition office', layer: 3, colour: TOWN_COLOURS.petition },
].sort((a, b) => a.ch - b.ch);
/** Channels in the words of a case's history (index = CH_*). */
const CHANNEL_NAMES = BY_CHANNEL.map((c) => c.channel);
/** Layer of each resolver kind (index = CH_*; NGO teams sit with the town's offices). Grid workers are drawn as their tiles. */
const KIND_LAYER = BY_CHANNEL.map((c) => c.layer);
const KIND_COLOUR = BY_CHANNEL.map((c) => c.colour);

export type Picked =
  | { type: 'grid'; index: number }
  | { type: 'resolver'; index: number }
  | { type: 'case'; index: number };

export interface PickInfo {
  title: string;
  lines: string[];
}

const M = new Matrix4();
const C = new Color();

function channelColour(ch: number, status: number): string {
  if (status === ST_PENDING) return TOWN_COLOURS.pending;
  if (ch === CH_PET_TOWN || ch === CH_PET_COUNTY) return TOWN_COLOURS.petition;
  if (ch === CH_COURT) return TOWN_COLOURS.court;
  if (ch === CH_POLICE) return TOWN_COLOURS.police;
  return TOWN_COLOURS.mediation;
}

export class TownView {
  readonly renderer: WebGLRenderer;
  readonly camera = new PerspectiveCamera(38, 4 / 3, 0.5, 2000);
  readonly controls: OrbitControls;
  private readonly scene = new Scene();
  private tiles?: InstancedMesh;
  private bars?: InstancedMesh;
  private caps?: InstancedMesh;
  private readonly cases = new Points(new BufferGeometry(), new PointsMaterial({ size: 0.8, vertexColors: true, sizeAttenuation: true }));
  private readonly ties = new LineSegments(new BufferGeometry(), new LineBasicMaterial({ color: 0x9aa7b5, transparent: true, opacity: 0.55 }));
  private rings: Mesh[] = [];
  private readonly layerGroup: (Mesh | LineSegments)[] = [];
  private frame?: GovernanceFrame;
  private key = '';
  private span = 30;
  /** Centre (x, z) of each grid, village, town and county; resolver bar positions. */
  private gridPos = new Float32Array(0);
  private villagePos = new Float32Array(0);
  private townPos = new Float32Array(0);
  private countyPos = new Float32Array(0);
  private resolverPos = new Float32Array(0);
  private labels: HTMLElement[] = [];
  private selected?: Picked;
  private listeners: (() => void)[] = [];
  /** Milliseconds of the last update (arrays to instances) and render. */
  lastMs = { update: 0, render: 0 };

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly overlay: HTMLElement,
    private readonly onPick: (p: Picked | undefined, info: PickInfo | undefined) => void = () => {},
  ) {
    this.renderer = new WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
    this.renderer.outputColorSpace = SRGBColorSpace;
    this.renderer.setPixelRatio(Math.min(2, window.devicePixelRatio || 1));
    this.renderer.setClearColor(TOWN_COLOURS.background, 1);
    this.scene.add(new AmbientLight(0xffffff, 2.2));
    const sun = new DirectionalLight(0xffffff, 1.6);
    sun.position.set(0.4, 1, 0.6);
    this.scene.add(sun, this.cases, this.ties);
    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.addEventListener('change', () => {
      this.render();
      for (const l of this.listeners) l();
    });
    this.controls.enableDamping = false;
    // Keyboard: focus the picture, then the arrow keys pan (drag turns, the wheel zooms).
    canvas.tabIndex = 0;
    this.controls.listenToKeyEvents(canvas);
    this.controls.keyPanSpeed = 20;
    this.controls.maxPolarAngle = Math.PI * 0.495;
    const ray = new Raycaster();
    ray.params.Points = { threshold: 0.45 };
    const pick = (e: PointerEvent | MouseEvent): Picked | undefined => {
      const r = canvas.getBoundingClientRect();
      ray.setFromCamera(new Vector2(((e.clientX - r.left) / r.width) * 2 - 1, -((e.clientY - r.top) / r.height) * 2 + 1), this.camera);
      const hits = ray.intersectObjects([this.cases, ...(this.bars ? [this.bars] : []), ...(this.tiles ? [this.tiles] : [])], false);
      const h = hits[0];
      if (!h) return undefined;
      if (h.object === this.cases && h.index !== undefined) return { type: 'case', index: h.index };
      if (h.object === this.bars && h.instanceId !== undefined) return { type: 'resolver', index: this.barResolver[h.instanceId] };
      if (h.object === this.tiles && h.instanceId !== undefined) return { type: 'grid', index: h.instanceId };
      return undefined;
    };
    // Hover shows what is under the pointer while nothing is selected; a click selects (and pins) it.
    let hoverQueued = false;
    canvas.addEventListener('pointermove', (e) => {
      if (hoverQueued || e.buttons) return;
      hoverQueued = true;
      requestAnimationFrame(() => {
        hoverQueued = false;
        const hit = pick(e);
        canvas.style.cursor = hit ? 'pointer' : 'grab';
        if (!this.selected) this.onPick(hit, hit ? this.describe(hit) : undefined);
      });
    });
    canvas.addEventListener('pointerleave', () => {
      if (!this.selected) this.onPick(undefined, undefined);
    });
    // Keyboard: ] and [ step through what is busy (grids with open disputes or actives, loaded resolvers,
    // open cases); Home and End jump to the first and the last (the open cases come last).
    canvas.addEventListener('keydown', (e) => {
      if (e.key !== ']' && e.key !== '[' && e.key !== 'Home' && e.key !== 'End') return;
      e.preventDefault();
      const busy = this.busyThings();
      if (!busy.length) return;
      const at = this.selected ? busy.findIndex((b) => b.type === this.selected!.type && b.index === this.selected!.index) : -1;
      const next =
        e.key === 'Home' ? 0 : e.key === 'End' ? busy.length - 1 : e.key === ']' ? (at + 1) % busy.length : (at - 1 + busy.length) % busy.length;
      this.select(busy[next]);
    });
    let down = { x: 0, y: 0 };
    canvas.addEventListener('pointerdown', (e) => (down = { x: e.clientX, y: e.clientY }));
    canvas.addEventListener('click', (e) => {
      if (Math.hypot(e.clientX - down.x, e.clientY - down.y) > 4) return; // a drag, not a click
      this.select(pick(e));
    });
  }

  private barResolver = new Int32Array(0);

  /** Called when the camera moves (to share it with other views). */
  onCamera(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Take another view's camera. */
  copyCamera(other: TownView): void {
    this.camera.position.copy(other.camera.position);
    this.controls.target.copy(other.controls.target);
    this.camera.updateProjectionMatrix();
    this.camera.lookAt(this.controls.target);
    this.render();
  }

  setSize(cssWidth: number, cssHeight: number): void {
    this.renderer.setSize(Math.max(100, cssWidth), Math.max(80, cssHeight), true);
    this.camera.aspect = Math.max(100, cssWidth) / Math.max(80, cssHeight);
    this.camera.updateProjectionMatrix();
    this.render();
  }

  /** Show a frame; returns the milliseconds of the page's work (update and render). */
  draw(frame: GovernanceFrame): number {
    const t0 = performance.now();
    this.frame = frame;
    const a = frame.arrays;
    const key = `${a.gridX.length}/${frame.meta.villages}/${frame.meta.towns}/${frame.meta.counties}/${a.resolverKind.length}`;
    if (key !== this.key) this.build(frame, key);
    this.updateTiles(frame);
    this.updateBars(frame);
    this.updateCases(frame);
    this.updateRings(frame);
    const t1 = performance.now();
    this.render();
    const t2 = performance.now();
    this.lastMs = { update: t1 - t0, render: t2 - t1 };
    if (this.selected) this.onPick(this.selected, this.describe(this.selected));
    return t2 - t0;
  }

  render(): void {
    this.renderer.render(this.scene, this.camera);
    this.placeLabels();
  }

  /** Select a grid, resolver or case (undefined clears) and report what it is. */
  select(p: Picked | undefined): void {
    this.selected = p;
    this.onPick(p, p ? this.describe(p) : undefined);
  }

  dispose(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.tween = undefined;
    this.controls.dispose();
    this.renderer.dispose();
  }

  // ---- building -------------------------------------------------------------------------------

  private build(frame: GovernanceFrame, key: string): void {
    this.key = key;
    for (const o of [this.tiles, this.bars, this.caps, ...this.rings, ...this.layerGroup]) if (o) this.scene.remove(o);
    this.rings = [];
    this.layerGroup.length = 0;
    const a = frame.arrays;
    const nG = a.gridX.length;
    const nV = Math.max(1, frame.meta.villages | 0);
    const nT = Math.max(1, frame.meta.towns | 0);
    const nC = Math.max(1, frame.meta.counties | 0);
    let maxX = 0;
    let maxY = 0;
    for (let g = 0; g < nG; g++) {
      maxX = Math.max(maxX, a.gridX[g]);
      maxY = Math.max(maxY, a.gridY[g]);
    }
    const cx = maxX / 2;
    const cz = maxY / 2;
    this.span = Math.max(maxX, maxY) + 1;
    this.gridPos = new Float32Array(nG * 2);
    for (let g = 0; g < nG; g++) {
      this.gridPos[2 * g] = a.gridX[g] - cx;
      this.gridPos[2 * g + 1] = a.gridY[g] - cz;
    }
    // Units are contiguous: grid g is in village floor(g * nV / nG), and so on up.
    const centres = (n: number, of: (g: number) => number) => {
      const sum = new Float64Array(n * 3);
      for (let g = 0; g < nG; g++) {
        const u = of(g);
        sum[3 * u] += this.gridPos[2 * g];
        sum[3 * u + 1] += this.gridPos[2 * g + 1];
        sum[3 * u + 2]++;
      }
      const out = new Float32Array(n * 2);
      for (let u = 0; u < n; u++) {
        out[2 * u] = sum[3 * u] / Math.max(1, sum[3 * u + 2]);
        out[2 * u + 1] = sum[3 * u + 1] / Math.max(1, sum[3 * u + 2]);
      }
      return out;
    };
    this.villagePos = centres(nV, (g) => Math.floor((g * nV) / nG));
    this.townPos = centres(nT, (g) => Math.floor((g * nT) / nG));
    this.countyPos = centres(nC, (g) => Math.floor((g * nC) / nG));

    // Layers: a faint floor and outline per level.
    const w = maxX + 2;
    const d = maxY + 2;
    for (let l = 0; l < 4; l++) {
      const plane = new Mesh(new PlaneGeometry(w, d), new MeshBasicMaterial({ color: TOWN_COLOURS.layer, transparent: true, opacity: l === 0 ? 0.12 : 0.07, side: DoubleSide, depthWrite: false }));
      plane.rotation.x = -Math.PI / 2;
      plane.position.y = l * LEVEL_GAP - 0.02;
      const edge = new LineSegments(new EdgesGeometry(plane.geometry), new LineBasicMaterial({ color: TOWN_COLOURS.layer }));
      edge.rotation.x = -Math.PI / 2;
      edge.position.y = l * LEVEL_GAP;
      this.layerGroup.push(plane, edge);
      this.scene.add(plane, edge);
    }

    // Grid tiles.
    this.tiles = new InstancedMesh(new BoxGeometry(0.86, 1, 0.86).translate(0, 0.5, 0), new MeshLambertMaterial(), nG);
    this.scene.add(this.tiles);

    // Resolver bars (all but grid workers, drawn as tiles), arranged round their unit's centre.
    const kinds = a.resolverKind;
    const units = a.resolverUnit;
    const shown: number[] = [];
    for (let r = 0; r < kinds.length; r++) if (kinds[r] !== CH_GRID) shown.push(r);
    this.barResolver = Int32Array.from(shown);
    this.resolverPos = new Float32Array(kinds.length * 3);
    const seen = new Map<string, number>();
    for (const r of shown) {
      const k = kinds[r];
      const layer = KIND_LAYER[k];
      const u = units[r];
      const pos = layer === 1 ? this.villagePos : layer === 2 ? this.townPos : this.countyPos;
      const slotKey = `${layer}/${u}`;
      const i = seen.get(slotKey) ?? 0;
      seen.set(slotKey, i + 1);
      const ring = layer === 1 ? 0 : 2.2;
      const ang = (i / 4) * Math.PI * 2 + 0.4;
      this.resolverPos[3 * r] = (pos[2 * u] ?? 0) + (layer === 1 ? 0 : Math.cos(ang) * ring);
      this.resolverPos[3 * r + 1] = layer * LEVEL_GAP;
      this.resolverPos[3 * r + 2] = (pos[2 * u + 1] ?? 0) + (layer === 1 ? 0 : Math.sin(ang) * ring);
    }
    // Grid-worker resolvers sit on their grid.
    for (let r = 0; r < kinds.length; r++) {
      if (kinds[r] !== CH_GRID) continue;
      const g = units[r];
      this.resolverPos[3 * r] = this.gridPos[2 * g] ?? 0;
      this.resolverPos[3 * r + 2] = this.gridPos[2 * g + 1] ?? 0;
    }
    const barW = 0.9;
    this.bars = new InstancedMesh(new BoxGeometry(barW, 1, barW).translate(0, 0.5, 0), new MeshLambertMaterial(), shown.length);
    this.caps = new InstancedMesh(new BoxGeometry(barW * 1.15, 0.35, barW * 1.15), new MeshLambertMaterial({ color: TOWN_COLOURS.queue }), shown.length);
    shown.forEach((r, i) => {
      this.bars!.setColorAt(i, C.set(KIND_COLOUR[kinds[r]]));
    });
    this.scene.add(this.bars, this.caps);

    // Mass-incident rings, one per town (hidden when calm).
    for (let t = 0; t < Math.min(nT, 200); t++) {
      const ring = new Mesh(new RingGeometry(3.2, 3.9, 48), new MeshBasicMaterial({ color: TOWN_COLOURS.incident, side: DoubleSide, transparent: true, opacity: 0.85 }));
      ring.rotation.x = -Math.PI / 2;
      ring.position.set(this.townPos[2 * t], 2 * LEVEL_GAP + 0.05, this.townPos[2 * t + 1]);
      ring.visible = false;
      this.rings.push(ring);
      this.scene.add(ring);
    }

    // Labels of the layers (HTML, placed by projection).
    this.overlay.replaceChildren();
    this.labels = LEVELS.map((_name, l) => {
      const el = document.createElement('span');
      el.className = 'layer-label';
      el.textContent = layerLabel(l);
      el.dataset.level = String(l);
      this.overlay.append(el);
      return el;
    });
    this.resetCamera();
  }

  resetCamera(): void {
    const s = this.span;
    this.controls.target.set(0, LEVEL_GAP * 1.5, 0);
    this.camera.position.set(s * 0.12, LEVEL_GAP * 1.5 + s * 0.62, s * 1.95);
    this.camera.lookAt(this.controls.target);
    this.controls.update();
  }

  private placeLabels(): void {
    if (!this.labels.length) return;
    const w = this.canvas.clientWidth;
    const h = this.canvas.clientHeight;
    const half = this.span / 2 + 1;
    const v = new Vector3();
    this.labels.forEach((el, l) => {
      v.set(-half, l * LEVEL_GAP, half).project(this.camera);
      const x = Math.min(w - 70, Math.max(2, ((v.x + 1) / 2) * w + 4));
      const y = Math.min(h - 20, Math.max(2, ((1 - v.y) / 2) * h - 18));
      el.style.transform = `translate(${x}px, ${y}px)`;
      el.hidden = v.z > 1;
    });
  }

  // ---- per frame ------------------------------------------------------------------------------

  private updateTiles(frame: GovernanceFrame): void {
    const a = frame.arrays;
    const tiles = this.tiles!;
    for (let g = 0; g < a.gridX.length; g++) {
      const open = a.gridOpen[g];
      const act = a.gridActives[g];
      M.makeScale(1, 0.15 + Math.min(4, open) * 0.35 + Math.min(6, act) * 0.3, 1);
      M.setPosition(this.gridPos[2 * g], 0, this.gridPos[2 * g + 1]);
      tiles.setMatrixAt(g, M);
      tiles.setColorAt(g, C.set(act > 0 ? GOVERNANCE_COLOURS.actives : open > 0 ? GOVERNANCE_COLOURS.disputes : GOVERNANCE_COLOURS.calm));
    }
    tiles.instanceMatrix.needsUpdate = true;
    if (tiles.instanceColor) tiles.instanceColor.needsUpdate = true;
    tiles.computeBoundingSphere();
  }

  private updateBars(frame: GovernanceFrame): void {
    const a = frame.arrays;
    const bars = this.bars!;
    const caps = this.caps!;
    this.barResolver.forEach((r, i) => {
      const slots = a.resolverSlots[r];
      const load = (a.resolverBusy[r] + a.resolverQueue[r]) / Math.max(1, slots);
      const h = 0.25 + Math.min(2, load) * 2.5;
      const x = this.resolverPos[3 * r];
      const y = this.resolverPos[3 * r + 1];
      const z = this.resolverPos[3 * r + 2];
      M.makeScale(1, h, 1);
      M.setPosition(x, y, z);
      bars.setMatrixAt(i, M);
      if (a.resolverQueue[r] > 0) M.makeScale(1, 1, 1).setPosition(x, y + h + 0.18, z);
      else M.makeScale(0, 0, 0);
      caps.setMatrixAt(i, M);
    });
    bars.instanceMatrix.needsUpdate = true;
    caps.instanceMatrix.needsUpdate = true;
    bars.computeBoundingSphere();
  }

  private updateCases(frame: GovernanceFrame): void {
    const a = frame.arrays;
    const n = a.caseLevel.length;
    const pos = new Float32Array(n * 3);
    const col = new Float32Array(n * 3);
    const tie = new Float32Array(n * 6);
    const perResolver = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const g = a.caseGrid[i];
      const gx = this.gridPos[2 * g] ?? 0;
      const gz = this.gridPos[2 * g + 1] ?? 0;
      const r = a.caseResolver[i];
      const status = a.caseStatus[i];
      const level = a.caseLevel[i];
      let x = gx;
      let z = gz;
      let y = 0.9 + (a.gridOpen[g] > 0 ? Math.min(4, a.gridOpen[g]) * 0.35 : 0);
      if (status !== ST_PENDING && r >= 0 && r < a.resolverKind.length && a.resolverKind[r] !== CH_GRID) {
        // Stacked in a spiral beside the resolver handling it.
        const k = perResolver.get(r) ?? 0;
        perResolver.set(r, k + 1);
        const ang = k * 2.4;
        const rad = 0.7 + 0.12 * Math.sqrt(k) * 3;
        x = this.resolverPos[3 * r] + Math.cos(ang) * rad;
        z = this.resolverPos[3 * r + 2] + Math.sin(ang) * rad;
        y = level * LEVEL_GAP + 0.35 + (k % 3) * 0.3;
      } else if (status !== ST_PENDING && r >= 0) {
        const k = perResolver.get(r) ?? 0;
        perResolver.set(r, k + 1);
        y += 0.45 * k;
      }
      pos.set([x, y, z], 3 * i);
      C.set(channelColour(a.caseChannel[i], status));
      col.set([C.r, C.g, C.b], 3 * i);
      tie.set([gx, 0.2, gz, x, y, z], 6 * i);
    }
    // Where each dot starts its move: the same case in the last frame (matched by its grid and size,
    // which the frame gives; a case has no id there), else its home grid (a new dispute rises from it).
    const from = new Float32Array(n * 3);
    const prev = new Map<number, number[]>();
    for (let j = 0; j < this.shownKeys.length; j++) {
      const list = prev.get(this.shownKeys[j]);
      if (list) list.push(j);
      else prev.set(this.shownKeys[j], [j]);
    }
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      keys[i] = a.caseGrid[i] * 100_000 + Math.min(99_999, a.caseSize[i]);
      const j = prev.get(keys[i])?.shift();
      if (j !== undefined) from.set(this.shownPos.subarray(3 * j, 3 * j + 3), 3 * i);
      else from.set([tie[6 * i], 0.3, tie[6 * i + 2]], 3 * i);
    }
    this.shownKeys = keys;
    const geo = this.cases.geometry;
    const shown = new Float32Array(this.reducedMotion ? pos : from);
    geo.setAttribute('position', new BufferAttribute(shown, 3));
    geo.setAttribute('color', new BufferAttribute(col, 3));
    this.ties.geometry.setAttribute('position', new Float32BufferAttribute(tie, 3));
    this.shownPos = shown;
    this.tween = { from, to: pos, t0: performance.now() };
    this.setShown(this.reducedMotion ? 1 : 0);
    if (!this.reducedMotion && this.raf === 0) this.raf = requestAnimationFrame(this.step);
  }

  /** Dots move from where they were to where they are now over this many milliseconds. */
  private static readonly TWEEN_MS = 450;
  private readonly reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  private shownKeys = new Float64Array(0);
  private shownPos = new Float32Array(0);
  private tween?: { from: Float32Array; to: Float32Array; t0: number };
  private raf = 0;

  private readonly step = (): void => {
    this.raf = 0;
    if (!this.tween) return;
    const k = Math.min(1, (performance.now() - this.tween.t0) / TownView.TWEEN_MS);
    this.setShown(k);
    this.render();
    if (k < 1) this.raf = requestAnimationFrame(this.step);
  };

  /** Place the dots (and the ends of their ties) a share k of the way along their moves. */
  private setShown(k: number): void {
    const tw = this.tween;
    if (!tw) return;
    const e = k < 1 ? 1 - (1 - k) * (1 - k) : 1; // ease out
    const pos = this.shownPos;
    const tie = this.ties.geometry.getAttribute('position').array as Float32Array;
    for (let i = 0; i < pos.length; i++) pos[i] = tw.from[i] + (tw.to[i] - tw.from[i]) * e;
    for (let c = 0; c < pos.length / 3; c++) tie.set(pos.subarray(3 * c, 3 * c + 3), 6 * c + 3);
    this.cases.geometry.getAttribute('position').needsUpdate = true;
    this.ties.geometry.getAttribute('position').needsUpdate = true;
    this.cases.geometry.computeBoundingSphere();
    this.ties.geometry.computeBoundingSphere();
  }

  private updateRings(frame: GovernanceFrame): void {
    const act = frame.arrays.townActives;
    this.rings.forEach((ring, t) => {
      const n = act[t] ?? 0;
      ring.visible = n > 0;
      const s = 1 + Math.min(3, Math.log10(1 + n));
      ring.scale.set(s, s, 1);
    });
  }

  // ---- inspection -----------------------------------------------------------------------------

  /** Grids with open disputes or actives, resolvers with work, then the open cases, in index order. */
  busyThings(): Picked[] {
    const f = this.frame;
    if (!f) return [];
    const a = f.arrays;
    const out: Picked[] = [];
    for (let g = 0; g < a.gridX.length; g++) if (a.gridOpen[g] > 0 || a.gridActives[g] > 0) out.push({ type: 'grid', index: g });
    for (const r of this.barResolver) if (a.resolverBusy[r] + a.resolverQueue[r] > 0) out.push({ type: 'resolver', index: r });
    for (let i = 0; i < a.caseLevel.length; i++) out.push({ type: 'case', index: i });
    return out;
  }

  describe(p: Picked): PickInfo | undefined {
    const f = this.frame;
    if (!f) return undefined;
    const a = f.arrays;
    const nG = a.gridX.length;
    const nV = Math.max(1, f.meta.villages | 0);
    if (p.type === 'grid') {
      const g = p.index;
      const worker = findResolver(a, CH_GRID, g);
      return {
        title: t('town.grid.title', { grid: g + 1, village: Math.floor((g * nV) / nG) + 1 }),
        lines: [
          t('town.grid.residents', { n: a.gridResidents[g].toLocaleString(locale()) }),
          t('town.grid.open', { n: a.gridOpen[g] }),
          t('town.grid.actives', { n: a.gridActives[g] }),
          t('town.grid.volunteers', { n: a.gridVolunteers[g] }),
          worker >= 0
            ? t('town.grid.workers', { busy: a.resolverBusy[worker], slots: a.resolverSlots[worker], queued: a.resolverQueue[worker] })
            : t('town.grid.noWorkers'),
        ],
      };
    }
    if (p.type === 'resolver') {
      const r = p.index;
      const k = a.resolverKind[r];
      const unitName = t(KIND_LAYER[k] === 1 ? 'town.unit.village' : KIND_LAYER[k] === 2 ? 'town.unit.town' : 'town.unit.county');
      return {
        title: t('town.resolver.title', { resolver: cap(resolverLabel(k)), unit: unitName, n: a.resolverUnit[r] + 1 }),
        lines: [
          t('town.resolver.slots', { n: a.resolverSlots[r] }),
          t('town.resolver.busy', { n: a.resolverBusy[r] }),
          t('town.resolver.queue', { n: a.resolverQueue[r] }),
          t('town.resolver.load', { percent: `${Math.round((100 * (a.resolverBusy[r] + a.resolverQueue[r])) / Math.max(1, a.resolverSlots[r]))}%` }),
        ],
      };
    }
    const i = p.index;
    if (i >= a.caseLevel.length) return undefined;
    const r = a.caseResolver[i];
    const flags = a.caseFlags?.[i] ?? 0;
    const history = a.caseId
      ? [
          t('town.case.opened', {
            type: TYPE_LABELS[a.caseType[i]] !== undefined ? codeLabel('type', a.caseType[i], TYPE_LABELS[a.caseType[i]]) : t('town.case.dispute'),
            day: a.caseOpened[i],
            ago: f.step - a.caseOpened[i],
          }),
          t('town.case.first', { channel: a.caseFirst[i] === FIRST_NONE ? t('town.case.noChannel') : channelName(a.caseFirst[i]), n: a.caseAttempts[i] + 1 }),
          a.casePetitions[i] > 0
            ? lang() === 'en'
              ? `petitioned ${a.casePetitions[i]} time${a.casePetitions[i] > 1 ? 's' : ''}${flags & FLAG_OVER_LEVEL ? ', over a level' : ''}${flags & FLAG_ONLINE ? ', last online' : ''}`
              : t('town.case.petitioned', {
                  n: a.casePetitions[i],
                  over: flags & FLAG_OVER_LEVEL ? t('town.case.overLevel') : '',
                  online: flags & FLAG_ONLINE ? t('town.case.lastOnline') : '',
                })
            : t('town.case.noPetition'),
          t('town.case.cost', {
            court: flags & FLAG_COURT ? t('town.case.court') : '',
            county: flags & FLAG_COUNTY ? t('town.case.county') : '',
            days: a.caseCost[i].toLocaleString(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
          }),
        ]
      : [];
    return {
      title: a.caseId ? t('town.case.title', { id: a.caseId[i], day: f.step }) : t('town.case.titleNoId', { day: f.step }),
      lines: [
        ...history,
        t('town.case.grid', { n: a.caseGrid[i] + 1 }),
        t('town.case.level', {
          level: LEVELS[a.caseLevel[i]] !== undefined ? codeLabel('level', a.caseLevel[i]).toLowerCase() : '?',
          status: STATUS_LABELS[a.caseStatus[i]] !== undefined ? codeLabel('status', a.caseStatus[i], STATUS_LABELS[a.caseStatus[i]]) : '?',
        }),
        t('town.case.channel', { channel: channelName(a.caseChannel[i]) }),
        r >= 0 && r < a.resolverKind.length
          ? t('town.case.handledBy', { resolver: resolverLabel(a.resolverKind[r]), n: a.resolverUnit[r] + 1 })
          : t('town.case.noResolver'),
        a.caseSize[i] > 1 ? t('town.case.collective', { n: a.caseSize[i] }) : t('town.case.individual'),
      ],
    };
  }
}

function findResolver(a: GovernanceFrame['arrays'], kind: number, unit: number): number {
  for (let r = 0; r < a.resolverKind.length; r++) if (a.resolverKind[r] === kind && a.resolverUnit[r] === unit) return r;
  return -1;
}

/** A resolver kind's label in the page's language (the model's own label as the fallback). */
function resolverLabel(k: number): string {
  return codeLabel('resolver', k, RESOLVER_LABELS[k] ?? '?');
}

/**
 * A channel as the inspector names it: in English its name in the case log (e.g. petitionTown), as
 * before; in another language the channel's label, since the log's names are English words.
 */
function channelName(ch: number): string {
  const name = CHANNEL_NAMES[ch];
  if (name === undefined) return '?';
  return lang() === 'en' ? name : codeLabel('channel', ch, name);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
