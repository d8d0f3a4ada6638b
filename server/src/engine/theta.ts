// Draws of θ into flat arrays: P(input), logit(base) and the signed ln K of every driver line.
// Fixed parts are written once; a draw touches only the ranges (probabilities and bases
// uniform, ln K uniform, i.e. K log-uniform).
//
// Common random numbers across scenarios: the "main" uniforms go to the parameters that are
// ranges in the baseline, in the baseline's order, in every scenario (an alternative that fixes
// one of them still consumes its uniform and ignores it); parameters that only an alternative
// makes uncertain take theirs from a separate "extra" source. So every scenario consumes the
// main stream identically, and what an alternative does not touch is drawn exactly as in the
// baseline.
import { type CompiledModel, INPUT } from './compile';

/** Where one source's uniforms go, in this order: inputs' P, then bases, then driver lines' ln K. */
export interface ThetaSlots {
  readonly inputs: Int32Array;
  readonly bases: Int32Array;
  readonly drivers: Int32Array;
}

function rangedSlots(c: CompiledModel): { inputs: number[]; bases: number[]; drivers: number[] } {
  const slots = { inputs: [] as number[], bases: [] as number[], drivers: [] as number[] };
  for (let v = 0; v < c.n; v++) {
    if (c.lo[v] !== c.hi[v]) (c.kind[v] === INPUT ? slots.inputs : slots.bases).push(v);
    for (let j = c.drvStart[v]!; j < c.drvStart[v + 1]!; j++) if (c.drvLnLo[j] !== c.drvLnHi[j]) slots.drivers.push(j);
  }
  return slots;
}

/** Draws of some of a ThetaSampler's parameters (ThetaSampler.subset). */
export interface ThetaSubset {
  readonly mainDimensions: number;
  readonly extraDimensions: number;
  readonly main: ThetaSlots;
  readonly extra: ThetaSlots;
  drawFrom(main: Float64Array, extra: Float64Array): void;
}

export class ThetaSampler {
  readonly probability: Float64Array;
  readonly logitBase: Float64Array;
  readonly lnK: Float64Array;
  /** Whether anything is drawn at all (otherwise draw() does nothing). */
  readonly hasRanges: boolean;
  /** Uniforms one draw takes from the main and from the extra source (drawWith). */
  readonly mainDimensions: number;
  readonly extraDimensions: number;
  readonly main: ThetaSlots;
  readonly extra: ThetaSlots;
  /** Signed ln K of driver line j = offset[j] + scale[j] · u. */
  readonly offset: Float64Array;
  readonly scale: Float64Array;
  private readonly c: CompiledModel;

  /** `baseline` gives the layout of the main uniforms (the same compiled structure as c). */
  constructor(c: CompiledModel, baseline: CompiledModel = c) {
    this.c = c;
    this.probability = new Float64Array(c.n);
    this.logitBase = new Float64Array(c.n);
    this.lnK = new Float64Array(c.drvParent.length);
    this.offset = Float64Array.from(c.drvSign, (sign, j) => sign * c.drvLnLo[j]!);
    this.scale = Float64Array.from(c.drvSign, (sign, j) => sign * (c.drvLnHi[j]! - c.drvLnLo[j]!));
    for (let v = 0; v < c.n; v++) {
      if (c.kind[v] === INPUT) this.probability[v] = c.lo[v]!;
      else this.logitBase[v] = Math.log(c.lo[v]! / (1 - c.lo[v]!));
    }
    this.lnK.set(this.offset);
    const main = rangedSlots(baseline);
    const own = rangedSlots(c);
    const missing = (list: number[], from: number[]) => {
      const set = new Set(from);
      return Int32Array.from(list.filter((x) => !set.has(x)));
    };
    this.main = { inputs: Int32Array.from(main.inputs), bases: Int32Array.from(main.bases), drivers: Int32Array.from(main.drivers) };
    this.extra = { inputs: missing(own.inputs, main.inputs), bases: missing(own.bases, main.bases), drivers: missing(own.drivers, main.drivers) };
    this.mainDimensions = dimensionsOf(this.main);
    this.extraDimensions = dimensionsOf(this.extra);
    this.hasRanges = this.mainDimensions + this.extraDimensions > 0;
  }

  /**
   * One draw from rows of uniforms (a Latin hypercube's, or a stream's), in a fixed order:
   * main[0 … mainDimensions − 1] and extra[0 … extraDimensions − 1]. Rows, not a function per
   * uniform: a number returned from a call that is not inlined is a heap allocation.
   */
  drawFrom(main: Float64Array, extra: Float64Array): void {
    this.fill(this.main, main);
    if (this.extraDimensions > 0) this.fill(this.extra, extra);
  }

  /**
   * The parameters of the variables in `needed` (a mask) only, drawn into the same arrays: a
   * pass that reads a few variables' tables draws (and stratifies) those dimensions alone.
   */
  subset(needed: Uint8Array): ThetaSubset {
    const { drvStart } = this.c;
    const lineOwner = new Int32Array(this.lnK.length);
    for (let v = 0; v < this.c.n; v++) lineOwner.fill(v, drvStart[v]!, drvStart[v + 1]!);
    const keep = (slots: ThetaSlots): ThetaSlots => ({
      inputs: slots.inputs.filter((v) => needed[v] === 1),
      bases: slots.bases.filter((v) => needed[v] === 1),
      drivers: slots.drivers.filter((j) => needed[lineOwner[j]!] === 1),
    });
    const main = keep(this.main);
    const extra = keep(this.extra);
    const extraDimensions = dimensionsOf(extra);
    return {
      mainDimensions: dimensionsOf(main),
      extraDimensions,
      main,
      extra,
      drawFrom: (mainRow, extraRow) => {
        this.fill(main, mainRow);
        if (extraDimensions > 0) this.fill(extra, extraRow);
      },
    };
  }

  private fill({ inputs, bases, drivers }: ThetaSlots, unit: Float64Array): void {
    const { c, probability, logitBase, lnK, offset, scale } = this;
    const { lo, hi } = c;
    let k = 0;
    for (let i = 0; i < inputs.length; i++) {
      const v = inputs[i]!;
      probability[v] = lo[v]! + (hi[v]! - lo[v]!) * unit[k++]!;
    }
    for (let i = 0; i < bases.length; i++) {
      const v = bases[i]!;
      const b = lo[v]! + (hi[v]! - lo[v]!) * unit[k++]!;
      logitBase[v] = Math.log(b / (1 - b));
    }
    for (let i = 0; i < drivers.length; i++) {
      const j = drivers[i]!;
      lnK[j] = offset[j]! + scale[j]! * unit[k++]!;
    }
  }
}

function dimensionsOf(slots: ThetaSlots): number {
  return slots.inputs.length + slots.bases.length + slots.drivers.length;
}
