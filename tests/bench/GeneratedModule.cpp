#include "GeneratedModule.h"

namespace lomaw::bench {

namespace {

// One function of 38 lines; `k` makes names unique and chains calls to the previous function.
std::string function(int k) {
    std::string n = std::to_string(k);
    std::string s;
    s += "def f" + n + "(x : In[float], a : In[Array[float]], n : In[int], p : In[Pt]) -> float:\n";
    s += "    acc : float = 0.0\n";
    s += "    t : float = x * 2.0 + p.x\n";
    s += "    i : int = 0\n";
    s += "    b : Array[float, 4]\n";
    for (int j = 0; j < 6; ++j) {
        s += "    t = t * 0.5 + sin(x) * cos(t) - " + std::to_string(j) + ".25 / (x * x + 1.0)\n";
        s += "    b[" + std::to_string(j % 4) + "] = t + exp(-t * t) + log(1.0 + t * t)\n";
    }
    s += "    while (i < n, max_iter := 100):\n";
    s += "        acc = acc + a[i] * t\n";
    s += "        if acc > 10.0:\n";
    s += "            acc = acc - 10.0\n";
    s += "        elif acc < -10.0:\n";
    s += "            acc = acc + 10.0\n";
    s += "        else:\n";
    s += "            acc = acc * 1.5\n";
    s += "        i = i + 1\n";
    s += "    for j in range(0, n, 2):\n";
    s += "        acc = acc + pow(a[j], 2.0) + sqrt(b[j - j] * b[1] + 1.0)\n";
    s += "        t = t + float2int(acc) / (j + 1)\n";
    if (k > 0) s += "    acc = acc + f" + std::to_string(k - 1) + "(t, a, n, p)\n";
    else s += "    acc = acc + t\n";
    s += "    return acc + t * b[2] - b[3]\n\n";
    return s;
}

}  // namespace

std::string generatedModule(int lines) {
    std::string s = "class Pt:\n    x : float\n    y : float\n    id : int\n\n";
    int k = 0;
    int count = 5;
    while (count < lines) {
        std::string f = function(k++);
        for (char c : f) count += (c == '\n');
        s += f;
    }
    return s;
}

}  // namespace lomaw::bench
