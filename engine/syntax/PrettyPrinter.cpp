// Kernel-syntax printer (docs/language.md §10.2 printing rules). Printing a parsed module and
// parsing the text again gives an ast::equal tree; the parenthesisation below is the minimal
// one that the parser's precedence levels read back unchanged.
#include "syntax/PrettyPrinter.h"

#include <charconv>
#include <cmath>
#include <functional>
#include <set>

namespace lomaw::syntax {

namespace {

using ast::Expr;
using ast::Stmt;

// Precedence levels of docs/language.md §1.8 (higher binds tighter).
enum Prec { kOr = 1, kAnd = 2, kCompare = 3, kAdd = 4, kMul = 5, kUnary = 6, kPostfix = 7, kAtom = 8 };

int precOf(ast::BinaryOp op) {
    switch (op) {
        case ast::BinaryOp::Or: return kOr;
        case ast::BinaryOp::And: return kAnd;
        case ast::BinaryOp::Add:
        case ast::BinaryOp::Sub: return kAdd;
        case ast::BinaryOp::Mul:
        case ast::BinaryOp::Div: return kMul;
        default: return kCompare;
    }
}

class ExprPrinter {
public:
    explicit ExprPrinter(PrintMode mode) : mode_(mode) {}

    std::string print(const Expr& e) {
        std::string out;
        emit(out, e);
        return out;
    }

private:
    // In AsWritten mode the checker's inserted conversions are invisible.
    const Expr& visible(const Expr& e) const {
        const Expr* p = &e;
        while (mode_ == PrintMode::AsWritten && p->kind == Expr::Kind::Call && p->implicitConversion &&
               p->operands.size() == 1 && p->operands[0])
            p = p->operands[0].get();
        return *p;
    }

    int prec(const Expr& raw) const {
        const Expr& e = visible(raw);
        switch (e.kind) {
            case Expr::Kind::Binary: return precOf(e.op);
            case Expr::Kind::Neg: return kUnary;
            // Negative or non-finite literals print with a leading '-' (generated code only).
            case Expr::Kind::IntLit: return e.intValue < 0 ? kUnary : kAtom;
            case Expr::Kind::FloatLit: return std::signbit(e.floatValue) ? kUnary : kAtom;
            case Expr::Kind::Index:
            case Expr::Kind::Member:
            case Expr::Kind::Call: return kPostfix;
            case Expr::Kind::Var: return kAtom;
        }
        return kAtom;
    }

    void wrapped(std::string& out, const Expr* e, bool parens) {
        if (parens) out += '(';
        if (e) emit(out, *e);
        else out += "<?>";
        if (parens) out += ')';
    }

    const Expr* operand(const Expr& e, size_t i) const {
        return i < e.operands.size() ? e.operands[i].get() : nullptr;
    }

    void emit(std::string& out, const Expr& raw) {
        const Expr& e = visible(raw);
        switch (e.kind) {
            case Expr::Kind::IntLit: out += std::to_string(e.intValue); return;
            case Expr::Kind::FloatLit: out += formatFloatLiteral(e.floatValue); return;
            case Expr::Kind::Var: out += e.name; return;
            case Expr::Kind::Neg: {
                const Expr* o = operand(e, 0);
                out += '-';
                // `-(-x)` and `-(a + b)`: anything not tighter than unary minus is wrapped.
                wrapped(out, o, o && prec(*o) <= kUnary);
                return;
            }
            case Expr::Kind::Binary: {
                int p = precOf(e.op);
                const Expr* l = operand(e, 0);
                const Expr* r = operand(e, 1);
                // Left-associative levels keep an equal-level left operand bare; comparisons
                // are non-associative, so there both sides are wrapped at equal level.
                bool lp = l && (p == kCompare ? prec(*l) <= p : prec(*l) < p);
                bool rp = r && prec(*r) <= p;
                wrapped(out, l, lp);
                out += ' ';
                out += ast::spelling(e.op);
                out += ' ';
                wrapped(out, r, rp);
                return;
            }
            case Expr::Kind::Index: {
                const Expr* b = operand(e, 0);
                postfixBase(out, b, false);
                out += '[';
                wrapped(out, operand(e, 1), false);
                out += ']';
                return;
            }
            case Expr::Kind::Member: {
                postfixBase(out, operand(e, 0), true);
                out += '.';
                out += e.name;
                return;
            }
            case Expr::Kind::Call: {
                out += e.name;
                out += '(';
                for (size_t i = 0; i < e.operands.size(); ++i) {
                    if (i) out += ", ";
                    wrapped(out, e.operands[i].get(), false);
                }
                out += ')';
                return;
            }
        }
    }

