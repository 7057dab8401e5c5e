#ifndef TRADEDASH_CNCURSES_SHIM_H
#define TRADEDASH_CNCURSES_SHIM_H

/*
 * The only C header of ncurses the project sees. SwiftPM drops pkg-config's -D flags, so the
 * wide-character API has to be switched on here, before the include.
 *
 * Swift cannot import macros that are expressions (COLOR_PAIR, A_*, BUTTONn_*, KEY_F(n)) nor read
 * the C globals (stdscr, curscr, LINES, COLS, COLORS, COLOR_PAIRS, stdin/stdout) in Swift 6 mode:
 * they are exposed below as static inline functions, all prefixed tdsh_.
 */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <stdio.h>
#include <wchar.h>
#include <sys/ioctl.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Globals. */
static inline WINDOW *tdsh_stdscr(void) { return stdscr; }
static inline WINDOW *tdsh_curscr(void) { return curscr; }
static inline int tdsh_lines(void) { return LINES; }
static inline int tdsh_cols(void) { return COLS; }
static inline int tdsh_colors(void) { return COLORS; }
static inline int tdsh_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *tdsh_stdout(void) { return stdout; }
static inline FILE *tdsh_stdin(void) { return stdin; }

/* Frees the TERMINAL that a probing setupterm() made current (before newterm makes its own). */
static inline void tdsh_del_cur_term(void) {
    if (cur_term != NULL) del_curterm(cur_term);
}

/* tigetstr() answers NULL (absent) or (char *)-1 (not a string capability): both mean "none". */
static inline const char *tdsh_tigetstr(const char *name) {
    char *s = tigetstr(name);
    return (s == NULL || s == (char *)-1) ? NULL : s;
}

/* Columns a wide character takes in the current locale (-1: not printable). Declared here because
   the C library's header hides it without _XOPEN_SOURCE. */
extern int wcwidth(wchar_t c);
static inline int tdsh_wcwidth(wchar_t c) { return wcwidth(c); }

/* Attributes (the same bits serve attr_t for setcchar). */
static inline attr_t tdsh_a_normal(void) { return A_NORMAL; }
static inline attr_t tdsh_a_bold(void) { return A_BOLD; }
static inline attr_t tdsh_a_dim(void) { return A_DIM; }
static inline attr_t tdsh_a_reverse(void) { return A_REVERSE; }
static inline attr_t tdsh_a_underline(void) { return A_UNDERLINE; }
static inline attr_t tdsh_a_color(void) { return A_COLOR; }
static inline attr_t tdsh_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }

/* Keys. */
static inline int tdsh_key_f(int n) { return KEY_F(n); }

/* Mouse. */
static inline mmask_t tdsh_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t tdsh_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t tdsh_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t tdsh_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t tdsh_button5_pressed(void) { return BUTTON5_PRESSED; }

/* getmaxyx as two out-parameters. */
static inline void tdsh_getmaxyx(const WINDOW *w, int *y, int *x) {
    int yy, xx;
    getmaxyx(w, yy, xx);
    *y = yy;
    *x = xx;
}

/* The size the kernel knows for the terminal on fd (TIOCGWINSZ); 0 on success, -1 when unknown. */
static inline int tdsh_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/* Bytes waiting to be read on fd (FIONREAD); -1 when unknown. */
static inline int tdsh_bytes_available(int fd) {
    int n = 0;
    return ioctl(fd, FIONREAD, &n) == 0 ? n : -1;
}

#endif
