// The logistic link of LANGUAGE.md's outcomes, and the closed-form average of it over a base
// probability drawn uniformly from a range (so the base never needs numerical integration).

// fastExp's tables and constants (exported for frontier.wat's copy of it, bandKernel.ts).
// POW2[k] = 2^(k − 1000), by doubling and halving from 1: exact (every one is a normal double),
// and a tenth of the 2,001 calls of Math.pow that `2 ** (k − 1000)` costs at every start.
export const POW2 = new Float64Array(2001);
POW2[1000] = 1;
for (let k = 1001; k <= 2000; k++) POW2[k] = POW2[k - 1]! * 2;
for (let k = 999; k >= 0; k--) POW2[k] = POW2[k + 1]! / 2;
export const ROOTS = Float64Array.from({ length: 64 }, (_, j) => 2 ** (j / 64));
export const SCALE = 64 * Math.LOG2E;
export const STEP = Math.LN2 / 64;
export const SIXTH = 1 / 6;

/**
 * e^x for the sampling loops, several times faster than Math.exp: 2^n · 2^(j/64) · e^f with a
 * table of the 64 roots and |f| ≤ ln2/128, where a cubic is exact to a relative 4e-11 (far under
 * any sampling noise). Only +, ×, ÷ and rounding on fixed tables; 0 and Infinity far out.
 */
export function fastExp(x: number): number {
  const t = x * SCALE;
  if (t > 64000) return Infinity;
  if (t < -64000) return 0;
  const k = Math.round(t);
  const f = (t - k) * STEP;
  // k >> 6 = (k − (k & 63)) / 64, as an integer index (a double index is a slower load).
  return POW2[(k >> 6) + 1000]! * ROOTS[k & 63]! * (1 + f * (1 + f * (0.5 + f * SIXTH)));
}

/** σ(z) for the sampling loops: 1 / (1 + e^(−z)) with fastExp. */
export function fastSigmoid(z: number): number {
  return 1 / (1 + fastExp(-z));
}

/** h(w) = (w − ln(1 + w)) / w², accurate near 0 (series) and for w → −1. */
function h(w: number, logOnePlusW: number): number {
  if (Math.abs(w) < 1e-2) {
    // 1/2 − w/3 + w²/4 − …: ten terms reach double precision for |w| < 0.01.
    let sum = 0;
    let power = 1;
    for (let k = 0; k < 10; k++) {
      sum += ((k & 1) === 0 ? power : -power) / (k + 2);
      power *= w;
    }
    return sum;
  }
  return (w - logOnePlusW) / (w * w);
}

/**
 * E over b ~ Uniform[lo, hi] of σ(logit(b) + s), in closed form:
 * with c = e^s, σ(logit b + s) = c·b / (1 + (c − 1)·b), whose average is
 * c·(lo + (hi − lo)·h(w)/A)/A with A = 1 + (c − 1)·lo, B = 1 + (c − 1)·hi, w = (B − A)/A.
 * Every term is positive, so there is no cancellation; lo = hi gives σ(logit lo + s).
 */
export function meanSigmoidOverBase(lo: number, hi: number, s: number): number {
  if (lo === hi && (lo === 0 || lo === 1)) return lo;
  const shift = Math.max(-700, Math.min(700, s));
  const c = Math.exp(shift);
  const a = c * lo + (1 - lo);
  const b = c * hi + (1 - hi);
  if (!(a > 0) || !(b > 0)) return lo; // only c = 0 with lo = 1, which the clamp rules out
  const w = ((c - 1) * (hi - lo)) / a;
  const logRatio = w > -0.5 ? Math.log1p(w) : Math.log(b / a);
  const value = (c * (lo + ((hi - lo) * h(w, logRatio)) / a)) / a;
  return Math.min(1, Math.max(0, value));
}
