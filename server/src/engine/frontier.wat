;; The frontier pass's loops (frontier.ts), in WebAssembly: the same arithmetic in the same order,
;; so the same numbers to the last bit, but compiled before the first pass runs (JavaScript runs a
;; new loop interpreted, boxing every number, until the engine has seen enough of it to optimise)
;; and about twice as fast once warm. frontier.ts plans the steps and lays out the memory:
;;
;;   byte 0            the frontier's table t (f64, 2^maxWidth entries)
;;   tables            each step's table of P(v | drivers) (f64), copied in before each pass
;;   marginals         P(v) of each step (f64), written here
;;   records           one record of 11 i32 per step (frontierKernel.ts names the fields)
;;   positions         the steps' driver positions and removed positions (i32)
;;   combinations      each step's driver combination per frontier index (i32), when precomputed
;;
;; and, for a band's draws of θ (bandKernel.ts lays them out after the pass's memory):
;;
;;   consts            fastExp's tables (logistic.ts) and 2^-32, copied in from JavaScript
;;   orders            a Latin hypercube per stream (u32, dims × draws)
;;   rows              the uniforms of a chunk of draws, per stream (f64, count × dims)
;;   dimensions        per uniform, where it goes: a + b·u, or the next logit (JavaScript's Math.log)
;;   fills, lnK, ...   the outcomes whose tables each draw refills, and their parameters
;;
;; and, for Monte Carlo worlds (worldKernel.ts): the tables, parents, sums and a block of samples' values.
;;
;; A step: v joins; then the removed variables are summed out in the same loop, in place. `keepFalse`
;; and `keepTrue` (1, or 0 for the value the evidence rules out) scale v's two values before
;; anything is summed. Built into the bundles by scripts/esbuildPlugins.mjs (watBinary).
(module
  (memory (export "memory") 1)

  ;; P(v | drivers) at frontier index i: the precomputed combination when there is one, else the
  ;; driver bits gathered from i (positions: npos i32 at pos).
  (func $probability (param $tab i32) (param $comb i32) (param $pos i32) (param $npos i32) (param $i i32) (result f64)
    (local $k i32) (local $c i32)
    (if (i32.eqz (local.get $npos)) (then (return (f64.load (local.get $tab)))))
    (if (local.get $comb)
      (then (return (f64.load (i32.add (local.get $tab)
        (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3)))))))
    (loop $bits
      (local.set $c (i32.or (local.get $c)
        (i32.shl
          (i32.and (i32.shr_u (local.get $i) (i32.load (i32.add (local.get $pos) (i32.shl (local.get $k) (i32.const 2))))) (i32.const 1))
          (local.get $k))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $bits (i32.lt_u (local.get $k) (local.get $npos))))
    (f64.load (i32.add (local.get $tab) (i32.shl (local.get $c) (i32.const 3)))))

  ;; A factor or event (no drivers) joins on top: x·p above, x·(1 − p) below; P(v) = p exactly.
  (func $joinBare (param $half i32) (param $p f64) (param $keepFalse f64) (param $keepTrue f64) (result f64)
    (local $i i32) (local $x f64) (local $q f64)
    (local.set $q (f64.sub (f64.const 1) (local.get $p)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $half)))
        (local.set $x (f64.load (i32.shl (local.get $i) (i32.const 3))))
        (f64.store (i32.shl (i32.add (local.get $i) (local.get $half)) (i32.const 3))
          (f64.mul (f64.mul (local.get $x) (local.get $p)) (local.get $keepTrue)))
        (f64.store (i32.shl (local.get $i) (i32.const 3))
          (f64.mul (f64.mul (local.get $x) (local.get $q)) (local.get $keepFalse)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $p))

  ;; v joins on top, its drivers' combination precomputed: x − x·p below, x·p above.
  (func $join (param $half i32) (param $tab i32) (param $comb i32) (param $keepFalse f64) (param $keepTrue f64) (result f64)
    (local $i i32) (local $x f64) (local $y f64) (local $sum f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $half)))
        (local.set $x (f64.load (i32.shl (local.get $i) (i32.const 3))))
        (local.set $y (f64.mul (local.get $x) (f64.load (i32.add (local.get $tab) (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3))))))
        (f64.store (i32.shl (i32.add (local.get $i) (local.get $half)) (i32.const 3)) (f64.mul (local.get $y) (local.get $keepTrue)))
        (f64.store (i32.shl (local.get $i) (i32.const 3)) (f64.mul (f64.sub (local.get $x) (local.get $y)) (local.get $keepFalse)))
        (local.set $sum (f64.add (local.get $sum) (local.get $y)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  ;; One driver (bit q) leaves and v takes its slot: entries i0 and i1 in, i0 and i1 out.
  (func $replaceDriver (param $q i32) (param $rest i32) (param $tab i32) (param $comb i32)
    (param $keepFalse f64) (param $keepTrue f64) (result f64)
    (local $r i32) (local $i0 i32) (local $i1 i32) (local $bit i32) (local $low i32)
    (local $x0 f64) (local $x1 f64) (local $y0 f64) (local $y1 f64) (local $yes f64) (local $sum f64)
    (local.set $bit (i32.shl (i32.const 1) (local.get $q)))
    (local.set $low (i32.sub (local.get $bit) (i32.const 1)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $r) (local.get $rest)))
        (local.set $i0 (i32.or
          (i32.shl (i32.shr_u (local.get $r) (local.get $q)) (i32.add (local.get $q) (i32.const 1)))
          (i32.and (local.get $r) (local.get $low))))
        (local.set $i1 (i32.or (local.get $i0) (local.get $bit)))
        (local.set $x0 (f64.load (i32.shl (local.get $i0) (i32.const 3))))
        (local.set $x1 (f64.load (i32.shl (local.get $i1) (i32.const 3))))
        (local.set $y0 (f64.mul (local.get $x0) (f64.load (i32.add (local.get $tab) (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i0) (i32.const 2)))) (i32.const 3))))))
        (local.set $y1 (f64.mul (local.get $x1) (f64.load (i32.add (local.get $tab) (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i1) (i32.const 2)))) (i32.const 3))))))
        (local.set $yes (f64.add (local.get $y0) (local.get $y1)))
        (local.set $sum (f64.add (local.get $sum) (local.get $yes)))
        (f64.store (i32.shl (local.get $i0) (i32.const 3))
          (f64.mul (f64.add (f64.sub (local.get $x0) (local.get $y0)) (f64.sub (local.get $x1) (local.get $y1))) (local.get $keepFalse)))
        (f64.store (i32.shl (local.get $i1) (i32.const 3)) (f64.mul (local.get $yes) (local.get $keepTrue)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  ;; Two drivers (bits q < s) leave and v takes the first one's slot.
  (func $replaceTwoDrivers (param $q i32) (param $s i32) (param $rest i32) (param $tab i32) (param $comb i32)
    (param $keepFalse f64) (param $keepTrue f64) (result f64)
    (local $r i32) (local $o0 i32) (local $i00 i32) (local $i10 i32) (local $i01 i32) (local $i11 i32)
    (local $bitQ i32) (local $bitS i32) (local $lowQ i32) (local $lowS i32)
    (local $x00 f64) (local $x10 f64) (local $x01 f64) (local $x11 f64)
    (local $y00 f64) (local $y10 f64) (local $y01 f64) (local $y11 f64) (local $yes f64) (local $sum f64)
    (local.set $bitQ (i32.shl (i32.const 1) (local.get $q)))
    (local.set $bitS (i32.shl (i32.const 1) (local.get $s)))
    (local.set $lowQ (i32.sub (local.get $bitQ) (i32.const 1)))
    (local.set $lowS (i32.sub (local.get $bitS) (i32.const 1)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $r) (local.get $rest)))
        (local.set $o0 (i32.or
          (i32.shl (i32.shr_u (local.get $r) (local.get $q)) (i32.add (local.get $q) (i32.const 1)))
          (i32.and (local.get $r) (local.get $lowQ))))
        (local.set $i00 (i32.or
          (i32.shl (i32.shr_u (local.get $o0) (local.get $s)) (i32.add (local.get $s) (i32.const 1)))
          (i32.and (local.get $o0) (local.get $lowS))))
        (local.set $i10 (i32.or (local.get $i00) (local.get $bitQ)))
        (local.set $i01 (i32.or (local.get $i00) (local.get $bitS)))
        (local.set $i11 (i32.or (local.get $i10) (local.get $bitS)))
        (local.set $x00 (f64.load (i32.shl (local.get $i00) (i32.const 3))))
        (local.set $x10 (f64.load (i32.shl (local.get $i10) (i32.const 3))))
        (local.set $x01 (f64.load (i32.shl (local.get $i01) (i32.const 3))))
        (local.set $x11 (f64.load (i32.shl (local.get $i11) (i32.const 3))))
        (local.set $y00 (f64.mul (local.get $x00) (f64.load (i32.add (local.get $tab) (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i00) (i32.const 2)))) (i32.const 3))))))
        (local.set $y10 (f64.mul (local.get $x10) (f64.load (i32.add (local.get $tab) (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i10) (i32.const 2)))) (i32.const 3))))))
        (local.set $y01 (f64.mul (local.get $x01) (f64.load (i32.add (local.get $tab) (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i01) (i32.const 2)))) (i32.const 3))))))
        (local.set $y11 (f64.mul (local.get $x11) (f64.load (i32.add (local.get $tab) (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i11) (i32.const 2)))) (i32.const 3))))))
        (local.set $yes (f64.add (f64.add (local.get $y00) (local.get $y10)) (f64.add (local.get $y01) (local.get $y11))))
        (local.set $sum (f64.add (local.get $sum) (local.get $yes)))
        (f64.store (i32.shl (local.get $o0) (i32.const 3))
          (f64.mul
            (f64.add
              (f64.add (f64.sub (local.get $x00) (local.get $y00)) (f64.sub (local.get $x10) (local.get $y10)))
              (f64.add (f64.sub (local.get $x01) (local.get $y01)) (f64.sub (local.get $x11) (local.get $y11))))
            (local.get $keepFalse)))
        (f64.store (i32.shl (i32.or (local.get $o0) (local.get $bitQ)) (i32.const 3)) (f64.mul (local.get $yes) (local.get $keepTrue)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  ;; Any other step: k removed positions (ascending, at rem), 2^k entries in per rest index; v kept
  ;; at the first removed slot, on top when none is removed, or summed out too. `offsets` is
  ;; scratch for the 2^k index offsets.
  (func $sumOut (param $width i32) (param $tab i32) (param $comb i32) (param $pos i32) (param $npos i32)
    (param $rem i32) (param $k i32) (param $keep i32) (param $offsets i32)
    (param $keepFalse f64) (param $keepTrue f64) (result f64)
    (local $rest i32) (local $combinations i32) (local $m i32) (local $j i32) (local $q i32)
    (local $r i32) (local $base i32) (local $i i32) (local $low i32) (local $o0 i32) (local $off i32)
    (local $x f64) (local $y f64) (local $yes f64) (local $no f64) (local $sum f64)
    (local.set $rest (i32.shl (i32.const 1) (i32.sub (local.get $width) (local.get $k))))
    (local.set $combinations (i32.shl (i32.const 1) (local.get $k)))
    ;; offsets[m]: the removed bits that m sets.
    (loop $each
      (local.set $off (i32.const 0))
      (local.set $j (i32.const 0))
      (block $bitsDone
        (loop $bits
          (br_if $bitsDone (i32.ge_u (local.get $j) (local.get $k)))
          (if (i32.and (i32.shr_u (local.get $m) (local.get $j)) (i32.const 1))
            (then (local.set $off (i32.or (local.get $off)
              (i32.shl (i32.const 1) (i32.load (i32.add (local.get $rem) (i32.shl (local.get $j) (i32.const 2)))))))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $bits)))
      (i32.store (i32.add (local.get $offsets) (i32.shl (local.get $m) (i32.const 2))) (local.get $off))
      (local.set $m (i32.add (local.get $m) (i32.const 1)))
      (br_if $each (i32.lt_u (local.get $m) (local.get $combinations))))
    (if (local.get $k) (then (local.set $low (i32.load (local.get $rem)))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $r) (local.get $rest)))
        ;; base: r with a 0 put in at each removed position, lowest first.
        (local.set $base (local.get $r))
        (local.set $j (i32.const 0))
        (block $depositDone
          (loop $deposit
            (br_if $depositDone (i32.ge_u (local.get $j) (local.get $k)))
            (local.set $q (i32.load (i32.add (local.get $rem) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $base (i32.or
              (i32.shl (i32.shr_u (local.get $base) (local.get $q)) (i32.add (local.get $q) (i32.const 1)))
              (i32.and (local.get $base) (i32.sub (i32.shl (i32.const 1) (local.get $q)) (i32.const 1)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $deposit)))
        (local.set $yes (f64.const 0))
        (local.set $no (f64.const 0))
        (local.set $m (i32.const 0))
        (loop $entries
          (local.set $i (i32.or (local.get $base) (i32.load (i32.add (local.get $offsets) (i32.shl (local.get $m) (i32.const 2))))))
          (local.set $x (f64.load (i32.shl (local.get $i) (i32.const 3))))
          (local.set $y (f64.mul (local.get $x)
            (call $probability (local.get $tab) (local.get $comb) (local.get $pos) (local.get $npos) (local.get $i))))
          (local.set $yes (f64.add (local.get $yes) (local.get $y)))
          (local.set $no (f64.add (local.get $no) (f64.sub (local.get $x) (local.get $y))))
          (local.set $m (i32.add (local.get $m) (i32.const 1)))
          (br_if $entries (i32.lt_u (local.get $m) (local.get $combinations))))
        (local.set $sum (f64.add (local.get $sum) (local.get $yes)))
        (if (i32.eqz (local.get $keep))
          (then
            (f64.store (i32.shl (local.get $r) (i32.const 3))
              (f64.add (f64.mul (local.get $no) (local.get $keepFalse)) (f64.mul (local.get $yes) (local.get $keepTrue)))))
          (else
            (if (local.get $k)
              (then
                (local.set $o0 (i32.or
                  (i32.shl (i32.shr_u (local.get $r) (local.get $low)) (i32.add (local.get $low) (i32.const 1)))
                  (i32.and (local.get $r) (i32.sub (i32.shl (i32.const 1) (local.get $low)) (i32.const 1)))))
                (f64.store (i32.shl (local.get $o0) (i32.const 3)) (f64.mul (local.get $no) (local.get $keepFalse)))
                (f64.store (i32.shl (i32.or (local.get $o0) (i32.shl (i32.const 1) (local.get $low))) (i32.const 3))
                  (f64.mul (local.get $yes) (local.get $keepTrue))))
              (else
                ;; Nothing removed: v joins on top (the upper half is past every entry read).
                (f64.store (i32.shl (local.get $r) (i32.const 3)) (f64.mul (local.get $no) (local.get $keepFalse)))
                (f64.store (i32.shl (i32.add (local.get $r) (local.get $rest)) (i32.const 3))
                  (f64.mul (local.get $yes) (local.get $keepTrue)))))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  ;; Steps first … last − 1 of the records at `records` (11 i32 each, see
  ;; frontierKernel.ts), each one's P(v) into marginals (f64 per step). `offsets`: scratch.
  (func $run (export "run") (param $records i32) (param $first i32) (param $last i32) (param $marginals i32) (param $offsets i32)
    (local $k i32) (local $at i32) (local $kind i32) (local $width i32) (local $keepFalse f64) (local $keepTrue f64) (local $p f64)
    (local.set $k (local.get $first))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $last)))
        (local.set $at (i32.add (local.get $records) (i32.mul (local.get $k) (i32.const 44))))
        (local.set $kind (i32.load (local.get $at)))
        (local.set $width (i32.load offset=4 (local.get $at)))
        (local.set $keepFalse (f64.convert_i32_s (i32.load offset=32 (local.get $at))))
        (local.set $keepTrue (f64.convert_i32_s (i32.load offset=36 (local.get $at))))
        (block $kinds
          ;; 0: a factor or event joins on top
          (if (i32.eq (local.get $kind) (i32.const 0))
            (then
              (local.set $p (call $joinBare (i32.shl (i32.const 1) (local.get $width))
                (f64.load (i32.load offset=8 (local.get $at))) (local.get $keepFalse) (local.get $keepTrue)))
              (br $kinds)))
          ;; 1: one driver replaced (precomputed combinations)
          (if (i32.eq (local.get $kind) (i32.const 1))
            (then
              (local.set $p (call $replaceDriver
                (i32.load (i32.load offset=24 (local.get $at)))
                (i32.shl (i32.const 1) (i32.sub (local.get $width) (i32.const 1)))
                (i32.load offset=8 (local.get $at)) (i32.load offset=12 (local.get $at))
                (local.get $keepFalse) (local.get $keepTrue)))
              (br $kinds)))
          ;; 2: two drivers replaced (precomputed combinations)
          (if (i32.eq (local.get $kind) (i32.const 2))
            (then
              (local.set $p (call $replaceTwoDrivers
                (i32.load (i32.load offset=24 (local.get $at)))
                (i32.load offset=4 (i32.load offset=24 (local.get $at)))
                (i32.shl (i32.const 1) (i32.sub (local.get $width) (i32.const 2)))
                (i32.load offset=8 (local.get $at)) (i32.load offset=12 (local.get $at))
                (local.get $keepFalse) (local.get $keepTrue)))
              (br $kinds)))
          ;; 4: v joins on top (precomputed combinations)
          (if (i32.eq (local.get $kind) (i32.const 4))
            (then
              (local.set $p (call $join (i32.shl (i32.const 1) (local.get $width))
                (i32.load offset=8 (local.get $at)) (i32.load offset=12 (local.get $at))
                (local.get $keepFalse) (local.get $keepTrue)))
              (br $kinds)))
          ;; 3: any other
          (local.set $p (call $sumOut (local.get $width)
            (i32.load offset=8 (local.get $at)) (i32.load offset=12 (local.get $at))
            (i32.load offset=16 (local.get $at)) (i32.load offset=20 (local.get $at))
            (i32.load offset=24 (local.get $at)) (i32.load offset=28 (local.get $at))
            (i32.load (i32.add (local.get $at) (i32.const 40)))
            (local.get $offsets) (local.get $keepFalse) (local.get $keepTrue))))
        (f64.store (i32.add (local.get $marginals) (i32.shl (local.get $k) (i32.const 3))) (local.get $p))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))
  ;; ---- draws of θ for bands (bandKernel.ts) -------------------------------------------------
  ;; The same arithmetic as random.ts (UniformBlocks), tables.ts (LatinHypercube, DrawnTables)
  ;; and logistic.ts (fastExp), in the same order: the same numbers to the last bit.
  ;; consts (bandKernel.ts writes them): POW2 (2001 f64, byte 0), ROOTS (64 f64, byte 16008), then
  ;; SCALE (16520), STEP (16528), 1/6 (16536) and 2^-32 (16544).

  ;; The next `count` uniforms of the xoroshiro128+ state at `state` (4 i32, UniformBlocks'
  ;; order: s01 s00 s11 s10) into out (f64).
  (func $uniforms (param $state i32) (param $out i32) (param $count i32) (param $toUnit f64)
    (local $i i32) (local $s01 i32) (local $s00 i32) (local $s11 i32) (local $s10 i32)
    (local $a0 i32) (local $a1 i32) (local $t00 i32) (local $t01 i32)
    (local.set $s01 (i32.load (local.get $state)))
    (local.set $s00 (i32.load offset=4 (local.get $state)))
    (local.set $s11 (i32.load offset=8 (local.get $state)))
    (local.set $s10 (i32.load offset=12 (local.get $state)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3)))
          (f64.mul (f64.convert_i32_u (i32.add (local.get $s00) (local.get $s10))) (local.get $toUnit)))
        (local.set $a0 (i32.xor (local.get $s10) (local.get $s00)))
        (local.set $a1 (i32.xor (local.get $s11) (local.get $s01)))
        (local.set $t00 (local.get $s00))
        (local.set $t01 (local.get $s01))
        (local.set $s00 (i32.xor (i32.xor (i32.xor (i32.shl (local.get $t00) (i32.const 24)) (i32.shr_u (local.get $t01) (i32.const 8)))
          (local.get $a0)) (i32.shl (local.get $a0) (i32.const 16))))
        (local.set $s01 (i32.xor (i32.xor (i32.xor (i32.shl (local.get $t01) (i32.const 24)) (i32.shr_u (local.get $t00) (i32.const 8)))
          (local.get $a1)) (i32.or (i32.shl (local.get $a1) (i32.const 16)) (i32.shr_u (local.get $a0) (i32.const 16)))))
        (local.set $s10 (i32.xor (i32.shl (local.get $a1) (i32.const 5)) (i32.shr_u (local.get $a0) (i32.const 27))))
        (local.set $s11 (i32.xor (i32.shl (local.get $a0) (i32.const 5)) (i32.shr_u (local.get $a1) (i32.const 27))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.store (local.get $state) (local.get $s01))
    (i32.store offset=4 (local.get $state) (local.get $s00))
    (i32.store offset=8 (local.get $state) (local.get $s11))
    (i32.store offset=12 (local.get $state) (local.get $s10)))

  ;; A Latin hypercube's orders (LatinHypercube's constructor): per dimension, 0 … draws − 1
  ;; shuffled by Fisher–Yates with draws − 1 uniforms (scratch at `shuffle`).
  (func (export "hypercube") (param $state i32) (param $order i32) (param $draws i32) (param $dims i32)
    (param $shuffle i32) (param $consts i32)
    (local $k i32) (local $base i32) (local $d i32) (local $e i32) (local $t i32) (local $at i32) (local $other i32)
    (block $dimsDone
      (loop $dim
        (br_if $dimsDone (i32.ge_u (local.get $k) (local.get $dims)))
        (local.set $base (i32.add (local.get $order) (i32.shl (i32.mul (local.get $k) (local.get $draws)) (i32.const 2))))
        (local.set $d (i32.const 0))
        (block $filled
          (loop $fill
            (br_if $filled (i32.ge_u (local.get $d) (local.get $draws)))
            (i32.store (i32.add (local.get $base) (i32.shl (local.get $d) (i32.const 2))) (local.get $d))
            (local.set $d (i32.add (local.get $d) (i32.const 1)))
            (br $fill)))
        (if (i32.gt_u (local.get $draws) (i32.const 1))
          (then
            (call $uniforms (local.get $state) (local.get $shuffle) (i32.sub (local.get $draws) (i32.const 1))
              (f64.load offset=16544 (local.get $consts)))
            (local.set $d (i32.sub (local.get $draws) (i32.const 1)))
            (loop $swap
              ;; e = floor(shuffle[draws − 1 − d] · (d + 1))
              (local.set $e (i32.trunc_f64_u (f64.floor (f64.mul
                (f64.load (i32.add (local.get $shuffle) (i32.shl (i32.sub (i32.sub (local.get $draws) (i32.const 1)) (local.get $d)) (i32.const 3))))
                (f64.convert_i32_u (i32.add (local.get $d) (i32.const 1)))))))
              (local.set $at (i32.add (local.get $base) (i32.shl (local.get $d) (i32.const 2))))
              (local.set $other (i32.add (local.get $base) (i32.shl (local.get $e) (i32.const 2))))
              (local.set $t (i32.load (local.get $at)))
              (i32.store (local.get $at) (i32.load (local.get $other)))
              (i32.store (local.get $other) (local.get $t))
              (local.set $d (i32.sub (local.get $d) (i32.const 1)))
              (br_if $swap (i32.gt_u (local.get $d) (i32.const 0))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $dim))))

  ;; Rows from … from + count − 1 of a hypercube (LatinHypercube.row): per row, `dims` uniforms of
  ;; jitter (scratch at `jitter`), and out[row − from][k] = (order[k][row] + jitter[k]) / draws.
  (func (export "rows") (param $state i32) (param $order i32) (param $draws i32) (param $dims i32)
    (param $from i32) (param $count i32) (param $jitter i32) (param $out i32) (param $consts i32)
    (local $row i32) (local $k i32) (local $at i32)
    (local.set $row (local.get $from))
    (local.set $at (local.get $out))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $row) (i32.add (local.get $from) (local.get $count))))
        (call $uniforms (local.get $state) (local.get $jitter) (local.get $dims) (f64.load offset=16544 (local.get $consts)))
        (local.set $k (i32.const 0))
        (block $rowDone
          (loop $each
            (br_if $rowDone (i32.ge_u (local.get $k) (local.get $dims)))
            (f64.store (local.get $at) (f64.div
              (f64.add
                (f64.convert_i32_u (i32.load (i32.add (local.get $order)
                  (i32.shl (i32.add (i32.mul (local.get $k) (local.get $draws)) (local.get $row)) (i32.const 2)))))
                (f64.load (i32.add (local.get $jitter) (i32.shl (local.get $k) (i32.const 3)))))
              (f64.convert_i32_u (local.get $draws))))
            (local.set $at (i32.add (local.get $at) (i32.const 8)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $each)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $next))))

  ;; e^x as logistic.ts's fastExp: 2^n · 2^(j/64) · a cubic, with its tables and constants.
  (func $fastExp (param $x f64) (param $consts i32) (result f64)
    (local $t f64) (local $k f64) (local $f f64) (local $ki i32)
    (local.set $t (f64.mul (local.get $x) (f64.load offset=16520 (local.get $consts))))
    (if (f64.gt (local.get $t) (f64.const 64000)) (then (return (f64.const inf))))
    (if (f64.lt (local.get $t) (f64.const -64000)) (then (return (f64.const 0))))
    (if (f64.ne (local.get $t) (local.get $t)) (then (return (local.get $t))))
    ;; Math.round: the nearest integer, halves up
    (local.set $k (f64.floor (local.get $t)))
    (if (f64.ge (f64.sub (local.get $t) (local.get $k)) (f64.const 0.5)) (then (local.set $k (f64.add (local.get $k) (f64.const 1)))))
    (local.set $f (f64.mul (f64.sub (local.get $t) (local.get $k)) (f64.load offset=16528 (local.get $consts))))
    (local.set $ki (i32.trunc_f64_s (local.get $k)))
    (f64.mul
      (f64.mul
        (f64.load (i32.add (local.get $consts) (i32.shl (i32.add (i32.shr_s (local.get $ki) (i32.const 6)) (i32.const 1000)) (i32.const 3))))
        (f64.load offset=16008 (i32.add (local.get $consts) (i32.shl (i32.and (local.get $ki) (i32.const 63)) (i32.const 3)))))
      (f64.add (f64.const 1) (f64.mul (local.get $f)
        (f64.add (f64.const 1) (f64.mul (local.get $f)
          (f64.add (f64.const 0.5) (f64.mul (local.get $f) (f64.load offset=16536 (local.get $consts))))))))))

;; One stream's row into θ: per dimension (records of 24 bytes: kind i32, at i32, a f64, b f64),
  ;; kind 0 stores a + b·u at `at` (a signed ln K into lnK), kind 2 at at + lane (a probability
  ;; into its table, in this draw's lane), kind 1 the next logit of a base (computed by JavaScript,
  ;; at `logit`). Returns the next logit's address.
  (func $theta (param $row i32) (param $dims i32) (param $slots i32) (param $logit i32) (param $lane i32) (result i32)
    (local $k i32) (local $at i32) (local $kind i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $dims)))
        (local.set $at (i32.add (local.get $slots) (i32.mul (local.get $k) (i32.const 24))))
        (local.set $kind (i32.load (local.get $at)))
        (if (i32.eq (local.get $kind) (i32.const 1))
          (then
            (f64.store (i32.load offset=4 (local.get $at)) (f64.load (local.get $logit)))
            (local.set $logit (i32.add (local.get $logit) (i32.const 8))))
          (else
            (f64.store
              (i32.add (i32.load offset=4 (local.get $at)) (select (local.get $lane) (i32.const 0) (i32.eq (local.get $kind) (i32.const 2))))
              (f64.add (f64.load offset=8 (local.get $at))
                (f64.mul (f64.load offset=16 (local.get $at)) (f64.load (i32.add (local.get $row) (i32.shl (local.get $k) (i32.const 3)))))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (local.get $logit))

  ;; An outcome's table from its logit of base (at `base`) and k signed ln K (at `lnK`), as
  ;; DrawnTables.fill: by odds when no product can leave e^±600, else by logits. Its entries are
  ;; 16 bytes apart (one lane of an interleaved table, see below).
  (func $fill (param $table i32) (param $base i32) (param $lnK i32) (param $k i32) (param $odds i32) (param $factor i32)
    (param $consts i32) (param $maxExponent f64)
    (local $j i32) (local $mask i32) (local $lowest i32) (local $reach f64) (local $o f64) (local $z f64) (local $b f64)
    (local.set $b (f64.load (local.get $base)))
    (local.set $reach (f64.abs (local.get $b)))
    (block $summed
      (loop $sum
        (br_if $summed (i32.ge_u (local.get $j) (local.get $k)))
        (local.set $reach (f64.add (local.get $reach) (f64.abs (f64.load (i32.add (local.get $lnK) (i32.shl (local.get $j) (i32.const 3)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $sum)))
    (if (f64.le (local.get $reach) (local.get $maxExponent))
      (then
        (local.set $j (i32.const 0))
        (block $factors
          (loop $each
            (br_if $factors (i32.ge_u (local.get $j) (local.get $k)))
            (f64.store (i32.add (local.get $factor) (i32.shl (local.get $j) (i32.const 3)))
              (call $fastExp (f64.load (i32.add (local.get $lnK) (i32.shl (local.get $j) (i32.const 3)))) (local.get $consts)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $each)))
        (local.set $o (call $fastExp (local.get $b) (local.get $consts)))
        (f64.store (local.get $odds) (local.get $o))
        (f64.store (local.get $table) (f64.div (local.get $o) (f64.add (f64.const 1) (local.get $o))))
        (local.set $mask (i32.const 1))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $mask) (i32.shl (i32.const 1) (local.get $k))))
            (local.set $lowest (i32.and (local.get $mask) (i32.sub (i32.const 0) (local.get $mask))))
            (local.set $o (f64.mul
              (f64.load (i32.add (local.get $odds) (i32.shl (i32.xor (local.get $mask) (local.get $lowest)) (i32.const 3))))
              (f64.load (i32.add (local.get $factor) (i32.shl (i32.ctz (local.get $lowest)) (i32.const 3))))))
            (f64.store (i32.add (local.get $odds) (i32.shl (local.get $mask) (i32.const 3))) (local.get $o))
            (f64.store (i32.add (local.get $table) (i32.shl (local.get $mask) (i32.const 4)))
              (f64.div (local.get $o) (f64.add (f64.const 1) (local.get $o))))
            (local.set $mask (i32.add (local.get $mask) (i32.const 1)))
            (br $next)))
        (return)))
    ;; By logits (fillByLogits): z[mask] = z[mask without its lowest bit] + that line's ln K.
    (f64.store (local.get $odds) (local.get $b))
    (f64.store (local.get $table) (f64.div (f64.const 1) (f64.add (f64.const 1) (call $fastExp (f64.neg (local.get $b)) (local.get $consts)))))
    (local.set $mask (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $mask) (i32.shl (i32.const 1) (local.get $k))))
        (local.set $lowest (i32.and (local.get $mask) (i32.sub (i32.const 0) (local.get $mask))))
        (local.set $z (f64.add
          (f64.load (i32.add (local.get $odds) (i32.shl (i32.xor (local.get $mask) (local.get $lowest)) (i32.const 3))))
          (f64.load (i32.add (local.get $lnK) (i32.shl (i32.ctz (local.get $lowest)) (i32.const 3))))))
        (f64.store (i32.add (local.get $odds) (i32.shl (local.get $mask) (i32.const 3))) (local.get $z))
        (f64.store (i32.add (local.get $table) (i32.shl (local.get $mask) (i32.const 4)))
          (f64.div (f64.const 1) (f64.add (f64.const 1) (call $fastExp (f64.neg (local.get $z)) (local.get $consts)))))
        (local.set $mask (i32.add (local.get $mask) (i32.const 1)))
        (br $next))))

;; `count` draws of θ, two at a time (a lane each, the second lane repeating the last draw when
  ;; count is odd): θ from the rows of both streams (and the logits, nLogits per draw), the tables
  ;; of the `nFills` outcomes refilled (records of 4 i32: table, logit of base, first ln K, number
  ;; of lines), the plan's steps run on both lanes (run2: the frontier at t, records2 with the
  ;; interleaved tables), and the P of the `nWanted` steps listed at `wanted` (i32) into out (f64,
  ;; wanted step i's of draw d at out + 8·(i·stride + d)).
  (func (export "draws") (param $count i32)
    (param $mainRows i32) (param $mainDims i32) (param $mainSlots i32)
    (param $extraRows i32) (param $extraDims i32) (param $extraSlots i32) (param $logits i32) (param $nLogits i32)
    (param $fills i32) (param $nFills i32) (param $odds i32) (param $factor i32) (param $consts i32) (param $maxExponent f64)
    (param $t i32) (param $records i32) (param $nSteps i32) (param $marginals i32) (param $offsets i32)
    (param $wanted i32) (param $nWanted i32) (param $out i32) (param $stride i32)
    (local $d i32) (local $lane i32) (local $row i32) (local $logit i32) (local $i i32) (local $at i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $d) (local.get $count)))
        (local.set $lane (i32.const 0))
        (loop $lanes
          (local.set $row (i32.add (local.get $d) (local.get $lane)))
          (if (i32.ge_u (local.get $row) (local.get $count)) (then (local.set $row (local.get $d))))
          (local.set $logit (i32.add (local.get $logits) (i32.shl (i32.mul (local.get $row) (local.get $nLogits)) (i32.const 3))))
          (local.set $logit (call $theta
            (i32.add (local.get $mainRows) (i32.shl (i32.mul (local.get $row) (local.get $mainDims)) (i32.const 3)))
            (local.get $mainDims) (local.get $mainSlots) (local.get $logit) (i32.shl (local.get $lane) (i32.const 3))))
          (drop (call $theta
            (i32.add (local.get $extraRows) (i32.shl (i32.mul (local.get $row) (local.get $extraDims)) (i32.const 3)))
            (local.get $extraDims) (local.get $extraSlots) (local.get $logit) (i32.shl (local.get $lane) (i32.const 3))))
          (local.set $i (i32.const 0))
          (block $filled
            (loop $fillNext
              (br_if $filled (i32.ge_u (local.get $i) (local.get $nFills)))
              (local.set $at (i32.add (local.get $fills) (i32.shl (local.get $i) (i32.const 4))))
              (call $fill (i32.add (i32.load (local.get $at)) (i32.shl (local.get $lane) (i32.const 3)))
                (i32.load offset=4 (local.get $at)) (i32.load offset=8 (local.get $at))
                (i32.load offset=12 (local.get $at)) (local.get $odds) (local.get $factor) (local.get $consts) (local.get $maxExponent))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $fillNext)))
          (local.set $lane (i32.add (local.get $lane) (i32.const 1)))
          (br_if $lanes (i32.lt_u (local.get $lane) (i32.const 2))))
        (call $run2 (local.get $t) (local.get $records) (local.get $nSteps) (local.get $marginals) (local.get $offsets))
        (local.set $lane (i32.const 0))
        (loop $kept
          (local.set $row (i32.add (local.get $d) (local.get $lane)))
          (if (i32.lt_u (local.get $row) (local.get $count))
            (then
              (local.set $i (i32.const 0))
              (block $keptDone
                (loop $keep
                  (br_if $keptDone (i32.ge_u (local.get $i) (local.get $nWanted)))
                  (f64.store (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $stride)) (local.get $row)) (i32.const 3)))
                    (f64.load (i32.add (i32.add (local.get $marginals) (i32.shl (local.get $lane) (i32.const 3)))
                      (i32.shl (i32.load (i32.add (local.get $wanted) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 4)))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $keep)))))
          (local.set $lane (i32.add (local.get $lane) (i32.const 1)))
          (br_if $kept (i32.lt_u (local.get $lane) (i32.const 2))))
        (local.set $d (i32.add (local.get $d) (i32.const 2)))
        (br $next))))

  ;; ---- Monte Carlo worlds from the θ-averaged tables (worldKernel.ts) ------------------------
  ;; worldDraw.ts's drawPadded, sample after sample, with the sums montecarlo.ts keeps: the same
  ;; arithmetic in the same order. Per sample: n uniforms (at u), then each variable's P from its
  ;; table (f64 at table, starting at tableStart[v] (i32), indexed by the bits of its padded parents:
  ;; width i32 per variable at padded, n for none), added to sum[v] (f64), and its value into the
  ;; sample's n + 1 bytes at xs (the last one 0: the padding's value); then P² of each outcome
  ;; (outcomes: i32) added to squares (f64).
  (func (export "worldSamples") (param $count i32) (param $state i32) (param $n i32) (param $width i32)
    (param $table i32) (param $tableStart i32) (param $padded i32) (param $sum i32) (param $squares i32)
    (param $outcomes i32) (param $nOut i32) (param $u i32) (param $conditional i32) (param $xs i32) (param $toUnit f64)
    (local $s i32) (local $x i32) (local $v i32) (local $j i32) (local $bits i32) (local $q i32) (local $i i32)
    (local $p f64) (local $at i32)
    (local.set $x (local.get $xs))
    (block $done
      (loop $sample
        (br_if $done (i32.ge_u (local.get $s) (local.get $count)))
        (call $uniforms (local.get $state) (local.get $u) (local.get $n) (local.get $toUnit))
        (i32.store8 (i32.add (local.get $x) (local.get $n)) (i32.const 0))
        (local.set $v (i32.const 0))
        (block $variablesDone
          (loop $variable
            (br_if $variablesDone (i32.ge_u (local.get $v) (local.get $n)))
            (local.set $q (i32.add (local.get $padded) (i32.shl (i32.mul (local.get $v) (local.get $width)) (i32.const 2))))
            (local.set $bits (i32.const 0))
            (local.set $j (i32.const 0))
            (block $parentsDone
              (loop $parent
                (br_if $parentsDone (i32.ge_u (local.get $j) (local.get $width)))
                (local.set $bits (i32.or (local.get $bits)
                  (i32.shl (i32.load8_u (i32.add (local.get $x) (i32.load (i32.add (local.get $q) (i32.shl (local.get $j) (i32.const 2))))))
                    (local.get $j))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $parent)))
            (local.set $p (f64.load (i32.add (local.get $table)
              (i32.shl (i32.add (i32.load (i32.add (local.get $tableStart) (i32.shl (local.get $v) (i32.const 2)))) (local.get $bits)) (i32.const 3)))))
            (f64.store (i32.add (local.get $conditional) (i32.shl (local.get $v) (i32.const 3))) (local.get $p))
            (local.set $at (i32.add (local.get $sum) (i32.shl (local.get $v) (i32.const 3))))
            (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (local.get $p)))
            (i32.store8 (i32.add (local.get $x) (local.get $v))
              (f64.lt (f64.load (i32.add (local.get $u) (i32.shl (local.get $v) (i32.const 3)))) (local.get $p)))
            (local.set $v (i32.add (local.get $v) (i32.const 1)))
            (br $variable)))
        (local.set $i (i32.const 0))
        (block $outcomesDone
          (loop $outcome
            (br_if $outcomesDone (i32.ge_u (local.get $i) (local.get $nOut)))
            (local.set $p (f64.load (i32.add (local.get $conditional)
              (i32.shl (i32.load (i32.add (local.get $outcomes) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3)))))
            (local.set $at (i32.add (local.get $squares) (i32.shl (local.get $i) (i32.const 3))))
            (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64.mul (local.get $p) (local.get $p))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $outcome)))
        (local.set $x (i32.add (local.get $x) (i32.add (local.get $n) (i32.const 1))))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $sample))))

  ;; ---- two band draws at once (bandKernel.ts) ------------------------------------------------
  ;; The steps above for two draws of θ side by side, one in each lane of an f64x2: every lane
  ;; does exactly the scalar loop's arithmetic in its order, so each draw's numbers are those of
  ;; a pass of its own, to the last bit; the indices and driver combinations are worked out once
  ;; for both. Entries are interleaved (entry i of lane L at 16·i + 8·L), the frontier at `t`, each
  ;; step's table at the record's table address. No evidence: keepFalse and keepTrue are 1, and a
  ;; product by 1 is the value itself, so they are left out.

  (func $probability2 (param $tab i32) (param $comb i32) (param $pos i32) (param $npos i32) (param $i i32) (result v128)
    (local $k i32) (local $c i32)
    (if (i32.eqz (local.get $npos)) (then (return (v128.load (local.get $tab)))))
    (if (local.get $comb)
      (then (return (v128.load (i32.add (local.get $tab)
        (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 4)))))))
    (loop $bits
      (local.set $c (i32.or (local.get $c)
        (i32.shl
          (i32.and (i32.shr_u (local.get $i) (i32.load (i32.add (local.get $pos) (i32.shl (local.get $k) (i32.const 2))))) (i32.const 1))
          (local.get $k))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $bits (i32.lt_u (local.get $k) (local.get $npos))))
    (v128.load (i32.add (local.get $tab) (i32.shl (local.get $c) (i32.const 4)))))

  (func $joinBare2 (param $t i32) (param $half i32) (param $p v128) (result v128)
    (local $i i32) (local $x v128) (local $q v128)
    (local.set $q (f64x2.sub (f64x2.splat (f64.const 1)) (local.get $p)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $half)))
        (local.set $x (v128.load (i32.add (local.get $t) (i32.shl (local.get $i) (i32.const 4)))))
        (v128.store (i32.add (local.get $t) (i32.shl (i32.add (local.get $i) (local.get $half)) (i32.const 4)))
          (f64x2.mul (local.get $x) (local.get $p)))
        (v128.store (i32.add (local.get $t) (i32.shl (local.get $i) (i32.const 4))) (f64x2.mul (local.get $x) (local.get $q)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $p))

  (func $join2 (param $t i32) (param $half i32) (param $tab i32) (param $comb i32) (result v128)
    (local $i i32) (local $x v128) (local $y v128) (local $sum v128)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $half)))
        (local.set $x (v128.load (i32.add (local.get $t) (i32.shl (local.get $i) (i32.const 4)))))
        (local.set $y (f64x2.mul (local.get $x) (v128.load (i32.add (local.get $tab)
          (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 4))))))
        (v128.store (i32.add (local.get $t) (i32.shl (i32.add (local.get $i) (local.get $half)) (i32.const 4))) (local.get $y))
        (v128.store (i32.add (local.get $t) (i32.shl (local.get $i) (i32.const 4))) (f64x2.sub (local.get $x) (local.get $y)))
        (local.set $sum (f64x2.add (local.get $sum) (local.get $y)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  (func $replaceDriver2 (param $t i32) (param $q i32) (param $rest i32) (param $tab i32) (param $comb i32) (result v128)
    (local $r i32) (local $i0 i32) (local $i1 i32) (local $bit i32) (local $low i32)
    (local $x0 v128) (local $x1 v128) (local $y0 v128) (local $y1 v128) (local $yes v128) (local $sum v128)
    (local.set $bit (i32.shl (i32.const 1) (local.get $q)))
    (local.set $low (i32.sub (local.get $bit) (i32.const 1)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $r) (local.get $rest)))
        (local.set $i0 (i32.or
          (i32.shl (i32.shr_u (local.get $r) (local.get $q)) (i32.add (local.get $q) (i32.const 1)))
          (i32.and (local.get $r) (local.get $low))))
        (local.set $i1 (i32.or (local.get $i0) (local.get $bit)))
        (local.set $x0 (v128.load (i32.add (local.get $t) (i32.shl (local.get $i0) (i32.const 4)))))
        (local.set $x1 (v128.load (i32.add (local.get $t) (i32.shl (local.get $i1) (i32.const 4)))))
        (local.set $y0 (f64x2.mul (local.get $x0) (v128.load (i32.add (local.get $tab)
          (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i0) (i32.const 2)))) (i32.const 4))))))
        (local.set $y1 (f64x2.mul (local.get $x1) (v128.load (i32.add (local.get $tab)
          (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i1) (i32.const 2)))) (i32.const 4))))))
        (local.set $yes (f64x2.add (local.get $y0) (local.get $y1)))
        (local.set $sum (f64x2.add (local.get $sum) (local.get $yes)))
        (v128.store (i32.add (local.get $t) (i32.shl (local.get $i0) (i32.const 4)))
          (f64x2.add (f64x2.sub (local.get $x0) (local.get $y0)) (f64x2.sub (local.get $x1) (local.get $y1))))
        (v128.store (i32.add (local.get $t) (i32.shl (local.get $i1) (i32.const 4))) (local.get $yes))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  (func $replaceTwoDrivers2 (param $t i32) (param $q i32) (param $s i32) (param $rest i32) (param $tab i32) (param $comb i32) (result v128)
    (local $r i32) (local $o0 i32) (local $i00 i32) (local $i10 i32) (local $i01 i32) (local $i11 i32)
    (local $bitQ i32) (local $bitS i32) (local $lowQ i32) (local $lowS i32)
    (local $x00 v128) (local $x10 v128) (local $x01 v128) (local $x11 v128)
    (local $y00 v128) (local $y10 v128) (local $y01 v128) (local $y11 v128) (local $yes v128) (local $sum v128)
    (local.set $bitQ (i32.shl (i32.const 1) (local.get $q)))
    (local.set $bitS (i32.shl (i32.const 1) (local.get $s)))
    (local.set $lowQ (i32.sub (local.get $bitQ) (i32.const 1)))
    (local.set $lowS (i32.sub (local.get $bitS) (i32.const 1)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $r) (local.get $rest)))
        (local.set $o0 (i32.or
          (i32.shl (i32.shr_u (local.get $r) (local.get $q)) (i32.add (local.get $q) (i32.const 1)))
          (i32.and (local.get $r) (local.get $lowQ))))
        (local.set $i00 (i32.or
          (i32.shl (i32.shr_u (local.get $o0) (local.get $s)) (i32.add (local.get $s) (i32.const 1)))
          (i32.and (local.get $o0) (local.get $lowS))))
        (local.set $i10 (i32.or (local.get $i00) (local.get $bitQ)))
        (local.set $i01 (i32.or (local.get $i00) (local.get $bitS)))
        (local.set $i11 (i32.or (local.get $i10) (local.get $bitS)))
        (local.set $x00 (v128.load (i32.add (local.get $t) (i32.shl (local.get $i00) (i32.const 4)))))
        (local.set $x10 (v128.load (i32.add (local.get $t) (i32.shl (local.get $i10) (i32.const 4)))))
        (local.set $x01 (v128.load (i32.add (local.get $t) (i32.shl (local.get $i01) (i32.const 4)))))
        (local.set $x11 (v128.load (i32.add (local.get $t) (i32.shl (local.get $i11) (i32.const 4)))))
        (local.set $y00 (f64x2.mul (local.get $x00) (v128.load (i32.add (local.get $tab)
          (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i00) (i32.const 2)))) (i32.const 4))))))
        (local.set $y10 (f64x2.mul (local.get $x10) (v128.load (i32.add (local.get $tab)
          (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i10) (i32.const 2)))) (i32.const 4))))))
        (local.set $y01 (f64x2.mul (local.get $x01) (v128.load (i32.add (local.get $tab)
          (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i01) (i32.const 2)))) (i32.const 4))))))
        (local.set $y11 (f64x2.mul (local.get $x11) (v128.load (i32.add (local.get $tab)
          (i32.shl (i32.load (i32.add (local.get $comb) (i32.shl (local.get $i11) (i32.const 2)))) (i32.const 4))))))
        (local.set $yes (f64x2.add (f64x2.add (local.get $y00) (local.get $y10)) (f64x2.add (local.get $y01) (local.get $y11))))
        (local.set $sum (f64x2.add (local.get $sum) (local.get $yes)))
        (v128.store (i32.add (local.get $t) (i32.shl (local.get $o0) (i32.const 4)))
          (f64x2.add
            (f64x2.add (f64x2.sub (local.get $x00) (local.get $y00)) (f64x2.sub (local.get $x10) (local.get $y10)))
            (f64x2.add (f64x2.sub (local.get $x01) (local.get $y01)) (f64x2.sub (local.get $x11) (local.get $y11)))))
        (v128.store (i32.add (local.get $t) (i32.shl (i32.or (local.get $o0) (local.get $bitQ)) (i32.const 4))) (local.get $yes))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  (func $sumOut2 (param $t i32) (param $width i32) (param $tab i32) (param $comb i32) (param $pos i32) (param $npos i32)
    (param $rem i32) (param $k i32) (param $keep i32) (param $offsets i32) (result v128)
    (local $rest i32) (local $combinations i32) (local $m i32) (local $j i32) (local $q i32)
    (local $r i32) (local $base i32) (local $i i32) (local $low i32) (local $o0 i32) (local $off i32)
    (local $x v128) (local $y v128) (local $yes v128) (local $no v128) (local $sum v128)
    (local.set $rest (i32.shl (i32.const 1) (i32.sub (local.get $width) (local.get $k))))
    (local.set $combinations (i32.shl (i32.const 1) (local.get $k)))
    (loop $each
      (local.set $off (i32.const 0))
      (local.set $j (i32.const 0))
      (block $bitsDone
        (loop $bits
          (br_if $bitsDone (i32.ge_u (local.get $j) (local.get $k)))
          (if (i32.and (i32.shr_u (local.get $m) (local.get $j)) (i32.const 1))
            (then (local.set $off (i32.or (local.get $off)
              (i32.shl (i32.const 1) (i32.load (i32.add (local.get $rem) (i32.shl (local.get $j) (i32.const 2)))))))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $bits)))
      (i32.store (i32.add (local.get $offsets) (i32.shl (local.get $m) (i32.const 2))) (local.get $off))
      (local.set $m (i32.add (local.get $m) (i32.const 1)))
      (br_if $each (i32.lt_u (local.get $m) (local.get $combinations))))
    (if (local.get $k) (then (local.set $low (i32.load (local.get $rem)))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $r) (local.get $rest)))
        (local.set $base (local.get $r))
        (local.set $j (i32.const 0))
        (block $depositDone
          (loop $deposit
            (br_if $depositDone (i32.ge_u (local.get $j) (local.get $k)))
            (local.set $q (i32.load (i32.add (local.get $rem) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $base (i32.or
              (i32.shl (i32.shr_u (local.get $base) (local.get $q)) (i32.add (local.get $q) (i32.const 1)))
              (i32.and (local.get $base) (i32.sub (i32.shl (i32.const 1) (local.get $q)) (i32.const 1)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $deposit)))
        (local.set $yes (f64x2.splat (f64.const 0)))
        (local.set $no (f64x2.splat (f64.const 0)))
        (local.set $m (i32.const 0))
        (loop $entries
          (local.set $i (i32.or (local.get $base) (i32.load (i32.add (local.get $offsets) (i32.shl (local.get $m) (i32.const 2))))))
          (local.set $x (v128.load (i32.add (local.get $t) (i32.shl (local.get $i) (i32.const 4)))))
          (local.set $y (f64x2.mul (local.get $x)
            (call $probability2 (local.get $tab) (local.get $comb) (local.get $pos) (local.get $npos) (local.get $i))))
          (local.set $yes (f64x2.add (local.get $yes) (local.get $y)))
          (local.set $no (f64x2.add (local.get $no) (f64x2.sub (local.get $x) (local.get $y))))
          (local.set $m (i32.add (local.get $m) (i32.const 1)))
          (br_if $entries (i32.lt_u (local.get $m) (local.get $combinations))))
        (local.set $sum (f64x2.add (local.get $sum) (local.get $yes)))
        (if (i32.eqz (local.get $keep))
          (then (v128.store (i32.add (local.get $t) (i32.shl (local.get $r) (i32.const 4))) (f64x2.add (local.get $no) (local.get $yes))))
          (else
            (if (local.get $k)
              (then
                (local.set $o0 (i32.or
                  (i32.shl (i32.shr_u (local.get $r) (local.get $low)) (i32.add (local.get $low) (i32.const 1)))
                  (i32.and (local.get $r) (i32.sub (i32.shl (i32.const 1) (local.get $low)) (i32.const 1)))))
                (v128.store (i32.add (local.get $t) (i32.shl (local.get $o0) (i32.const 4))) (local.get $no))
                (v128.store (i32.add (local.get $t) (i32.shl (i32.or (local.get $o0) (i32.shl (i32.const 1) (local.get $low))) (i32.const 4)))
                  (local.get $yes)))
              (else
                (v128.store (i32.add (local.get $t) (i32.shl (local.get $r) (i32.const 4))) (local.get $no))
                (v128.store (i32.add (local.get $t) (i32.shl (i32.add (local.get $r) (local.get $rest)) (i32.const 4)))
                  (local.get $yes))))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  ;; run's dispatch for two lanes: the frontier at t (t[0] = 1 in both lanes first), step k's P of
  ;; both lanes at marginals + 16·k.
  (func $run2 (param $t i32) (param $records i32) (param $last i32) (param $marginals i32) (param $offsets i32)
    (local $k i32) (local $at i32) (local $kind i32) (local $width i32) (local $p v128)
    (v128.store (local.get $t) (f64x2.splat (f64.const 1)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $last)))
        (local.set $at (i32.add (local.get $records) (i32.mul (local.get $k) (i32.const 44))))
        (local.set $kind (i32.load (local.get $at)))
        (local.set $width (i32.load offset=4 (local.get $at)))
        (block $kinds
          (if (i32.eq (local.get $kind) (i32.const 0))
            (then
              (local.set $p (call $joinBare2 (local.get $t) (i32.shl (i32.const 1) (local.get $width))
                (v128.load (i32.load offset=8 (local.get $at)))))
              (br $kinds)))
          (if (i32.eq (local.get $kind) (i32.const 1))
            (then
              (local.set $p (call $replaceDriver2 (local.get $t)
                (i32.load (i32.load offset=24 (local.get $at)))
                (i32.shl (i32.const 1) (i32.sub (local.get $width) (i32.const 1)))
                (i32.load offset=8 (local.get $at)) (i32.load offset=12 (local.get $at))))
              (br $kinds)))
          (if (i32.eq (local.get $kind) (i32.const 2))
            (then
              (local.set $p (call $replaceTwoDrivers2 (local.get $t)
                (i32.load (i32.load offset=24 (local.get $at)))
                (i32.load offset=4 (i32.load offset=24 (local.get $at)))
                (i32.shl (i32.const 1) (i32.sub (local.get $width) (i32.const 2)))
                (i32.load offset=8 (local.get $at)) (i32.load offset=12 (local.get $at))))
              (br $kinds)))
          (if (i32.eq (local.get $kind) (i32.const 4))
            (then
              (local.set $p (call $join2 (local.get $t) (i32.shl (i32.const 1) (local.get $width))
                (i32.load offset=8 (local.get $at)) (i32.load offset=12 (local.get $at))))
              (br $kinds)))
          (local.set $p (call $sumOut2 (local.get $t) (local.get $width)
            (i32.load offset=8 (local.get $at)) (i32.load offset=12 (local.get $at))
            (i32.load offset=16 (local.get $at)) (i32.load offset=20 (local.get $at))
            (i32.load offset=24 (local.get $at)) (i32.load offset=28 (local.get $at))
            (i32.load (i32.add (local.get $at) (i32.const 40)))
            (local.get $offsets))))
        (v128.store (i32.add (local.get $marginals) (i32.shl (local.get $k) (i32.const 4))) (local.get $p))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))

  ;; ---- order statistics of band draws (bandKernel.ts) ---------------------------------------
  ;; bands.ts's select (quickselect, median-of-three pivot, Hoare partition), quantileOf and
  ;; endsSettled on n f64 at `at`, rearranging them as those do: the same comparisons, swaps and
  ;; arithmetic, so the same numbers.

  (func $select (param $at i32) (param $n i32) (param $k i32) (result f64)
    (local $left i32) (local $right i32) (local $middle i32) (local $i i32) (local $j i32)
    (local $a f64) (local $b f64) (local $c f64) (local $pivot f64) (local $t f64)
    (local.set $right (i32.sub (local.get $n) (i32.const 1)))
    (block $done
      (loop $narrow
        (br_if $done (i32.le_s (local.get $right) (local.get $left)))
        (local.set $middle (i32.shr_u (i32.add (local.get $left) (local.get $right)) (i32.const 1)))
        (local.set $a (f64.load (i32.add (local.get $at) (i32.shl (local.get $left) (i32.const 3)))))
        (local.set $b (f64.load (i32.add (local.get $at) (i32.shl (local.get $middle) (i32.const 3)))))
        (local.set $c (f64.load (i32.add (local.get $at) (i32.shl (local.get $right) (i32.const 3)))))
        ;; a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b
        (local.set $pivot
          (if (result f64) (f64.lt (local.get $a) (local.get $b))
            (then (if (result f64) (f64.lt (local.get $b) (local.get $c)) (then (local.get $b))
              (else (if (result f64) (f64.lt (local.get $a) (local.get $c)) (then (local.get $c)) (else (local.get $a))))))
            (else (if (result f64) (f64.lt (local.get $a) (local.get $c)) (then (local.get $a))
              (else (if (result f64) (f64.lt (local.get $b) (local.get $c)) (then (local.get $c)) (else (local.get $b))))))))
        (local.set $i (local.get $left))
        (local.set $j (local.get $right))
        (block $partitioned
          (loop $partition
            (br_if $partitioned (i32.gt_s (local.get $i) (local.get $j)))
            (block $up
              (loop $upward
                (br_if $up (i32.eqz (f64.lt (f64.load (i32.add (local.get $at) (i32.shl (local.get $i) (i32.const 3)))) (local.get $pivot))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $upward)))
            (block $down
              (loop $downward
                (br_if $down (i32.eqz (f64.gt (f64.load (i32.add (local.get $at) (i32.shl (local.get $j) (i32.const 3)))) (local.get $pivot))))
                (local.set $j (i32.sub (local.get $j) (i32.const 1)))
                (br $downward)))
            (if (i32.le_s (local.get $i) (local.get $j))
              (then
                (local.set $t (f64.load (i32.add (local.get $at) (i32.shl (local.get $i) (i32.const 3)))))
                (f64.store (i32.add (local.get $at) (i32.shl (local.get $i) (i32.const 3)))
                  (f64.load (i32.add (local.get $at) (i32.shl (local.get $j) (i32.const 3)))))
                (f64.store (i32.add (local.get $at) (i32.shl (local.get $j) (i32.const 3))) (local.get $t))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (local.set $j (i32.sub (local.get $j) (i32.const 1)))))
            (br $partition)))
        (if (i32.le_s (local.get $k) (local.get $j))
          (then (local.set $right (local.get $j)) (br $narrow)))
        (if (i32.ge_s (local.get $k) (local.get $i))
          (then (local.set $left (local.get $i)) (br $narrow)))))
    (f64.load (i32.add (local.get $at) (i32.shl (local.get $k) (i32.const 3)))))

  ;; quantileOf: the q-quantile (type 7) of the n values at `at`.
  (func (export "quantile") (param $at i32) (param $n i32) (param $q f64) (result f64)
    (local $h f64) (local $i i32) (local $low f64) (local $next f64) (local $k i32) (local $x f64)
    (if (i32.eqz (local.get $n)) (then (return (f64.const nan))))
    (local.set $h (f64.mul (f64.convert_i32_s (i32.sub (local.get $n) (i32.const 1))) (local.get $q)))
    (local.set $i (i32.trunc_f64_s (f64.floor (local.get $h))))
    (local.set $low (call $select (local.get $at) (local.get $n) (local.get $i)))
    (if (i32.or (i32.ge_s (i32.add (local.get $i) (i32.const 1)) (local.get $n)) (f64.eq (local.get $h) (f64.convert_i32_s (local.get $i))))
      (then (return (local.get $low))))
    (local.set $next (f64.const inf))
    (local.set $k (i32.add (local.get $i) (i32.const 1)))
    (loop $scan
      (local.set $x (f64.load (i32.add (local.get $at) (i32.shl (local.get $k) (i32.const 3)))))
      (if (f64.lt (local.get $x) (local.get $next)) (then (local.set $next (local.get $x))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $scan (i32.lt_s (local.get $k) (local.get $n))))
    (f64.add (local.get $low) (f64.mul (f64.sub (local.get $h) (f64.convert_i32_s (local.get $i))) (f64.sub (local.get $next) (local.get $low)))))

  ;; endsSettled for one band end q: whether the order statistics around it are within halfWidth.
  (func $endSettled (param $at i32) (param $n i32) (param $q f64) (param $halfWidth f64) (result i32)
    (local $center f64) (local $spread f64) (local $nf f64) (local $low f64) (local $high f64) (local $k f64)
    (local.set $nf (f64.convert_i32_s (local.get $n)))
    (local.set $center (f64.mul (f64.sub (local.get $nf) (f64.const 1)) (local.get $q)))
    (local.set $spread (f64.mul (f64.const 1.96)
      (f64.sqrt (f64.mul (f64.mul (local.get $nf) (local.get $q)) (f64.sub (f64.const 1) (local.get $q))))))
    (local.set $k (f64.max (f64.const 0) (f64.floor (f64.sub (local.get $center) (local.get $spread)))))
    (local.set $low (call $select (local.get $at) (local.get $n) (i32.trunc_f64_s (local.get $k))))
    (local.set $k (f64.min (f64.sub (local.get $nf) (f64.const 1)) (f64.ceil (f64.add (local.get $center) (local.get $spread)))))
    (local.set $high (call $select (local.get $at) (local.get $n) (i32.trunc_f64_s (local.get $k))))
    (i32.eqz (f64.gt (f64.div (f64.sub (local.get $high) (local.get $low)) (f64.const 2)) (local.get $halfWidth))))

  ;; endsSettled: both ends, the lower first.
  (func (export "settled") (param $at i32) (param $n i32) (param $low f64) (param $high f64) (param $halfWidth f64) (result i32)
    (if (i32.eqz (call $endSettled (local.get $at) (local.get $n) (local.get $low) (local.get $halfWidth))) (then (return (i32.const 0))))
    (call $endSettled (local.get $at) (local.get $n) (local.get $high) (local.get $halfWidth)))
)
