/*
 * Generated file - do not edit; regenerate it instead.
 * Command: pulsedl test
 * Tool: pulsedl hls-gen test
 * Input hash: sha256:b407463cdc2903b35e2ecb186cc39c6113d54c0ef5a9c1ca8f376d9321a4fb06
 */
#pragma once

/* Memory map 'soc' (DESIGN section 4). */

/* RAM: code, data, stack; reset vector at its base */
#define SOC_RAM_BASE       0x80000000u
#define SOC_RAM_SIZE       0x00010000u

/* UART */
#define SOC_UART_BASE      0x10000000u
#define SOC_UART_SIZE      0x00001000u

/* timer (mtime/mtimecmp) */
#define SOC_TIMER_BASE     0x10001000u
#define SOC_TIMER_SIZE     0x00001000u

/* simulation control: putchar, exit code */
#define SOC_SIM_CTRL_BASE  0x10002000u
#define SOC_SIM_CTRL_SIZE  0x00001000u

/* result framer: RESULT frames from the accelerator to the UART */
#define SOC_FRAMER_BASE    0x10003000u
#define SOC_FRAMER_SIZE    0x00001000u

/* accelerator: registers, descriptor, parameter and weight windows (decoded exactly; other offsets give a bus error) */
#define SOC_ACCEL_BASE     0x20000000u
#define SOC_ACCEL_SIZE     0x00020000u

/* ADC capture and test-pulse generator */
#define SOC_ADC_BASE       0x30000000u
#define SOC_ADC_SIZE       0x00010000u

/* Ethernet/UDP */
#define SOC_ETH_BASE       0x40000000u
#define SOC_ETH_SIZE       0x00010000u
