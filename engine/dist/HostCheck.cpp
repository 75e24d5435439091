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

bool isThisMachine(const std::string& host) {
    char name[256] = {0};
    gethostname(name, sizeof name - 1);
    return host == "localhost" || host.rfind("127.", 0) == 0 || host == "::1" || host == name;
}

// "" when a TCP connection to host:22 opens within `ms`.
std::string probe(const std::string& host, int ms) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (int rc = getaddrinfo(host.c_str(), "22", &hints, &found); rc != 0) {
        return "host '" + host + "' cannot be resolved (" + gai_strerror(rc) + ")";
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

std::string checkHostfile(const std::string& path) {
    std::ifstream in(path);
    if (!in) return "cannot read hostfile " + path + ": " + std::strerror(errno);
    std::string line;
    while (std::getline(in, line)) {
        line = line.substr(0, line.find('#'));
        std::istringstream words(line);
        std::string host;
        if (!(words >> host) || isThisMachine(host)) continue;
        if (std::string e = probe(host, 2000); !e.empty()) return "hostfile " + path + ": " + e;
    }
    return "";
}

}  // namespace lomaw::dist
