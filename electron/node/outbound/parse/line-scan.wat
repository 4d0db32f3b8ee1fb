;; The line scanner's inner loop (see line-scan.ts): it walks complete lines 16 bytes at a time
;; with SIMD, numbers them, counts the lines it skips, and lists the lines that hold an exchange
;; marker ("HTTP", "CrashUploader", " - GMT ") for JavaScript to decode. Compiled to
;; line-scan-wasm.ts by scripts/wasm/compile-line-scan.mjs; a test checks that the two agree.
(module
  (memory (export "memory") 1)
  ;; Lines of the region read so far (the last line's number), and the skipped ones by reason.
  (global $lineNo (export "lineNo") (mut i32) (i32.const 0))
  (global $notLogLine (export "notLogLine") (mut i32) (i32.const 0))
  (global $tooLong (export "tooLong") (mut i32) (i32.const 0))

  ;; Whether one of the markers starts at $p (its bytes compared as little-endian words).
  (func $isMarker (param $p i32) (result i32)
    ;; "HTTP"
    (if (i32.eq (i32.load (local.get $p)) (i32.const 0x50545448))
      (then (return (i32.const 1))))
    ;; " - GMT ": " - G" then "GMT "
    (if (i32.and
          (i32.eq (i32.load (local.get $p)) (i32.const 0x47202d20))
          (i32.eq (i32.load offset=3 (local.get $p)) (i32.const 0x20544d47)))
      (then (return (i32.const 1))))
    ;; "CrashUploader": "CrashUpl" then "Uploader"
    (i32.and
      (i64.eq (i64.load (local.get $p)) (i64.const 0x6c70556873617243))
      (i64.eq (i64.load offset=5 (local.get $p)) (i64.const 0x726564616f6c7055))))

  ;; Whether any marker starts at a set bit of $bits (bit i is the byte at $base + i).
  (func $anyMarker (param $base i32) (param $bits i32) (result i32)
    (block $none
      (loop $next
        (br_if $none (i32.eqz (local.get $bits)))
        (if (call $isMarker (i32.add (local.get $base) (i32.ctz (local.get $bits))))
          (then (return (i32.const 1))))
        (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
        (br $next)))
    (i32.const 0))

  ;; Whether the line [$start, $end) starts like "Mon DD, " after an optional byte-order mark and
  ;; up to 12 bytes of paste prefix (spaces, tabs, '>').
  (func $looksLikeLogLine (param $start i32) (param $end i32) (result i32)
    (local $s i32) (local $c i32) (local $first i32)
    (local.set $s (local.get $start))
    (if (i32.and
          (i32.eq (i32.load8_u (local.get $start)) (i32.const 0xef))
          (i32.and
            (i32.eq (i32.load8_u offset=1 (local.get $start)) (i32.const 0xbb))
            (i32.eq (i32.load8_u offset=2 (local.get $start)) (i32.const 0xbf))))
      (then (local.set $s (i32.add (local.get $start) (i32.const 3)))))
    (block $done
      (loop $prefix
        (br_if $done (i32.ge_u (local.get $s) (local.get $end)))
        (br_if $done (i32.ge_u (i32.sub (local.get $s) (local.get $start)) (i32.const 12)))
        (local.set $c (i32.load8_u (local.get $s)))
        (br_if $done
          (i32.and
            (i32.ne (local.get $c) (i32.const 32))
            (i32.and (i32.ne (local.get $c) (i32.const 62)) (i32.ne (local.get $c) (i32.const 9)))))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $prefix)))
    (if (i32.le_s (i32.sub (local.get $end) (local.get $s)) (i32.const 8))
      (then (return (i32.const 0))))
    (local.set $first (i32.load8_u (local.get $s)))
    (i32.and
      (i32.le_u (i32.sub (local.get $first) (i32.const 65)) (i32.const 25))
      (i32.and
        (i32.eq (i32.load8_u offset=3 (local.get $s)) (i32.const 32))
        (i32.eq (i32.load8_u offset=6 (local.get $s)) (i32.const 44)))))

  ;; Scans the complete lines in [0, $end) ($end just after a newline; 64 readable bytes after it).
  ;; Each line longer than $maxLine bytes is counted too long; a line with a marker is written at
  ;; $out as (start, newline, line number), three i32; any other line that does not look like a
  ;; log line is counted. Returns how many lines were written.
  (func (export "scan") (param $end i32) (param $maxLine i32) (param $out i32) (result i32)
    (local $p i32) (local $lineStart i32) (local $marked i32) (local $written i32)
    (local $nl i32) (local $marks i32) (local $bit i32) (local $nlAt i32) (local $valid i32)
    (local $block v128)
    (block $end
      (loop $blocks
        (br_if $end (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $block (v128.load (local.get $p)))
        (local.set $nl (i8x16.bitmask (i8x16.eq (local.get $block) (i8x16.splat (i32.const 10)))))
        ;; Where a marker may start: its first byte and one further byte in place.
        (local.set $marks
          (i32.or
            (i8x16.bitmask
              (v128.and
                (i8x16.eq (local.get $block) (i8x16.splat (i32.const 72)))
                (i8x16.eq (v128.load offset=3 (local.get $p)) (i8x16.splat (i32.const 80)))))
            (i32.or
              (i8x16.bitmask
                (v128.and
                  (i8x16.eq (local.get $block) (i8x16.splat (i32.const 67)))
                  (i8x16.eq (v128.load offset=12 (local.get $p)) (i8x16.splat (i32.const 114)))))
              (i8x16.bitmask
                (v128.and
                  (i8x16.eq (v128.load offset=3 (local.get $p)) (i8x16.splat (i32.const 71)))
                  (i8x16.eq (v128.load offset=5 (local.get $p)) (i8x16.splat (i32.const 84))))))))
        ;; The last block may reach past $end: its bytes there belong to nothing.
        (if (i32.lt_u (i32.sub (local.get $end) (local.get $p)) (i32.const 16))
          (then
            (local.set $valid
              (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $end) (local.get $p))) (i32.const 1)))
            (local.set $nl (i32.and (local.get $nl) (local.get $valid)))
            (local.set $marks (i32.and (local.get $marks) (local.get $valid)))))
        (block $lines
          (loop $line
            (br_if $lines (i32.eqz (local.get $nl)))
            (local.set $bit (i32.ctz (local.get $nl)))
            (local.set $nlAt (i32.add (local.get $p) (local.get $bit)))
            (if (i32.and (i32.eqz (local.get $marked)) (i32.ne (local.get $marks) (i32.const 0)))
              (then
                (local.set $marked
                  (call $anyMarker
                    (local.get $p)
                    (i32.and (local.get $marks)
                      (i32.sub (i32.shl (i32.const 1) (local.get $bit)) (i32.const 1)))))))
            (global.set $lineNo (i32.add (global.get $lineNo) (i32.const 1)))
            (if (i32.gt_u (i32.sub (local.get $nlAt) (local.get $lineStart)) (local.get $maxLine))
              (then (global.set $tooLong (i32.add (global.get $tooLong) (i32.const 1))))
              (else
                (if (local.get $marked)
                  (then
                    (i32.store (local.get $out) (local.get $lineStart))
                    (i32.store offset=4 (local.get $out) (local.get $nlAt))
                    (i32.store offset=8 (local.get $out) (global.get $lineNo))
                    (local.set $out (i32.add (local.get $out) (i32.const 12)))
                    (local.set $written (i32.add (local.get $written) (i32.const 1))))
                  (else
                    (if (i32.eqz (call $looksLikeLogLine (local.get $lineStart) (local.get $nlAt)))
                      (then
                        (global.set $notLogLine (i32.add (global.get $notLogLine) (i32.const 1)))))))))
            (local.set $marked (i32.const 0))
            (local.set $lineStart (i32.add (local.get $nlAt) (i32.const 1)))
            ;; Marks up to this newline are spent.
            (local.set $marks
              (i32.and (local.get $marks)
                (i32.xor (i32.sub (i32.shl (i32.const 2) (local.get $bit)) (i32.const 1)) (i32.const -1))))
            (local.set $nl (i32.and (local.get $nl) (i32.sub (local.get $nl) (i32.const 1))))
            (br $line)))
        ;; Marks after the block's last newline belong to the line still open.
        (if (i32.and (i32.eqz (local.get $marked)) (i32.ne (local.get $marks) (i32.const 0)))
          (then (local.set $marked (call $anyMarker (local.get $p) (local.get $marks)))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $blocks)))
    (local.get $written))

  ;; Starts a new region: its lines numbered from 1, the skip counts at zero.
  (func (export "reset")
    (global.set $lineNo (i32.const 0))
    (global.set $notLogLine (i32.const 0))
    (global.set $tooLong (i32.const 0))))
