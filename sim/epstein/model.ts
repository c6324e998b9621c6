/**
 * The classic Epstein (2002) civil-violence model (Model I, "generalized rebellion against central
 * authority"), kept for docking with NetLogo's Rebellion and Mesa's epstein_civil_violence.
 *
 * A torus of cells holds citizens and cops, at most one agent per cell. Each step every agent is
 * activated once, asynchronously (each sees the lattice as the agents before it left it), in a shuffled
 * order: one order over all agents (mixedOrder; NetLogo's `ask turtles` and Mesa's
 * `agents.shuffle_do` both do this) or shuffled citizens then shuffled cops. Per agent:
 *
 *   citizen (not in jail)  Rule M: move to a random empty cell in vision (if movement)
 *                          Rule A: active iff G - R P > T, with G = H (1 - L), P = 1 - exp(-k r(C / A)),
 *                                  C = cops in vision, A = 1 + actives in vision (sim/core/activation)
 *   cop                    Rule M: move to a random empty cell in vision (if movement)
 *                          Rule C: arrest one active citizen in vision, uniformly at random
 *
 * `order` says whether an agent moves before acting (NetLogo: M then A / C, and an arresting cop then
 * steps into the arrestee's cell, which is free when jailed citizens leave the lattice) or acts before
 * moving (Mesa: A / C then M; the cop does not step into the arrestee's cell). With movement off, Rule M
 * moves nobody, but NetLogo's step into the arrestee's cell belongs to its Rule C and still happens.
 * Jail terms end at the end of a step (sim/epstein/jail.ts); a released citizen is quiet until its next
 * activation.
 *
 * Where a jailed citizen is (jailedCellEmpty): true (NetLogo) it leaves the lattice and its cell is
 * free; on release it returns to its old cell if that is still empty, else to a random empty cell in
 * its vision from there, else to a random empty cell anywhere (and if the lattice is full it waits in
 * jail until a cell frees). NetLogo instead lets the released agent share its patch; one agent per cell
 * is kept here so counts and frames stay simple. false (Mesa) it keeps its cell, blocking moves and
 * counting as neither quiet nor active in anyone's vision.
 *
 * Known differences from NetLogo's code that are not options (see the epstein-netlogo preset): NetLogo
 * counts an agent's own patch in its `in-radius` neighbourhood, so an active agent counts itself in A
 * as well as in the "1"; NetLogo's cops keep moving (Rule M) when `movement?` is off; and NetLogo's
 * jail term runs one tick shorter (sim/epstein/jail.ts).
 *
 * Random streams: 'setup' (placement), 'traits' (H, R), 'order', 'move', 'arrest' (which active a cop
 * takes), 'jail' (terms), 'release' (where a released citizen reappears) and 'cops' (cop schedule).
 *
 * Layout, aimed at >= 10 million agent-steps/s on one core at 1000 x 1000, where the lattice is far
 * larger than the core's caches and agents come in random order (bench/epstein.ts has the figures):
 * - The agents are the entries of a roster (sim/epstein/roster.ts) in this step's activation order,
 *   each with its cell, code and traits, read in sequence; a cache-friendly uniform shuffle reorders
 *   it each step. No per-cell codes or traits are kept while the model runs; frames and snapshots
 *   derive the codes from the roster and the jail (codes()).
 * - The lattice is one-bit-a-cell sets, small enough to stay in cache: occupied cells (movers probe
 *   them for an empty cell by rejection sampling, sim/epstein/lattice.ts), active citizens (cops
 *   search them for their arrestee) and cops (sim/epstein/cop-grid.ts, from which a citizen counts
 *   its C, only as far as its decision needs: see decide).
 * - The actives in vision are counted incrementally per cell (stamps; a moving active updates only
 *   the cells its old and new vision do not share, MoveStamps), and 8 x 8 blocks that no active sees
 *   spare most reads of those counts (sim/epstein/active-blocks.ts).
 * - Arrestees are found by cell; the arrest log (sim/epstein/arrests.ts) marks their cells, so an
 *   arrestee whose turn has not come is skipped, and at the end of the step each arrest is matched
 *   to its entry, whose traits go to the jail (sim/epstein/jail.ts); a released citizen is a new
 *   entry.
 * The order and move streams use a fast generator seeded from their named kernel streams
 * (sim/epstein/fast-random.ts), whose state the hot loops (Roster.shuffle, activate) hold in locals,
 * drawing exactly as FastRandom.below would. Under the rounding ratio rules the arrest probability is
 * a table lookup (pByRatio), bit for bit the value of core/activation's arrestProbability. Traits are
 * stored as 32-bit floats (the draws are U(0,1) doubles rounded to 24 bits). The cop schedule removes
 * uniformly random cops.
 */

