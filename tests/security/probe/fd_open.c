/* berth-fd-open: opens PATH in a way a shell cannot (O_PATH, a directory)
 * as descriptor FD, then runs PROGRAM with it, so a test can hand the
 * helper descriptors an attacker would choose (through gdbus's 'handle FD').
 *
 *   berth-fd-open FD path|dir|read|write PATH -- PROGRAM [ARG...] */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int flagsFor(const char* mode)
{
    if (strcmp(mode, "path") == 0)
        return O_PATH;
    if (strcmp(mode, "dir") == 0)
        return O_RDONLY | O_DIRECTORY;
    if (strcmp(mode, "read") == 0)
        return O_RDONLY;
    if (strcmp(mode, "write") == 0)
        return O_WRONLY;
    return -1;
}

int main(int argc, char** argv)
{
    if (argc < 6 || strcmp(argv[4], "--") != 0 || flagsFor(argv[2]) < 0) {
        fprintf(stderr, "usage: berth-fd-open FD path|dir|read|write PATH -- PROGRAM [ARG...]\n");
        return 2;
    }
    const int wanted = atoi(argv[1]);
    const int fd = open(argv[3], flagsFor(argv[2]));
    if (fd < 0) {
        perror(argv[3]);
        return 1;
    }
    if (fd != wanted && (dup2(fd, wanted) < 0 || close(fd) != 0)) {
        perror("dup2");
        return 1;
    }
    execvp(argv[5], argv + 5);
    perror(argv[5]);
    return 127;
}
