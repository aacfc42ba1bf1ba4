/* board.h: the little of the mps2-an385 board (QEMU's Cortex-M3 MPS2) that
 * the demo uses: UART0 for text, ARM semihosting to stop the emulator with
 * an exit status. */
#ifndef BOARD_H
#define BOARD_H

#include <stddef.h>

/* Enables UART0's transmitter. */
void board_init(void);

/* Writes the NUL-terminated string `s` to UART0. */
void board_puts(const char *s);

/* Writes a message to the host's debug console through semihosting
 * (QEMU prints it on its own stderr, apart from the UART output). */
void board_debug(const char *s);

/* Stops the emulator; QEMU exits with `status`. Never returns. */
void board_exit(int status);

/* What the startup code fills the unused stack with. */
#define BOARD_STACK_FILL 0x5a5aa5a5u

/* Bytes of stack used so far (the startup code fills the stack with a
 * pattern before main; this finds the deepest word overwritten). */
size_t board_stack_used(void);

/* Bytes of RAM reserved for the stack. */
size_t board_stack_size(void);

#endif
