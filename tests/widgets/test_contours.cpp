// Contour lines by marching squares (ContourLines), checked on functions whose iso-lines are
// known exactly: circles of a paraboloid, two separate wells, a straight line of a plane.
#include <QTest>
#include <cmath>

#include "ContourLines.h"

using namespace lomaw::gui;

class ContourTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void paraboloidLevelIsACircle();
    void twoWellsGiveTwoLoops();
    void planeGivesOneOpenLine();
    void levelOutsideTheDataHasNoLine();
    void saddleIsResolvedAndNanCellsSkipped();
    void levelsAreEvenlySpacedInside();
};

namespace {

struct Grid {
    QVector<double> x, y;
    QVector<QVector<double>> z;
};

// f sampled on [lo, hi]^2 with n points per axis.
template <typename F>
Grid sample(F f, double lo, double hi, int n) {
    Grid g;
    for (int i = 0; i < n; ++i) g.x << lo + (hi - lo) * i / (n - 1);
    g.y = g.x;
    for (double y : g.y) {
        QVector<double> row;
        for (double x : g.x) row << f(x, y);
        g.z << row;
    }
    return g;
}

// Shoelace area of a closed polyline.
double area(const QVector<QPointF>& p) {
    double a = 0;
    for (int k = 0; k + 1 < p.size(); ++k) a += p[k].x() * p[k + 1].y() - p[k + 1].x() * p[k].y();
    return std::abs(a) / 2;
}

}  // namespace

void ContourTest::paraboloidLevelIsACircle() {
    // z = x^2 + y^2 on [-2, 2]^2, h = 0.1: the level 2.25 is the circle of radius 1.5. Linear
    // interpolation of r^2 along an edge is off by at most h^2/4 in r^2, i.e. 0.0025 / (2 r)
    // in r: under 0.001.
    const Grid g = sample([](double x, double y) { return x * x + y * y; }, -2, 2, 41);
    const QVector<ContourLine> lines = contourLines(g.x, g.y, g.z, 2.25);
    QCOMPARE(lines.size(), 1);
    const ContourLine& c = lines.first();
    QCOMPARE(c.level, 2.25);
    QVERIFY(c.closed);
    QCOMPARE(c.points.first(), c.points.last());
    QVERIFY(c.points.size() > 40);
    for (const QPointF& p : c.points) QVERIFY2(std::abs(std::hypot(p.x(), p.y()) - 1.5) < 1e-3, qPrintable(QString::number(std::hypot(p.x(), p.y()))));
    // The polygon's area approaches pi r^2 from below (chords cut the arc): within 0.5 %.
    const double exact = M_PI * 2.25;
    QVERIFY(area(c.points) < exact);
    QVERIFY(area(c.points) > exact * 0.995);
    // Consecutive points are neighbours on the circle (a walk, not a scatter): steps under 2 h.
    for (int k = 0; k + 1 < c.points.size(); ++k) {
        const QPointF d = c.points[k + 1] - c.points[k];
        QVERIFY(std::hypot(d.x(), d.y()) < 0.2);
    }
}

void ContourTest::twoWellsGiveTwoLoops() {
    // min of two paraboloids centred at (-1, 0) and (1, 0): the level 0.25 is two circles of
    // radius 0.5, one around each centre.
    const Grid g = sample([](double x, double y) { return std::min((x + 1) * (x + 1) + y * y, (x - 1) * (x - 1) + y * y); },
                          -2, 2, 81);
    const QVector<ContourLine> lines = contourLines(g.x, g.y, g.z, 0.25);
    QCOMPARE(lines.size(), 2);
    QVector<double> centres;
    for (const ContourLine& c : lines) {
        QVERIFY(c.closed);
        double cx = 0;
        for (int k = 0; k + 1 < c.points.size(); ++k) cx += c.points[k].x();
        cx /= c.points.size() - 1;
        centres << cx;
        const double r = std::hypot(c.points.first().x() - (cx < 0 ? -1 : 1), c.points.first().y());
        QVERIFY(std::abs(r - 0.5) < 2e-3);
    }
    std::sort(centres.begin(), centres.end());
    QVERIFY(std::abs(centres[0] + 1) < 1e-2);
    QVERIFY(std::abs(centres[1] - 1) < 1e-2);
}

