#!/usr/bin/env bash
# Start the reader; with no display, on a virtual one (xvfb-run) so that it still opens.
set -u
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ]; then
  exec "$@"
fi
if command -v xvfb-run >/dev/null; then
  echo "No display: starting the reader on a virtual display (xvfb-run). Set DISPLAY to see it."
  exec xvfb-run -a -s "-screen 0 1400x900x24" "$@"
fi
echo "No display and no xvfb-run: starting the reader offscreen." >&2
QT_QPA_PLATFORM=offscreen exec "$@"
