#!/usr/bin/env bash
# Builds lomaworks and lomaw (release preset) and starts the app on the gradient-descent example.
# Without a display ($DISPLAY / $WAYLAND_DISPLAY unset) it says how to run the app under Xvfb and
# runs the headless CLI demo instead: the same example's reverse-mode descent, from x = 5.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake --preset release >/dev/null
cmake --build --preset release --target lomaworks lomaw -j"${JOBS:-$(nproc)}"

app=build/release/app/workbench/lomaworks
cli=build/release/app/cli/lomaw
example=examples/poly_descent.py

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    exec "$app" "$example"
fi

cat <<MSG
No display (\$DISPLAY and \$WAYLAND_DISPLAY are unset), so lomaworks cannot open a window here.
To run the app without a screen, under a virtual X server:
    xvfb-run $app
Meanwhile, the headless CLI demo (gradient descent on p(x) = x^3 - 6x^2 + 9x + 1 from x = 5,
derivative by reverse mode; the minimum is at x = 3):
    $cli run $example descend_rev --args '[5.0, 0.05, 200]'
MSG
exec "$cli" run "$example" descend_rev --args '[5.0, 0.05, 200]'
