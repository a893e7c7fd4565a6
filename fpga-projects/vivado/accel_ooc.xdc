# Out-of-context constraints for the generated accelerator (fpga-projects/vivado/build.tcl):
# the 100 MHz target of the artix7 preset on i_clk. No pin locations: the core's ports stay unplaced.
create_clock -name clk -period 10.000 [get_ports i_clk]
# Every input and output is registered inside the core; budget half a cycle for whatever drives them.
set_input_delay  -clock clk 5.000 [get_ports -filter {DIRECTION == IN && NAME != i_clk}]
set_output_delay -clock clk 5.000 [get_ports -filter {DIRECTION == OUT}]
