// The numerical building blocks of the engine, against closed forms.
import { describe, expect, it } from 'vitest';
import { quantile, quantileOf, select } from '../../server/src/engine/bands';
import { fastSigmoid, meanSigmoidOverBase, POW2 } from '../../server/src/engine/logistic';
import {
  compress, convolve, gaussLegendre, symmetricTridiagonalEigen, uniformRule,
} from '../../server/src/engine/quadrature';
import { seededStream, UniformBlocks } from '../../server/src/engine/random';
import { LatinHypercube } from '../../server/src/engine/tables';
import { logit, sigmoid } from './build';

const integrate = (rule: { nodes: Float64Array; weights: Float64Array }, f: (x: number) => number) =>
  rule.nodes.reduce((s, x, i) => s + rule.weights[i]! * f(x), 0);

describe('quadrature', () => {
  it('Gauss–Legendre with n nodes integrates polynomials of degree 2n − 1 exactly', () => {
    for (const n of [1, 2, 5, 12, 24]) {
      const rule = gaussLegendre(n);
      expect(integrate(rule, () => 1)).toBeCloseTo(2, 13);
      const d = 2 * n - 2; // an even degree below 2n
      expect(integrate(rule, (x) => x ** d)).toBeCloseTo(2 / (d + 1), 12);
    }
  });

  it('a uniform rule gives the mean over the interval', () => {
    const rule = uniformRule(Math.log(2), Math.log(8));
    const expected = (Math.log1p(Math.exp(1 + Math.log(8))) - Math.log1p(Math.exp(1 + Math.log(2)))) / Math.log(4);
    expect(integrate(rule, (t) => sigmoid(1 + t))).toBeCloseTo(expected, 12);
  });

  it('eigenvalues of a symmetric tridiagonal matrix, with first eigenvector components', () => {
    // [[2, 1], [1, 2]]: eigenvalues 1 and 3, eigenvectors (1, ∓1)/√2.
    const { values, firstComponents } = symmetricTridiagonalEigen([2, 2], [1]);
    expect([...values].sort()).toEqual([expect.closeTo(1, 12), expect.closeTo(3, 12)]);
    for (const z of firstComponents) expect(z * z).toBeCloseTo(0.5, 12);
  });

  it('compressing a rule keeps its moments up to degree 2·size − 1', () => {
    let rule = uniformRule(0, 1);
    for (const [lo, hi] of [[0, 2], [-1, 0.5], [0.2, 0.3]] as const) rule = convolve(rule, uniformRule(lo, hi), 1);
    const small = compress(rule, 8);
    expect(small.nodes.length).toBe(8);
    for (let d = 0; d < 16; d++) {
      expect(integrate(small, (x) => x ** d)).toBeCloseTo(integrate(rule, (x) => x ** d), 9);
    }
  });
});

describe('logistic', () => {
  it("fastExp's table holds 2^-1000 to 2^1000 exactly", () => {
    expect(POW2.length).toBe(2001);
    for (let k = 0; k <= 2000; k++) expect(POW2[k]).toBe(2 ** (k - 1000));
  });

  it('the mean of σ(logit b + s) over a uniform base, in closed form', () => {
    // The textbook antiderivative of c·b / (1 + (c − 1)·b) (unstable when c ≈ 1: a midpoint sum then).
    const reference = (lo: number, hi: number, s: number) => {
      const c = Math.exp(s);
      if (Math.abs(c - 1) > 1e-3 && hi > lo) {
        const F = (b: number) => (c / (c - 1)) * (b - Math.log(1 + (c - 1) * b) / (c - 1));
        return (F(hi) - F(lo)) / (hi - lo);
      }
      const n = 20000;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += sigmoid(logit(lo + ((hi - lo) * (i + 0.5)) / n) + s);
      return sum / n;
    };
    for (const [lo, hi, s] of [[0.1, 0.3, 1.1], [0, 1, 2], [0.2, 0.2, -1], [0.4, 0.6, 1e-9], [0, 0.05, 8], [0.9, 1, -6]]) {
      expect(meanSigmoidOverBase(lo!, hi!, s!)).toBeCloseTo(reference(lo!, hi!, s!), 10);
    }
    expect(meanSigmoidOverBase(0, 0, 50)).toBe(0);
    expect(meanSigmoidOverBase(1, 1, -50)).toBe(1);
    expect(meanSigmoidOverBase(0.3, 0.5, 0)).toBeCloseTo(0.4, 15);
  });

  it('the fast σ of the sampling loops is within 1e-10 of σ and pins ±∞', () => {
    for (let z = -40; z <= 40; z += 0.0137) {
      expect(Math.abs(fastSigmoid(z) - sigmoid(z)) / sigmoid(z)).toBeLessThan(1e-10);
    }
    expect(fastSigmoid(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(fastSigmoid(Number.POSITIVE_INFINITY)).toBe(1);
  });
});

describe('sampling helpers', () => {
  it('percentiles interpolate between order statistics', () => {
    const sorted = Float64Array.from({ length: 101 }, (_, i) => i / 100);
    expect(quantile(sorted, 0.05)).toBeCloseTo(0.05, 12);
    expect(quantile(sorted, 0.95)).toBeCloseTo(0.95, 12);
    expect(quantile(Float64Array.of(1, 3), 0.5)).toBe(2);
  });

  it('selection finds the order statistics and the percentiles a full sort gives, without sorting', () => {
    const rng = seededStream(11, 0);
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      for (const shape of ['random', 'sorted', 'reversed', 'ties']) {
        const values = Float64Array.from({ length: n }, (_, i) => {
          const u = (rng.next() >>> 0) / 2 ** 32;
          return shape === 'random' ? u : shape === 'sorted' ? i : shape === 'reversed' ? n - i : Math.floor(u * 3);
        });
        const sorted = Float64Array.from(values).sort();
        for (const k of [0, Math.floor(n / 20), Math.floor(n / 2), n - 1]) expect(select(Float64Array.from(values), k)).toBe(sorted[k]);
        for (const q of [0.05, 0.5, 0.95]) expect(quantileOf(Float64Array.from(values), q)).toBe(quantile(sorted, q));
      }
    }
  });

  it('a Latin hypercube puts exactly one draw in each slice of every dimension', () => {
    const draws = 50;
    const cube = new LatinHypercube(new UniformBlocks(seededStream(3, 1)), draws, 3);
    const seen = [new Set<number>(), new Set<number>(), new Set<number>()];
    const row = new Float64Array(3);
    for (let d = 0; d < draws; d++) {
      cube.row(d, row);
      for (let k = 0; k < 3; k++) seen[k]!.add(Math.floor(row[k]! * draws));
    }
    for (const s of seen) expect(s.size).toBe(draws);
  });

  it('streams are independent and reproducible', () => {
    const a = seededStream(7, 0);
    const b = seededStream(7, 0);
    const c = seededStream(7, 1);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });
});