import { applyRatio, arrestProbability, grievance, isActive, ratioCode, RatioCode } from '../core/activation';
import { exp } from '../core/dmath';
import { MetricsRecorder } from '../core/metrics';
import type { Frame, Model, ModelFactory, ModelSnapshot, Summary } from '../core/model';
import { RandomStreams, type Stream } from '../core/random';
import { FastRandom } from './fast-random';
import { ActiveBlocks } from './active-blocks';
import { ArrestLog } from './arrests';
import { CopGrid } from './cop-grid';
import { drawJailTerm, Jail } from './jail';
import {
  ACTIVE,
  clearBit,
  COP,
  countsFor,
  type Counts,
  EMPTY,
  JAILED,
  MOVE_TRIES,
  MoveStamps,
  QUIET,
  emptyByScan,
  hasBit,
  nthInVision,
  randomEmptyCell,
  randomEmptyInVision,
  setBit,
  stamp,
} from './lattice';
import { sameShape, visionShape, type VisionShape } from './neighbourhood';
import { countOutbursts } from './outbursts';
import type { EpsteinParams } from './params';
import { drawTraits, placePopulation } from './population';
import { Roster, WORDS } from './roster';
import { Schedule } from './schedule';

/** 2^-32, as in sim/epstein/fast-random.ts (inlined draws must round exactly as FastRandom.below). */
const TWO_POW_M32 = 2.3283064365386963e-10;

/** Series columns, in order. quiet/active/jailed count citizens; `arrests` are those made in the step. */
export const EPSTEIN_SERIES = ['step', 'quiet', 'active', 'jailed', 'cops', 'legitimacy', 'arrests'] as const;

/** The state a snapshot carries (typed arrays are copies). */
interface EpsteinState {
  time: number;
  nCops: number;
  nActive: number;
  nJailed: number;
  arrestsTotal: number;
  kind: Uint8Array;
  roster: Int32Array;
  activesSeen: Counts;
  activesSeenByCops: Counts | null;
  jail: { hardship: Float64Array; riskAversion: Float64Array; releaseAt: Float64Array; cell: Int32Array };
  fast: Record<string, number[]>;
  streams: ReturnType<RandomStreams['snapshot']>;
  metrics: ReturnType<MetricsRecorder['snapshot']>;
}

export class EpsteinModel implements Model {
  readonly modelName = 'epstein';

  private readonly width: number;
  private readonly height: number;
  private readonly cells: number;
  private readonly citizens: number;

  private readonly k: number;
  private readonly threshold: number;
  private readonly rule: RatioCode;
  private readonly movement: boolean;
  private readonly moveFirst: boolean;
  private readonly jailedCellEmpty: boolean;
  private readonly maxJailTerm: number | null;
  private readonly jailTermInclusive: boolean;
  private readonly mixedOrder: boolean;

  private readonly citizenShape: VisionShape;
  private readonly copShape: VisionShape;
  private readonly legitimacy: Schedule;
  private readonly copDensity: Schedule;

  private readonly streams: RandomStreams;
  private arrestStream!: Stream;
  private jailStream!: Stream;
  private readonly orderRng: FastRandom;
  private readonly moveRng: FastRandom;
  private readonly releaseRng: FastRandom;
  private readonly copRng: FastRandom;

  /**
   * One bit a cell: occupied (by a citizen, jailed or not, or a cop). Moves probe these bits (128 KB at
   * 1000 x 1000, in the core's cache); with the roster no activation needs a cell's code, so none is
   * kept: frames are drawn from the roster and the jail (codes()).
   */
  private occupied: Int32Array;
  /** One bit a cell: an active citizen; cops search it for their arrestee. */
  private activeBits: Int32Array;
  /** The cops, one bit a cell; counts the cops a citizen sees (sim/epstein/cop-grid.ts). */
  private copGrid: CopGrid;
  /** Per cell: the actives a citizen there would see, kept incrementally (sim/epstein/lattice.ts stamp). */
  private activesSeen: Counts;
  /** Blocks of cells that no active sees, to skip reading activesSeen there (sim/epstein/active-blocks.ts). */
  private activeNear: ActiveBlocks;
  /** Per cell: actives a cop would see, when cop vision differs from citizen vision (else activesSeen). */
  private activesSeenByCops: Counts | null;
  private readonly jail: Jail;
  /** The agents on the lattice, in this step's activation order (sim/epstein/roster.ts). */
  private readonly roster: Roster;
  /** This step's arrests, until each is matched to its roster entry (sim/epstein/arrests.ts). */
  private readonly arrests: ArrestLog;
  /** Moving stamps (sim/epstein/lattice.ts) of active citizens in activesSeen and activesSeenByCops. */
  private readonly activeMoves: MoveStamps;
  private readonly activeMovesByCops: MoveStamps;
  /** P = 1 - exp(-k r) for whole ratios r = 0..max cops in vision (rounding ratio rules; see decide). */
  private readonly pByRatio: Float64Array;

