// The window on small and large screens: the first geometry fits (1366x768 up), the window's
// minimum size fits a 1366x768 screen, every dock shrinks, the default proportions give the
// code panes room, View > Reset layout brings the default back, and a geometry saved on a larger
// screen comes back inside this one.
#include <QDockWidget>
#include <QScreen>
#include <QSettings>
#include <QTest>

#include "CodeView.h"
#include "CodeViewSet.h"
#include "KernelEditor.h"
#include "MainWindow.h"
#include "ProblemsView.h"
#include "RunPanel.h"
#include "WidgetTestSupport.h"

using namespace lomaw;
using namespace lomaw::gui;

class LayoutTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void firstGeometryFitsScreens();
    void restoredGeometryIsClamped();
    void windowFitsSmallScreen();
    void everyDockShrinks();
    void defaultProportionsAt1366x768();
    void resetLayoutRestoresDefault();
};

namespace {
// A 1366x768 screen's window with the particles example (structs, several functions) analysed.
void showWithParticles(MainWindow& w) {
    w.resize(1350, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/particles.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
}
}  // namespace

void LayoutTest::init() {
    QSettings().remove("windowState");
    QSettings().remove("geometry");
}

void LayoutTest::firstGeometryFitsScreens() {
    // Available areas of common screens (a 32 px panel on some).
    for (const QRect& avail : {QRect(0, 0, 1366, 768), QRect(0, 0, 1366, 736), QRect(0, 0, 1600, 900), QRect(0, 0, 1920, 1080),
                               QRect(1920, 0, 1280, 1024)}) {
        const QRect g = MainWindow::initialGeometry(avail);
        // Inside, with room for the frame (title bar ~30 px, borders).
        QVERIFY2(g.left() >= avail.left() && g.right() + 8 <= avail.right(), qPrintable(QString("%1").arg(avail.width())));
        QVERIFY(g.top() >= avail.top() + 24);
        QVERIFY(g.bottom() + 8 <= avail.bottom());
        // And uses most of a small screen.
        if (avail.width() <= 1600) QVERIFY(g.width() >= avail.width() * 9 / 10);
    }
}

void LayoutTest::restoredGeometryIsClamped() {
    // The case: 1731 px wide, remembered, on a 1600x900 screen.
    const QRect avail(0, 0, 1600, 900);
    const QRect g = MainWindow::clampedGeometry(QRect(-40, 10, 1731, 1000), avail);
    QVERIFY(g.width() <= 1600 - 16);
    QVERIFY(g.height() <= 900 - 48);
    QVERIFY(avail.contains(g));
    // A window left on a second monitor that is gone comes back.
    const QRect back = MainWindow::clampedGeometry(QRect(2500, 300, 900, 600), avail);
    QVERIFY(avail.contains(back));
    QCOMPARE(back.size(), QSize(900, 600));
    // A geometry that fits stays where it was.
    QCOMPARE(MainWindow::clampedGeometry(QRect(100, 80, 1200, 700), avail), QRect(100, 80, 1200, 700));

    // Through QSettings: a huge saved window comes back inside this (offscreen) screen.
    {
        MainWindow big;
        big.setGeometry(0, 0, 3000, 2000);
        big.show();
        QVERIFY(QTest::qWaitForWindowExposed(&big));
        big.close();
    }
    MainWindow w;
    const QRect screen = w.screen()->availableGeometry();
    // (The offscreen screen is 800x600, smaller than the window's minimum: at most that.)
    const QSize min = w.minimumSizeHint();
    QVERIFY2(w.geometry().width() <= std::max(screen.width(), min.width()) &&
                 w.geometry().height() <= std::max(screen.height(), min.height()) && w.width() < 3000,
             qPrintable(QString("%1x%2 on %3x%4").arg(w.width()).arg(w.height()).arg(screen.width()).arg(screen.height())));
}

void LayoutTest::windowFitsSmallScreen() {
    MainWindow w;
    showWithParticles(w);
    if (QTest::currentTestFailed()) return;
    // Nothing forces the window beyond a 1366x768 screen (today: 1731 px).
    const QSize min = w.minimumSizeHint().expandedTo(w.minimumSize());
    QVERIFY2(min.width() <= 1350 && min.height() <= 720, qPrintable(QString("%1x%2").arg(min.width()).arg(min.height())));
    QCOMPARE(w.size(), QSize(1350, 720));
}

void LayoutTest::everyDockShrinks() {
    MainWindow w;
    showWithParticles(w);
    if (QTest::currentTestFailed()) return;
    for (QDockWidget* d : w.findChildren<QDockWidget*>()) {
        const QSize min = d->minimumSizeHint().expandedTo(d->minimumSize());
        QVERIFY2(min.height() <= 140 && min.width() <= 360,
                 qPrintable(QString("%1: %2x%3").arg(d->objectName()).arg(min.width()).arg(min.height())));
    }
    // The bottom dock really goes down to a small height.
    QDockWidget* problems = w.dockFor(w.problems());
    w.resizeDocks({problems}, {60}, Qt::Vertical);
    QTest::qWait(20);
    QVERIFY2(problems->height() <= 120, qPrintable(QString::number(problems->height())));
}

void LayoutTest::defaultProportionsAt1366x768() {
    MainWindow w;
    w.setGeometry(MainWindow::initialGeometry(QRect(0, 0, 1366, 768)));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.openFile(QString(LOMAW_EXAMPLES) + "/polynomial.py"));
    QVERIFY(widgettest::waitForAnalysis(w));
    QTest::qWait(50);
    CodeView* c = w.codeViews()->view(Stage::C);
    // The editor and the C pane share the width; the code panes have most of the height.
    QVERIFY2(w.editor()->width() >= w.width() * 35 / 100, qPrintable(QString::number(w.editor()->width())));
    QVERIFY2(c->width() >= w.width() * 35 / 100, qPrintable(QString::number(c->width())));
    QVERIFY2(c->height() >= w.height() * 60 / 100, qPrintable(QString::number(c->height())));
    // The problems list (empty) takes under a third of the height, the editor over half.
    QVERIFY2(w.dockFor(w.problems())->height() <= w.height() * 34 / 100, qPrintable(QString::number(w.dockFor(w.problems())->height())));
    QVERIFY2(w.editor()->height() >= w.height() * 45 / 100, qPrintable(QString::number(w.editor()->height())));
    // Lines visible in a code pane (the issue: about three).
    const int lines = int(c->textView()->SendScintilla(QsciScintillaBase::SCI_LINESONSCREEN));
    QVERIFY2(lines >= 25, qPrintable(QString::number(lines)));
}

