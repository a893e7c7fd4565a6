// Generated file - do not edit; regenerate it instead.
// Command: pulsedl test
// Tool: pulsedl hls-gen test
// Input hash: sha256:b407463cdc2903b35e2ecb186cc39c6113d54c0ef5a9c1ca8f376d9321a4fb06

// Memory map 'soc': address a is in region R when (a & R_MASK) == R_BASE.
localparam [31:0] MMAP_RAM_BASE      = 32'h8000_0000;  // RAM: code, data, stack; reset vector at its base
localparam [31:0] MMAP_RAM_MASK      = 32'hffff_0000;  // 64 KiB
localparam [31:0] MMAP_UART_BASE     = 32'h1000_0000;  // UART
localparam [31:0] MMAP_UART_MASK     = 32'hffff_f000;  // 4 KiB
localparam [31:0] MMAP_TIMER_BASE    = 32'h1000_1000;  // timer (mtime/mtimecmp)
localparam [31:0] MMAP_TIMER_MASK    = 32'hffff_f000;  // 4 KiB
localparam [31:0] MMAP_SIM_CTRL_BASE = 32'h1000_2000;  // simulation control: putchar, exit code
localparam [31:0] MMAP_SIM_CTRL_MASK = 32'hffff_f000;  // 4 KiB
localparam [31:0] MMAP_FRAMER_BASE   = 32'h1000_3000;  // result framer: RESULT frames from the accelerator to the UART
localparam [31:0] MMAP_FRAMER_MASK   = 32'hffff_f000;  // 4 KiB
localparam [31:0] MMAP_ACCEL_BASE    = 32'h2000_0000;  // accelerator: registers, descriptor, parameter and weight windows (decoded exactly; other offsets give a bus error)
localparam [31:0] MMAP_ACCEL_MASK    = 32'hfffe_0000;  // 128 KiB
localparam [31:0] MMAP_ADC_BASE      = 32'h3000_0000;  // ADC capture and test-pulse generator
localparam [31:0] MMAP_ADC_MASK      = 32'hffff_0000;  // 64 KiB
localparam [31:0] MMAP_ETH_BASE      = 32'h4000_0000;  // Ethernet/UDP
localparam [31:0] MMAP_ETH_MASK      = 32'hffff_0000;  // 64 KiB
