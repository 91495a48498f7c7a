/* httpprobe.c — test tool: misbehaving HTTP clients for the server's security tests, which curl
 * cannot play. Usage:
 *   httpprobe slow HOST:PORT MAXSEC   send a request one byte a second; exit 0 when the server
 *                                     cuts the connection within MAXSEC seconds (prints when)
 *   httpprobe flood HOST:PORT N SEC   N connections at once, each asking GET /api/v1/health;
 *                                     prints "answered=A refused=R hung=H" after at most SEC
 *                                     seconds (refused: closed or reset without an answer)
 *   httpprobe hold HOST:PORT N SEC    N connections that send nothing, held SEC seconds;
 *                                     prints "held=H cut=C" (C: closed by the server) */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static struct sockaddr_in addr;
static char host[128];

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int parse_addr(const char *hp)
{
    snprintf(host, sizeof host, "%s", hp);
    char *colon = strrchr(host, ':');
    if (!colon) return -1;
    *colon = '\0';
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)strtol(colon + 1, NULL, 10));
    if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) return -1;
    *colon = ':';
    return 0;
}

static int connect_one(int nonblock)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    if (nonblock) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0 && errno != EINPROGRESS) {
        close(fd);
        return -1;
    }
    return fd;
}

static int slow(int maxsec)
{
    int fd = connect_one(0);
    if (fd < 0) return 2;
    char head[256];
    int n =
        snprintf(head, sizeof head, "GET /api/v1/health HTTP/1.1\r\nHost: %s\r\nX-Slow: ", host);
    if (write(fd, head, (size_t)n) != n) return 2;
    struct timeval tv = {1, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    double start = now();
    while (now() - start < maxsec) {
        if (send(fd, "x", 1, MSG_NOSIGNAL) != 1) break;
        char buf[512];
        ssize_t r = recv(fd, buf, sizeof buf, 0);
        if (r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) break;
        if (r > 0) break; /* an answer (a 4xx for the slow header) also ends it */
    }
    double took = now() - start;
    close(fd);
    printf("cut after %.1f s\n", took);
    return took < maxsec ? 0 : 1;
}

static int flood(int n, int sec)
{
    struct pollfd *p = calloc((size_t)n, sizeof *p);
    int *state = calloc((size_t)n, sizeof *state); /* 0 open, 1 answered, 2 refused */
    char req[256];
    int len =
        snprintf(req, sizeof req,
                 "GET /api/v1/health HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", host);
    int refused = 0, answered = 0;
    for (int i = 0; i < n; i++) {
        p[i].fd = connect_one(1);
        p[i].events = POLLOUT;
        if (p[i].fd < 0) {
            state[i] = 2;
            refused++;
        }
    }
    double start = now();
    int left = n - refused;
    while (left > 0 && now() - start < sec) {
        if (poll(p, (nfds_t)n, 200) < 0) break;
        for (int i = 0; i < n; i++) {
            if (state[i] || !p[i].revents) continue;
            if (p[i].events == POLLOUT && (p[i].revents & POLLOUT)) {
                if (send(p[i].fd, req, (size_t)len, MSG_NOSIGNAL) != len) {
                    state[i] = 2;
                } else {
                    p[i].events = POLLIN;
                    continue;
                }
            } else {
                char buf[64];
                ssize_t r = recv(p[i].fd, buf, sizeof buf, 0);
                state[i] = r >= 12 && memcmp(buf, "HTTP/1.1 200", 12) == 0 ? 1 : 2;
            }
            if (state[i] == 1)
                answered++;
            else
                refused++;
            close(p[i].fd);
            p[i].fd = -1;
            left--;
        }
    }
    printf("answered=%d refused=%d hung=%d\n", answered, refused, left);
    return 0;
}

static int hold(int n, int sec)
{
    int *fd = calloc((size_t)n, sizeof *fd);
    int held = 0, cut = 0;
    for (int i = 0; i < n; i++) {
        fd[i] = connect_one(0);
        if (fd[i] >= 0) {
            held++;
            fcntl(fd[i], F_SETFL, fcntl(fd[i], F_GETFL) | O_NONBLOCK);
        }
    }
    sleep((unsigned)sec);
    for (int i = 0; i < n; i++) {
        if (fd[i] < 0) continue;
        char buf[16];
        ssize_t r = recv(fd[i], buf, sizeof buf, 0);
        if (r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) cut++;
        close(fd[i]);
    }
    printf("held=%d cut=%d\n", held, cut);
    return 0;
}

static int num(const char *s)
{
    return (int)strtol(s, NULL, 10);
}

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    if (argc < 4 || parse_addr(argv[2]) != 0) {
        fprintf(stderr, "usage: httpprobe slow|flood|hold HOST:PORT ARGS\n");
        return 2;
    }
    if (strcmp(argv[1], "slow") == 0) return slow(num(argv[3]));
    if (argc < 5) return 2;
    if (strcmp(argv[1], "flood") == 0) return flood(num(argv[3]), num(argv[4]));
    if (strcmp(argv[1], "hold") == 0) return hold(num(argv[3]), num(argv[4]));
    return 2;
}
