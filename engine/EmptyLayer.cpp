// Placeholder translation unit for an engine layer that has no code yet (see CMakeLists.txt).
namespace lomaw { [[maybe_unused]] static const int kEmptyLayer = 0; }
