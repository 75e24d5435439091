// checkHostfile (MpiLauncher.h): fail in seconds with the host's name instead of waiting for
// mpirun's ssh to give up on an unreachable machine.
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <netdb.h>
#include <poll.h>
#include <sstream>
#include <sys/socket.h>
#include <unistd.h>

#include "dist/MpiLauncher.h"

namespace lomaw::dist {

namespace {

// "" when `host` resolves and a TCP connection to host:22 opens within `ms` (ms < 0: no probe).
std::string probe(const std::string& host, int ms) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (int rc = getaddrinfo(host.c_str(), "22", &hints, &found); rc != 0) {
        return "host '" + host + "' cannot be resolved (" + gai_strerror(rc) + ")";
    }
    if (ms < 0) {  // resolution only: a custom launcher agent need not use ssh
        freeaddrinfo(found);
        return "";
    }
    std::string error = "host '" + host + "' is unreachable (no answer on the ssh port)";
    for (addrinfo* a = found; a; a = a->ai_next) {
        int fd = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        int rc = connect(fd, a->ai_addr, a->ai_addrlen);
        if (rc != 0 && errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            if (poll(&p, 1, ms) == 1) {
                int soError = 0;
                socklen_t len = sizeof soError;
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &len);
                rc = soError == 0 ? 0 : -1;
                if (soError) error = "host '" + host + "' is unreachable (ssh port: " + std::strerror(soError) + ")";
            }
        } else if (rc != 0) {
            error = "host '" + host + "' is unreachable (ssh port: " + std::strerror(errno) + ")";
        }
        close(fd);
        if (rc == 0) {
            freeaddrinfo(found);
            return "";
        }
    }
    freeaddrinfo(found);
    return error;
}

}  // namespace

std::string checkHostfile(const std::string& path, bool probeSsh) {
    std::ifstream in(path);
    if (!in) return "cannot read hostfile " + path + ": " + std::strerror(errno);
    std::string line;
    while (std::getline(in, line)) {
        line = line.substr(0, line.find('#'));
        std::istringstream words(line);
        std::string host;
        if (!(words >> host)) continue;
        if (size_t at = host.find('@'); at != std::string::npos) host = host.substr(at + 1);  // user@host
        if (isThisMachine(host)) continue;
        if (std::string e = probe(host, probeSsh ? 2000 : -1); !e.empty()) return "hostfile " + path + ": " + e;
    }
    return "";
}

}  // namespace lomaw::dist