    void postfixBase(std::string& out, const Expr* b, bool member) {
        bool parens = b && prec(*b) < kPostfix;
        // `1.m` would lex as the float `1.` followed by `m`.
        if (b && member && visible(*b).kind == Expr::Kind::IntLit) parens = true;
        wrapped(out, b, parens);
    }

    PrintMode mode_;
};

std::string indentOf(int depth) { return std::string(static_cast<size_t>(depth) * 4, ' '); }

class ModulePrinter {
public:
    explicit ModulePrinter(PrintMode mode) : mode_(mode), exprs_(mode) {}

    EmittedText run(const ast::Module& m) {
        std::vector<const ast::Item*> order;
        if (mode_ == PrintMode::Checked) {
            // Structs first (user ones, then the generated ones in use), then the rest.
            std::set<std::string> used = usedGeneratedStructs(m);
            for (const ast::Item& it : m.items)
                if (auto* s = std::get_if<ast::StructDecl>(&it); s && !s->generated) order.push_back(&it);
            for (const ast::Item& it : m.items)
                if (auto* s = std::get_if<ast::StructDecl>(&it); s && s->generated && used.count(s->name))
                    order.push_back(&it);
            for (const ast::Item& it : m.items)
                if (!std::holds_alternative<ast::StructDecl>(it)) order.push_back(&it);
        } else {
            // As written: the checker's generated structs were never written.
            for (const ast::Item& it : m.items)
                if (auto* s = std::get_if<ast::StructDecl>(&it); !s || !s->generated) order.push_back(&it);
        }
        bool first = true;
        for (const ast::Item* it : order) {
            if (!first) out_.blank();
            first = false;
            if (auto* s = std::get_if<ast::StructDecl>(it)) structDecl(*s);
            else if (auto* f = std::get_if<ast::Function>(it)) function(*f);
            else diffDecl(std::get<ast::DiffDecl>(*it));
        }
        return out_.take();
    }

private:
    // Names of generated structs some type of the (non-generated part of the) module mentions,
    // closed over the members of those structs.
    std::set<std::string> usedGeneratedStructs(const ast::Module& m) {
        std::set<std::string> names;
        std::function<void(const TypePtr&)> addType = [&](const TypePtr& t) {
            if (!t) return;
            if (t->isStruct()) names.insert(t->structName);
            if (t->isArray()) addType(t->elem);
        };
        std::function<void(const ast::TypeExpr*)> addTypeExpr = [&](const ast::TypeExpr* t) {
            if (!t) return;
            if (t->kind == ast::TypeExpr::Kind::Named) names.insert(t->name);
            addTypeExpr(t->elem.get());
        };
        std::function<void(const ast::Block&)> addBlock = [&](const ast::Block& b) {
            for (const ast::StmtPtr& s : b) {
                if (!s) continue;
                if (s->kind == Stmt::Kind::Declare) {
                    if (s->resolved) addType(s->resolved);
                    else addTypeExpr(s->declType.get());
                }
                addBlock(s->body);
                addBlock(s->orelse);
            }
        };
        for (const ast::Item& it : m.items) {
            if (auto* f = std::get_if<ast::Function>(&it)) {
                for (const ast::Param& p : f->params) {
                    if (p.resolved) addType(p.resolved);
                    else addTypeExpr(p.annotation.get());
                }
                if (f->returnType) addType(f->returnType);
                else addTypeExpr(f->returnAnnotation.get());
                addBlock(f->body);
            } else if (auto* s = std::get_if<ast::StructDecl>(&it); s && !s->generated) {
                for (const ast::Member& mem : s->members) {
                    if (mem.resolved) addType(mem.resolved);
                    else addTypeExpr(mem.annotation.get());
                }
            }
        }
        // Close over generated structs' members (_dFoo mentions _dfloat, ...).
        bool grew = true;
        while (grew) {
            grew = false;
            for (const ast::Item& it : m.items) {
                auto* s = std::get_if<ast::StructDecl>(&it);
                if (!s || !s->generated || !names.count(s->name)) continue;
                size_t before = names.size();
                for (const ast::Member& mem : s->members) {
                    if (mem.resolved) addType(mem.resolved);
                    else addTypeExpr(mem.annotation.get());
                }
                if (names.size() != before) grew = true;
            }
        }
        return names;
    }

