# shellcheck shell=bash
# pulsedl set-up: the one place that knows what the build and the tests need on a fresh machine.
# Sourced by ./pulsedl and scripts/test. As root it installs missing Debian packages with apt-get;
# otherwise it stops and prints the exact command to run.

PULSEDL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian packages per purpose. Later parts of the project add theirs here.
PULSEDL_BUILD_PACKAGES=(openjdk-17-jdk-headless maven)
PULSEDL_PLOT_PACKAGES=(fontconfig fonts-dejavu-core)   # JFreeChart draws text in headless PNGs
PULSEDL_TEST_PACKAGES=()

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
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
    || { echo "pulsedl: apt-get install ${missing[*]} failed" >&2; exit 1; }
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
        \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$jar" -print -quit)" ]
}

# build_pulsedl: (re)build the application jar without running the tests.
build_pulsedl() {
  ensure_build_tools
  echo "pulsedl: building the application (first use or sources changed; takes about a minute)…" >&2
  (cd "$PULSEDL_ROOT" && mvn -B -q -DskipTests package) >&2 \
    || { echo "pulsedl: build failed (see Maven's output above)" >&2; exit 1; }
}
