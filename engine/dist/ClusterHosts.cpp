// Where a job's processes go (MpiLauncher.h): which hosts are this machine, the hostfile mpirun
// gets (the driver's slot on the launching machine), batch-scheduler allocations.
#include <arpa/inet.h>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <ifaddrs.h>
#include <netdb.h>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <utility>

#include "dist/MpiLauncher.h"

namespace lomaw::dist {

namespace {

std::string hostName() {
    char name[256] = {0};
    gethostname(name, sizeof name - 1);
    return name;
}

// Addresses of this machine's interfaces, as text.
std::set<std::string> interfaceAddresses() {
    std::set<std::string> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    for (ifaddrs* a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr) continue;
        char text[INET6_ADDRSTRLEN] = {0};
        if (a->ifa_addr->sa_family == AF_INET) {
            inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr, text, sizeof text);
        } else if (a->ifa_addr->sa_family == AF_INET6) {
            inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(a->ifa_addr)->sin6_addr, text, sizeof text);
        } else {
            continue;
        }
        out.insert(text);
    }
    freeifaddrs(list);
    return out;
}

// Physical cores (Open MPI's default slot count for a hostfile line without slots=).
int coreCount() {
    std::set<std::pair<std::string, std::string>> cores;
    for (unsigned cpu = 0; cpu < 4096; ++cpu) {
        std::string base = "/sys/devices/system/cpu/cpu" + std::to_string(cpu) + "/topology/";
        std::ifstream core(base + "core_id"), package(base + "physical_package_id");
        std::string c, p;
        if (!(core >> c)) break;
        package >> p;
        cores.insert({p, c});
    }
    if (!cores.empty()) return static_cast<int>(cores.size());
    unsigned n = std::thread::hardware_concurrency();
    return n ? static_cast<int>(n) : 1;
}

struct HostLine {
    std::string host;
    std::string text;   // the line as written (comment removed)
    int slots = -1;     // -1: not given
    int maxSlots = -1;
};

bool parseCount(const std::string& word, const char* key, int& out) {
    size_t n = std::strlen(key);
    if (word.compare(0, n, key) != 0) return false;
    out = std::atoi(word.c_str() + n);
    return true;
}

HostLine parseLine(const std::string& line) {
    HostLine h;
    h.text = line.substr(0, line.find('#'));
    std::istringstream words(h.text);
    words >> h.host;
    if (size_t at = h.host.find('@'); at != std::string::npos) h.host = h.host.substr(at + 1);  // user@host
    for (std::string w; words >> w;) {
        if (!parseCount(w, "slots=", h.slots) && !parseCount(w, "count=", h.slots) && !parseCount(w, "cpu=", h.slots))
            if (!parseCount(w, "max_slots=", h.maxSlots)) parseCount(w, "max-slots=", h.maxSlots);
    }
    return h;
}

}  // namespace

bool isThisMachine(const std::string& host) {
    std::string name = hostName();
    std::string shortName = name.substr(0, name.find('.'));
    if (host == "localhost" || host.rfind("127.", 0) == 0 || host == "::1" || host == name || host == shortName)
        return true;
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0) return false;
    std::set<std::string> mine = interfaceAddresses();
    bool local = false;
    for (addrinfo* a = found; a && !local; a = a->ai_next) {
        char text[INET6_ADDRSTRLEN] = {0};
        if (a->ai_family == AF_INET) {
            inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ai_addr)->sin_addr, text, sizeof text);
        } else if (a->ai_family == AF_INET6) {
            inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(a->ai_addr)->sin6_addr, text, sizeof text);
        }
        local = mine.count(text) > 0;
    }
    freeaddrinfo(found);
    return local;
}

std::string launchHostfile(const std::string& userHostfile, std::string& error) {
    std::ifstream in(userHostfile);
    if (!in) {
        error = "cannot read hostfile " + userHostfile + ": " + std::strerror(errno);
        return "";
    }
    std::string others;
    int slots = 0, maxSlots = 0;
    bool named = false, anyMax = false;
    for (std::string line; std::getline(in, line);) {
        HostLine h = parseLine(line);
        if (h.host.empty()) continue;
        if (!isThisMachine(h.host)) {
            others += h.text + "\n";
            continue;
        }
        named = true;
        slots += h.slots >= 0 ? h.slots : h.maxSlots >= 0 ? h.maxSlots : coreCount();
        if (h.maxSlots >= 0) {
            anyMax = true;
            maxSlots += h.maxSlots;
        }
    }
    std::string first = hostName() + " slots=" + std::to_string(named ? slots + 1 : 1);
    if (anyMax) first += " max_slots=" + std::to_string(maxSlots + 1);
    return "# written by lomaw: this machine first, with one slot for the MPI driver\n" + first + "\n" + others;
}

int hostfileWorkerSlots(const std::string& userHostfile) {
    std::ifstream in(userHostfile);
    if (!in) return -1;
    int total = 0;
    for (std::string line; std::getline(in, line);) {
        HostLine h = parseLine(line);
        if (h.host.empty()) continue;
        if (h.maxSlots >= 0) return -1;  // a limit for oversubscription: Open MPI decides
        int slots = h.slots >= 0 ? h.slots : isThisMachine(h.host) ? coreCount() : -1;
        if (slots < 0) return -1;  // the node's core count: known to Open MPI only
        total += slots;
    }
    return total;
}

bool insideAllocation() {
    for (const char* var : {"SLURM_JOB_ID", "SLURM_JOBID", "PBS_JOBID", "PBS_ENVIRONMENT", "LSB_JOBID"})
        if (const char* v = std::getenv(var); v && *v) return true;
    return false;
}

}  // namespace lomaw::dist