    // A type as written; In/Out wrappers are dropped unless `keepQualifier` (a parameter's
    // outermost wrapper): elsewhere they are ignored by the language.
    std::string writtenType(const ast::TypeExpr* t, bool keepQualifier) {
        if (!t) return "<?>";
        switch (t->kind) {
            case ast::TypeExpr::Kind::Int: return "int";
            case ast::TypeExpr::Kind::Float: return "float";
            case ast::TypeExpr::Kind::Named: return t->name;
            case ast::TypeExpr::Kind::Array: {
                std::string s = "Array[" + writtenType(t->elem.get(), false);
                if (t->hasSize) s += ", " + std::to_string(t->size);
                return s + "]";
            }
            case ast::TypeExpr::Kind::Diff: return "Diff[" + writtenType(t->elem.get(), false) + "]";
            case ast::TypeExpr::Kind::In:
            case ast::TypeExpr::Kind::Out:
                if (!keepQualifier) return writtenType(t->elem.get(), false);
                return std::string(t->kind == ast::TypeExpr::Kind::In ? "In[" : "Out[") +
                       writtenType(t->elem.get(), false) + "]";
        }
        return "<?>";
    }

    std::string paramType(const ast::Param& p) {
        if ((mode_ == PrintMode::Checked || !p.annotation) && p.resolved)
            return std::string(p.isOut ? "Out[" : "In[") + toString(p.resolved) + "]";
        return writtenType(p.annotation.get(), true);
    }

    void structDecl(const ast::StructDecl& s) {
        out_.line("class " + s.name + ":", s.loc.line);
        for (const ast::Member& m : s.members) {
            std::string type = (mode_ == PrintMode::Checked || !m.annotation) && m.resolved ? toString(m.resolved)
                                                                         : writtenType(m.annotation.get(), false);
            out_.line(indentOf(1) + m.name + " : " + type, m.loc.line);
        }
    }

    void function(const ast::Function& f) {
        int line = f.loc.line;
        if (f.simd) out_.line("@simd", line);
        if (f.openMpi) out_.line("@openMpi", line);
        std::string head = "def " + f.name + "(";
        for (size_t i = 0; i < f.params.size(); ++i) {
            if (i) head += ", ";
            head += f.params[i].name;
            if (f.params[i].annotation || (mode_ == PrintMode::Checked && f.params[i].resolved))
                head += " : " + paramType(f.params[i]);
        }
        head += ")";
        if ((mode_ == PrintMode::Checked || !f.returnAnnotation) && f.returnType) {
            if (!f.returnType->isVoid()) head += " -> " + toString(f.returnType);
        } else if (f.returnAnnotation) {
            head += " -> " + writtenType(f.returnAnnotation.get(), false);
        }
        head += ":";
        out_.line(head, line);
        block(f.body, 1, line);
    }

    void diffDecl(const ast::DiffDecl& d) {
        out_.line(d.name + " = " + (d.mode == ast::DiffDecl::Mode::Forward ? "fwd_diff(" : "rev_diff(") +
                      d.target + ")",
                  d.loc.line);
    }

    void block(const ast::Block& b, int depth, int headerLine) {
        for (const ast::StmtPtr& s : b)
            if (s) stmt(*s, depth);
        (void)headerLine;
    }

    std::string expr(const Expr* e) { return e ? exprs_.print(*e) : std::string("<?>"); }

    std::string declType(const Stmt& s) {
        if ((mode_ == PrintMode::Checked || !s.declType) && s.resolved) return toString(s.resolved);
        return writtenType(s.declType.get(), false);
    }

