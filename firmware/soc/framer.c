/* The result framer (pdl_framer, registers declared in SocRegisters.framer; docs/soc.md "Result framer"): while
 * enabled it takes the accelerator's result stream and sends RESULT frames into the UART's transmit FIFO by itself.
 * The CPU's own frames share the link: each is written between the framer's frames (claim, wait for the grant) and
 * numbered with the framer's sequence counter, which the CPU then moves past its frame. */
#include "drivers.h"
#include "mmio.h"

static uint32_t enabled; /* PDL_FRAMER_CTRL_ENABLE_MASK while a run uses the framer, else 0 */

uint32_t framer_claim(void) {
    pdl_framer_ctrl_write(enabled | PDL_FRAMER_CTRL_CLAIM_MASK);
    /* up to a whole frame's time on the line: keep taking the host's bytes meanwhile (the receive FIFO is small) */
    while ((pdl_framer_status_read() & PDL_FRAMER_STATUS_GRANTED_MASK) == 0) uart_catch();
    return pdl_framer_sequence_read();
}

void framer_release(uint32_t next_sequence) {
    pdl_framer_sequence_set_write(next_sequence);
    pdl_framer_ctrl_write(enabled);
}

/* enable 0 -> 1 clears the framer's counters and its expected window sequence (the soft reset at START restarts
 * the accelerator's numbering at 0). */
void framer_start(uint32_t outputs, uint32_t wide, uint32_t batch, uint32_t channel_mask, uint32_t max_age_cycles) {
    pdl_framer_format_write(outputs << PDL_FRAMER_FORMAT_OUTPUTS_SHIFT | wide << PDL_FRAMER_FORMAT_WIDE_SHIFT);
    pdl_framer_batch_write(batch);
    pdl_framer_channel_mask_write(channel_mask);
    pdl_framer_max_age_write(max_age_cycles);
    enabled = PDL_FRAMER_CTRL_ENABLE_MASK;
    pdl_framer_ctrl_write(enabled);
}

/* The accelerator has drained: once the framer has taken every result word, enable falls; the framer then sends
 * the records it holds and goes idle. */
void framer_finish(void) {
    while (pdl_accel_result_level_read() != 0) uart_catch();
    enabled = 0;
    pdl_framer_ctrl_write(0);
    while ((pdl_framer_status_read() & PDL_FRAMER_STATUS_IDLE_MASK) == 0) uart_catch();
}

void framer_counters(uint32_t *records, uint32_t *lost, uint32_t *expected) {
    *records = pdl_framer_records_read();
    *lost = pdl_framer_drops_read();
    *expected = pdl_framer_expected_read();
}
