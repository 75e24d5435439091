#include "ad/ReverseDeadTapes.h"

#include <map>

#include "ad/TypedBuild.h"
#include "syntax/AstWalk.h"

namespace lomaw::ad {

using ast::Block;
using ast::Expr;
using ast::Stmt;
using ast::StmtPtr;

namespace {

// Backwards liveness of one variable over a structured block: whether it may be read before
// being overwritten as a whole, after each statement.
class Liveness {
public:
    Liveness(std::string variable, bool scalar) : v_(std::move(variable)), scalar_(scalar) {}

    // Live before the block, given live after it; records liveAfter for its statements.
    bool block(const Block& b, bool liveOut) {
        bool live = liveOut;
        for (auto it = b.rbegin(); it != b.rend(); ++it) {
            if (!*it) continue;
            liveAfter[it->get()] = live;
            live = stmt(**it, live);
        }
        return live;
    }

    std::map<const Stmt*, bool> liveAfter;

private:
    bool stmt(const Stmt& s, bool liveOut) {
        switch (s.kind) {
            case Stmt::Kind::Declare:
                if (s.name == v_) return false;  // a new variable of that name from here
                return liveOut || ast::mentionsOwn(s, v_);
            case Stmt::Kind::Assign:
                if (scalar_ && ast::isVar(*s.target, v_)) return ast::mentions(*s.value, v_);
                return liveOut || readsIn(s);
            case Stmt::Kind::If: {
                bool cond = ast::mentionsOwn(s, v_);
                bool body = block(s.body, liveOut);
                bool orelse = block(s.orelse, liveOut);
                return cond || body || orelse;
            }
            case Stmt::Kind::While: {
                // Live at the loop's head: the condition reads it, or the loop ends (live after
                // it), or the body reads it before the next head.
                const bool cond = ast::mentionsOwn(s, v_);
                return fixedPoint(s.body, [&](bool head) { return cond || liveOut || head; });
            }
            case Stmt::Kind::For: {
                if (s.name == v_) return liveOut;  // the loop's own variable: another variable
                const bool range = ast::mentionsOwn(s, v_);  // evaluated once, on entry
                return range || fixedPoint(s.body, [&](bool head) { return liveOut || head; });
            }
            default:  // Return, CallStmt: any mention is a read (a call may also write it)
                return liveOut || ast::mentionsOwn(s, v_);
        }
    }

    // The least H with H = exit(block(body, H)) (two passes at most: booleans).
    template <typename Exit>
    bool fixedPoint(const Block& body, Exit exit) {
        bool head = false;
        for (;;) {
            bool next = exit(block(body, head));
            if (next == head) return head;
            head = next;
        }
    }

    // An assignment that does not overwrite v as a whole: reads v in its value, or in the
    // indices of its target (`a[v] = e`, `v[v[0]] = e`); the write into an element or member
    // of v is not a read.
    bool readsIn(const Stmt& s) const {
        if (ast::mentions(*s.value, v_)) return true;
        const Expr* t = s.target.get();
        while (t && (t->kind == Expr::Kind::Index || t->kind == Expr::Kind::Member)) {
            if (t->kind == Expr::Kind::Index && ast::mentions(*t->operands[1], v_)) return true;
            t = t->operands[0].get();
        }
        return false;
    }

