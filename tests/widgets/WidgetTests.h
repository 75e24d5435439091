// The registry of widget test classes (each defined in its own test_*.cpp).
#pragma once

#include <QObject>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace widgettest {

using TestFactory = std::function<std::unique_ptr<QObject>()>;
std::vector<std::pair<const char*, TestFactory>> allTests();

}  // namespace widgettest
