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
std::unique_ptr<QObject> makeDiffTest();
std::unique_ptr<QObject> makeLayoutTest();
std::unique_ptr<QObject> makeZoomTest();
std::unique_ptr<QObject> makeHoverTest();
std::unique_ptr<QObject> makeSessionTest();
std::unique_ptr<QObject> makeDefectsTest();
std::unique_ptr<QObject> makeScreenSizeTest();
std::unique_ptr<QObject> makeDescentTest();
std::unique_ptr<QObject> makeDemoTest();
std::unique_ptr<QObject> makeCancelTest();
std::unique_ptr<QObject> makeFortranTest();

std::vector<std::pair<const char*, TestFactory>> allTests() {
    return {{"EditorTest", makeEditorTest},   {"CodeViewTest", makeCodeViewTest},
            {"RunTest", makeRunTest},         {"FileTest", makeFileTest},
            {"PlotTest", makePlotTest},       {"ScreenshotTest", makeScreenshotTest},
            {"ContourTest", makeContourTest}, {"TimingTest", makeTimingTest},
            {"BatchTest", makeBatchTest},     {"OptimizeTest", makeOptimizeTest},
            {"SweepTest", makeSweepTest},
            {"DiffTest", makeDiffTest},       {"LayoutTest", makeLayoutTest},
            {"ZoomTest", makeZoomTest},       {"HoverTest", makeHoverTest},
            {"SessionTest", makeSessionTest}, {"DefectsTest", makeDefectsTest},
            {"ScreenSizeTest", makeScreenSizeTest},     {"DescentTest", makeDescentTest},
            {"DemoTest", makeDemoTest},
            {"CancelTest", makeCancelTest},
            {"FortranTest", makeFortranTest}};
}

}  // namespace widgettest
