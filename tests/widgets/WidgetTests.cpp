#include "WidgetTests.h"

namespace widgettest {

std::unique_ptr<QObject> makeEditorTest();
std::unique_ptr<QObject> makeCodeViewTest();
std::unique_ptr<QObject> makeRunTest();
std::unique_ptr<QObject> makeFileTest();
std::unique_ptr<QObject> makePlotTest();
std::unique_ptr<QObject> makeScreenshotTest();
std::unique_ptr<QObject> makeContourTest();
std::unique_ptr<QObject> makeTimingTest();
std::unique_ptr<QObject> makeBatchTest();
std::unique_ptr<QObject> makeOptimizeTest();
std::unique_ptr<QObject> makeSweepTest();

std::vector<std::pair<const char*, TestFactory>> allTests() {
    return {{"EditorTest", makeEditorTest},   {"CodeViewTest", makeCodeViewTest},
            {"RunTest", makeRunTest},         {"FileTest", makeFileTest},
            {"PlotTest", makePlotTest},       {"ScreenshotTest", makeScreenshotTest},
            {"ContourTest", makeContourTest}, {"TimingTest", makeTimingTest},
            {"BatchTest", makeBatchTest},     {"OptimizeTest", makeOptimizeTest},
            {"SweepTest", makeSweepTest}};
}

}  // namespace widgettest
