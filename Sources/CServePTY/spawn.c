#define _GNU_SOURCE
#include "CServePTY.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

int serve_open_pty(int *master, char *slave_name, size_t length, unsigned short rows, unsigned short cols) {
    int m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (m < 0) return -1;
    if (grantpt(m) != 0 || unlockpt(m) != 0 || ptsname_r(m, slave_name, length) != 0) {
        int e = errno;
        close(m);
        errno = e;
        return -1;
    }
    if (rows > 0 && cols > 0) serve_set_window_size(m, rows, cols);
    *master = m;
    return 0;
}

int serve_set_window_size(int fd, unsigned short rows, unsigned short cols) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_row = rows;
    ws.ws_col = cols;
    return ioctl(fd, TIOCSWINSZ, &ws);
}

pid_t serve_spawn(const char *path, char *const argv[], char *const envp[], int in, int out, int err, int control_tty) {
    // No signal handler of the server may run in the child between fork and exec.
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pid_t pid = fork();
    if (pid == 0) {
        // Only async-signal-safe calls from here to exec.
        struct sigaction dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        for (int s = 1; s < NSIG; s++) sigaction(s, &dfl, NULL);  // SIGPIPE is ignored in the server
        // SIGUSR1 (reload) stays blocked through exec: one sent before the dashboard has its
        // handler (a data file that changes while a session starts) would otherwise kill it at
        // its default action. It waits, pending, and the dashboard unblocks it once it handles it.
        sigset_t reload;
        sigemptyset(&reload);
        sigaddset(&reload, SIGUSR1);
        sigprocmask(SIG_SETMASK, &reload, NULL);
        if (setsid() < 0) _exit(126);
        if (control_tty && ioctl(in, TIOCSCTTY, 0) < 0) _exit(126);
        if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) _exit(126);
#ifdef SYS_close_range
        if (syscall(SYS_close_range, 3U, ~0U, 0U) != 0)
#endif
        {
            for (int fd = 3; fd < 65536; fd++) close(fd);
        }
        execve(path, argv, envp);
        _exit(127);
    }
    int saved = errno;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    errno = saved;
    return pid;
}

int serve_pipe(int fds[2]) { return pipe2(fds, O_CLOEXEC); }
