// Runs one widget test class: `test_widgets CLASS [QTest options]` (ctest runs each class as
// its own entry), or every class when no name is given.
#include <QApplication>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>

#include "Resources.h"
#include "WidgetTestSupport.h"
#include "WidgetTests.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("lomaworks-tests");
    QApplication::setApplicationName("lomaworks-tests");
    lomaw::gui::initResources();
    QTemporaryDir state;
    widgettest::isolateUserState(state.path());

    const auto tests = widgettest::allTests();
    const char* only = argc > 1 && argv[1][0] != '-' ? argv[1] : nullptr;
    int status = 0;
    bool ran = false;
    for (const auto& [name, make] : tests) {
        if (only && std::strcmp(only, name) != 0) continue;
        ran = true;
        auto test = make();
        // QTest sees the program name plus the options after the class name.
        std::vector<char*> args{argv[0]};
        for (int i = only ? 2 : 1; i < argc; ++i) args.push_back(argv[i]);
        status |= QTest::qExec(test.get(), int(args.size()), args.data());
    }
    if (!ran) {
        std::fprintf(stderr, "test_widgets: no test class named %s\n", only);
        return 2;
    }
    return status;
}