  private nCops = 0;
  private t = 0;
  private nActive = 0;
  private nJailed = 0;
  private arrestsTotal = 0;
  private arrestsThisStep = 0;
  /** The step being run (1-based), for release times of arrests made during it. */
  private current = 0;
  private metrics = new MetricsRecorder(EPSTEIN_SERIES);
  private readonly row = new Float64Array(EPSTEIN_SERIES.length);

  constructor(
    params: EpsteinParams,
    readonly seed: number,
  ) {
    const p = params;
    this.width = p.width;
    this.height = p.height;
    this.cells = p.width * p.height;
    this.k = p.arrestConstant;
    this.threshold = p.threshold;
    this.rule = ratioCode(p.ratioRule);
    this.movement = p.movement;
    this.moveFirst = p.order === 'move-then-act';
    this.jailedCellEmpty = p.jailedCellEmpty;
    this.maxJailTerm = p.maxJailTerm;
    this.jailTermInclusive = p.jailTermInclusive;
    this.mixedOrder = p.mixedOrder;
    this.citizenShape = visionShape(p.neighbourhood, p.citizenVision, p.width, p.height);
    this.copShape = visionShape(p.neighbourhood, p.copVision, p.width, p.height);
    // A cop moves, or steps into an arrestee's cell, within cop vision; a citizen moves within its own.
    this.activeMoves = new MoveStamps(this.citizenShape, p.width, p.height, p.citizenVision);
    this.activeMovesByCops = new MoveStamps(this.copShape, p.width, p.height, p.citizenVision);
    this.pByRatio = new Float64Array(this.citizenShape.size + 1);
    for (let r = 0; r <= this.citizenShape.size; r++) this.pByRatio[r] = 1 - exp(-p.arrestConstant * r);
    this.legitimacy = new Schedule(p.legitimacy, p.legitimacySchedule);
    this.copDensity = new Schedule(p.copDensity, p.copSchedule);

    this.streams = new RandomStreams(seed);
    this.bindStreams();
    this.orderRng = new FastRandom(this.streams.stream('order'));
    this.moveRng = new FastRandom(this.streams.stream('move'));
    this.releaseRng = new FastRandom(this.streams.stream('release'));
    this.copRng = new FastRandom(this.streams.stream('cops'));

    const placement = placePopulation(
      p.population,
      this.cells,
      p.citizenDensity,
      p.copDensity,
      this.streams.stream('setup').next,
    );
    const citizenCells = placement.citizenCells;
    const copCells = placement.copCells;
    this.citizens = citizenCells.length;
    const traits = drawTraits(this.citizens, this.streams.stream('traits').next);

    this.occupied = new Int32Array((this.cells + 31) >>> 5);
    this.activeBits = new Int32Array((this.cells + 31) >>> 5);
    this.copGrid = new CopGrid(this.citizenShape, p.width, p.height);
    this.activesSeen = countsFor(this.citizenShape, this.cells);
    this.activeNear = new ActiveBlocks(p.width, p.height, Math.max(p.citizenVision, p.copVision));
    this.activesSeenByCops = sameShape(this.citizenShape, this.copShape) ? null : countsFor(this.copShape, this.cells);
    this.jail = new Jail(this.citizens);
    this.arrests = new ArrestLog(this.cells);
    this.roster = new Roster(this.citizens + copCells.length);
    for (let i = 0; i < this.citizens; i++) {
      const c = citizenCells[i];
      setBit(this.occupied, c);
      this.roster.add(c, QUIET, traits.hardship[i], traits.riskAversion[i]);
    }
    for (let j = 0; j < copCells.length; j++) this.placeCop(copCells[j]);
  }

  get time(): number {
    return this.t;
  }

  step(n = 1): void {
    for (let i = 0; i < n; i++) this.stepOnce();
  }

  series(): MetricsRecorder {
    return this.metrics;
  }

  summary(): Summary {
    const rows = this.metrics.rows;
    const active = this.metrics.column('active');
    const jailed = this.metrics.column('jailed');
    let sumActive = 0;
    let sumJailed = 0;
    let peak = 0;
    for (let r = 0; r < rows; r++) {
      sumActive += active[r];
      sumJailed += jailed[r];
      if (active[r] > peak) peak = active[r];
    }
    const perStep = (x: number) => (rows > 0 ? x / rows : 0);
    return {
      steps: rows,
      citizens: this.citizens,
      cops: this.nCops,
      meanActiveFraction: this.citizens > 0 ? perStep(sumActive) / this.citizens : 0,
      meanActive: perStep(sumActive),
      meanJailed: perStep(sumJailed),
      peakActive: peak,
      outbursts: countOutbursts(active),
      finalActive: this.nActive,
      finalJailed: this.nJailed,
      arrests: this.arrestsTotal,
    };
  }

