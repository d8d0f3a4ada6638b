;; The junction tree's loops (junction.ts), in WebAssembly: the same arithmetic in the same order,
;; so the same numbers to the last bit, compiled before the first propagation runs (see
;; frontier.wat for why). junctionKernel.ts lays out one tree's tables, separators, index maps and
;; conditional tables in the module's memory; every address here is a byte offset into it.
;;
;; An index map is either precomputed (`map`: an i32 per index, 0 when there is none) or gathered
;; from the index's bits (`bits`: nbits i32 positions, bit k of the result = bit bits[k] of i).
(module
  (memory (export "memory") 1)

  (func $gather (param $bits i32) (param $nbits i32) (param $i i32) (result i32)
    (local $k i32) (local $out i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $nbits)))
        (local.set $out (i32.or (local.get $out)
          (i32.shl
            (i32.and (i32.shr_u (local.get $i) (i32.load (i32.add (local.get $bits) (i32.shl (local.get $k) (i32.const 2))))) (i32.const 1))
            (local.get $k))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (local.get $out))

  ;; The mapped index of i: map[i] when precomputed, else its gathered bits.
  (func $index (param $map i32) (param $bits i32) (param $nbits i32) (param $i i32) (result i32)
    (if (result i32) (local.get $map)
      (then (i32.load (i32.add (local.get $map) (i32.shl (local.get $i) (i32.const 2)))))
      (else (call $gather (local.get $bits) (local.get $nbits) (local.get $i)))))

  (func (export "fill") (param $at i32) (param $n i32) (param $value f64)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (f64.store (i32.add (local.get $at) (i32.shl (local.get $i) (i32.const 3))) (local.get $value))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  (func (export "sum") (param $at i32) (param $n i32) (result f64)
    (local $i i32) (local $total f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $total (f64.add (local.get $total) (f64.load (i32.add (local.get $at) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $total))

  ;; x / d for each of the n entries.
  (func (export "divide") (param $at i32) (param $n i32) (param $d f64)
    (local $i i32) (local $p i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $p (i32.add (local.get $at) (i32.shl (local.get $i) (i32.const 3))))
        (f64.store (local.get $p) (f64.div (f64.load (local.get $p)) (local.get $d)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; values[s] = values[s] / old[s], or 0 where old[s] is 0 (Hugin's update, new / old).
  (func (export "ratio") (param $values i32) (param $old i32) (param $n i32)
    (local $i i32) (local $v i32) (local $o f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $v (i32.add (local.get $values) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $o (f64.load (i32.add (local.get $old) (i32.shl (local.get $i) (i32.const 3)))))
        (f64.store (local.get $v)
          (if (result f64) (f64.eq (local.get $o) (f64.const 0))
            (then (f64.const 0))
            (else (f64.div (f64.load (local.get $v)) (local.get $o)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; A family's table P(v | drivers) multiplied into a clique's table (v at `bit`).
  (func (export "multiplyFamily") (param $table i32) (param $size i32) (param $bit i32) (param $cpt i32)
    (param $map i32) (param $bits i32) (param $nbits i32)
    (local $i i32) (local $p f64) (local $q f64) (local $at i32)
    (if (i32.eqz (local.get $nbits))
      (then
        (local.set $p (f64.load (local.get $cpt)))
        (local.set $q (f64.sub (f64.const 1) (local.get $p)))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
            (local.set $at (i32.add (local.get $table) (i32.shl (local.get $i) (i32.const 3))))
            (f64.store (local.get $at) (f64.mul (f64.load (local.get $at))
              (select (local.get $p) (local.get $q) (i32.and (local.get $i) (local.get $bit)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $next)))
        (return)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
        (local.set $p (f64.load (i32.add (local.get $cpt)
          (i32.shl (call $index (local.get $map) (local.get $bits) (local.get $nbits) (local.get $i)) (i32.const 3)))))
        (local.set $at (i32.add (local.get $table) (i32.shl (local.get $i) (i32.const 3))))
        (f64.store (local.get $at) (f64.mul (f64.load (local.get $at))
          (if (result f64) (i32.and (local.get $i) (local.get $bit))
            (then (local.get $p))
            (else (f64.sub (f64.const 1) (local.get $p))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; Evidence: entries whose `bit` is not `keep` (bit or 0) become 0.
  (func (export "keepOnly") (param $table i32) (param $size i32) (param $bit i32) (param $keep i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
        (if (i32.ne (i32.and (local.get $i) (local.get $bit)) (local.get $keep))
          (then (f64.store (i32.add (local.get $table) (i32.shl (local.get $i) (i32.const 3))) (f64.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; out (outSize entries) = the table summed onto the mapped index.
  (func (export "marginalize") (param $table i32) (param $size i32) (param $out i32) (param $outSize i32)
    (param $map i32) (param $bits i32) (param $nbits i32)
    (local $i i32) (local $at i32)
    (memory.fill (local.get $out) (i32.const 0) (i32.shl (local.get $outSize) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
        (local.set $at (i32.add (local.get $out)
          (i32.shl (call $index (local.get $map) (local.get $bits) (local.get $nbits) (local.get $i)) (i32.const 3))))
        (f64.store (local.get $at) (f64.add (f64.load (local.get $at))
          (f64.load (i32.add (local.get $table) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; table[i] = from[i] · message[mapped i], for the size entries.
  (func (export "multiplyBy") (param $table i32) (param $from i32) (param $size i32) (param $message i32)
    (param $map i32) (param $bits i32) (param $nbits i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
        (f64.store (i32.add (local.get $table) (i32.shl (local.get $i) (i32.const 3)))
          (f64.mul
            (f64.load (i32.add (local.get $from) (i32.shl (local.get $i) (i32.const 3))))
            (f64.load (i32.add (local.get $message)
              (i32.shl (call $index (local.get $map) (local.get $bits) (local.get $nbits) (local.get $i)) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; The sum of the entries whose `bit` is set (a variable's P(true), unnormalised).
  (func (export "ownSum") (param $table i32) (param $size i32) (param $bit i32) (result f64)
    (local $i i32) (local $own f64)
    (local.set $i (local.get $bit))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
        (local.set $own (f64.add (local.get $own) (f64.load (i32.add (local.get $table) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $i (i32.or (i32.add (local.get $i) (i32.const 1)) (local.get $bit)))
        (br $next)))
    (local.get $own))

  ;; out[i] = from[i] / px where `bit` is `keep`, else 0: a belief conditioned on one observation.
  (func (export "condition") (param $out i32) (param $from i32) (param $size i32) (param $bit i32) (param $keep i32) (param $px f64)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3)))
          (if (result f64) (i32.eq (i32.and (local.get $i) (local.get $bit)) (local.get $keep))
            (then (f64.div (f64.load (i32.add (local.get $from) (i32.shl (local.get $i) (i32.const 3)))) (local.get $px)))
            (else (f64.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; do() sums of one family (v at `bit`): Σ table / θ(1 | u) over v true into result[0], and
  ;; Σ table / θ(0 | u) over v false into result[1]; NaN where a θ is 0 or 1 (junction.ts).
  (func (export "interventionSums") (param $table i32) (param $size i32) (param $bit i32) (param $cpt i32)
    (param $map i32) (param $bits i32) (param $nbits i32) (param $result i32)
    (local $i i32) (local $p f64) (local $x f64) (local $yes f64) (local $no f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
        (local.set $p (f64.load (i32.add (local.get $cpt)
          (i32.shl
            (if (result i32) (local.get $nbits)
              (then (call $index (local.get $map) (local.get $bits) (local.get $nbits) (local.get $i)))
              (else (i32.const 0)))
            (i32.const 3)))))
        (local.set $x (f64.load (i32.add (local.get $table) (i32.shl (local.get $i) (i32.const 3)))))
        (if (i32.and (local.get $i) (local.get $bit))
          (then (local.set $yes (f64.add (local.get $yes)
            (if (result f64) (f64.gt (local.get $p) (f64.const 0))
              (then (f64.div (local.get $x) (local.get $p))) (else (f64.const nan))))))
          (else (local.set $no (f64.add (local.get $no)
            (if (result f64) (f64.lt (local.get $p) (f64.const 1))
              (then (f64.div (local.get $x) (f64.sub (f64.const 1) (local.get $p)))) (else (f64.const nan)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (f64.store (local.get $result) (local.get $yes))
    (f64.store offset=8 (local.get $result) (local.get $no)))
)
