#!/usr/bin/env bash
# Size and speed of rv32_core (issue 12 goals): LUT/FF/DSP of the core alone under Yosys synth_xilinx
# (FAST_MUL=1: multiplies in DSP blocks), and fmax on an iCE40 HX8K (FAST_MUL=0: the HX8K has no DSPs) of the core
# with 4 KiB of block RAM on both ports (rv32_ram_top.v) from nextpnr-ice40. Output in fpga-projects/build/cpu/:
# xilinx.log, ice40-yosys.log, nextpnr.log, report.json (nextpnr's), summary.txt.
# --ecp5 times the same rv32_ram_top (FAST_MUL=0) on an ECP5 LFE5U-85F-6 through the YoWASP flow instead
# (fpga-projects/ecp5/build.sh, whole design with its five ports on pins): output and report.json in
# fpga-projects/build/ecp5/cpu/.
#
#   build.sh [--freq MHZ] [--seed N] [--ecp5]       default: 60 MHz target (ECP5: 100 MHz), seed 1
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
freq="" seed=1 ecp5=0
while [ $# -gt 0 ]; do
  case "$1" in
    --freq) freq=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --ecp5) ecp5=1; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ "$ecp5" = 1 ]; then
  # The ECP5 flow takes a folder of Verilog: the core and the RAM harness, staged together.
  src="$FPGA_BUILD/cpu/ecp5-rtl"
  rm -rf "$src"; mkdir -p "$src"
  cp "$PULSEDL_ROOT"/rtl/cpu/*.v "$HERE/rv32_ram_top.v" "$src/"
  exec "$HERE/../ecp5/build.sh" --rtl "$src" --top rv32_ram_top --name cpu --freq "${freq:-100}" --seed "$seed"
fi

ensure_packages "${PULSEDL_FPGA_PACKAGES[@]}"
OUT="$FPGA_BUILD/cpu"
mkdir -p "$OUT"
CORE=("$PULSEDL_ROOT"/rtl/cpu/*.v)

yosys -q -l "$OUT/xilinx.log" -p "read_verilog ${CORE[*]}; synth_xilinx -top rv32_core -flatten; stat" >/dev/null
yosys -q -l "$OUT/ice40-yosys.log" -p "read_verilog ${CORE[*]} $HERE/rv32_ram_top.v; \
  synth_ice40 -top rv32_ram_top -flatten -json $OUT/ice40.json; stat" >/dev/null
nextpnr-ice40 --hx8k --package ct256 --json "$OUT/ice40.json" --freq "${freq:-60}" --seed "$seed" \
  --pcf-allow-unconstrained --report "$OUT/report.json" --log "$OUT/nextpnr.log" -q || true

{
  echo "Xilinx (synth_xilinx, rv32_core, FAST_MUL=1):"
  sed -n '/Number of cells/,/^$/p' "$OUT/xilinx.log" | grep -E 'LUT|FD|DSP|RAM|CARRY|MUX|INV' | awk '!seen[$0]++' || true
  echo "iCE40 HX8K (rv32_ram_top, FAST_MUL=0):"
  grep -E 'Max frequency for clock' "$OUT/nextpnr.log" | tail -n 1
  grep -E 'ICESTORM_LC:|ICESTORM_RAM:' "$OUT/nextpnr.log" | tail -n 2
} | tee "$OUT/summary.txt"