  frame(): Frame {
    const cells = this.codes();
    return {
      model: this.modelName,
      step: this.t,
      meta: { width: this.width, height: this.height, citizens: this.citizens, cops: this.nCops },
      arrays: { cells },
    };
  }

  /**
   * Each cell's code (EMPTY, QUIET, ACTIVE, COP, JAILED), from the roster and, for jailed citizens
   * that keep their cell, the jail: the model keeps no per-cell codes while it runs.
   */
  private codes(): Uint8Array {
    const cells = new Uint8Array(this.cells);
    const words = this.roster.words;
    // Entries marked EMPTY (arrestees awaiting the next shuffle's drop) write 0, which is EMPTY.
    for (let i = 0; i < this.roster.n; i++) {
      const entry = words[WORDS * i];
      if ((entry & 7) !== EMPTY) cells[entry >>> 3] = entry & 7;
    }
    if (!this.jailedCellEmpty) for (let i = 0; i < this.jail.size; i++) cells[this.jail.cell[i]] = JAILED;
    return cells;
  }

  snapshot(): ModelSnapshot {
    const n = this.jail.size;
    const state: EpsteinState = {
      time: this.t,
      nCops: this.nCops,
      nActive: this.nActive,
      nJailed: this.nJailed,
      arrestsTotal: this.arrestsTotal,
      kind: this.codes(),
      roster: this.roster.snapshot(),
      activesSeen: this.activesSeen.slice(),
      activesSeenByCops: this.activesSeenByCops === null ? null : this.activesSeenByCops.slice(),
      jail: {
        hardship: this.jail.hardship.slice(0, n),
        riskAversion: this.jail.riskAversion.slice(0, n),
        releaseAt: this.jail.releaseAt.slice(0, n),
        cell: this.jail.cell.slice(0, n),
      },
      fast: {
        order: this.orderRng.state(),
        move: this.moveRng.state(),
        release: this.releaseRng.state(),
        cops: this.copRng.state(),
      },
      streams: this.streams.snapshot(),
      metrics: this.metrics.snapshot(),
    };
    return { model: this.modelName, time: this.t, state };
  }

  restore(s: ModelSnapshot): void {
    if (s.model !== this.modelName) throw new Error(`cannot restore a ${s.model} snapshot into ${this.modelName}`);
    const st = s.state as EpsteinState;
    if (st.kind.length !== this.cells || (st.activesSeenByCops === null) !== (this.activesSeenByCops === null)) {
      throw new Error('snapshot does not match this model: lattice size or vision shapes differ');
    }
    this.t = st.time;
    this.nCops = st.nCops;
    this.nActive = st.nActive;
    this.nJailed = st.nJailed;
    this.arrestsTotal = st.arrestsTotal;
    this.roster.restore(st.roster);
    this.activesSeen = st.activesSeen.slice();
    // The cop bits follow from the codes.
    this.copGrid = new CopGrid(this.citizenShape, this.width, this.height);
    this.activeNear = new ActiveBlocks(this.width, this.height, Math.max(this.citizenShape.radius, this.copShape.radius));
    this.occupied = new Int32Array((this.cells + 31) >>> 5);
    this.activeBits = new Int32Array((this.cells + 31) >>> 5);
    for (let c = 0; c < this.cells; c++) {
      const code = st.kind[c];
      if (code !== EMPTY) setBit(this.occupied, c);
      if (code === COP) this.copGrid.set(c);
      else if (code === ACTIVE) {
        setBit(this.activeBits, c);
        this.activeNear.add(c, 1);
      }
    }
    this.activesSeenByCops = st.activesSeenByCops === null ? null : st.activesSeenByCops.slice();
    this.jail.size = st.jail.cell.length;
    this.jail.hardship.set(st.jail.hardship);
    this.jail.riskAversion.set(st.jail.riskAversion);
    this.jail.releaseAt.set(st.jail.releaseAt);
    this.jail.cell.set(st.jail.cell);
    this.orderRng.setState(st.fast.order);
    this.moveRng.setState(st.fast.move);
    this.releaseRng.setState(st.fast.release);
    this.copRng.setState(st.fast.cops);
    this.streams.restore(st.streams);
    this.bindStreams();
    this.metrics = new MetricsRecorder(EPSTEIN_SERIES);
    this.metrics.restore(st.metrics);
  }

