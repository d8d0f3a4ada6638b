// Copies a piece of syntax tree with every span moved by `offset`. Cached chunk results are
// relative to their chunk and shared; documents get their own copies, so a consumer that
// mutates its tree cannot corrupt the cache. A result that no cache holds (keepNoChunks) is
// moved where it is instead (shiftInPlace).
//
// Spans are found by field name (ast.ts's convention): `span`, `skipped` and every `…Span`.
// This runs for every declaration of a file on each parse, so it avoids reflection helpers.

function isSpanKey(key: string): boolean {
  return key === 'span' || key === 'skipped' || key.endsWith('Span');
}

export function shifted<T>(value: T, offset: number): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = shifted(value[i], offset);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const key in source) {
    const field = source[key];
    if (typeof field !== 'object' || field === null) out[key] = field;
    else if (isSpanKey(key)) {
      const span = field as { start: number; end: number };
      out[key] = { start: span.start + offset, end: span.end + offset };
    } else out[key] = shifted(field, offset);
  }
  return out as T;
}

/**
 * Moves every span of a piece of syntax tree by `offset`, in place: for a tree nothing else holds.
 * An object reached twice (a span or node the builder shares) moves once.
 */
export function shiftInPlace<T>(value: T, offset: number): T {
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) visit(node[i]);
      return;
    }
    const fields = node as Record<string, unknown>;
    for (const key in fields) {
      const field = fields[key];
      if (typeof field !== 'object' || field === null) continue;
      if (isSpanKey(key)) {
        if (seen.has(field)) continue;
        seen.add(field);
        const span = field as { start: number; end: number };
        span.start += offset;
        span.end += offset;
      } else visit(field);
    }
  };
  visit(value);
  return value;
}
