#!/usr/bin/env bash
# Derives the app icon's PNG, ICO and ICNS files from assets/icons/kd-playground.svg; the results are committed.
# Needs rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert (imagemagick) and png2icns (icnsutils).
# Without png2icns (on macOS) make the ICNS with iconutil:
#   mkdir kd.iconset; for s in 16 32 128 256 512; do cp assets/icons/png/kd-playground-$s.png kd.iconset/icon_${s}x${s}.png;
#   cp assets/icons/png/kd-playground-$((s*2)).png kd.iconset/icon_${s}x${s}@2x.png 2>/dev/null; done
#   iconutil -c icns kd.iconset -o assets/icons/kd-playground.icns
set -euo pipefail
cd "$(dirname "$0")/.."
svg=assets/icons/kd-playground.svg
out=assets/icons
mkdir -p "$out/png"

for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" "$svg" -o "$out/png/kd-playground-$size.png"
done

# Windows: one ICO with the sizes Explorer and the task bar ask for
convert "$out/png/kd-playground-16.png" "$out/png/kd-playground-24.png" "$out/png/kd-playground-32.png" \
  "$out/png/kd-playground-48.png" "$out/png/kd-playground-64.png" "$out/png/kd-playground-128.png" \
  "$out/png/kd-playground-256.png" "$out/kd-playground.ico"

# macOS
if command -v png2icns >/dev/null 2>&1; then
  png2icns "$out/kd-playground.icns" "$out/png/kd-playground-16.png" "$out/png/kd-playground-32.png" \
    "$out/png/kd-playground-48.png" "$out/png/kd-playground-128.png" "$out/png/kd-playground-256.png" \
    "$out/png/kd-playground-512.png" "$out/png/kd-playground-1024.png" >/dev/null
else
  echo "png2icns not found: kd-playground.icns left as it is (see the comment at the top for iconutil)" >&2
fi
ls -l "$out" "$out/png"