  /** Copies of the incremental vision counts, for consistency checks against a recount. */
  visionCounts(): { copsSeen: Uint16Array; activesSeen: Uint16Array; activesSeenByCops: Uint16Array } {
    const copsSeen = new Uint16Array(this.cells);
    for (let c = 0; c < this.cells; c++) copsSeen[c] = this.copGrid.count(c);
    const activesSeen = Uint16Array.from(this.activesSeen);
    const byCops = this.activesSeenByCops;
    return {
      copsSeen,
      activesSeen,
      activesSeenByCops: byCops === null ? activesSeen.slice() : Uint16Array.from(byCops),
    };
  }

  /**
   * Typed-array bytes the model holds for lattice, agents, activation list, jail and moving-stamp
   * tables (for bytes per agent; the tables are a fixed ~50 KB at radius 7, visible only at 40 x 40).
   */
  bytesHeld(): number {
    let bytes = this.occupied.byteLength + this.activeBits.byteLength + this.copGrid.byteLength();
    bytes += this.activesSeen.byteLength + this.activeNear.byteLength();
    bytes += this.roster.byteLength() + this.arrests.byteLength();
    if (this.activesSeenByCops !== null) bytes += this.activesSeenByCops.byteLength;
    bytes += this.activeMoves.byteLength() + this.activeMovesByCops.byteLength();
    return bytes + this.jail.byteLength();
  }

  /** Citizens (jailed or not) plus cops now. */
  get agents(): number {
    return this.citizens + this.nCops;
  }

  /** Agents a step activates now: cops and the citizens not in jail. */
  get activated(): number {
    return this.citizens - this.nJailed + this.nCops;
  }

  private bindStreams(): void {
    this.arrestStream = this.streams.stream('arrest');
    this.jailStream = this.streams.stream('jail');
  }

  private stepOnce(): void {
    const s = this.t + 1;
    this.current = s;
    const L = this.legitimacy.valueAt(s);
    if (this.copDensity.startedBy(s)) this.setCops(Math.round(this.copDensity.valueAt(s) * this.cells));
    this.arrestsThisStep = 0;

    this.roster.shuffle(this.orderRng.s, this.mixedOrder);
    this.activate(L);
    this.jailArrestees();

    if (this.jail.size > 0) this.release(s);
    this.t = s;
    const row = this.row;
    row[0] = s;
    row[1] = this.citizens - this.nActive - this.nJailed;
    row[2] = this.nActive;
    row[3] = this.nJailed;
    row[4] = this.nCops;
    row[5] = L;
    row[6] = this.arrestsThisStep;
    this.metrics.record(row);
  }

