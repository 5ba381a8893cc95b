#!/usr/bin/env bash
# The figures of docs/design.md that this build reaches: P4 on a 100,000-loan store (made once under the target
# folder's bench/ and reused), P5, P6 (the release bindings library stripped as the apps ship it), P1/P2, P3, and the
# budgets of the issues (the import, the office pages, the server's memory under compressed-body bombs). Each bench
# prints its own table as it goes and appends its budget rows to $target/bench/rows.tsv (VIECLAM_BENCH_ROWS); at the
# end `bench_table` prints ONE table of every budget of docs/design.md §3, in the document's order, then the issues':
# measured, budget, met, and the command. A bench that fails or is not built leaves its budgets "not measured" (not
# met), and the script goes on to the next. Exits 0 when every budget is met, 2 when one is not or was not measured.
# Honours CARGO_TARGET_DIR. Extra arguments go to vieclam-bench (e.g. --loans 10000 --samples 200).
set -uo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
mkdir -p "$target/bench"
rows=$(cd "$target/bench" && pwd)/rows.tsv
: >"$rows"
export VIECLAM_BENCH_ROWS=$rows

# step NAME COMMAND…: runs COMMAND; when it fails, says so and answers false (the script goes on: what it would have
# measured shows as "not measured" in the last table).
step() {
  local name=$1 rc=0
  shift
  "$@" || rc=$?
  if ((rc != 0)); then
    echo "bench.sh: $name exited $rc (see above; the table at the end shows what was measured)" >&2
  fi
  return "$rc"
}

# The printer of the last table first: small, so a failed build below still leaves a table of what was measured.
cargo build --release -p vieclam-test-support --bin bench_table || exit 1

# The device side (P4–P6) is measured as the apps ship it: the `mobile` profile (Cargo.toml: optimised for size
# but the photo path), and the library linked with packed relative relocations, as build-android.sh links it
# (`--pack-dyn-relocs=android` there; `-z pack-relative-relocs` is the glibc form of the same idea for x86-64).
lib=$target/bench/libvieclam_ffi.stripped.so
if step "the mobile bindings library's build" \
  cargo rustc --profile mobile -p vieclam-ffi --lib --crate-type cdylib -- -C link-arg=-Wl,-z,pack-relative-relocs &&
  cp "$target/mobile/libvieclam_ffi.so" "$lib" && strip --strip-all "$lib"; then
  lib_args=(--lib "$lib")
else
  lib_args=()
fi
if step "vieclam-bench's build" cargo build --profile mobile -p vieclam-bench; then
  step vieclam-bench "$target/mobile/vieclam-bench" --dir "$target/bench" "${lib_args[@]}" "$@"
fi

# P1/P2: a fresh `vieclam` downloads a 10,000-loan commune from vieclam-server through the counting proxy, then syncs
# with nothing new and after 10 corrected loans. (`--bin` would filter every package named here, so the server and
# the shell are built by name of package, and the bench binaries of vieclam-e2e by `--bins`.)
if step "the server's and the shell's build" cargo build --release -p vieclam-server -p vieclam-cli &&
  step "the e2e benches' build" cargo build --release -p vieclam-e2e --bins; then
  step sync_bench "$target/release/sync_bench"
  # P3: 1,000 devices syncing at once against vieclam-server on a throwaway PostgreSQL cluster (or DATABASE_URL).
  step sync_load "$target/release/sync_load"
  # Issue 10: a book of 100,000 loans with about 1.3 million payments imported into SQLite and PostgreSQL (≤ 60 s each).
  step import_bench "$target/release/import_bench"
  # Issue 11: every office page on a 100,000-loan book with 5,000 checks (p95 < 300 ms each).
  step office_bench "$target/release/office_bench"
  # Issue 9: rounds of 20 parallel 16 KB gzip bombs against vieclam-server; its peak resident memory (VmHWM) against
  # the 200 MB budget.
  step mem_bench "$target/release/mem_bench"
fi

echo
"$target/release/bench_table" "$rows"
