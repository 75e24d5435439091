#include "WidgetTests.h"

namespace widgettest {

std::unique_ptr<QObject> makeEditorTest();
std::unique_ptr<QObject> makeCodeViewTest();
std::unique_ptr<QObject> makeRunTest();
std::unique_ptr<QObject> makeFileTest();
std::unique_ptr<QObject> makePlotTest();
std::unique_ptr<QObject> makeScreenshotTest();

std::vector<std::pair<const char*, TestFactory>> allTests() {
    return {{"EditorTest", makeEditorTest},   {"CodeViewTest", makeCodeViewTest},
            {"RunTest", makeRunTest},         {"FileTest", makeFileTest},
            {"PlotTest", makePlotTest},       {"ScreenshotTest", makeScreenshotTest}};
}

}  // namespace widgettest
