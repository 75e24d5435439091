#include "ModuleSummary.h"

#include "runtime/DescentEvaluator.h"
#include "runtime/Signature.h"

namespace lomaw::gui {

namespace {

// Which functions of the module `lomaw descend` accepts as --grad GRADFUNC for `f`: the engine's
// own test (gradientFunctionLayout), so the list and the run can never disagree.
void addGradientChoices(const ast::Module& module, const ast::Function& f, FunctionInfo& info) {
    using namespace runtime;
    const Signature primal = signatureOf(f);
    for (const ast::Function* g : module.functions())
        if (g != &f && gradientFunctionLayout(primal, signatureOf(*g))) info.gradientFunctions << QString::fromStdString(g->name);
    info.gradientContract = QString::fromStdString(parameterListText(reverseFormParameters(primal)) + " like rev_diff(" +
                                                   f.name + "), or " + parameterListText(appendedFormParameters(primal)) +
                                                   " (" + f.name + "'s parameters, then one Out per In parameter)");
}

}  // namespace

QString zeroJson(const Type& type, const ast::Module& module, int depth) {
    // Depth guard: a recursive struct is a user error the checker reports; never loop on it.
    if (depth > 16) return "0";
    switch (type.kind) {
        case Type::Kind::Int: return "0";
        case Type::Kind::Float: return "0.0";
        case Type::Kind::Array: {
            QString elem = type.elem ? zeroJson(*type.elem, module, depth + 1) : "0";
            // An unbounded array gets one element: its length is the buffer the call receives.
            int n = type.size > 0 ? type.size : 1;
            QStringList items;
            for (int i = 0; i < n; ++i) items << elem;
            return "[" + items.join(", ") + "]";
        }
        case Type::Kind::Struct: {
            const ast::StructDecl* s = module.findStruct(type.structName);
            if (!s) return "{}";
            QStringList fields;
            for (const ast::Member& m : s->members) {
                QString v = m.resolved ? zeroJson(*m.resolved, module, depth + 1) : "0";
                fields << QString("\"%1\": %2").arg(QString::fromStdString(m.name), v);
            }
            return "{" + fields.join(", ") + "}";
        }
        default: return "null";
    }
}

void summariseModule(const ast::Module& module, AnalysisResult& into) {
    for (const ast::Function* f : module.functions()) {
        if (f->inlineHelper) continue;  // nested fwd_diff's arithmetic: internal, not callable
        FunctionInfo info;
        info.name = QString::fromStdString(f->name);
        info.line = f->generated ? 0 : f->loc.line;
        info.simd = f->simd;
        info.openMpi = f->openMpi;
        info.generated = f->generated;
        if (f->returnType && !f->returnType->isVoid())
            info.returnType = QString::fromStdString(toString(*f->returnType));
        for (const ast::Param& p : f->params) {
            ParamInfo param;
            param.name = QString::fromStdString(p.name);
            param.isOut = p.isOut;
            param.type = p.resolved ? QString::fromStdString(toString(*p.resolved)) : "?";
            param.defaultJson = p.resolved ? zeroJson(*p.resolved, module) : "0";
            info.params << param;
        }
        if (f->returnType && f->returnType->isFloat()) addGradientChoices(module, *f, info);
        into.functions << info;
    }
    for (const ast::StructDecl* s : module.structs()) {
        into.structNames << QString::fromStdString(s->name);
        for (const ast::Member& m : s->members) {
            QString name = QString::fromStdString(m.name);
            if (!into.memberNames.contains(name)) into.memberNames << name;
        }
    }
}

}  // namespace lomaw::gui
