;; The junction tree's loops (junction.ts), in WebAssembly: the same arithmetic in the same order,
;; so the same numbers to the last bit, compiled before the first propagation runs (see
;; frontier.wat for why). junctionKernel.ts lays out one tree's tables, separators, index maps and
;; conditional tables in the module's memory; every address here is a byte offset into it.
;;
;; An index map is either precomputed (`map`: an i32 per index, 0 when there is none) or gathered
;; from the index's bits (`bits`: nbits i32 positions, bit k of the result = bit bits[k] of i); the
;; loops read it inline (a call per entry cost a fifth of their time).
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

  (func $fill (param $at i32) (param $n i32) (param $value f64)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (f64.store (i32.add (local.get $at) (i32.shl (local.get $i) (i32.const 3))) (local.get $value))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  (func $sum (export "sum") (param $at i32) (param $n i32) (result f64)
    (local $i i32) (local $total f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $total (f64.add (local.get $total) (f64.load (i32.add (local.get $at) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $total))

  ;; x / d for each of the n entries.
  (func $divide (export "divide") (param $at i32) (param $n i32) (param $d f64)
    (local $i i32) (local $p i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $p (i32.add (local.get $at) (i32.shl (local.get $i) (i32.const 3))))
        (f64.store (local.get $p) (f64.div (f64.load (local.get $p)) (local.get $d)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; values[s] = values[s] / old[s], or 0 where old[s] is 0 (Hugin's update, new / old).
  (func $ratio (param $values i32) (param $old i32) (param $n i32)
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
  (func $multiplyFamily (param $table i32) (param $size i32) (param $bit i32) (param $cpt i32)
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
          (i32.shl (if (result i32) (local.get $map) (then (i32.load (i32.add (local.get $map) (i32.shl (local.get $i) (i32.const 2))))) (else (call $gather (local.get $bits) (local.get $nbits) (local.get $i)))) (i32.const 3)))))
        (local.set $at (i32.add (local.get $table) (i32.shl (local.get $i) (i32.const 3))))
        (f64.store (local.get $at) (f64.mul (f64.load (local.get $at))
          (if (result f64) (i32.and (local.get $i) (local.get $bit))
            (then (local.get $p))
            (else (f64.sub (f64.const 1) (local.get $p))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; Evidence: entries whose `bit` is not `keep` (bit or 0) become 0.
  (func $keepOnly (param $table i32) (param $size i32) (param $bit i32) (param $keep i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
        (if (i32.ne (i32.and (local.get $i) (local.get $bit)) (local.get $keep))
          (then (f64.store (i32.add (local.get $table) (i32.shl (local.get $i) (i32.const 3))) (f64.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; out (outSize entries) = the table summed onto the mapped index.
  (func $marginalize (export "marginalize") (param $table i32) (param $size i32) (param $out i32) (param $outSize i32)
    (param $map i32) (param $bits i32) (param $nbits i32)
    (local $i i32) (local $at i32)
    (memory.fill (local.get $out) (i32.const 0) (i32.shl (local.get $outSize) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
        (local.set $at (i32.add (local.get $out)
          (i32.shl (if (result i32) (local.get $map) (then (i32.load (i32.add (local.get $map) (i32.shl (local.get $i) (i32.const 2))))) (else (call $gather (local.get $bits) (local.get $nbits) (local.get $i)))) (i32.const 3))))
        (f64.store (local.get $at) (f64.add (f64.load (local.get $at))
          (f64.load (i32.add (local.get $table) (i32.shl (local.get $i) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; table[i] = from[i] · message[mapped i], for the size entries.
  (func $multiplyBy (param $table i32) (param $from i32) (param $size i32) (param $message i32)
    (param $map i32) (param $bits i32) (param $nbits i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $size)))
        (f64.store (i32.add (local.get $table) (i32.shl (local.get $i) (i32.const 3)))
          (f64.mul
            (f64.load (i32.add (local.get $from) (i32.shl (local.get $i) (i32.const 3))))
            (f64.load (i32.add (local.get $message)
              (i32.shl (if (result i32) (local.get $map) (then (i32.load (i32.add (local.get $map) (i32.shl (local.get $i) (i32.const 2))))) (else (call $gather (local.get $bits) (local.get $nbits) (local.get $i)))) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; The sum of the entries whose `bit` is set (a variable's P(true), unnormalised).
  (func $ownSum (export "ownSum") (param $table i32) (param $size i32) (param $bit i32) (result f64)
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

;; A whole propagation in two calls (a model of a thousand variables has a thousand small
  ;; cliques: a call per loop cost more than the loops). Clique records, 16 i32 each (junctionKernel.ts
  ;; writes them): size, parent (−1: a root), separator size, table, message, calibrated,
  ;; child map / bits / nbits, parent map / bits / nbits, families and their count, owned and their
  ;; count. A family: bit, table, map, bits, nbits (5 i32); an owned variable: v, bit (2 i32).

  ;; Potentials (each clique's tables multiplied in, evidence entered: an i32 per variable at
  ;; `evidence`, −1 not seen, or 0 for none), then the collect: each non-root clique's message,
  ;; scaled to sum 1, into its parent. Each clique's sum (a root's total, a message's sum) goes to
  ;; sums (f64 per clique); returns how many cliques were collected (it stops after a sum of 0).
  (func (export "collect") (param $cliques i32) (param $count i32) (param $evidence i32) (param $sums i32) (result i32)
    (local $i i32) (local $at i32) (local $size i32) (local $table i32) (local $j i32) (local $f i32) (local $seen i32)
    (local $bit i32) (local $message i32) (local $sepSize i32) (local $sum f64) (local $up i32)
    (block $potentialsDone
      (loop $potentials
        (br_if $potentialsDone (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $at (i32.add (local.get $cliques) (i32.shl (local.get $i) (i32.const 6))))
        (local.set $size (i32.load (local.get $at)))
        (local.set $table (i32.load offset=12 (local.get $at)))
        (call $fill (local.get $table) (local.get $size) (f64.const 1))
        (local.set $j (i32.const 0))
        (block $familiesDone
          (loop $families
            (br_if $familiesDone (i32.ge_u (local.get $j) (i32.load offset=52 (local.get $at))))
            (local.set $f (i32.add (i32.load offset=48 (local.get $at)) (i32.mul (local.get $j) (i32.const 20))))
            (call $multiplyFamily (local.get $table) (local.get $size) (i32.load (local.get $f)) (i32.load offset=4 (local.get $f))
              (i32.load offset=8 (local.get $f)) (i32.load offset=12 (local.get $f)) (i32.load offset=16 (local.get $f)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $families)))
        (if (local.get $evidence)
          (then
            (local.set $j (i32.const 0))
            (block $ownedDone
              (loop $owned
                (br_if $ownedDone (i32.ge_u (local.get $j) (i32.load offset=60 (local.get $at))))
                (local.set $f (i32.add (i32.load offset=56 (local.get $at)) (i32.shl (local.get $j) (i32.const 3))))
                (local.set $seen (i32.load (i32.add (local.get $evidence) (i32.shl (i32.load (local.get $f)) (i32.const 2)))))
                (if (i32.ge_s (local.get $seen) (i32.const 0))
                  (then
                    (local.set $bit (i32.load offset=4 (local.get $f)))
                    (call $keepOnly (local.get $table) (local.get $size) (local.get $bit)
                      (select (local.get $bit) (i32.const 0) (i32.eq (local.get $seen) (i32.const 1))))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $owned)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $potentials)))
    (local.set $i (i32.const 0))
    (block $collectDone
      (loop $collect
        (br_if $collectDone (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $at (i32.add (local.get $cliques) (i32.shl (local.get $i) (i32.const 6))))
        (local.set $size (i32.load (local.get $at)))
        (local.set $table (i32.load offset=12 (local.get $at)))
        (if (i32.lt_s (i32.load offset=4 (local.get $at)) (i32.const 0))
          (then (f64.store (i32.add (local.get $sums) (i32.shl (local.get $i) (i32.const 3))) (call $sum (local.get $table) (local.get $size))))
          (else
            (local.set $message (i32.load offset=16 (local.get $at)))
            (local.set $sepSize (i32.load offset=8 (local.get $at)))
            (call $marginalize (local.get $table) (local.get $size) (local.get $message) (local.get $sepSize)
              (i32.load offset=24 (local.get $at)) (i32.load offset=28 (local.get $at)) (i32.load offset=32 (local.get $at)))
            (local.set $sum (call $sum (local.get $message) (local.get $sepSize)))
            (f64.store (i32.add (local.get $sums) (i32.shl (local.get $i) (i32.const 3))) (local.get $sum))
            (if (i32.eqz (f64.gt (local.get $sum) (f64.const 0))) (then (return (i32.add (local.get $i) (i32.const 1)))))
            (call $divide (local.get $message) (local.get $sepSize) (local.get $sum))
            (local.set $up (i32.add (local.get $cliques) (i32.shl (i32.load offset=4 (local.get $at)) (i32.const 6))))
            (call $multiplyBy (i32.load offset=12 (local.get $up)) (i32.load offset=12 (local.get $up)) (i32.load (local.get $up))
              (local.get $message) (i32.load offset=36 (local.get $at)) (i32.load offset=40 (local.get $at)) (i32.load offset=44 (local.get $at)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $collect)))
    (local.get $count))

  ;; The distribute, from the roots down (each clique takes its parent's calibrated separator,
  ;; Hugin's update), and each owned variable's P(v | E) into marginals (f64 per variable).
  (func (export "distribute") (param $cliques i32) (param $count i32) (param $marginals i32)
    (local $i i32) (local $at i32) (local $size i32) (local $table i32) (local $up i32) (local $calibrated i32)
    (local $sepSize i32) (local $j i32) (local $o i32) (local $total f64) (local $own f64)
    (local.set $i (local.get $count))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $i)))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (local.set $at (i32.add (local.get $cliques) (i32.shl (local.get $i) (i32.const 6))))
        (local.set $size (i32.load (local.get $at)))
        (local.set $table (i32.load offset=12 (local.get $at)))
        (if (i32.ge_s (i32.load offset=4 (local.get $at)) (i32.const 0))
          (then
            (local.set $up (i32.add (local.get $cliques) (i32.shl (i32.load offset=4 (local.get $at)) (i32.const 6))))
            (local.set $calibrated (i32.load offset=20 (local.get $at)))
            (local.set $sepSize (i32.load offset=8 (local.get $at)))
            (call $marginalize (i32.load offset=12 (local.get $up)) (i32.load (local.get $up)) (local.get $calibrated) (local.get $sepSize)
              (i32.load offset=36 (local.get $at)) (i32.load offset=40 (local.get $at)) (i32.load offset=44 (local.get $at)))
            (call $ratio (local.get $calibrated) (i32.load offset=16 (local.get $at)) (local.get $sepSize))
            (call $multiplyBy (local.get $table) (local.get $table) (local.get $size) (local.get $calibrated)
              (i32.load offset=24 (local.get $at)) (i32.load offset=28 (local.get $at)) (i32.load offset=32 (local.get $at)))))
        (local.set $total (call $sum (local.get $table) (local.get $size)))
        (local.set $j (i32.const 0))
        (block $ownedDone
          (loop $owned
            (br_if $ownedDone (i32.ge_u (local.get $j) (i32.load offset=60 (local.get $at))))
            (local.set $o (i32.add (i32.load offset=56 (local.get $at)) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $own (call $ownSum (local.get $table) (local.get $size) (i32.load offset=4 (local.get $o))))
            (f64.store (i32.add (local.get $marginals) (i32.shl (i32.load (local.get $o)) (i32.const 3)))
              (if (result f64) (f64.gt (local.get $total) (f64.const 0))
                (then (f64.div (local.get $own) (local.get $total)))
                (else (f64.const nan))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $owned)))
        (br $next))))

  ;; One edge of a sweep: src summed onto the separator (src's map), divided by the separator's
  ;; old table (Hugin's update), and dst = from · that ratio (dst's map); the three loops above in
  ;; one call, since a sweep crosses hundreds of small cliques.
  (func (export "relay") (param $src i32) (param $srcSize i32) (param $srcMap i32) (param $srcBits i32) (param $srcNbits i32)
    (param $sep i32) (param $sepSize i32) (param $old i32)
    (param $dst i32) (param $from i32) (param $dstSize i32) (param $dstMap i32) (param $dstBits i32) (param $dstNbits i32)
    (call $marginalize (local.get $src) (local.get $srcSize) (local.get $sep) (local.get $sepSize)
      (local.get $srcMap) (local.get $srcBits) (local.get $srcNbits))
    (call $ratio (local.get $sep) (local.get $old) (local.get $sepSize))
    (call $multiplyBy (local.get $dst) (local.get $from) (local.get $dstSize) (local.get $sep)
      (local.get $dstMap) (local.get $dstBits) (local.get $dstNbits)))

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
              (then (if (result i32) (local.get $map) (then (i32.load (i32.add (local.get $map) (i32.shl (local.get $i) (i32.const 2))))) (else (call $gather (local.get $bits) (local.get $nbits) (local.get $i)))))
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
