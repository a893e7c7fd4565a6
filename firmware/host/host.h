/* What the host build's main loop adds to the HAL: waiting for input instead of spinning. */
#pragma once

void host_wait_for_input(int millis);
