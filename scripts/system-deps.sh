#!/usr/bin/env bash
# Install the system libraries Qt's window needs (xcb, EGL, fonts, CJK fonts), when they are missing.
# Only acts as root with apt-get; otherwise it says what is missing and carries on.
set -u
purpose=${1:-gui}
packages=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
          libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1
          libfontconfig1 libdbus-1-3 fonts-noto-cjk)
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] || [ "$purpose" = screenshots ]; then
  packages+=(xvfb xauth)
fi
[ "$purpose" = screenshots ] && packages+=(imagemagick)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages for the window: ${missing[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || echo "Could not install ${missing[*]}; the window may not open." >&2
else
  echo "Missing system packages (install them with your package manager): ${missing[*]}" >&2
fi
exit 0
