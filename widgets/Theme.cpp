#include "Theme.h"

#include <QApplication>
#include <QFile>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace lomaw::gui {

ThemeKind themeFromName(const QString& name) { return name == "dark" ? ThemeKind::Dark : ThemeKind::Light; }

QString themeName(ThemeKind kind) { return kind == ThemeKind::Dark ? "dark" : "light"; }

void applyApplicationTheme(ThemeKind kind) {
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    if (!app) return;
    app->setStyle(QStyleFactory::create("Fusion"));
    QPalette p;
    if (kind == ThemeKind::Dark) {
        p.setColor(QPalette::Window, QColor("#2b2d31"));
        p.setColor(QPalette::WindowText, QColor("#d8dade"));
        p.setColor(QPalette::Base, QColor("#1e1f22"));
        p.setColor(QPalette::AlternateBase, QColor("#24262a"));
        p.setColor(QPalette::Text, QColor("#d8dade"));
        p.setColor(QPalette::Button, QColor("#33363c"));
        p.setColor(QPalette::ButtonText, QColor("#d8dade"));
        p.setColor(QPalette::Highlight, QColor("#2f5fa8"));
        p.setColor(QPalette::HighlightedText, QColor("#ffffff"));
        p.setColor(QPalette::ToolTipBase, QColor("#33363c"));
        p.setColor(QPalette::ToolTipText, QColor("#e6e6e6"));
        p.setColor(QPalette::PlaceholderText, QColor("#7f848e"));
        p.setColor(QPalette::Link, QColor("#61afef"));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor("#6b7078"));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor("#6b7078"));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor("#6b7078"));
    } else {
        p = app->style()->standardPalette();
    }
    app->setPalette(p);
    QFile qss(kind == ThemeKind::Dark ? ":/themes/dark.qss" : ":/themes/light.qss");
    if (qss.open(QIODevice::ReadOnly)) app->setStyleSheet(QString::fromUtf8(qss.readAll()));
}

}  // namespace lomaw::gui
