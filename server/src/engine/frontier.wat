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
  (func (export "run") (param $records i32) (param $first i32) (param $last i32) (param $marginals i32) (param $offsets i32)
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
        (br $next)))))