  /**
   * Activate every agent once, in roster order. An entry whose cell saw an arrest before its turn is
   * the arrestee (sim/epstein/arrests.ts): it is marked EMPTY for jailArrestees and skipped. The entry
   * is written back with the agent's cell and code. The move stream's generator state lives in locals
   * here; calls that draw moves from it elsewhere write it back first.
   */
  private activate(L: number): void {
    const roster = this.roster;
    const words = roster.words;
    const floats = roster.floats;
    const n = roster.n;
    const marks = this.arrests.marks;
    const occupied = this.occupied;
    const width = this.width;
    const height = this.height;
    const movement = this.movement;
    const moveFirst = this.moveFirst;
    const stepIntoCell = this.moveFirst && this.jailedCellEmpty;
    const T = this.threshold;
    const k = this.k;
    const rule = this.rule;
    const citizenShape = this.citizenShape;
    const copShape = this.copShape;
    const moveRng = this.moveRng;
    const st = moveRng.s;
    let s0 = st[0];
    let s1 = st[1];
    let s2 = st[2];
    let s3 = st[3];

    for (let e = 0; e < n; e++) {
      const w = WORDS * e;
      const entry = words[w];
      let cell = entry >>> 3;
      let code = entry & 7;
      if (this.arrestsThisStep > 0 && ((marks[cell >>> 5] >>> (cell & 31)) & 1) !== 0) {
        words[w] = cell << 3; // EMPTY: arrested before its turn
        continue;
      }
      const isCop = code === COP;

      if (!moveFirst) {
        if (isCop) this.enforce(cell, false, e);
        else if (code === ACTIVE || grievance(floats[w + 1], L) > T) {
          code = this.decide(cell, code, floats[w + 1], floats[w + 2], L, T, k, rule);
        }
      }

      if (movement) {
        // Rule M: a uniformly random empty cell in vision, by rejection sampling (sim/epstein/lattice.ts).
        const shape = isCop ? copShape : citizenShape;
        const linear = shape.linear;
        const size = shape.size;
        const r = shape.radius;
        const y = (cell / width) | 0;
        const x = cell - y * width;
        let dest = -1;
        if (linear !== null && x >= r && x < width - r && y >= r && y < height - r) {
          // Each 32-bit draw gives two 16-bit halves; a half v picks offset (v size) >>> 16, exactly
          // uniform after rejecting the (65536 mod size) lowest products (Lemire 2019).
          const reject = 65536 % size;
          let spare = -1;
          for (let t = 0; t < MOVE_TRIES; t++) {
            let half = spare;
            if (half < 0) {
              // xoshiro128** (sim/epstein/fast-random.ts), inlined.
              const m = Math.imul(s1, 5);
              const bits = Math.imul((m << 7) | (m >>> 25), 9);
              const sh = s1 << 9;
              s2 ^= s0;
              s3 ^= s1;
              s1 ^= s2;
              s0 ^= s3;
              s2 ^= sh;
              s3 = (s3 << 11) | (s3 >>> 21);
              half = bits & 0xffff;
              spare = bits >>> 16;
            } else spare = -1;
            const product = half * size;
            if ((product & 0xffff) < reject) continue;
            const d = cell + linear[product >>> 16];
            if (((occupied[d >>> 5] >>> (d & 31)) & 1) === 0) {
              dest = d;
              break;
            }
          }
        } else if (size > 0) {
          // Near an edge (one agent in seven at 200 x 200) or a shape that wraps onto itself: probes
          // with wrapped offsets, drawn and placed exactly as randomEmptyInVision does, inlined because
          // the call cost several times the probes.
          const sdx = shape.dx;
          const sdy = shape.dy;
          for (let t = 0; t < MOVE_TRIES; t++) {
            const m = Math.imul(s1, 5);
            const bits = Math.imul((m << 7) | (m >>> 25), 9);
            const sh = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= sh;
            s3 = (s3 << 11) | (s3 >>> 21);
            // FastRandom.below(size).
            const i = Math.floor((bits >>> 0) * size * TWO_POW_M32);
            let nx = x + sdx[i];
            if (nx >= width) nx -= width;
            let ny = y + sdy[i];
            if (ny >= height) ny -= height;
            const d = ny * width + nx;
            if (((occupied[d >>> 5] >>> (d & 31)) & 1) === 0) {
              dest = d;
              break;
            }
          }
        }
        if (dest < 0 && size > 0) {
          // Every probe missed (a nearly full neighbourhood): count the empty cells in vision, draw one.
          st[0] = s0;
          st[1] = s1;
          st[2] = s2;
          st[3] = s3;
          dest = emptyByScan(occupied, shape, width, height, cell, moveRng);
          s0 = st[0];
          s1 = st[1];
          s2 = st[2];
          s3 = st[3];
        }
        if (dest >= 0) {
          if (isCop) this.relocateCop(cell, dest);
          else {
            setBit(occupied, dest);
            clearBit(occupied, cell);
            if (code === ACTIVE) this.moveActive(cell, dest);
          }
          cell = dest;
        }
      }

      if (moveFirst) {
        if (isCop) cell = this.enforce(cell, stepIntoCell, e);
        // A quiet citizen with G <= T stays quiet (decide): half the citizens at the defaults, spared the call.
        else if (code === ACTIVE || grievance(floats[w + 1], L) > T) {
          code = this.decide(cell, code, floats[w + 1], floats[w + 2], L, T, k, rule);
        }
      }
      words[w] = (cell << 3) | code;
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
  }

  /**
   * Rule A for the citizen in `cell` with code `code` (QUIET or ACTIVE), hardship H and risk aversion R;
   * returns its new code.
   *
   * The cops in vision are counted only as far as the decision needs: it is monotone in C (more cops,
   * a ratio r(C / A) no smaller under every ratio rule, a higher P, a lower G - R P), so the citizen is
   * active exactly when C is below the fewest cops that would keep it quiet (quietFrom), and the count
   * may stop there (CopGrid.count). With no active in vision that is usually one cop.
   */
  private decide(
    cell: number,
    code: number,
    H: number,
    R: number,
    L: number,
    T: number,
    k: number,
    rule: RatioCode,
  ): number {
    const g = grievance(H, L);
    // With G <= T no arrest risk can make G - R P exceed T, so nothing needs counting. Otherwise C = 0
    // gives P = 1 - exp(-0) = 0 and G - R x 0 = G > T: active, so quietFrom is at least 1.
    let active = false;
    if (g > T) {
      const actives = this.activeNear.any(cell) ? this.activesSeen[cell] : 0;
      const quiet = this.quietFrom(g, R, actives, T, k, rule);
      active = quiet > this.citizenShape.size || this.copGrid.countAroundCitizen(cell, quiet) < quiet;
    }
    if (active === (code === ACTIVE)) return code;
    const now = active ? ACTIVE : QUIET;
    if (active) setBit(this.activeBits, cell);
    else clearBit(this.activeBits, cell);
    const delta = active ? 1 : -1;
    this.nActive += delta;
    this.stampActive(cell, delta);
    return now;
  }

  /** Rule A's outcome for a citizen with grievance g > T and risk aversion R that sees `cops` and `actives`. */
  private activeWith(cops: number, actives: number, g: number, R: number, T: number, k: number, rule: RatioCode): boolean {
    // Under the rounding rules r(C / A) is a whole number <= C, and pByRatio[r] holds the very double
    // arrestProbability would compute (the same expression), without an exp per citizen.
    const p =
      rule === RatioCode.Literal
        ? arrestProbability(cops, actives, k, rule)
        : this.pByRatio[applyRatio(cops / (1 + actives), rule)];
    return isActive(g, R, p, T);
  }

  /**
   * The fewest cops in vision with which a citizen (g > T, risk aversion R, `actives` in vision) stays
   * quiet; size + 1 if no number of cops would. Found with activeWith itself, so it agrees with the
   * rule bit for bit: under the rounding rules by the first whole ratio r with which the citizen is
   * quiet (usually r = 1, as P(1) = 0.9 at k = 2.3), then the fewest cops giving that ratio; under
   * the literal rule by bisection.
   */
  private quietFrom(g: number, R: number, actives: number, T: number, k: number, rule: RatioCode): number {
    const size = this.citizenShape.size;
    if (rule === RatioCode.Literal) {
      // Monotone: active at lo (0 cops), look for the first quiet count in (lo, size].
      let lo = 0;
      let hi = size + 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if (this.activeWith(mid, actives, g, R, T, k, rule)) lo = mid;
        else hi = mid;
      }
      return hi;
    }
    const pByRatio = this.pByRatio;
    let r = 1;
    while (r <= size && isActive(g, R, pByRatio[r], T)) r++;
    if (r > size) return size + 1;
    // Under floor, r(C / A) >= r exactly when C >= r A (C / A is exact where it is whole, and at
    // least 1 / A from the next whole number below it otherwise).
    if (rule === RatioCode.Floor) return Math.min(r * (1 + actives), size + 1);
    // About r (1 + A) cops give ratio r; step to the exact first count from there.
    let quiet = Math.min(r * (1 + actives), size + 1);
    while (quiet > 1 && !this.activeWith(quiet - 1, actives, g, R, T, k, rule)) quiet--;
    while (quiet <= size && this.activeWith(quiet, actives, g, R, T, k, rule)) quiet++;
    return quiet;
  }

