/*
 * berth-init: PID 1 of application containers (as tini, docker-init and
 * LXC's init.lxc). It runs one command, forwards signals to it, reaps every
 * zombie that lands on it, and when the command ends, stops what is left and
 * exits with the command's status.
 *
 * Linked statically and bind-mounted into containers, so it must not depend
 * on the container's libraries. Plain C with no allocation after start.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* How long the others get between SIGTERM and SIGKILL once the command ended. */
#define GRACE_SECONDS 2

struct command {
    pid_t pid;
    int status;
    int exited;
};

/* Everything catchable except faults: a blocked SIGSEGV would hang, not crash. */
static void catchableSignals(sigset_t *set)
{
    static const int faults[] = {SIGFPE, SIGILL, SIGSEGV, SIGBUS, SIGABRT, SIGTRAP, SIGSYS};
    sigfillset(set);
    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; ++i)
        sigdelset(set, faults[i]);
}

/* The command leads its own session so job control and a terminal work for it. */
static void takeTerminal(void)
{
    if (setsid() < 0 || !isatty(STDIN_FILENO))
        return;
    /* Best effort: a terminal owned by another session stays plain I/O. */
    if (ioctl(STDIN_FILENO, TIOCSCTTY, 0) == 0)
        tcsetpgrp(STDIN_FILENO, getpid());
}

/* The engine makes the console PID 1's controlling terminal, and a terminal
   belongs to one session: give it up so the command's session can take it.
   The kernel sends SIGHUP and SIGCONT to our own group as we let go. */
static void releaseTerminal(void)
{
    if (getsid(0) != getpid() || !isatty(STDIN_FILENO))
        return;
    signal(SIGHUP, SIG_IGN);
    signal(SIGCONT, SIG_IGN);
    /* Ignored only when not blocked: blocked, they would wait for us. */
    sigset_t hangup;
    sigemptyset(&hangup);
    sigaddset(&hangup, SIGHUP);
    sigaddset(&hangup, SIGCONT);
    sigprocmask(SIG_UNBLOCK, &hangup, NULL);
    ioctl(STDIN_FILENO, TIOCNOTTY);
    signal(SIGHUP, SIG_DFL);
    signal(SIGCONT, SIG_DFL);
}

static void runCommand(char **argv)
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    takeTerminal();
    execvp(argv[0], argv);
    const int err = errno;
    dprintf(STDERR_FILENO, "berth-init: cannot run '%s': %s\n", argv[0], strerror(err));
    /* As shells do: 127 when not found, 126 when found but not runnable. */
    _exit(err == ENOENT || err == ENOTDIR ? 127 : 126);
}

static void reapZombies(struct command *cmd)
{
    for (;;) {
        int status = 0;
        const pid_t pid = waitpid(-1, &status, WNOHANG);
        if (pid <= 0)
            return;
        if (pid == cmd->pid) {
            cmd->status = status;
            cmd->exited = 1;
        }
    }
}

static void forwardSignal(const struct command *cmd, int sig)
{
    /* SIGPWR and SIGRTMIN+3 are the engine's halt requests (busybox init and
       systemd conventions); a plain command understands SIGTERM. */
    if (sig == SIGPWR || sig == SIGRTMIN + 3)
        sig = SIGTERM;
    kill(cmd->pid, sig);
}

static void unused(int sig)
{
    (void)sig;
}

/* The handler never runs (the signals stay blocked and sigwaitinfo takes
   them), but while we wait in sigwaitinfo /proc shows them as caught (no
   longer as blocked), which the engine's halt looks for while we start. */
static void showCaught(const sigset_t *caught)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = unused;
    for (int sig = 1; sig < NSIG; ++sig)
        if (sig != SIGKILL && sig != SIGSTOP && sigismember(caught, sig) == 1)
            sigaction(sig, &action, NULL);
}

static void superviseCommand(struct command *cmd, const sigset_t *caught)
{
    while (!cmd->exited) {
        siginfo_t info;
        const int sig = sigwaitinfo(caught, &info);
        if (sig < 0)
            continue;
        if (sig == SIGCHLD)
            reapZombies(cmd);
        else
            forwardSignal(cmd, sig);
    }
}

/* As PID 1 of a namespace, kill(-1) reaches every other process in it.
   Anywhere else it would reach the whole host: only the command's group then. */
static void signalOthers(const struct command *cmd, int sig)
{
    if (getpid() == 1)
        kill(-1, sig);
    else
        kill(-cmd->pid, sig);
}

static int haveChildren(void)
{
    siginfo_t info;
    return waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) == 0;
}

static double secondsSince(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Waits up to the grace period for the children to exit after SIGTERM. */
static void waitForChildren(struct command *cmd, const sigset_t *caught)
{
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        reapZombies(cmd);
        const double left = GRACE_SECONDS - secondsSince(&start);
        if (!haveChildren() || left <= 0)
            return;
        struct timespec timeout = {(time_t)left, (long)((left - (double)(time_t)left) * 1e9)};
        siginfo_t info;
        sigtimedwait(caught, &info, &timeout);
    }
}

static void stopOthers(struct command *cmd, const sigset_t *caught)
{
    signalOthers(cmd, SIGTERM);
    waitForChildren(cmd, caught);
    if (!haveChildren())
        return;
    signalOthers(cmd, SIGKILL);
    while (waitpid(-1, NULL, 0) > 0 || errno == EINTR) {
    }
}

static int shellStatus(int status)
{
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
    int first = 1;
    if (first < argc && strcmp(argv[first], "--") == 0)
        ++first;
    if (first >= argc) {
        dprintf(STDERR_FILENO, "usage: berth-init [--] CMD [ARGS...]\n");
        return 2;
    }
    releaseTerminal();
    /* The engine starts us with every signal blocked (so that none sent
       before this line is lost: a namespace's init drops signals it has no
       handler for); keep those we wait for, let faults crash. */
    sigset_t caught;
    catchableSignals(&caught);
    sigprocmask(SIG_SETMASK, &caught, NULL);

    struct command cmd = {0, 0, 0};
    cmd.pid = fork();
    if (cmd.pid < 0) {
        dprintf(STDERR_FILENO, "berth-init: fork: %s\n", strerror(errno));
        return 1;
    }
    if (cmd.pid == 0)
        runCommand(argv + first);
    showCaught(&caught);
    superviseCommand(&cmd, &caught);
    stopOthers(&cmd, &caught);
    return shellStatus(cmd.status);
}
