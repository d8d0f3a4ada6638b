// Draws of θ into flat arrays: P(input), logit(base) and the signed ln K of every driver line.
// Fixed parts are written once; a draw touches only the ranges (probabilities and bases
// uniform, ln K uniform, i.e. K log-uniform).
import { type CompiledModel, INPUT } from './compile';
import { type Rng, TO_UNIT } from './random';

export class ThetaSampler {
  readonly probability: Float64Array;
  readonly logitBase: Float64Array;
  readonly lnK: Float64Array;
  /** Whether any parameter is a range (otherwise draw() does nothing). */
  readonly hasRanges: boolean;
  private readonly inputs: Int32Array;
  private readonly bases: Int32Array;
  private readonly drivers: Int32Array;
  /** Signed ln K of driver line drivers[i] = offset[i] + scale[i] · u. */
  private readonly driverOffset: Float64Array;
  private readonly driverScale: Float64Array;
  private readonly c: CompiledModel;

  constructor(c: CompiledModel) {
    this.c = c;
    this.probability = new Float64Array(c.n);
    this.logitBase = new Float64Array(c.n);
    this.lnK = new Float64Array(c.drvParent.length);
    const inputs: number[] = [];
    const bases: number[] = [];
    const drivers: number[] = [];
    for (let v = 0; v < c.n; v++) {
      const lo = c.lo[v]!;
      if (c.kind[v] === INPUT) {
        this.probability[v] = lo;
        if (c.hi[v] !== lo) inputs.push(v);
        continue;
      }
      this.logitBase[v] = Math.log(lo / (1 - lo));
      if (c.hi[v] !== lo) bases.push(v);
      for (let j = c.drvStart[v]!; j < c.drvStart[v + 1]!; j++) {
        this.lnK[j] = c.drvSign[j]! * c.drvLnLo[j]!;
        if (c.drvLnLo[j] !== c.drvLnHi[j]) drivers.push(j);
      }
    }
    this.inputs = Int32Array.from(inputs);
    this.bases = Int32Array.from(bases);
    this.drivers = Int32Array.from(drivers);
    this.driverOffset = Float64Array.from(drivers, (j) => c.drvSign[j]! * c.drvLnLo[j]!);
    this.driverScale = Float64Array.from(drivers, (j) => c.drvSign[j]! * (c.drvLnHi[j]! - c.drvLnLo[j]!));
    this.hasRanges = inputs.length + bases.length + drivers.length > 0;
  }

  /** How many uniform numbers one draw uses. */
  get dimensions(): number {
    return this.inputs.length + this.bases.length + this.drivers.length;
  }

  /** One draw with the given source of uniforms (e.g. a Latin hypercube), in a fixed order. */
  drawWith(unit: () => number): void {
    const { c, probability, logitBase, lnK, inputs, bases, drivers } = this;
    const { lo, hi, drvLnLo, drvLnHi, drvSign } = c;
    for (let i = 0; i < inputs.length; i++) {
      const v = inputs[i]!;
      probability[v] = lo[v]! + (hi[v]! - lo[v]!) * unit();
    }
    for (let i = 0; i < bases.length; i++) {
      const v = bases[i]!;
      const b = lo[v]! + (hi[v]! - lo[v]!) * unit();
      logitBase[v] = Math.log(b / (1 - b));
    }
    for (let i = 0; i < drivers.length; i++) {
      const j = drivers[i]!;
      lnK[j] = drvSign[j]! * (drvLnLo[j]! + (drvLnHi[j]! - drvLnLo[j]!) * unit());
    }
  }

  /**
   * One draw straight from the generator (the Monte Carlo hot loop). Multipliers take two draws
   * per 32-bit output: 16 bits each, at the middle of their 1/65,536 slice, whose mean and spread
   * match the continuous uniform to within 1e-9.
   */
  draw(rng: Rng): void {
    const { c, probability, logitBase, lnK, inputs, bases, drivers, driverOffset, driverScale } = this;
    const { lo, hi } = c;
    for (let i = 0; i < inputs.length; i++) {
      const v = inputs[i]!;
      probability[v] = lo[v]! + (hi[v]! - lo[v]!) * ((rng.next() >>> 0) * TO_UNIT);
    }
    for (let i = 0; i < bases.length; i++) {
      const v = bases[i]!;
      const b = lo[v]! + (hi[v]! - lo[v]!) * ((rng.next() >>> 0) * TO_UNIT);
      logitBase[v] = Math.log(b / (1 - b));
    }
    const count = drivers.length;
    let i = 0;
    for (; i + 1 < count; i += 2) {
      const bits = rng.next();
      lnK[drivers[i]!] = driverOffset[i]! + driverScale[i]! * (((bits & 0xffff) + 0.5) * HALF_UNIT);
      lnK[drivers[i + 1]!] = driverOffset[i + 1]! + driverScale[i + 1]! * (((bits >>> 16) + 0.5) * HALF_UNIT);
    }
    if (i < count) lnK[drivers[i]!] = driverOffset[i]! + driverScale[i]! * ((rng.next() >>> 0) * TO_UNIT);
  }
}

/** 2^-16. */
const HALF_UNIT = 1 / 65536;
