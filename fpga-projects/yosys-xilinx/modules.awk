# Per-module 7-series utilisation from a Yosys `stat` (flat) or `stat -top TOP` (hierarchical) listing, as Yosys 0.23
# or 0.70 prints it:
#   awk -v top=TOP -f modules.awk stat.txt
# One row per module: instances under TOP, then each column summed over those instances, largest LUT user first,
# and a final `total` row. lut = LUT1-6 (logic); lut_mem = LUTs used as memory (distributed RAM, shift registers),
# which a device's LUT count includes: an xc7a100t's 63,400 LUTs are logic and memory together (UG474: every SLICEM
# LUT is logic, distributed RAM or a shift register), so slice_lut = lut + lut_mem is the figure to compare.

# LUTs one cell occupies as memory (UG474, UG953): a RAM64M or RAM32M fills a SLICEM's four LUTs.
function mem_luts(type) {
  if (type ~ /^RAM(32M|64M|128X1D|256X1S)$/) return 4
  if (type ~ /^RAM(32X1D|64X1D|128X1S)$/) return 2
  if (type ~ /^(RAM(32X1S|64X1S)|SRL16E|SRLC32E)$/) return 1
  return 0
}

/^=== design hierarchy ===/ { done = 1 }
!done && /^=== .* ===$/ { mod = $2; mods[mod] = 1; next }
# a cell line: "TYPE N" (Yosys 0.23) or "N TYPE" (0.70)
!done && mod != "" && NF == 2 && $1 !~ /^Number/ && ($1 ~ /^[0-9]+$/) != ($2 ~ /^[0-9]+$/) {
  if ($2 ~ /^[0-9]+$/) { cells[mod, $1] = $2; types[$1] = 1 } else { cells[mod, $2] = $1; types[$2] = 1 }
}

# instances of every module under m, n copies of m
function walk(m, n,   key, parts) {
  inst[m] += n
  for (key in cells) {
    split(key, parts, SUBSEP)
    if (parts[1] == m && (parts[2] in mods)) walk(parts[2], n * cells[key])
  }
}

END {
  if (!(top in mods)) { print "modules.awk: no module " top " in the listing" > "/dev/stderr"; exit 1 }
  walk(top, 1)
  for (m in inst) {
    n = inst[m]
    for (t in types) {
      if ((m, t) in cells) {
        c = cells[m, t] * n
        if (t ~ /^LUT[1-6]$/) lut[m] += c
        if (t ~ /^FD(RE|SE|CE|PE)$/) ff[m] += c
        if (t == "DSP48E1") dsp[m] += c
        if (t == "RAMB36E1") b36[m] += c
        if (t == "RAMB18E1") b18[m] += c
        lm[m] += mem_luts(t) * c
      }
    }
  }
  printf "%-28s %5s %8s %8s %9s %8s %6s %6s %6s\n", "module", "inst", "lut", "lut_mem", "slice_lut", "ff", "dsp", "b36", "b18"
  cmd = "sort -k5,5nr"
  for (m in inst) {
    printf "%-28s %5d %8d %8d %9d %8d %6d %6d %6d\n", m, inst[m], lut[m], lm[m], lut[m] + lm[m], ff[m], dsp[m], b36[m], b18[m] | cmd
    T1 += lut[m]; T2 += lm[m]; T3 += ff[m]; T4 += dsp[m]; T5 += b36[m]; T6 += b18[m]
  }
  close(cmd)
  printf "%-28s %5s %8d %8d %9d %8d %6d %6d %6d\n", "total", "", T1, T2, T1 + T2, T3, T4, T5, T6
}
