#!/bin/sh
# /usr/bin/bianmin-kiosk and /usr/bin/kioskctl: the installed launchers with the installed kiosk's places,
# config in /etc/bianmin-kiosk and data (database, keys, logs) in /var/lib/bianmin-kiosk.
export BIANMIN_KIOSK_DATA="${BIANMIN_KIOSK_DATA:-/var/lib/bianmin-kiosk}"
export BIANMIN_KIOSK_CONFIG="${BIANMIN_KIOSK_CONFIG:-/etc/bianmin-kiosk/config.json}"
# Run as root, it runs as the kiosk user: the files it creates must stay the kiosk's.
if [ "$(id -u)" = 0 ]; then
  exec runuser -u kiosk -- "$0" "$@"
fi
exec "/opt/bianmin-kiosk/bin/$(basename "$0")" "$@"
