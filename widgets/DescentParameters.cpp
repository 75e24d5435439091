#include "DescentParameters.h"

#include <QJsonObject>
#include <QStringList>

#include "TrajectoryData.h"

namespace lomaw::gui {

namespace {

// A node of a zero-value template ("0.0", "[0.0, 0]", {"pos": [0.0, 0.0], "id": 0}).
struct TemplateNode {
    enum class Kind { Float, Int, Array, Object, Other } kind = Kind::Other;
    QList<TemplateNode> children;
    QStringList keys;  // Object: member names in order, children[i] their templates
};

// A small reader of the template text; anything it does not know becomes Other (not a parameter).
class TemplateReader {
public:
    explicit TemplateReader(const QString& text) : text_(text) {}
    TemplateNode value() {
        skipSpace();
        TemplateNode node;
        if (pos_ >= text_.size()) return node;
        const QChar c = text_[pos_];
        if (c == '[') {
            node.kind = TemplateNode::Kind::Array;
            ++pos_;
            while (more(']')) node.children << value();
        } else if (c == '{') {
            node.kind = TemplateNode::Kind::Object;
            ++pos_;
            while (more('}')) {
                skipSpace();
                node.keys << string();
                skipSpace();
                if (pos_ < text_.size() && text_[pos_] == ':') ++pos_;
                node.children << value();
            }
        } else if (c == '"') {
            string();
        } else {
            const qsizetype start = pos_;
            while (pos_ < text_.size() && !QString(",]} \t\n").contains(text_[pos_])) ++pos_;
            const QString token = text_.mid(start, pos_ - start);
            bool number = false;
            token.toDouble(&number);
            if (number) node.kind = token.contains('.') || token.contains('e') || token.contains('E')
                                        ? TemplateNode::Kind::Float : TemplateNode::Kind::Int;
        }
        return node;
    }

private:
    void skipSpace() {
        while (pos_ < text_.size() && text_[pos_].isSpace()) ++pos_;
    }
    // Before the next element of a list: false (and past the bracket) at its end.
    bool more(QChar close) {
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
        skipSpace();
        if (pos_ >= text_.size()) return false;
        if (text_[pos_] == close) {
            ++pos_;
            return false;
        }
        return true;
    }
    QString string() {
        if (pos_ >= text_.size() || text_[pos_] != '"') return {};
        const qsizetype start = ++pos_;
        while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
        const QString s = text_.mid(start, pos_ - start);
        ++pos_;
        return s;
    }

    const QString& text_;
    qsizetype pos_ = 0;
};

void collect(const TemplateNode& node, const QJsonValue& actual, const QString& name, const QList<QVariant>& path,
             QList<DescentParameter>& out) {
    switch (node.kind) {
        case TemplateNode::Kind::Float:
            if (actual.isDouble() || actual.isString()) out << DescentParameter{name, path};
            return;
        case TemplateNode::Kind::Array: {
            if (node.children.isEmpty() || !actual.isArray()) return;
            const QJsonArray a = actual.toArray();
            for (int i = 0; i < a.size(); ++i)
                collect(node.children.value(i, node.children.first()), a[i], QString("%1[%2]").arg(name).arg(i),
                        path + QList<QVariant>{i}, out);
            return;
        }
        case TemplateNode::Kind::Object: {
            const QJsonObject o = actual.toObject();
            for (int k = 0; k < node.keys.size(); ++k)
                if (o.contains(node.keys[k]))
                    collect(node.children[k], o.value(node.keys[k]), name + "." + node.keys[k],
                            path + QList<QVariant>{node.keys[k]}, out);
            return;
        }
        default: return;
    }
}

QJsonValue valueAt(const QJsonValue& root, const QList<QVariant>& path, int from) {
    if (from >= path.size()) return root;
    const QVariant& step = path[from];
    if (step.typeId() == QMetaType::Int) return valueAt(root.toArray().at(step.toInt()), path, from + 1);
    return valueAt(root.toObject().value(step.toString()), path, from + 1);
}

QJsonValue replaced(const QJsonValue& root, const QList<QVariant>& path, int from, double value) {
    if (from >= path.size()) return QJsonValue(value);
    const QVariant& step = path[from];
    if (step.typeId() == QMetaType::Int) {
        QJsonArray a = root.toArray();
        const int i = step.toInt();
        if (i >= 0 && i < a.size()) a[i] = replaced(a[i], path, from + 1, value);
        return a;
    }
    QJsonObject o = root.toObject();
    o[step.toString()] = replaced(o.value(step.toString()), path, from + 1, value);
    return o;
}

}  // namespace

bool returnsFloat(const FunctionInfo& function) { return function.returnType == "float"; }

QList<DescentParameter> descentParameters(const FunctionInfo& function, const QJsonArray& args) {
    QList<DescentParameter> out;
    for (int k = 0; k < function.params.size() && k < args.size(); ++k) {
        const ParamInfo& p = function.params[k];
        if (p.isOut) continue;  // outputs are not inputs of the loss (gradcheck's rows, too)
        const TemplateNode node = TemplateReader(p.defaultJson).value();
        collect(node, args[k], p.name, {k}, out);
    }
    return out;
}

double parameterValue(const QJsonArray& args, const DescentParameter& parameter) {
    return jsonNumber(valueAt(args, parameter.path, 0));
}

QVector<double> parameterValues(const QJsonArray& args, const QList<DescentParameter>& parameters) {
    QVector<double> out;
    out.reserve(parameters.size());
    for (const DescentParameter& p : parameters) out << parameterValue(args, p);
    return out;
}

QJsonArray withParameterValue(const QJsonArray& args, const DescentParameter& parameter, double value) {
    return replaced(args, parameter.path, 0, value).toArray();
}

}  // namespace lomaw::gui
