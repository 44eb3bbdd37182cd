#!/usr/bin/env bash
# Install the system libraries Qt needs when they are missing: for the window (xcb, EGL, fonts, CJK fonts,
# the speech engine: speech-dispatcher with espeak-ng), for the tests (purpose `test`: libpulse0, which
# Qt's text-to-speech module links), for screenshots. Only acts as root with apt-get; otherwise it says what
# is missing and carries on.
set -u
purpose=${1:-gui}
if [ "$purpose" = test ]; then
  packages=(libpulse0)
else
  packages=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
            libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1
            libfontconfig1 libdbus-1-3 fonts-noto-cjk libpulse0 speech-dispatcher espeak-ng)
fi
if [ "$purpose" != test ] && { [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] || [ "$purpose" = screenshots ]; }; then
  packages+=(xvfb xauth)
fi
[ "$purpose" = screenshots ] && packages+=(imagemagick)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages ($purpose): ${missing[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || echo "Could not install ${missing[*]}; the window (or read aloud) may not work." >&2
else
  echo "Missing system packages (install them with your package manager): ${missing[*]}" >&2
fi
exit 0