    std::string v_;
    bool scalar_;
};

// `x = _t[_t_n]`: a pop of tape t.
bool isPop(const Stmt& s, const HeapTapeNames& t) {
    if (s.kind != Stmt::Kind::Assign || !s.value || s.value->kind != Expr::Kind::Index) return false;
    const Expr& e = *s.value;
    return ast::isVar(*e.operands[0], t.name) && ast::isVar(*e.operands[1], t.counter);
}

bool mentionsTape(const Stmt& s, const HeapTapeNames& t) {
    return ast::mentionsOwn(s, t.name) || ast::mentionsOwn(s, t.counter) ||
           (!t.capacity.empty() && ast::mentionsOwn(s, t.capacity));
}

bool mentionsAny(const Stmt& s, const std::vector<HeapTapeNames>& tapes) {
    for (const HeapTapeNames& t : tapes)
        if (mentionsTape(s, t)) return true;
    return false;
}

// Whether tape t is dead in the reverse sweep.
bool dead(const Block& reverseSweep, const HeapTapeNames& t, const std::set<std::string>& locals,
          const std::set<std::string>& liveAtEnd) {
    std::vector<const Stmt*> pops;
    bool otherUse = false;
    ast::forEachStmt(reverseSweep, [&](const Stmt& s) {
        if (isPop(s, t)) pops.push_back(&s);
        else if (ast::mentionsOwn(s, t.name)) otherUse = true;  // read otherwise: keep it
    });
    if (pops.empty() || otherUse) return false;
    std::map<std::string, Liveness> byVariable;
    for (const Stmt* pop : pops) {
        const Expr* root = chainRoot(*pop->target);
        if (!root || !locals.count(root->name)) return false;
        auto it = byVariable.find(root->name);
        if (it == byVariable.end()) {
            const bool scalar = pop->target->kind == Expr::Kind::Var;
            if (!scalar && pop->target->kind != Expr::Kind::Index) return false;  // members: keep
            it = byVariable.emplace(root->name, Liveness(root->name, scalar)).first;
            it->second.block(reverseSweep, liveAtEnd.count(root->name) > 0);
        }
        auto after = it->second.liveAfter.find(pop);
        if (after == it->second.liveAfter.end() || after->second) return false;
    }
    return true;
}

}  // namespace

std::set<std::string> deadTapes(const Block& reverseSweep, const std::vector<HeapTapeNames>& tapes,
                                const std::set<std::string>& locals, const std::set<std::string>& liveAtEnd) {
    std::set<std::string> out;
    for (const HeapTapeNames& t : tapes)
        if (dead(reverseSweep, t, locals, liveAtEnd)) out.insert(t.name);
    return out;
}

void removeTapeStatements(Block& block, const std::vector<HeapTapeNames>& tapes) {
    Block kept;
    for (StmtPtr& s : block) {
        if (!s || mentionsAny(*s, tapes)) continue;
        removeTapeStatements(s->body, tapes);
        removeTapeStatements(s->orelse, tapes);
        kept.push_back(std::move(s));
    }
    block = std::move(kept);
}

bool removalEmptiesABlock(const Block& block, const std::vector<HeapTapeNames>& tapes) {
    auto emptied = [&](const Block& b) {
        if (b.empty()) return false;
        for (const StmtPtr& s : b)
            if (s && !mentionsAny(*s, tapes)) return false;
        return true;
    };
    return ast::anyStmt(block, [&](const Stmt& s) {
        if (mentionsAny(s, tapes)) return false;  // removed itself, with its bodies
        if (s.kind == Stmt::Kind::If) return emptied(s.body);  // (an emptied else is just dropped)
        return (s.kind == Stmt::Kind::While || s.kind == Stmt::Kind::For) && emptied(s.body);
    });
}

namespace {

// `v = e`, or an if whose non-empty bodies hold only such statements.
bool onlyAssigns(const Stmt& s, const std::string& v) {
    if (s.kind == Stmt::Kind::Assign) return s.target && ast::isVar(*s.target, v);
    if (s.kind != Stmt::Kind::If || s.body.empty()) return false;
    for (const ast::Block* b : {&s.body, &s.orelse})
        for (const StmtPtr& t : *b)
            if (t && !onlyAssigns(*t, v)) return false;
    return true;
}

}  // namespace

void removeUnreadCount(const std::vector<Block*>& blocks, const std::string& v) {
    for (const Block* b : blocks)
        if (ast::anyStmt(*b, [&](const Stmt& s) { return !onlyAssigns(s, v) && ast::mentionsOwn(s, v); })) return;
    std::function<void(Block&)> remove = [&](Block& b) {
        std::erase_if(b, [&](const StmtPtr& s) { return s && onlyAssigns(*s, v); });
        for (StmtPtr& s : b)
            if (s) {
                remove(s->body);
                remove(s->orelse);
            }
    };
    for (Block* b : blocks) remove(*b);
}

}  // namespace lomaw::ad
