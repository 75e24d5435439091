#include "codegen/CTypeEmitter.h"

#include <algorithm>
#include <set>
#include <vector>

#include "codegen/CText.h"

namespace lomaw::codegen {

std::string cDeclarator(const Type& t, const std::string& name) {
    std::string dims;
    const Type* e = &t;
    while (e->isArray() && e->size > 0 && e->elem) {
        dims += "[" + std::to_string(e->size) + "]";
        e = e->elem.get();
    }
    // What is left is a scalar, a struct, or an unbounded array (a pointer per level).
    return cParamType(*e, false) + " " + name + dims;
}

std::string cZeroInitializer(const Type& t) {
    if (t.isInt()) return "0";
    if (t.isFloat()) return "0.0f";
    return "{0}";
}

namespace {

// The struct names a type mentions (through arrays).
void structsNamedBy(const Type& t, std::vector<std::string>& out) {
    if (t.isStruct()) out.push_back(t.structName);
    else if (t.isArray() && t.elem) structsNamedBy(*t.elem, out);
}

class TypedefOrder {
public:
    TypedefOrder(const std::vector<const ast::StructDecl*>& all) : all_(all) {}

    // Depth-first in source order: every struct after the structs its members name (C needs
    // the typedef name even for pointer members, since the structs are anonymous).
    std::vector<const ast::StructDecl*> run() {
        for (const ast::StructDecl* s : all_) visit(s);
        return order_;
    }

private:
    const ast::StructDecl* find(const std::string& n) const {
        for (const ast::StructDecl* s : all_)
            if (s->name == n) return s;
        return nullptr;
    }
    void visit(const ast::StructDecl* s) {
        if (!s || done_.count(s->name) || active_.count(s->name)) return;  // cycles: checker error
        active_.insert(s->name);
        for (const ast::Member& m : s->members) {
            std::vector<std::string> named;
            if (m.resolved) structsNamedBy(*m.resolved, named);
            for (const std::string& n : named) visit(find(n));
        }
        active_.erase(s->name);
        done_.insert(s->name);
        order_.push_back(s);
    }

    const std::vector<const ast::StructDecl*>& all_;
    std::set<std::string> done_, active_;
    std::vector<const ast::StructDecl*> order_;
};

ast::StructDecl makeDfloat() {
    ast::StructDecl d;
    d.name = "_dfloat";
    d.generated = true;
    for (const char* n : {"val", "dval"}) {
        ast::Member m;
        m.name = n;
        m.resolved = Type::floatType();
        d.members.push_back(std::move(m));
    }
    return d;
}

// D(T) of §2.6 for a member type: int stays, float -> _dfloat, S -> _dS, arrays elementwise.
TypePtr differential(const TypePtr& t) {
    if (!t) return t;
    if (t->isFloat()) return Type::structType("_dfloat");
    if (t->isStruct()) return Type::structType("_d" + t->structName);
    if (t->isArray()) return Type::arrayOf(differential(t->elem), t->size);
    return t;
}

// A differential struct `_dS` that a member names but the module lacks (the checker appends
// the ones it knows about; this keeps the unit compilable when one more level is needed,
// e.g. _d_dfloat for a struct with a _dfloat member).
std::vector<ast::StructDecl> missingDifferentialStructs(const std::vector<const ast::StructDecl*>& all) {
    std::vector<ast::StructDecl> made;
    auto known = [&](const std::string& n) {
        for (const ast::StructDecl* s : all)
            if (s->name == n) return s;
        for (const ast::StructDecl& s : made)
            if (s.name == n) return &s;
        return static_cast<const ast::StructDecl*>(nullptr);
    };
    for (size_t pass = 0; pass < 8; ++pass) {
        std::vector<std::string> wanted;
        auto scan = [&](const ast::StructDecl& s) {
            for (const ast::Member& m : s.members) {
                std::vector<std::string> named;
                if (m.resolved) structsNamedBy(*m.resolved, named);
                for (const std::string& n : named)
                    if (!known(n) && n.rfind("_d", 0) == 0 && known(n.substr(2)) &&
                        std::find(wanted.begin(), wanted.end(), n) == wanted.end())
                        wanted.push_back(n);
            }
        };
        for (const ast::StructDecl* s : all) scan(*s);
        for (size_t i = 0; i < made.size(); ++i) scan(made[i]);
        if (wanted.empty()) break;
        for (const std::string& n : wanted) {
            const ast::StructDecl* primal = known(n.substr(2));
            ast::StructDecl d;
            d.name = n;
            d.generated = true;
            for (const ast::Member& m : primal->members) {
                ast::Member dm;
                dm.name = m.name;
                dm.resolved = differential(m.resolved);
                d.members.push_back(std::move(dm));
            }
            made.push_back(std::move(d));
        }
    }
    return made;
}

}  // namespace

std::vector<std::pair<std::string, TypePtr>> cStructMembers(const ast::Module& module, const std::string& name) {
    std::vector<std::pair<std::string, TypePtr>> members;
    if (const ast::StructDecl* s = module.findStruct(name)) {
        for (const ast::Member& m : s->members) members.emplace_back(m.name, m.resolved);
    } else if (name == "_dfloat") {
        for (const ast::Member& m : makeDfloat().members) members.emplace_back(m.name, m.resolved);
    } else if (name.rfind("_d", 0) == 0) {
        for (const auto& [member, type] : cStructMembers(module, name.substr(2)))
            members.emplace_back(member, differential(type));
    }
    return members;
}

void emitStructTypedefs(CUnitContext& unit, CWriter& out) {
    static const ast::StructDecl dfloat = makeDfloat();
    std::vector<const ast::StructDecl*> all = unit.module.structs();
    if (!unit.module.findStruct("_dfloat")) all.insert(all.begin(), &dfloat);
    const std::vector<ast::StructDecl> extra = missingDifferentialStructs(all);
    for (const ast::StructDecl& d : extra) all.push_back(&d);

    for (const ast::StructDecl* s : TypedefOrder(all).run()) {
        const int line = s->loc.line;
        out.line(0, "typedef struct {", line);
        for (const ast::Member& m : s->members) {
            if (!m.resolved) {
                unit.usesInternalError = true;
                out.directive("#error " + cStringLiteral("internal compiler error: untyped member " + m.name));
                continue;
            }
            out.line(1, cDeclarator(*m.resolved, cMemberName(m.name)) + ";", m.loc.line);
        }
        out.line(0, "} " + cStructName(s->name) + ";", 0);
        out.blank();
    }
}

}  // namespace lomaw::codegen