void LayoutTest::resetLayoutRestoresDefault() {
    MainWindow w;
    w.resize(1350, 720);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::qWait(50);
    CodeView* c = w.codeViews()->view(Stage::C);
    const QRect before = c->geometry();
    // Float one dock, close another, move a third.
    w.dockFor(c)->setFloating(true);
    w.dockFor(w.problems())->close();
    w.addDockWidget(Qt::LeftDockWidgetArea, w.dockFor(w.runPanel()));
    QVERIFY(w.action("actionResetLayout"));
    w.action("actionResetLayout")->trigger();
    QTest::qWait(50);
    QVERIFY(!w.dockFor(c)->isFloating());
    QVERIFY(w.dockFor(w.problems())->isVisible());
    QCOMPARE(w.dockWidgetArea(w.dockFor(w.runPanel())), Qt::BottomDockWidgetArea);
    QCOMPARE(w.dockWidgetArea(w.dockFor(c)), Qt::RightDockWidgetArea);
    QVERIFY2(std::abs(c->width() - before.width()) <= 40, qPrintable(QString("%1 vs %2").arg(c->width()).arg(before.width())));
}

namespace widgettest {
std::unique_ptr<QObject> makeLayoutTest() { return std::make_unique<LayoutTest>(); }
}

#include "test_layout.moc"
