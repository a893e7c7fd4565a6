#!/usr/bin/env bash
# iCE40 build of the generated accelerator: Yosys synth_ice40 + nextpnr-ice40 + icepack, reporting fmax and
# utilisation. See docs/generate.md.
#
#   build.sh [--device up5k|hx8k] [--freq MHZ] [--model M] [--top MODULE] [-- GENERATE-OPTIONS…]
#                                                   default: the smallest configuration, whole accelerator, hx8k
#   build.sh --rtl DIR [--firmware DIR] …          RTL generated before
#
# Default model: a tiny int8 network (conv1d:4:4:2, conv1d:4:4:2, dense:2; 16-bit multipliers) trained here on
# 4,000 simulated events in a few seconds — the accelerator's size barely depends on the model, but its weight and
# parameter memories do; default configuration: SMALLEST below (P = 1, U = 4, int8, 32-bit accumulators, buffers
# and limits just large enough for that model, no input stage). --top times one module of the accelerator instead of its top
# (e.g. pdl_accel_pe: one processing element, its AUs and requantiser).
# The accelerator has far more ports than an iCE40 package has pins, so it is wrapped in pins_wrapper.v
# (generated here from the top's port list): every input comes from a shift register fed by one pin, every
# output goes into a registered XOR chain read on one pin. Inputs and outputs stay registered, so the paths
# nextpnr times are the core's own. Output in fpga-projects/build/ice40/: yosys.log, nextpnr.log,
# report.json (nextpnr's), summary.txt/summary.json (fmax, cells), accel.asc, accel.bin; when the design does
# not fit, modules.txt (cells per module, synthesised without flattening) and exit 1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
ensure_packages "${PULSEDL_FPGA_PACKAGES[@]}"
for tool in yosys nextpnr-ice40 icepack; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool not found on PATH (packages: ${PULSEDL_FPGA_PACKAGES[*]})" >&2; exit 1; }
done

# The smallest configuration the tiny model runs on: P and U at their minimum, int8 activations, DOUBLE only,
# 16-bit multipliers, no input stage (windows arrive quantised), and every buffer and model limit cut to what the
# network needs (act_depth 64 = conv1d's 16 x 4 output, weight_words 64 >= 52, max_channels 32 = dense's fan-in).
SMALLEST=(--preset small -P 1 -U 4 --activation-bits 8 --acc-bits 32 --m-bits 16 --set input_stage=false
  --rounding-modes DOUBLE --act-depth 64 --weight-words 64 --set staging_depth=32 --set param_entries=16
  --set max_layers=3 --set input_fifo_windows=2 --set result_fifo_words=8 --set max_length=32 --set max_channels=32
  --set max_fan_in=32 --set max_kernel=4 --set max_stride=2 --set max_pool=1 --set max_outputs=2)
TINY_SPEC='conv1d:4:4:2:relu,conv1d:4:4:2:relu,flatten,dense:2'

OUT="$FPGA_BUILD/ice40"
device=hx8k package="" freq=25 model="" rtl="" firmware="" gen_opts=("${SMALLEST[@]}")
while [ $# -gt 0 ]; do
  case "$1" in
    --device) device=$2; shift 2 ;;
    --freq) freq=$2; shift 2 ;;
    --model) model=$2; shift 2 ;;
    --top) export PULSEDL_TOP=$2; shift 2 ;;
    --rtl) rtl=$2; shift 2 ;;
    --firmware) firmware=$2; shift 2 ;;
    --) shift; gen_opts=("$@"); break ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$device" in
  up5k) package=sg48; dsp_flag=-dsp ;;       # 8 SB_MAC16, 30 EBR, 5,280 LCs
  hx8k) package=ct256; dsp_flag="" ;;        # no DSP, 32 EBR, 7,680 LCs
  *) echo "build.sh: --device must be up5k or hx8k, got '$device'" >&2; exit 2 ;;
esac

t_all=$SECONDS
mkdir -p "$OUT"
if [ -z "$rtl" ] && [ -z "$model" ]; then
  # The shipped int16 model needs 16-bit activations and 48-bit accumulators, and its weights alone fill an
  # iCE40's block RAM; the tiny int8 network keeps the memories small.
  model="$OUT/tiny/model.qmodel"
  # shellcheck disable=SC2086
  { $PULSEDL_CMD simulate --events 4000 --seed 5 --out "$OUT/train.h5" &&
    $PULSEDL_CMD train --data "$OUT/train.h5" --per-channel --spec "$TINY_SPEC" --epochs 8 --qat-epochs 2 \
        --precision int8 --m-bits 16 --name tiny --out "$OUT/tiny"; } >"$OUT/model.log" 2>&1 \
    || { cat "$OUT/model.log" >&2; echo "build.sh: making the tiny int8 model failed (log above)" >&2; exit 1; }
fi
if [ -z "$rtl" ]; then
  fpga_generate "$OUT/gen" "$model" "${gen_opts[@]}"
  rtl="$OUT/gen/rtl" firmware="$OUT/gen/firmware"
