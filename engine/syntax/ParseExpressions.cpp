// Expressions (docs/language.md §1.8, §1.9) and type annotations (§1.7 `type`).
//
// The grammar follows Python's precedence levels exactly, including the operators loma
// rejects, so that a rejected operator is reported at its own token and the rest of the
// expression is still parsed the way Python would (independent errors are found, nothing is
// misparsed into a cascade). A rejected construct yields a null node.
//
// Comparison chains (`a < b < c`) are valid Python with a meaning loma does not have; they are
// reported as `unsupported-expression` at the second comparison operator.
#include <algorithm>
#include <cfloat>
#include <cmath>

#include "syntax/ParserInternal.h"

namespace lomaw::syntax {

namespace {

ast::ExprPtr binary(ast::BinaryOp op, ast::ExprPtr lhs, ast::ExprPtr rhs, SourceLoc at) {
    if (!lhs || !rhs) return nullptr;
    return ast::makeBinary(op, std::move(lhs), std::move(rhs), at);
}

// Smallest magnitude that rounds to infinity as a 32-bit float: FLT_MAX plus half an ulp.
constexpr double kFloatOverflow = 0x1.ffffffp127;

}  // namespace

ast::ExprPtr ParserImpl::deepen(ast::ExprPtr e, int childDepth) {
    if (!e) {
        exprDepth_ = 0;
        return nullptr;
    }
    exprDepth_ = childDepth + 1;
    if (exprDepth_ > kMaxExprDepth) {
        exprDepth_ = 0;
        if (!panic_) fatal(e->loc, msg::ExpressionTooDeep);
        return nullptr;
    }
    return e;
}

// ---------------------------------------------------------------- top levels

ast::ExprPtr ParserImpl::expression() {
    NestingGuard guard(*this);
    if (!guard.ok) return nullptr;
    const Token& start = tok();
    if (start.isKw(Kw::Lambda)) {
        fatal(start.loc, msg::LambdaExpression);
        return nullptr;
    }
    ast::ExprPtr e = orExpr();
    if (tok().isKw(Kw::If) && !panic_) {
        report(start.loc, msg::ConditionalExpression);
        advance();
        orExpr();
        if (!tok().isKw(Kw::Else)) {
            syntaxError(tok(), msg::ExpectedElseInConditional);
            return nullptr;
        }
        advance();
        expression();
        return nullptr;
    }
    return e;
}

ast::ExprPtr ParserImpl::namedExpression() {
    if (tok().isIdent() && peek(1).isOp(":=")) {
        report(tok().loc, msg::WalrusOutsideWhile);
        advance();
        advance();
        expression();
        return nullptr;
    }
    return expression();
}

ast::ExprPtr ParserImpl::expressionNoTuple() {
    SourceLoc start = tok().loc;
    ast::ExprPtr e = expression();
    if (tok().isOp(",") && !panic_) {
        report(start, msg::Tuple);
        skipSimple();
        return nullptr;
    }
    return e;
}

// ---------------------------------------------------------------- boolean and comparison levels

ast::ExprPtr ParserImpl::leftAssociative(const BinaryLevel& level) {
    ast::ExprPtr lhs = (this->*level.operand)();
    while (!panic_) {
        const Token& t = tok();
        if (std::optional<ast::BinaryOp> op = level.accepted(t)) {
            int dl = exprDepth_;
            SourceLoc at = t.loc;
            advance();
            ast::ExprPtr rhs = (this->*level.operand)();
            lhs = deepen(binary(*op, std::move(lhs), std::move(rhs), at), std::max(dl, exprDepth_));
        } else if (t.kind == TokKind::Op &&
                   std::find(level.rejected.begin(), level.rejected.end(), t.text) != level.rejected.end()) {
            report(t.loc, {msg::UnsupportedOperator, t.text});
            advance();
            (this->*level.operand)();
            lhs = nullptr;
        } else {
            break;
        }
    }
    return lhs;
}

ast::ExprPtr ParserImpl::orExpr() {
    return leftAssociative({&ParserImpl::andExpr, [](const Token& t) -> std::optional<ast::BinaryOp> {
                                if (t.isKw(Kw::Or)) return ast::BinaryOp::Or;
                                return std::nullopt;
                            }, {}});
}

ast::ExprPtr ParserImpl::andExpr() {
    return leftAssociative({&ParserImpl::notExpr, [](const Token& t) -> std::optional<ast::BinaryOp> {
                                if (t.isKw(Kw::And)) return ast::BinaryOp::And;
                                return std::nullopt;
                            }, {}});
}

ast::ExprPtr ParserImpl::notExpr() {
    if (tok().isKw(Kw::Not)) {
        NestingGuard guard(*this);
        if (!guard.ok) return nullptr;
        report(tok().loc, {msg::UnsupportedOperator, "not"});
        advance();
        notExpr();
        return nullptr;
    }
    return comparison();
}

ast::ExprPtr ParserImpl::comparison() {
    ast::ExprPtr lhs = bitwise(0);
    int count = 0;
    bool chainReported = false;
    while (!panic_) {
        const Token& t = tok();
        SourceLoc at = t.loc;
        std::optional<ast::BinaryOp> op;
        const char* rejected = nullptr;
        size_t width = 1;
        if (t.isOp("<")) op = ast::BinaryOp::Less;
        else if (t.isOp("<=")) op = ast::BinaryOp::LessEq;
        else if (t.isOp(">")) op = ast::BinaryOp::Greater;
        else if (t.isOp(">=")) op = ast::BinaryOp::GreaterEq;
        else if (t.isOp("==")) op = ast::BinaryOp::Equal;
        else if (t.isOp("!=")) rejected = "!=";
        else if (t.isOp("<>")) rejected = "<>";
        else if (t.isKw(Kw::In)) rejected = "in";
        else if (t.isKw(Kw::Not) && peek(1).isKw(Kw::In)) { rejected = "not in"; width = 2; }
        else if (t.isKw(Kw::Is) && peek(1).isKw(Kw::Not)) { rejected = "is not"; width = 2; }
        else if (t.isKw(Kw::Is)) rejected = "is";
        else break;
        ++count;
        if (rejected) {
            report(at, {msg::UnsupportedOperator, rejected});
        } else if (count >= 2 && !chainReported) {
            report(at, msg::ComparisonChain);
            chainReported = true;
        }
        int dl = exprDepth_;
        for (size_t i = 0; i < width; ++i) advance();
        ast::ExprPtr rhs = bitwise(0);
        if (rejected || count >= 2) lhs = nullptr;
        else lhs = deepen(binary(*op, std::move(lhs), std::move(rhs), at), std::max(dl, exprDepth_));
    }
    return lhs;
}

// Python's |, ^, & and shift levels, all rejected (level 0..3), then + and -.
ast::ExprPtr ParserImpl::bitwise(int level) {
    if (level > 3) return arith();
    static const std::string_view ops[4][2] = {{"|", ""}, {"^", ""}, {"&", ""}, {"<<", ">>"}};
    ast::ExprPtr lhs = bitwise(level + 1);
    while (!panic_) {
        const Token& t = tok();
        bool match = t.kind == TokKind::Op &&
                     (t.text == ops[level][0] || (!ops[level][1].empty() && t.text == ops[level][1]));
        if (!match) break;
        report(t.loc, {msg::UnsupportedOperator, t.text});
        advance();
        bitwise(level + 1);
        lhs = nullptr;
    }
    return lhs;
}

// ---------------------------------------------------------------- arithmetic

ast::ExprPtr ParserImpl::arith() {
    return leftAssociative({&ParserImpl::term, [](const Token& t) -> std::optional<ast::BinaryOp> {
                                if (t.isOp("+")) return ast::BinaryOp::Add;
                                if (t.isOp("-")) return ast::BinaryOp::Sub;
                                return std::nullopt;
                            }, {}});
}

ast::ExprPtr ParserImpl::term() {
    return leftAssociative({&ParserImpl::factor, [](const Token& t) -> std::optional<ast::BinaryOp> {
                                if (t.isOp("*")) return ast::BinaryOp::Mul;
                                if (t.isOp("/")) return ast::BinaryOp::Div;
                                return std::nullopt;
                            }, {"%", "//", "@"}});
}

ast::ExprPtr ParserImpl::factor() {
    const Token& t = tok();
    if (t.isOp("-") || t.isOp("+") || t.isOp("~")) {
        NestingGuard guard(*this);
        if (!guard.ok) return nullptr;
        return unary(t);
    }
    return power();
}

ast::ExprPtr ParserImpl::unary(const Token& t) {
    if (t.isOp("-")) {
        advance();
        ast::ExprPtr operand = factor();
        if (!operand) return nullptr;
        return deepen(ast::makeNeg(std::move(operand), t.loc), exprDepth_);
    }
    if (t.isOp("+") || t.isOp("~")) {
        report(t.loc, {msg::UnsupportedUnaryOperator, t.text});
        advance();
        factor();
        return nullptr;
    }
    return nullptr;
}

ast::ExprPtr ParserImpl::power() {
    ast::ExprPtr base = primary();
    if (!panic_ && tok().isOp("**")) {
        report(tok().loc, msg::PowerOperator);
        advance();
        factor();
        return nullptr;
    }
    return base;
}

// ---------------------------------------------------------------- postfix and atoms

ast::ExprPtr ParserImpl::primary() {
    SourceLoc start = tok().loc;
    ast::ExprPtr e = atom();
    bool bad = false;  // an error inside the chain: keep parsing it, return null
    while (!panic_) {
        const Token& t = tok();
        if (t.isOp("(")) {
            std::vector<ast::ExprPtr> args;
            bool argsOk = callArguments(args);
            if (panic_) return nullptr;
            if (!e) {
                bad = true;
            } else if (e->kind != ast::Expr::Kind::Var) {
                report(start, e->kind == ast::Expr::Kind::Member ? msg::MethodCall : msg::CallOfNonName);
                bad = true;
            } else if (argsOk && !bad) {
                e = deepen(ast::makeCall(std::move(e->name), std::move(args), start), argsDepth_);
                if (!e) return nullptr;
                continue;
            } else {
                bad = true;
            }
            e = nullptr;
        } else if (t.isOp("[")) {
            int db = exprDepth_;
            e = subscript(std::move(e), start);
            if (panic_) return nullptr;
            if (!e) bad = true;
            else if (!(e = deepen(std::move(e), std::max(db, exprDepth_)))) return nullptr;
        } else if (t.isOp(".")) {
            advance();
            if (!tok().isIdent()) {
                syntaxError(tok(), msg::ExpectedMemberName);
                return nullptr;
            }
            std::string name(tok().text);
            advance();
            if (e && !(e = deepen(ast::makeMember(std::move(e), std::move(name), start), exprDepth_)))
                return nullptr;
        } else {
            break;
        }
    }
    return bad ? nullptr : std::move(e);
}

bool ParserImpl::callArguments(std::vector<ast::ExprPtr>& args) {
    advance();  // (
    bool ok = true;
    int maxDepth = 0;
    while (!tok().isOp(")")) {
        const Token& a = tok();
        if (a.isOp("*") || a.isOp("**")) {
            report(a.loc, msg::StarredArgument);
            advance();
            expression();
            ok = false;
        } else if (a.isIdent() && peek(1).isOp("=")) {
            report(a.loc, msg::KeywordArgument);
            advance();
            advance();
            expression();
            ok = false;
        } else {
            ast::ExprPtr e = namedExpression();
            if (!panic_ && (tok().isKw(Kw::For) || tok().isKw(Kw::Async))) {
                report(a.loc, msg::GeneratorExpression);
                while (!tok().isOp(")") && !atLineEnd()) {
                    if (tok().isOp("(") || tok().isOp("[") || tok().isOp("{")) skipBalanced();
                    else advance();
                }
                ok = false;
                e = nullptr;
            }
            if (e) args.push_back(std::move(e));
            else ok = false;
            maxDepth = std::max(maxDepth, exprDepth_);
        }
        if (panic_) return false;
        if (tok().isOp(",")) {
            advance();
        } else if (!tok().isOp(")")) {
            syntaxError(tok(), msg::ExpectedArgumentSeparator);
            return false;
        }
    }
    advance();  // )
    argsDepth_ = maxDepth;
    return ok;
}

ast::ExprPtr ParserImpl::subscript(ast::ExprPtr base, SourceLoc start) {
    advance();  // [
    const Token& first = tok();
    if (first.isOp("]")) {
        syntaxError(first, msg::ExpectedIndex);
        return nullptr;
    }
    auto rejectRest = [&](const Message& message) -> ast::ExprPtr {
        report(first.loc, message);
        int depth = 1;
        while (!atLineEnd()) {
            const Token& c = tok();
            if (c.isOp("(") || c.isOp("[") || c.isOp("{")) ++depth;
            if (c.isOp(")") || c.isOp("]") || c.isOp("}")) --depth;
            advance();
            if (depth == 0) return nullptr;
        }
        panic_ = true;
        return nullptr;
    };
    if (first.isOp(":")) return rejectRest(msg::Slice);
    ast::ExprPtr index = namedExpression();
    if (panic_) return nullptr;
    if (tok().isOp(":")) return rejectRest(msg::Slice);
    if (tok().isOp(",")) return rejectRest(msg::TupleIndex);
    if (!tok().isOp("]")) {
        syntaxError(tok(), msg::ExpectedCloseBracket);
        return nullptr;
    }
    advance();
    if (!base || !index) return nullptr;
    return ast::makeIndex(std::move(base), std::move(index), start);
}

ast::ExprPtr ParserImpl::intLiteral(const Token& t) {
    if (t.intOverflow) report(t.loc, {msg::IntLiteralRange, t.text});
    return ast::makeInt(t.intValue, t.loc);
}

ast::ExprPtr ParserImpl::floatLiteral(const Token& t) {
    if (std::fabs(t.floatValue) >= kFloatOverflow)
        report(t.loc, {msg::FloatLiteralOverflow, t.text});
    return ast::makeFloat(t.floatValue, t.loc);
}

ast::ExprPtr ParserImpl::atom() {
    const Token& t = tok();
    switch (t.kind) {
        case TokKind::Int:
            advance();
            exprDepth_ = 1;
            return intLiteral(t);
        case TokKind::Float:
            advance();
            exprDepth_ = 1;
            return floatLiteral(t);
        case TokKind::Imaginary:
            report(t.loc, msg::ImaginaryNumber);
            advance();
            return nullptr;
        case TokKind::String:
            report(t.loc, msg::StringExpression);
            while (tok().is(TokKind::String)) advance();
            return nullptr;
        case TokKind::Error:
            panic_ = true;
            return nullptr;
        case TokKind::Name:
            switch (t.kw) {
                case Kw::None_:
                    advance();
                    exprDepth_ = 1;
                    return ast::makeVar(std::string(t.text), t.loc);
                case Kw::True:
                case Kw::False:
                case Kw::NoneLit:
                    report(t.loc, {msg::BooleanOrNone, t.text});
                    advance();
                    return nullptr;
                case Kw::Await:
                    report(t.loc, msg::Await);
                    advance();
                    primary();
                    return nullptr;
                case Kw::Yield:
                case Kw::Lambda:
                    fatal(t.loc, {msg::UnsupportedExpressionKeyword, t.text});
                    return nullptr;
                default:
                    syntaxError(t, msg::InvalidSyntax);
                    return nullptr;
            }
        case TokKind::Op:
            if (t.isOp("(")) return parenthesized();
            if (t.isOp("[") || t.isOp("{")) {
                report(t.loc, t.isOp("[") ? msg::ListDisplay : msg::DictOrSetDisplay);
                skipBalanced();
                return nullptr;
            }
            if (t.isOp("...")) {
                report(t.loc, msg::Ellipsis);
                advance();
                return nullptr;
            }
            if (t.isOp("*")) {
                report(t.loc, msg::StarredExpression);
                advance();
                bitwise(0);
                return nullptr;
            }
            if (t.text == ")" || t.text == "]" || t.text == "}") syntaxError(t, {msg::UnmatchedBracket, t.text});
            else syntaxError(t, msg::InvalidSyntax);
            return nullptr;
        case TokKind::Newline:
        case TokKind::EndOfFile:
            syntaxError(t, msg::ExpectedExpression);
            return nullptr;
        default:
            syntaxError(t, msg::InvalidSyntax);
            return nullptr;
    }
}

ast::ExprPtr ParserImpl::parenthesized() {
    const Token& open = tok();
    advance();
    if (tok().isOp(")")) {
        report(open.loc, msg::Tuple);
        advance();
        return nullptr;
    }
    if (tok().isKw(Kw::Yield)) {
        fatal(tok().loc, {msg::UnsupportedExpressionKeyword, "yield"});
        return nullptr;
    }
    ast::ExprPtr e = namedExpression();
    if (panic_) return nullptr;
    if (tok().isOp(")")) {
        advance();
        return e;
    }
    if (tok().isOp(",") || tok().isKw(Kw::For) || tok().isKw(Kw::Async)) {
        report(open.loc, tok().isOp(",") ? msg::Tuple : msg::GeneratorExpression);
        // Skip to the matching ')'.
        int depth = 1;
        while (!atLineEnd()) {
            const Token& c = tok();
            if (c.isOp("(") || c.isOp("[") || c.isOp("{")) ++depth;
            if (c.isOp(")") || c.isOp("]") || c.isOp("}")) --depth;
            advance();
            if (depth == 0) return nullptr;
        }
        panic_ = true;
        return nullptr;
    }
    syntaxError(tok(), msg::ExpectedCloseParen);
    return nullptr;
}

// ---------------------------------------------------------------- type annotations

ast::TypeExprPtr ParserImpl::typeAnnotation() {
    SourceLoc start = tok().loc;
    ast::TypeExprPtr t = typeExpr();
    if (!t) return nullptr;
    const Token& next = tok();
    bool follows = atLineEnd() || next.isOp(",") || next.isOp(")") || next.isOp("=") ||
                   next.isOp(":") || next.isOp(";");
    if (!follows) {
        if (next.is(TokKind::Error)) panic_ = true;
        else fatal(start, msg::MalformedAnnotation);
        return nullptr;
    }
    return t;
}

ast::TypeExprPtr ParserImpl::typeExpr() {
    NestingGuard guard(*this);
    if (!guard.ok) return nullptr;
    const Token& t = tok();
    if (t.is(TokKind::Error)) {
        panic_ = true;
        return nullptr;
    }
    if (t.isKw(Kw::NoneLit)) {
        fatal(t.loc, msg::NoneType);
        return nullptr;
    }
    if (!t.isIdent()) {
        if (atLineEnd() || t.isOp("=") || t.isOp(",") || t.isOp(")"))
            syntaxError(t, msg::ExpectedTypeSyntax);
        else
            fatal(t.loc, msg::ExpectedType);
        return nullptr;
    }
    auto ty = std::make_unique<ast::TypeExpr>();
    ty->loc = t.loc;
    std::string_view name = t.text;
    advance();
    bool generic = name == "Array" || name == "Diff" || name == "In" || name == "Out";
    if (!tok().isOp("[")) {
        if (generic) {
            fatal(t.loc, {msg::GenericWithoutElement, name});
            return nullptr;
        }
        if (name == "int") ty->kind = ast::TypeExpr::Kind::Int;
        else if (name == "float") ty->kind = ast::TypeExpr::Kind::Float;
        else {
            ty->kind = ast::TypeExpr::Kind::Named;
            ty->name = std::string(name);
        }
        return ty;
    }
    if (!generic) {
        fatal(t.loc, {msg::NotGeneric, name});
        return nullptr;
    }
    ty->kind = name == "Array" ? ast::TypeExpr::Kind::Array
               : name == "Diff" ? ast::TypeExpr::Kind::Diff
               : name == "In"   ? ast::TypeExpr::Kind::In
                                : ast::TypeExpr::Kind::Out;
    advance();  // [
    ty->elem = typeExpr();
    if (!ty->elem) return nullptr;
    if (tok().isOp(",")) {
        if (ty->kind != ast::TypeExpr::Kind::Array) {
            fatal(tok().loc, {msg::OneTypeArgument, name});
            return nullptr;
        }
        advance();
        const Token& n = tok();
        if (!n.is(TokKind::Int) || !(peek(1).isOp("]") || peek(1).isOp(","))) {
            if (n.is(TokKind::Error)) panic_ = true;
            else fatal(n.loc, msg::ArraySizeNotLiteral);
            return nullptr;
        }
        if (n.intOverflow) report(n.loc, {msg::IntLiteralRange, n.text});
        ty->size = n.intValue;
        ty->hasSize = true;
        ty->sizeLoc = n.loc;
        advance();
    }
    if (tok().isOp(",")) {
        fatal(tok().loc, msg::TooManyTypeArguments);
        return nullptr;
    }
    if (!tok().isOp("]")) {
        if (tok().is(TokKind::Error)) panic_ = true;
        else fatal(tok().loc, msg::MalformedTypeBracket);

        return nullptr;
    }
    advance();
    return ty;
}

}  // namespace lomaw::syntax