void ContourTest::planeGivesOneOpenLine() {
    // z = x: the level 0.55 is the vertical line x = 0.55 from the bottom border to the top.
    const Grid g = sample([](double x, double) { return x; }, -1, 1, 11);
    const QVector<ContourLine> lines = contourLines(g.x, g.y, g.z, 0.55);
    QCOMPARE(lines.size(), 1);
    const ContourLine& c = lines.first();
    QVERIFY(!c.closed);
    QCOMPARE(c.points.size(), 11);  // one crossing per row of horizontal edges
    for (const QPointF& p : c.points) QVERIFY(std::abs(p.x() - 0.55) < 1e-12);
    QCOMPARE(std::min(c.points.first().y(), c.points.last().y()), -1.0);
    QCOMPARE(std::max(c.points.first().y(), c.points.last().y()), 1.0);
}

void ContourTest::levelOutsideTheDataHasNoLine() {
    const Grid g = sample([](double x, double y) { return x * x + y * y; }, -1, 1, 5);
    QVERIFY(contourLines(g.x, g.y, g.z, 5.0).isEmpty());
    QVERIFY(contourLines(g.x, g.y, g.z, -1.0).isEmpty());
    QVERIFY(contourLines({0.0}, {0.0}, {{1.0}}, 0.5).isEmpty());            // smaller than 2 x 2
    QVERIFY(contourLines({0.0, 1.0}, {0.0, 1.0}, {{1.0, 2.0}, {3.0}}, 1.5).isEmpty());  // short row
}

void ContourTest::saddleIsResolvedAndNanCellsSkipped() {
    // One cell, corners (0,0)=1, (1,0)=0, (1,1)=1, (0,1)=0, level 0.4: the centre (mean 0.5) is
    // above, so the two above corners are joined through it and the lines cut off the two below
    // corners: (0.6, 0)-(1, 0.4) around (1,0) and (0.4, 1)-(0, 0.6) around (0,1).
    const QVector<ContourLine> lines = contourLines({0.0, 1.0}, {0.0, 1.0}, {{1.0, 0.0}, {0.0, 1.0}}, 0.4);
    QCOMPARE(lines.size(), 2);
    for (const ContourLine& c : lines) {
        QCOMPARE(c.points.size(), 2);
        const QPointF mid = (c.points[0] + c.points[1]) / 2;
        QVERIFY((std::abs(mid.x() - 0.8) < 1e-12 && std::abs(mid.y() - 0.2) < 1e-12) ||
                (std::abs(mid.x() - 0.2) < 1e-12 && std::abs(mid.y() - 0.8) < 1e-12));
    }
    // A NaN corner leaves its cell out: no segment inside the cell.
    const double nan = std::nan("");
    QVERIFY(contourLines({0.0, 1.0}, {0.0, 1.0}, {{0.0, 1.0}, {nan, 1.0}}, 0.5).isEmpty());
}

void ContourTest::levelsAreEvenlySpacedInside() {
    auto same = [](const QVector<double>& a, const QVector<double>& b) {
        if (a.size() != b.size()) return false;
        for (int k = 0; k < a.size(); ++k)
            if (std::abs(a[k] - b[k]) > 1e-12) return false;
        return true;
    };
    QVERIFY(same(contourLevels(0, 10, 4), {2, 4, 6, 8}));
    // Quadratic: 10 (k/5)^2 = 0.4, 1.6, 3.6, 6.4 (denser near the minimum); offset by lo.
    QVERIFY(same(contourLevels(1, 11, 4, LevelSpacing::Quadratic), {1.4, 2.6, 4.6, 7.4}));
    QVERIFY(contourLevels(1, 1, 3).isEmpty());
    QVERIFY(contourLevels(0, 1, 0).isEmpty());
}

namespace widgettest {
std::unique_ptr<QObject> makeContourTest() { return std::make_unique<ContourTest>(); }
}

#include "test_contours.moc"
