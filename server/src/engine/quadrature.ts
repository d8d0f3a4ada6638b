// Deterministic quadrature for the exact mode: Gauss–Legendre rules, and the Gauss rule of a
// discrete measure (Stieltjes procedure + Golub–Welsch), which keeps the rule for a sum of many
// uncertain multipliers small without losing accuracy for smooth integrands.

export interface Rule {
  nodes: Float64Array;
  weights: Float64Array;
}

const legendreCache = new Map<number, Rule>();

/** The n-point Gauss–Legendre rule on [−1, 1] (weights sum to 2). */
export function gaussLegendre(n: number): Rule {
  const cached = legendreCache.get(n);
  if (cached) return cached;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const half = Math.floor((n + 1) / 2);
  for (let i = 0; i < half; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 1;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
      }
      derivative = (n * (z * p1 - p2)) / (z * z - 1);
      const previous = z;
      z = previous - p1 / derivative;
      if (Math.abs(z - previous) < 1e-15) break;
    }
    nodes[i] = -z;
    nodes[n - 1 - i] = z;
    const w = 2 / ((1 - z * z) * derivative * derivative);
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  const rule = { nodes, weights };
  legendreCache.set(n, rule);
  return rule;
}

/**
 * Nodes for a uniform variable on an interval of `width` entering σ(· + t): σ has poles at
 * distance π from the real axis, so the Gauss–Legendre error falls like ρ^(−2n) with
 * ρ = r + √(r² + 1), r = π / (width / 2). Enough nodes for about 1e-13.
 */
export function nodesForWidth(width: number): number {
  if (width <= 0) return 1;
  const r = Math.PI / (width / 2);
  const rho = r + Math.sqrt(r * r + 1);
  return Math.max(2, Math.min(48, Math.ceil(30 / (2 * Math.log(rho)))));
}

/** Gauss–Legendre for the mean over a uniform variable on [lo, hi] (weights sum to 1). */
export function uniformRule(lo: number, hi: number): Rule {
  if (lo === hi) return { nodes: Float64Array.of(lo), weights: Float64Array.of(1) };
  const base = gaussLegendre(nodesForWidth(hi - lo));
  const n = base.nodes.length;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const middle = (lo + hi) / 2;
  const half = (hi - lo) / 2;
  for (let i = 0; i < n; i++) {
    nodes[i] = middle + half * base.nodes[i]!;
    weights[i] = base.weights[i]! / 2;
  }
  return { nodes, weights };
}

/** The rule for X + Y with X, Y independent and given by their rules (every pair of nodes). */
export function convolve(a: Rule, b: Rule, sign: number): Rule {
  const n = a.nodes.length * b.nodes.length;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < a.nodes.length; i++) {
    for (let j = 0; j < b.nodes.length; j++) {
      nodes[k] = a.nodes[i]! + sign * b.nodes[j]!;
      weights[k] = a.weights[i]! * b.weights[j]!;
      k++;
    }
  }
  return { nodes, weights };
}

/**
 * The Gauss rule with at most `size` nodes of a discrete measure: it integrates every polynomial
 * of degree < 2·size exactly as the measure does, so for an integrand that polynomials of that
 * degree approximate well on the measure's support (σ of a sum over a few units) it is as
 * accurate as the measure itself, with far fewer nodes.
 */
export function compress(rule: Rule, size: number): Rule {
  const m = rule.nodes.length;
  if (m <= size) return rule;
  let low = Infinity;
  let high = -Infinity;
  let total = 0;
  for (let i = 0; i < m; i++) {
    low = Math.min(low, rule.nodes[i]!);
    high = Math.max(high, rule.nodes[i]!);
    total += rule.weights[i]!;
  }
  const centre = (low + high) / 2;
  const scale = (high - low) / 2 || 1;
  const x = new Float64Array(m);
  for (let i = 0; i < m; i++) x[i] = (rule.nodes[i]! - centre) / scale;
  // Stieltjes: recurrence coefficients of the monic orthogonal polynomials of the measure.
  const alpha: number[] = [];
  const beta: number[] = [];
  let previous = new Float64Array(m);
  let current = new Float64Array(m).fill(1);
  let previousNorm = 1;
  for (let j = 0; j < size; j++) {
    let norm = 0;
    let moment = 0;
    for (let i = 0; i < m; i++) {
      const wp = rule.weights[i]! * current[i]! * current[i]!;
      norm += wp;
      moment += wp * x[i]!;
    }
    if (j > 0 && !(norm > 1e-28 * total)) break; // fewer distinct points than `size`
    const a = moment / norm;
    const b = j === 0 ? total : norm / previousNorm;
    alpha.push(a);
    beta.push(b);
    const next = new Float64Array(m);
    for (let i = 0; i < m; i++) next[i] = (x[i]! - a) * current[i]! - (j === 0 ? 0 : b) * previous[i]!;
    previous = current;
    current = next;
    previousNorm = norm;
  }
  const { values, firstComponents } = symmetricTridiagonalEigen(alpha, beta.slice(1).map(Math.sqrt));
  const n = values.length;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    nodes[i] = centre + scale * values[i]!;
    weights[i] = total * firstComponents[i]! * firstComponents[i]!;
  }
  return { nodes, weights };
}

/**
 * Eigenvalues of the symmetric tridiagonal matrix (diagonal d, off-diagonal e) and the first
 * component of each unit eigenvector (implicit QL with Wilkinson shifts; Golub–Welsch needs
 * only that component).
 */
export function symmetricTridiagonalEigen(
  diagonal: readonly number[], offDiagonal: readonly number[],
): { values: Float64Array; firstComponents: Float64Array } {
  const n = diagonal.length;
  const d = Float64Array.from(diagonal);
  const e = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) e[i] = offDiagonal[i]!;
  const z = new Float64Array(n);
  z[0] = 1;
  for (let l = 0; l < n; l++) {
    let iterations = 0;
    for (;;) {
      let m = l;
      for (; m < n - 1; m++) {
        const dd = Math.abs(d[m]!) + Math.abs(d[m + 1]!);
        if (Math.abs(e[m]!) <= Number.EPSILON * dd) break;
      }
      if (m === l) break;
      if (++iterations > 60) break;
      let g = (d[l + 1]! - d[l]!) / (2 * e[l]!);
      let r = Math.hypot(g, 1);
      g = d[m]! - d[l]! + e[l]! / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      for (; i >= l; i--) {
        let f = s * e[i]!;
        const b = c * e[i]!;
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1] = d[i + 1]! - p;
          e[m] = 0;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1]! - p;
        r = (d[i]! - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        f = z[i + 1]!;
        z[i + 1] = s * z[i]! + c * f;
        z[i] = c * z[i]! - s * f;
      }
      if (r === 0 && i >= l) continue;
      d[l] = d[l]! - p;
      e[l] = g;
      e[m] = 0;
    }
  }
  return { values: d, firstComponents: z };
}