  /**
   * Rule C for the cop in `cell`, activated at `time`: arrest a uniformly random active citizen in
   * vision. With `stepIntoCell` (NetLogo, when the jailed citizen leaves its cell) the cop then takes
   * the arrestee's cell. Returns the cop's cell.
   */
  private enforce(cell: number, stepIntoCell: boolean, time: number): number {
    // With no active citizen anywhere there is nothing to see (and no memory to touch).
    if (this.nActive === 0) return cell;
    const byCops = this.activesSeenByCops;
    const seen = this.activeNear.any(cell) ? (byCops ?? this.activesSeen)[cell] : 0;
    if (seen === 0) return cell;
    const u = this.arrestStream.int(seen);
    const target = nthInVision(this.activeBits, this.copShape, this.width, this.height, cell, true, u);
    if (target < 0) throw new Error(`vision counts out of step at cell ${cell}: ${seen} actives counted, fewer found`);
    this.arrest(target, time);
    if (!stepIntoCell) return cell;
    this.relocateCop(cell, target);
    return target;
  }

  /** Arrest the active citizen in `cell` (by the agent activated at `time`); its traits follow. */
  private arrest(cell: number, time: number): void {
    this.stampActive(cell, -1);
    this.nActive--;
    this.nJailed++;
    this.arrestsThisStep++;
    this.arrestsTotal++;
    const term = drawJailTerm(this.jailStream.next, this.maxJailTerm, this.jailTermInclusive);
    // The traits are filled in by jailArrestees, once the step has shown which entry was arrested.
    this.arrests.record(cell, time, this.jail.admit(NaN, NaN, this.current + term, cell));
    clearBit(this.activeBits, cell);
    // A jailed citizen that keeps its cell (Mesa) keeps it occupied.
    if (this.jailedCellEmpty) clearBit(this.occupied, cell);
  }

