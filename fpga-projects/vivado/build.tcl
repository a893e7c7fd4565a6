# Vivado non-project build of the generated accelerator for an xc7a200t (Nexys Video: xc7a200tsbg484-1). The
# default configuration uses 112 DSP48E1 — under half an xc7a100t's 240 — but its ≈ 81 k LUTs (Yosys) need the
# 200t's 134 k; smaller arrays (up to -P 16) fit an xc7a100t (Arty A7-100T: xc7a100tcsg324-1) — pass PART.
# Not run in CI (Vivado is not free to redistribute); kept correct by hand — see docs/generate.md.
#
#   vivado -mode batch -source fpga-projects/vivado/build.tcl -tclargs [RTL_DIR [TOP [PART [XDC [MODE]]]]]
#
#   RTL_DIR  generated Verilog and $readmemh images (default rtl/generated and firmware/generated beside it)
#   TOP      top module (default: the module Vivado finds as top)
#   PART     default xc7a200tsbg484-1
#   XDC      constraints (default accel_ooc.xdc next to this script: the 100 MHz clock on i_clk)
#   MODE     ooc (default): the accelerator alone, out of context (no I/O placement; what we can time
#            without the SoC top) — or board: a full top with pins in XDC, ending in a bitstream.
#
# Writes fpga-projects/build/vivado/: post-synthesis and post-route utilisation and timing reports, a
# checkpoint, and in board mode accel.bit.

set script_dir [file dirname [file normalize [info script]]]
set root       [file normalize [file join $script_dir .. ..]]
set rtl_dir    [expr {[llength $argv] > 0 ? [file normalize [lindex $argv 0]] : [file join $root rtl generated]}]
set top        [expr {[llength $argv] > 1 ? [lindex $argv 1] : ""}]
set part       [expr {[llength $argv] > 2 ? [lindex $argv 2] : "xc7a200tsbg484-1"}]
set xdc        [expr {[llength $argv] > 3 ? [file normalize [lindex $argv 3]] : [file join $script_dir accel_ooc.xdc]}]
set mode       [expr {[llength $argv] > 4 ? [lindex $argv 4] : "ooc"}]
set out        [file join $root fpga-projects build vivado]
file mkdir $out

if {$mode ne "ooc" && $mode ne "board"} { error "MODE must be ooc or board, got '$mode'" }
set sources [lsort [glob -nocomplain -directory $rtl_dir *.v]]
if {[llength $sources] == 0} { error "no Verilog files in $rtl_dir (run pulsedl generate first)" }

# $readmemh images are read relative to the run folder: copy them there from the RTL and firmware folders.
# (split layout: DIR/rtl beside DIR/firmware; repo layout: rtl/generated beside firmware/generated)
set parent [file dirname $rtl_dir]
foreach dir [list $rtl_dir [file join $parent firmware] [file join [file dirname $parent] firmware generated]] {
    foreach hex [glob -nocomplain -directory $dir *.hex] { file copy -force $hex [pwd] }
}

read_verilog $sources
read_xdc $xdc

# -retiming lets Vivado move the requantiser's spare pipeline registers (requant_latency beyond its cuts) into logic.
set synth_args [list -part $part -flatten_hierarchy rebuilt -retiming]
if {$top ne ""} { lappend synth_args -top $top } else { lappend synth_args -top [lindex [find_top] 0] }
if {$mode eq "ooc"} { lappend synth_args -mode out_of_context }
synth_design {*}$synth_args
write_checkpoint -force [file join $out post_synth.dcp]
report_utilization -file [file join $out post_synth_utilization.rpt]
report_timing_summary -file [file join $out post_synth_timing.rpt]

opt_design
place_design
phys_opt_design
route_design
write_checkpoint -force [file join $out post_route.dcp]
report_utilization -file [file join $out post_route_utilization.rpt]
report_utilization -hierarchical -file [file join $out post_route_utilization_hier.rpt]
report_timing_summary -max_paths 20 -file [file join $out post_route_timing.rpt]
report_drc -file [file join $out post_route_drc.rpt]

# Worst setup slack on the 10 ns clock gives fmax = 1000 / (10 - WNS) MHz.
set wns [get_property SLACK [get_timing_paths -max_paths 1 -nworst 1 -setup]]
set period [get_property PERIOD [get_clocks -of_objects [get_ports i_clk]]]
puts [format "pulsedl: WNS %.3f ns at %.3f ns -> fmax %.1f MHz" $wns $period [expr {1000.0 / ($period - $wns)}]]

if {$mode eq "board"} {
    write_bitstream -force [file join $out accel.bit]
}
