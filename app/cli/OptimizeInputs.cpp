#include "OptimizeInputs.h"

#include <cctype>
#include <optional>
#include <vector>

#include "syntax/AstWalk.h"

namespace lomaw::cli {

namespace {

// The elements of a JSON list, each told empty ("[]") or not, by one linear scan (a --data file
// can be 1 GiB: no tree is built). nullopt when `json` is not a list or is malformed: the
// engine's parser then reports it.
std::optional<std::vector<bool>> listElementsEmpty(const std::string& json) {
    std::vector<bool> empty;
    int depth = 0;  // 1: inside the list itself
    bool inString = false, escaped = false, started = false, inElement = false;
    for (char c : json) {
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
            continue;
        }
        if (std::isspace(static_cast<unsigned char>(c))) continue;
        if (depth == 0) {
            if (started || c != '[') return std::nullopt;
            started = true;
            depth = 1;
        } else if (depth == 1 && (c == ',' || c == ']')) {
            if (c == ',' && !inElement) return std::nullopt;
            inElement = false;
            if (c == ']') depth = 0;
        } else if (depth == 1) {
            if (!inElement) empty.push_back(c == '[');  // a list may still be empty, anything else is not
            inElement = true;
            if (c == '"') inString = true;
            if (c == '[' || c == '{') ++depth;
        } else {
            if (!(depth == 2 && c == ']')) empty.back() = false;
            if (c == '"') inString = true;
            if (c == '[' || c == '{') ++depth;
            if (c == ']' || c == '}') --depth;
        }
    }
    if (!started || depth != 0 || inString) return std::nullopt;
    return empty;
}

// The largest constant index the function uses on array parameter `name` (p[1] -> 1), or -1.
long long largestConstantIndex(const ast::Function& f, const std::string& name) {
    long long largest = -1;
    ast::forEachExprIn(f.body, [&](const ast::Expr& e) {
        if (e.kind == ast::Expr::Kind::Index && e.operands.size() == 2 && e.operands[0]->kind == ast::Expr::Kind::Var &&
            e.operands[0]->name == name && e.operands[1]->kind == ast::Expr::Kind::IntLit)
            largest = std::max(largest, e.operands[1]->intValue);
    });
    return largest;
}

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const std::string& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

std::string plural(size_t n, const std::string& word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

}  // namespace

std::string optimizeInputsError(const ast::Module& module, const std::string& function, const std::string& initJson,
                                const std::string& dataJson) {
    const ast::Function* f = module.findFunction(function);
    if (!f || f->params.size() < 2 || !f->params.front().resolved || !f->params.front().resolved->isArray() ||
        !f->params.back().resolved || !f->params.back().resolved->isArray())
        return "";  // the engine's contract check says what is wrong
    const ast::Param& params = f->params.front();
    const ast::Param& grad = f->params.back();

    if (initJson.empty())
        return "--init missing: " + f->name + " needs the initial values of " + params.name +
               " (--init '[p0, ...]' or --init-file FILE)";
    if (std::optional<std::vector<bool>> init = listElementsEmpty(initJson)) {
        if (init->empty())
            return "--init: " + f->name + " needs at least one parameter in " + params.name + ", got []";
        for (const ast::Param* p : {&params, &grad}) {
            long long index = largestConstantIndex(*f, p->name);
            if (index >= static_cast<long long>(init->size()))
                return "--init: " + f->name + " uses " + p->name + "[" + std::to_string(index) + "], so --init needs at least " +
                       plural(static_cast<size_t>(index) + 1, "parameter") + ", got " + std::to_string(init->size()) +
                       " (" + grad.name + " has as many elements as --init)";
        }
    }

    std::vector<std::string> dataArrays;
    for (size_t i = 1; i + 1 < f->params.size(); ++i)
        if (f->params[i].resolved && f->params[i].resolved->isArray()) dataArrays.push_back(f->params[i].name);
    if (dataArrays.empty()) return "";
    const std::string need = "expected " + plural(dataArrays.size(), "list") + ", one for each data array of " + f->name +
                             " (" + joined(dataArrays) + "), all of the same length";
    if (dataJson.empty()) return "--data missing: " + need;
    std::optional<std::vector<bool>> data = listElementsEmpty(dataJson);
    if (!data) return "";
    if (data->size() != dataArrays.size()) return "--data: " + need + "; got " + plural(data->size(), "list");
    bool allEmpty = true;
    for (bool e : *data) allEmpty = allEmpty && e;
    if (allEmpty) return "--data: no data points: " + joined(dataArrays) + (dataArrays.size() == 1 ? " is" : " are") +
                         " empty (optimize needs at least one element in each)";
    return "";
}

}  // namespace lomaw::cli
