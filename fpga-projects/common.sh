# shellcheck shell=bash
# Shared by the fpga-projects scripts: set-up, the generator command, port lists.
# Sourced, not run. Needs PULSEDL_ROOT (from scripts/setup.sh).

source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"

# The pulsedl command. Default: the launcher (builds the jar on first use). Override with PULSEDL="java -cp … org.pulsedl.daq.cli.PulsedlCommand"
# to use another build.
PULSEDL_CMD="${PULSEDL:-$PULSEDL_ROOT/pulsedl}"
FPGA_BUILD="${PULSEDL_FPGA_BUILD:-$PULSEDL_ROOT/fpga-projects/build}"
DEFAULT_MODEL="$PULSEDL_ROOT/models/pdl2/model.qmodel"

# fpga_generate OUT MODEL [generate options…]: the accelerator for one configuration, split layout, into OUT.
fpga_generate() {
  local out=$1 model=$2
  shift 2
  rm -rf "$out"
  # shellcheck disable=SC2086
  $PULSEDL_CMD generate --model "$model" --out "$out" "$@" >"$out.generate.log" 2>&1 || {
    cat "$out.generate.log" >&2; echo "fpga-projects: pulsedl generate failed (log above)" >&2; exit 1; }
}

# fpga_top RTL_DIR: the accelerator's top module (PULSEDL_TOP, else the module no other module instantiates).
fpga_top() {
  if [ -n "${PULSEDL_TOP:-}" ]; then echo "$PULSEDL_TOP"; return; fi
  local top
  top=$(yosys -p "read_verilog $1/*.v; hierarchy -auto-top" 2>/dev/null | sed -n 's/^Automatically selected \(.*\) as design top module\.$/\1/p' | head -n 1)
  [ -n "$top" ] || { echo "fpga-projects: cannot find the top module in $1 (set PULSEDL_TOP)" >&2; exit 1; }
  echo "$top"
}

# fpga_stage RTL_DIR FIRMWARE_DIR WORK: Verilog and $readmemh images into one folder (Yosys reads images relative to its working folder).
fpga_stage() {
  mkdir -p "$3"
  cp "$1"/*.v "$3"/
  if compgen -G "$2/*.hex" >/dev/null; then cp "$2"/*.hex "$3"/; fi
}