    void stmt(const Stmt& s, int depth) {
        std::string ind = indentOf(depth);
        int line = s.loc.line;
        switch (s.kind) {
            case Stmt::Kind::Declare: {
                std::string text = ind + s.name + " : " + declType(s);
                if (s.value) text += " = " + expr(s.value.get());
                out_.line(text, line);
                return;
            }
            case Stmt::Kind::Assign:
                out_.line(ind + expr(s.target.get()) + " = " + expr(s.value.get()), line);
                return;
            case Stmt::Kind::Return: out_.line(ind + "return " + expr(s.value.get()), line); return;
            case Stmt::Kind::CallStmt: out_.line(ind + expr(s.value.get()), line); return;
            case Stmt::Kind::If: ifChain(s, depth, "if "); return;
            case Stmt::Kind::While:
                out_.line(ind + "while (" + expr(s.value.get()) + ", max_iter := " + std::to_string(s.maxIter) + "):",
                          line);
                block(s.body, depth + 1, line);
                return;
            case Stmt::Kind::For: {
                if (s.pragma) out_.line(ind + pragmaText(*s.pragma), s.pragma->loc.line);
                std::string text = ind + "for " + s.name + " in range(";
                for (size_t i = 0; i < s.rangeArgs.size(); ++i) {
                    if (i) text += ", ";
                    text += expr(s.rangeArgs[i].get());
                }
                out_.line(text + "):", line);
                block(s.body, depth + 1, line);
                return;
            }
        }
    }

    void ifChain(const Stmt& s, int depth, const char* keyword) {
        std::string ind = indentOf(depth);
        out_.line(ind + keyword + expr(s.value.get()) + ":", s.loc.line);
        block(s.body, depth + 1, s.loc.line);
        if (s.orelse.empty()) return;
        if (s.orelse.size() == 1 && s.orelse[0] && s.orelse[0]->kind == Stmt::Kind::If) {
            ifChain(*s.orelse[0], depth, "elif ");
            return;
        }
        out_.line(ind + "else:", s.loc.line);
        block(s.orelse, depth + 1, s.loc.line);
    }

    static std::string pragmaText(const ast::Pragma& p) {
        std::string text = "#pragma omp parallel for";
        for (const ast::PragmaClause& c : p.clauses) {
            auto list = [&] {
                std::string l;
                for (size_t i = 0; i < c.vars.size(); ++i) {
                    if (i) l += ", ";
                    l += c.vars[i].name;
                }
                return l;
            };
            switch (c.kind) {
                case ast::PragmaClause::Kind::Shared: text += " shared(" + list() + ")"; break;
                case ast::PragmaClause::Kind::Private: text += " private(" + list() + ")"; break;
                case ast::PragmaClause::Kind::FirstPrivate: text += " firstprivate(" + list() + ")"; break;
                case ast::PragmaClause::Kind::Reduction: text += " reduction(" + c.op + ":" + list() + ")"; break;
                case ast::PragmaClause::Kind::Default: text += " default(" + c.op + ")"; break;
                case ast::PragmaClause::Kind::Unknown: break;  // warned about and ignored
            }
        }
        return text;
    }

    PrintMode mode_;
    ExprPrinter exprs_;
    TextBuilder out_;
};

}  // namespace

EmittedText printModule(const ast::Module& m, PrintMode mode) { return ModulePrinter(mode).run(m); }

std::string printExpr(const ast::Expr& e, PrintMode mode) { return ExprPrinter(mode).print(e); }

std::string printType(const ast::TypeExpr& t) {
    switch (t.kind) {
        case ast::TypeExpr::Kind::Int: return "int";
        case ast::TypeExpr::Kind::Float: return "float";
        case ast::TypeExpr::Kind::Named: return t.name;
        case ast::TypeExpr::Kind::Array: {
            std::string s = "Array[" + (t.elem ? printType(*t.elem) : std::string("<?>"));
            if (t.hasSize) s += ", " + std::to_string(t.size);
            return s + "]";
        }
        case ast::TypeExpr::Kind::Diff: return "Diff[" + (t.elem ? printType(*t.elem) : std::string("<?>")) + "]";
        case ast::TypeExpr::Kind::In: return "In[" + (t.elem ? printType(*t.elem) : std::string("<?>")) + "]";
        case ast::TypeExpr::Kind::Out: return "Out[" + (t.elem ? printType(*t.elem) : std::string("<?>")) + "]";
    }
    return "<?>";
}

std::string formatFloatLiteral(double v) {
    if (std::isnan(v)) return "nan";
    // Beyond double range only infinity remains; 1e999 reads back as it.
    if (std::isinf(v)) return v < 0 ? "-1e999" : "1e999";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    std::string s(buf, res.ptr);
    if (s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
}

}  // namespace lomaw::syntax