fi
rm -rf "$OUT/src"
fpga_stage "$rtl" "${firmware:-$rtl}" "$OUT/src"
top=$(fpga_top "$OUT/src")

fpga_pins_wrapper "$OUT/src" "$top" iCE40

# module_report: which module is big. The core alone, synthesised for the same device without flattening, one
# row per module (its own cells, submodules not included) and the hierarchy; written to modules.txt.
module_report() {
  (cd "$OUT/src" && yosys -q -p "read_verilog -defer *.v; synth_ice40 -top $top $dsp_flag -noflatten; tee -q -o $OUT/modules.stat stat" >/dev/null 2>&1) \
    || { echo "build.sh: per-module synthesis failed" >&2; return 0; }
  awk '
    function flush() { if (mod != "") printf "%-28s %8d %8d %8d %6d %6d\n", mod, lut, carry, ff, ram, mac; mod = "" }
    BEGIN { printf "%-28s %8s %8s %8s %6s %6s\n", "module (own cells)", "SB_LUT4", "SB_CARRY", "SB_DFF*", "EBR", "MAC16" }
    /^=== design hierarchy ===/ { flush(); hier = 1; print "hierarchy (instances):"; next }
    hier == 1 && /Number of wires/ { hier = 2; mod = "total (all instances)"; lut = carry = ff = ram = mac = 0; next }
    hier == 1 && /^ +[A-Za-z_0-9$\\]+ +[0-9]+$/ { print; next }
    hier == 1 { next }
    /^=== .* ===$/ { flush(); mod = $2; lut = carry = ff = ram = mac = 0; next }
    $1 == "SB_LUT4" { lut = $2 }
    $1 == "SB_CARRY" { carry = $2 }
    $1 == "SB_RAM40_4K" { ram = $2 }
    $1 == "SB_MAC16" { mac = $2 }
    $1 ~ /^SB_DFF/ { ff += $2 }
    END { flush() }' "$OUT/modules.stat" | tee "$OUT/modules.txt"
}

t0=$SECONDS
# shellcheck disable=SC2086
(cd "$OUT/src" && yosys -q -l "$OUT/yosys.log" -p "read_verilog -defer *.v; synth_ice40 -top pins_wrapper $dsp_flag -json $OUT/accel.json; tee -q -o $OUT/stat.txt stat" 2>"$OUT/yosys.stderr") \
  || { cat "$OUT/yosys.stderr" >&2; tail -n 30 "$OUT/yosys.log" >&2; echo "build.sh: yosys failed (log: $OUT/yosys.log)" >&2; exit 1; }
nextpnr-ice40 "--$device" --package "$package" --json "$OUT/accel.json" --asc "$OUT/accel.asc" --freq "$freq" \
    --pcf-allow-unconstrained --report "$OUT/report.json" --seed 1 -l "$OUT/nextpnr.log" -q --timing-allow-fail 2>/dev/null \
  || { grep -E "^(ERROR|Info:[[:space:]]+ICESTORM_(LC|RAM|DSP):)" "$OUT/nextpnr.log" >&2
       module_report >&2
       echo "build.sh: the design does not fit the $device: nextpnr-ice40 failed after $((SECONDS - t_all)) s (utilisation and cells per module above; logs: $OUT/nextpnr.log, $OUT/modules.txt; one processing element fits: --top pdl_accel_pe)" >&2
       exit 1; }
icepack "$OUT/accel.asc" "$OUT/accel.bin"

fmax=$(sed -n "s/^Info: Max frequency for clock '[^']*': \([0-9.]*\) MHz.*/\1/p" "$OUT/nextpnr.log" | tail -n 1)
# util CELL: "used available" from nextpnr's device utilisation table ("0 0" when the device has no such cell).
util() {
  local u
  u=$(sed -n "s/^Info:[[:space:]]*$1:[[:space:]]*\([0-9]*\)\/[[:space:]]*\([0-9]*\).*/\1 \2/p" "$OUT/nextpnr.log" | tail -n 1)
  echo "${u:-0 0}"
}
read -r lc lc_max <<<"$(util ICESTORM_LC)"
read -r ram ram_max <<<"$(util ICESTORM_RAM)"
read -r dsp dsp_max <<<"$(util ICESTORM_DSP)"
{ printf 'device %s-%s, top %s, target %s MHz\n' "$device" "$package" "$top" "$freq"
  printf 'fmax %s MHz\nLC %s / %s\nEBR %s / %s\nDSP %s / %s\n' "$fmax" "$lc" "$lc_max" "$ram" "$ram_max" "$dsp" "$dsp_max"
  printf 'time %ss synthesis and place and route, %ss in all\n' "$((SECONDS - t0))" "$((SECONDS - t_all))"; } | tee "$OUT/summary.txt"
cat > "$OUT/summary.json" <<JSON
{"device": "$device", "package": "$package", "top": "$top", "target_mhz": $freq, "fmax_mhz": ${fmax:-null}, "lc": ${lc:-null}, "lc_available": ${lc_max:-null}, "ebr": ${ram:-null}, "ebr_available": ${ram_max:-null}, "dsp": $dsp, "dsp_available": $dsp_max}
JSON
