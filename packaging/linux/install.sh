#!/bin/sh
# Install this boxoffice bundle for the current user (or, as root with --system, for
# everyone): the menu entry (Box Office), its icon, and `boxoffice` on the PATH.
# The bundle stays where it is: move the folder first (e.g. to /opt/boxoffice), then run
# its install.sh. Remove: delete the files this script prints.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = "--system" ]; then
    apps=/usr/local/share/applications icons=/usr/local/share/icons/hicolor/512x512/apps bin=/usr/local/bin
else
    data=${XDG_DATA_HOME:-$HOME/.local/share}
    apps=$data/applications icons=$data/icons/hicolor/512x512/apps bin=$HOME/.local/bin
fi
mkdir -p "$apps" "$icons" "$bin"
cp "$here/boxoffice.png" "$icons/boxoffice.png"
sed -e "s|^Exec=.*|Exec=\"$here/boxoffice\"|" -e "s|^TryExec=.*|TryExec=$here/boxoffice|" \
    "$here/boxoffice.desktop" > "$apps/boxoffice.desktop"
ln -sf "$here/boxoffice" "$bin/boxoffice"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" 2>/dev/null || true
echo "installed: $apps/boxoffice.desktop, $icons/boxoffice.png, $bin/boxoffice -> $here/boxoffice"
