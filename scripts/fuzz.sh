#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for SECONDS each (default 60), one after the other, with the installed
# nightly toolchain, and prints a table: target, seconds, executions, executions per second, corpus size, crashes.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     all targets, or only those named
#   scripts/fuzz.sh --build                   only build the targets (what CI does)
#
# Corpora live in fuzz/corpus/TARGET/ (committed, minimised at the end of a run so the repository stays small; seeds
# of real inputs are in fuzz/seeds/TARGET/); a crash leaves its input in fuzz/artifacts/TARGET/ and makes the script
# exit non-zero. cargo-fuzz is installed from crates.io when missing (pinned below).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CARGO_FUZZ_VERSION=0.13.2
[[ -d "$HOME/.cargo/bin" ]] && export PATH="$HOME/.cargo/bin:$PATH"
rustup toolchain list | grep -q '^nightly' || { echo "fuzz.sh: no nightly toolchain (rustup toolchain install nightly)" >&2; exit 1; }
if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
  echo "fuzz.sh: installing cargo-fuzz $CARGO_FUZZ_VERSION from crates.io" >&2
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
fi

if [[ "${1:-}" == "--build" ]]; then
  (cd fuzz && cargo +nightly fuzz build)
  echo "fuzz.sh: every target built"
  exit 0
fi

seconds=${1:-60}
shift || true
mapfile -t targets < <(cd fuzz && cargo +nightly fuzz list)
(($#)) && targets=("$@")

(cd fuzz && cargo +nightly fuzz build)
rows=()
status=0
for t in "${targets[@]}"; do
  corpus=fuzz/corpus/$t
  mkdir -p "$corpus" "fuzz/artifacts/$t"
  [[ -d fuzz/seeds/$t ]] && cp -n fuzz/seeds/"$t"/* "$corpus"/ 2>/dev/null || true
  log=$(mktemp)
  echo "fuzz.sh: $t for $seconds s" >&2
  crashed=0
  (cd fuzz && cargo +nightly fuzz run "$t" "../$corpus" -- -max_total_time="$seconds" -rss_limit_mb=2048 \
    -print_final_stats=1 -max_len=65536) >"$log" 2>&1 || crashed=1
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  rate=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  if ((crashed)); then
    status=1
    echo "fuzz.sh: $t CRASHED; the input is in fuzz/artifacts/$t/:" >&2
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -20 >&2
  fi
  rows+=("$t|$seconds|${execs:-?}|${rate:-?}|$(find "$corpus" -type f | wc -l)|$crashed")
  rm -f "$log"
done

# Keep the corpora small: only inputs that add coverage.
for t in "${targets[@]}"; do
  (cd fuzz && cargo +nightly fuzz cmin "$t" "../fuzz/corpus/$t" >/dev/null 2>&1) || true
done

printf '\n| %-18s | %7s | %12s | %8s | %6s | %7s |\n' target seconds executions "exec/s" corpus crashes
printf '|%s|%s|%s|%s|%s|%s|\n' "--------------------" "---------" "--------------" "----------" "--------" "---------"
for r in "${rows[@]}"; do
  IFS='|' read -r t s e x c k <<<"$r"
  printf '| %-18s | %7s | %12s | %8s | %6s | %7s |\n' "$t" "$s" "$e" "$x" "$c" "$k"
done
exit "$status"
