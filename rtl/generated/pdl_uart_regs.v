// Generated file - do not edit; regenerate it instead.
// Command: pulsedl generate --model models/pdl2/model.qmodel --layout repo --out .
// Tool: pulsedl hls-gen 0.1.0
// Input hash: sha256:0905a6fa1f03371669bdcd52a9754ba789cbf1236a4f08837e84f9034f2b4bf1

`default_nettype none

// pdl_uart_regs: register file of 'pdl_uart' - UART, 8N1 with transmit and receive FIFOs
// Generated from RegisterMap 'pdl_uart' (base 0x1000_0000, 0x1000 bytes); the field tables are in pdl_uart_regs.md.
// Bus: a request (i_we or i_re, held or pulsed) is taken on an edge where o_ready is low;
// o_ready is high for one cycle after it, with o_rdata valid for a read. i_we wins over i_re.
// Reset is synchronous and active-high.
module pdl_uart_regs (
  input  wire        i_clk,                        // clock
  input  wire        i_rst,                        // synchronous reset, active high
  input  wire [11:0] i_addr,                       // byte address within the block
  input  wire        i_we,                         // write request
  input  wire [3:0]  i_wstrb,                      // byte enables of i_wdata
  input  wire [31:0] i_wdata,                      // write data
  input  wire        i_re,                         // read request
  output wire [31:0] o_rdata,                      // read data, valid while o_ready
  output wire        o_ready,                      // request done (one cycle)
  output wire [7:0]  o_tx_data,                    // tx.data [7:0] WO: Byte to send
  output wire        o_tx_wr,                      // tx was written (pulse)
  input  wire [7:0]  i_rx_data,                    // rx.data [7:0] RO: Received byte (valid when valid is 1)
  input  wire        i_rx_valid,                   // rx.valid [8] RO: 1: data holds a byte (the FIFO was not empty)
  output wire        o_rx_rd,                      // rx was read (pulse)
  input  wire        i_status_tx_full,             // status.tx_full [0] RO: Transmit FIFO full: a write to tx is dropped
  input  wire        i_status_tx_idle,             // status.tx_idle [1] RO: Transmit FIFO empty and the last stop bit sent
  input  wire        i_status_rx_valid,            // status.rx_valid [2] RO: Receive FIFO not empty
  input  wire        i_status_rx_overrun_set,      // status.rx_overrun [3] W1C: set bits (1 = set)
  output wire        o_status_rx_overrun,          // status.rx_overrun [3] W1C: A byte arrived while the receive FIFO was full (lost)
  input  wire        i_status_rx_frame_error_set,  // status.rx_frame_error [4] W1C: set bits (1 = set)
  output wire        o_status_rx_frame_error,      // status.rx_frame_error [4] W1C: A byte without its stop bit (dropped)
  input  wire [7:0]  i_status_tx_level,            // status.tx_level [15:8] RO: Bytes in the transmit FIFO
  input  wire [7:0]  i_status_rx_level,            // status.rx_level [23:16] RO: Bytes in the receive FIFO
  output wire [15:0] o_div_cycles,                 // div.cycles [15:0] RW: Clock cycles per bit (at least 4); 868 is 115200 baud at 100 MHz
  output wire        o_irq_en_rx,                  // irq_en.rx [0] RW: While the receive FIFO is not empty
  output wire        o_irq_en_tx_idle              // irq_en.tx_idle [1] RW: While the transmitter is idle
);

  // Register offsets (bytes within the block).
  localparam [11:0] ADDR_TX     = 12'h0;   // tx: Transmit: a write queues one byte (dropped while tx_full)
  localparam [11:0] ADDR_RX     = 12'h4;   // rx: Receive: the oldest received byte; reading pops it
  localparam [11:0] ADDR_STATUS = 12'h8;   // status: FIFO levels and line errors
  localparam [11:0] ADDR_DIV    = 12'hc;   // div: Bit time
  localparam [11:0] ADDR_IRQ_EN = 12'h10;  // irq_en: Interrupt enables (the UART's line is level)

  // Bus decode: take a request only when no response is pending.
  wire        bus_take;    // request accepted this cycle
  wire        bus_wr;      // write accepted
  wire        bus_rd;      // read accepted
  wire [11:0] bus_addr;    // word-aligned address
  wire [31:0] bus_wmask;   // i_wstrb as a bit mask
  wire        unused_bus;  // bits some maps do not decode

  reg        bus_ready_r;  // response pending
  reg [31:0] bus_rdata_r;  // read data
  reg [31:0] bus_rdata;    // read mux

  assign bus_take   = (i_we | i_re) & ~bus_ready_r;
  assign bus_wr     = bus_take & i_we;
  assign bus_rd     = bus_take & ~i_we;
  assign bus_addr   = {i_addr[11:2], 2'b00};
  assign bus_wmask  = {{8{i_wstrb[3]}}, {8{i_wstrb[2]}}, {8{i_wstrb[1]}}, {8{i_wstrb[0]}}};
  assign unused_bus = &{1'b0, i_addr[1:0], i_wdata, i_wstrb};

  // tx @ 0x0 (WO): Transmit: a write queues one byte (dropped while tx_full)
  wire wr_tx;  // write to tx

  reg [7:0] tx_data_r;  // WO [7:0]
  reg       tx_wr_r;    // write strobe

  assign wr_tx = bus_wr & (bus_addr == ADDR_TX);

  always @(posedge i_clk) begin
    if (i_rst) begin
      tx_data_r <= 8'h0;
      tx_wr_r <= 1'b0;
    end else begin
      if (wr_tx) begin
        tx_data_r <= (tx_data_r & ~bus_wmask[7:0]) | (i_wdata[7:0] & bus_wmask[7:0]);
      end
      tx_wr_r <= wr_tx;
    end
  end

  assign o_tx_data = tx_data_r;
  assign o_tx_wr   = tx_wr_r;

  // rx @ 0x4 (RO): Receive: the oldest received byte; reading pops it
  wire rd_rx;  // read of rx

  reg rx_rd_r;  // read strobe

  assign rd_rx = bus_rd & (bus_addr == ADDR_RX);

  always @(posedge i_clk) begin
    if (i_rst) begin
      rx_rd_r <= 1'b0;
    end else begin
      rx_rd_r <= rd_rx;
    end
  end

  assign o_rx_rd = rx_rd_r;

  // status @ 0x8 (RO/W1C): FIFO levels and line errors
  wire wr_status;  // write to status

  reg status_rx_overrun_r;      // W1C [3]
  reg status_rx_frame_error_r;  // W1C [4]

  assign wr_status = bus_wr & (bus_addr == ADDR_STATUS);

  always @(posedge i_clk) begin
    if (i_rst) begin
      status_rx_overrun_r <= 1'h0;
      status_rx_frame_error_r <= 1'h0;
    end else begin
      status_rx_overrun_r <= (status_rx_overrun_r & ~(wr_status & i_wdata[3] & bus_wmask[3])) | i_status_rx_overrun_set;
      status_rx_frame_error_r <= (status_rx_frame_error_r & ~(wr_status & i_wdata[4] & bus_wmask[4])) | i_status_rx_frame_error_set;
    end
  end

  assign o_status_rx_overrun     = status_rx_overrun_r;
  assign o_status_rx_frame_error = status_rx_frame_error_r;

  // div @ 0xc (RW): Bit time
  wire wr_div;  // write to div

  reg [15:0] div_cycles_r;  // RW [15:0]

  assign wr_div = bus_wr & (bus_addr == ADDR_DIV);

  always @(posedge i_clk) begin
    if (i_rst) begin
      div_cycles_r <= 16'h10;
    end else if (wr_div) begin
      div_cycles_r <= (div_cycles_r & ~bus_wmask[15:0]) | (i_wdata[15:0] & bus_wmask[15:0]);
    end
  end

  assign o_div_cycles = div_cycles_r;

  // irq_en @ 0x10 (RW): Interrupt enables (the UART's line is level)
  wire wr_irq_en;  // write to irq_en

  reg irq_en_rx_r;       // RW [0]
  reg irq_en_tx_idle_r;  // RW [1]

  assign wr_irq_en = bus_wr & (bus_addr == ADDR_IRQ_EN);

  always @(posedge i_clk) begin
    if (i_rst) begin
      irq_en_rx_r <= 1'h0;
      irq_en_tx_idle_r <= 1'h0;
    end else if (wr_irq_en) begin
      irq_en_rx_r <= (irq_en_rx_r & ~bus_wmask[0]) | (i_wdata[0] & bus_wmask[0]);
      irq_en_tx_idle_r <= (irq_en_tx_idle_r & ~bus_wmask[1]) | (i_wdata[1] & bus_wmask[1]);
    end
  end

  assign o_irq_en_rx      = irq_en_rx_r;
  assign o_irq_en_tx_idle = irq_en_tx_idle_r;

  // Read mux: unmapped offsets and WO fields read as 0.
  always @* begin
    case (bus_addr)
      ADDR_RX:     bus_rdata = {23'h0, i_rx_valid, i_rx_data};
      ADDR_STATUS: bus_rdata = {8'h0, i_status_rx_level, i_status_tx_level, 3'h0, status_rx_frame_error_r, status_rx_overrun_r, i_status_rx_valid, i_status_tx_idle, i_status_tx_full};
      ADDR_DIV:    bus_rdata = {16'h0, div_cycles_r};
      ADDR_IRQ_EN: bus_rdata = {30'h0, irq_en_tx_idle_r, irq_en_rx_r};
      default:     bus_rdata = 32'h0;
    endcase
  end

  // Response: o_ready one cycle after a request is taken; read data captured with it.
  always @(posedge i_clk) begin
    if (i_rst) begin
      bus_ready_r <= 1'b0;
      bus_rdata_r <= 32'h0;
    end else begin
      bus_ready_r <= bus_take;
      if (bus_rd) begin
        bus_rdata_r <= bus_rdata;
      end
    end
  end

  assign o_ready = bus_ready_r;
  assign o_rdata = bus_rdata_r;

endmodule

`default_nettype wire
