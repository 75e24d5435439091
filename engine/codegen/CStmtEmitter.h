// Kernel statements as C statements (§3, §9.1, §9.2): one statement per line, each line
// attributed to the kernel line of its statement.
#pragma once

#include "codegen/CExprEmitter.h"
#include "codegen/CUnitContext.h"

namespace lomaw::codegen {

class CStmtEmitter {
public:
    CStmtEmitter(CFunctionScope& scope, const CEvalOrder& order, CWriter& out)
        : scope_(scope), exprs_(scope, order), out_(out) {}

    void block(const ast::Block& b, int indent);
    void stmt(const ast::Stmt& s, int indent);

private:
    void declare(const ast::Stmt& s, int indent);
    void assign(const ast::Stmt& s, int indent);
    void returnStmt(const ast::Stmt& s, int indent);
    void callStmt(const ast::Stmt& s, int indent);
    void atomicAdd(const ast::Expr& call, int indent, int line);
    void ifStmt(const ast::Stmt& s, int indent, bool asElseIf);
    void whileStmt(const ast::Stmt& s, int indent);

    // CForEmitter.cpp: range loops and pragma loops.
    struct RangeBounds;
    void forStmt(const ast::Stmt& s, int indent);
    void parallelFor(const ast::Stmt& s, int indent);
    RangeBounds rangeBounds(const ast::Stmt& s, int indent, bool hoistAll);
    void rangeLoop(const ast::Stmt& s, const RangeBounds& b, int indent);
    bool assignedIn(const ast::Block& body, const std::string& name) const;

    void flush(const CPrelude& pre, int indent, int line);
    void ompDirective(const std::string& pragma, int indent, int line);
    void addReductionCopy(const Type& t, const std::string& original, const std::string& copy, bool atomic,
                          int indent, int line, int depth);

    CFunctionScope& scope_;
    CExprEmitter exprs_;
    CWriter& out_;
    // --check-bounds (CBoundsChecks.h): the marks of the enclosing blocks that registered sized
    // locals, outermost first, and how many of them belong to blocks enclosing the current one.
    std::vector<std::string> boundsMarks_;
    size_t outerBoundsMarks_ = 0;
};

}  // namespace lomaw::codegen
