/* runstat.c — runs a command and reports what it cost, for bench/desk.sh: wall time, CPU time
 * (user + system) and peak resident memory of the child, to the microsecond from wait4()'s
 * rusage (GNU time prints CPU time in hundredths, too coarse for a 10 ms command). Usage:
 * runstat OUTFILE CMD [ARG…]; writes "wall_us cpu_us maxrss_kb" to OUTFILE and exits with the
 * command's status. */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long usec(struct timeval tv)
{
    return (long long)tv.tv_sec * 1000000 + tv.tv_usec;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: runstat OUTFILE CMD [ARG...]\n");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("runstat: fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror("runstat: exec");
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("runstat: wait4");
        return 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long long wall = (t1.tv_sec - t0.tv_sec) * 1000000LL + (t1.tv_nsec - t0.tv_nsec) / 1000;
    FILE *f = fopen(argv[1], "w");
    if (!f) {
        perror("runstat: output");
        return 2;
    }
    fprintf(f, "%lld %lld %ld\n", wall, usec(ru.ru_utime) + usec(ru.ru_stime), ru.ru_maxrss);
    fclose(f);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
