#ifndef CSERVEPTY_H
#define CSERVEPTY_H
#include <sys/types.h>
#include <stddef.h>

/// A new pseudo-terminal (posix_openpt, grantpt, unlockpt) of rows x cols: its master in *master
/// (close-on-exec) and its slave's path in slave_name. Returns 0, or -1 with errno set.
int serve_open_pty(int *master, char *slave_name, size_t length, unsigned short rows, unsigned short cols);

/// Sets the window size of the terminal whose master (or slave) is fd; its foreground process
/// group gets SIGWINCH. Returns 0, or -1 with errno set.
int serve_set_window_size(int fd, unsigned short rows, unsigned short cols);

/// fork + exec of path with argv and envp (NULL-terminated): in the child, every signal back to
/// its default and unblocked, a new session (setsid), in/out/err as fds 0, 1 and 2, with `in` as
/// the controlling terminal when control_tty is non-zero, every other descriptor closed.
/// Returns the child's pid, or -1 with errno set. The child exits 127 when exec fails.
pid_t serve_spawn(const char *path, char *const argv[], char *const envp[], int in, int out, int err, int control_tty);

/// pipe2 with O_CLOEXEC. Returns 0, or -1 with errno set.
int serve_pipe(int fds[2]);

#endif
