#include "sema/ErrorType.h"

namespace lomaw::sema {

const TypePtr& errorType() {
    // A distinct object: identity (not structure) tells it apart from void.
    static const TypePtr t = std::make_shared<Type>(Type{Type::Kind::Void, "<error>", nullptr, 0});
    return t;
}

}  // namespace lomaw::sema