  /**
   * Put this step's arrestees' traits into their jail records, matching each arrest to its roster entry
   * (sim/epstein/arrests.ts), and mark the entries EMPTY.
   */
  private jailArrestees(): void {
    const arrests = this.arrests;
    if (arrests.size === 0) return;
    const jail = this.jail;
    const roster = this.roster;
    const words = roster.words;
    const floats = roster.floats;
    const marks = arrests.marks;
    const n = roster.n;
    // One pass over every agent after every step (a plain loop, no callback), writing only the matched
    // entries, which it marks EMPTY for the next shuffle to drop.
    for (let i = 0; i < n; i++) {
      const e = WORDS * i;
      const entry = words[e];
      const cell = entry >>> 3;
      let record = -1;
      if ((entry & 7) === EMPTY) {
        // Skipped: arrested before its turn, at the cell's first arrest.
        record = arrests.take(cell, -1);
        if (record < 0) throw new Error(`an arrestee at cell ${cell} has no arrest`);
      } else if (((marks[cell >>> 5] >>> (cell & 31)) & 1) !== 0) record = arrests.take(cell, i);
      if (record >= 0) {
        jail.hardship[record] = floats[e + 1];
        jail.riskAversion[record] = floats[e + 2];
        words[e] = cell << 3;
      }
    }
    const left = arrests.unmatched();
    if (left !== 0) throw new Error(`${left} arrests matched no citizen`);
    arrests.clear();
  }

  /** Release, in arrest order, the citizens whose term ends with step s: each a new roster entry. */
  private release(s: number): void {
    const jail = this.jail;
    jail.releaseDue(s, (r) => {
      const last = jail.cell[r];
      let to = last;
      if (this.jailedCellEmpty) {
        if (hasBit(this.occupied, to)) {
          to = randomEmptyInVision(this.occupied, this.citizenShape, this.width, this.height, last, this.releaseRng);
        }
        if (to < 0) to = randomEmptyCell(this.occupied, this.cells, this.releaseRng);
        if (to < 0) return false; // the lattice is full: wait in jail for a free cell
      }
      setBit(this.occupied, to);
      this.roster.add(to, QUIET, jail.hardship[r], jail.riskAversion[r]);
      this.nJailed--;
      return true;
    });
  }

  /**
   * Bring the number of cops to `target` (copSchedule): uniformly random cops leave, freeing their
   * cells; new cops take uniformly random empty cells (as many as there are).
   */
  private setCops(target: number): void {
    const grid = this.copGrid;
    if (this.nCops > target) {
      // The cops in lattice order, so that which leave does not depend on the roster's order.
      const cops = new Int32Array(this.nCops);
      let n = 0;
      for (let c = 0; c < this.cells; c++) if (grid.has(c)) cops[n++] = c;
      const leave = n - target;
      // Partial Fisher-Yates: the first `leave` entries are a uniform sample of the cops.
      for (let i = 0; i < leave; i++) {
        const j = i + this.copRng.below(n - i);
        const t = cops[i];
        cops[i] = cops[j];
        cops[j] = t;
      }
      for (let i = 0; i < leave; i++) {
        clearBit(this.occupied, cops[i]);
        grid.clear(cops[i]);
      }
      this.roster.remove((cell, code) => code === COP && !grid.has(cell));
      this.nCops = target;
    }
    while (this.nCops < target) {
      const c = randomEmptyCell(this.occupied, this.cells, this.copRng);
      if (c < 0) break;
      this.placeCop(c);
    }
  }

  private placeCop(cell: number): void {
    setBit(this.occupied, cell);
    this.nCops++;
    this.roster.add(cell, COP, 0, 0);
    this.copGrid.set(cell);
  }

  private relocateCop(from: number, to: number): void {
    setBit(this.occupied, to);
    clearBit(this.occupied, from);
    this.copGrid.clear(from);
    this.copGrid.set(to);
  }

  /** An active citizen moved from `from` to `to`: move its stamp in the actives' counts. */
  private moveActive(from: number, to: number): void {
    clearBit(this.activeBits, from);
    setBit(this.activeBits, to);
    this.activeNear.add(from, -1);
    this.activeNear.add(to, 1);
    if (!this.activeMoves.apply(this.activesSeen, from, to, 1)) {
      stamp(this.activesSeen, this.citizenShape, this.width, this.height, from, -1);
      stamp(this.activesSeen, this.citizenShape, this.width, this.height, to, 1);
    }
    const byCops = this.activesSeenByCops;
    if (byCops !== null && !this.activeMovesByCops.apply(byCops, from, to, 1)) {
      stamp(byCops, this.copShape, this.width, this.height, from, -1);
      stamp(byCops, this.copShape, this.width, this.height, to, 1);
    }
  }

  private stampActive(cell: number, delta: number): void {
    stamp(this.activesSeen, this.citizenShape, this.width, this.height, cell, delta);
    this.activeNear.add(cell, delta);
    const byCops = this.activesSeenByCops;
    if (byCops !== null) stamp(byCops, this.copShape, this.width, this.height, cell, delta);
  }
}

export const epsteinFactory: ModelFactory<EpsteinParams> = {
  name: 'epstein',
  create(params: EpsteinParams, seed: number): EpsteinModel {
    return new EpsteinModel(params, seed);
  },
};
