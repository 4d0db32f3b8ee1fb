#!/bin/sh
# Captures the real Linux tool output in test/corpus/network/linux_*_hush-capture.txt: the sockets
# of processes executed through links named like Plex's helpers ("Plex Media Server", "Plex Relay",
# "CrashUploader"; they are Node, not Plex), in a network namespace of their own so that nothing
# else on the machine shows. Needs root (unshare -n, setpriv), iproute2 ss, lsof and net-tools.
#
#   sudo sh scripts/corpus/capture-network-samples.sh test/corpus/network
set -eu
out=$(realpath "${1:?usage: capture-network-samples.sh <output folder>}")
here=$(dirname "$(realpath "$0")")
if [ -z "${HUSH_CAPTURE_INSIDE:-}" ]; then
  exec env HUSH_CAPTURE_INSIDE=1 unshare -n sh "$0" "$out"
fi
ip link set lo up
bin=$(mktemp -d)
chmod 755 "$bin"
cp "$here/network-capture-actors.mjs" "$bin/actors.mjs"
for name in 'Plex Media Server' 'Plex Relay' 'CrashUploader'; do
  ln -s "$(command -v node)" "$bin/$name"
done
# The Plex processes run as uid 7777 (a stand-in for the plex user, no passwd entry), as a
# package-installed server runs as its own user.
as_plex="setpriv --reuid=7777 --regid=7777 --clear-groups"
node "$bin/actors.mjs" stand-ins & standins=$!
sleep 0.5
$as_plex "$bin/Plex Media Server" "$bin/actors.mjs" server & server=$!
sleep 0.5
$as_plex "$bin/Plex Relay" "$bin/actors.mjs" relay & relay=$!
$as_plex "$bin/CrashUploader" "$bin/actors.mjs" uploader & uploader=$!
sleep 2
stamp=hush-capture
# lsof and ss exit non-zero when they find nothing; what they printed is the sample either way.
set +e
for table in tcp tcp6 udp udp6; do
  cat "/proc/net/$table" > "$out/linux_proc-net-${table}_$stamp.txt"
done
ss -tinp > "$out/linux_ss-tinp_$stamp.txt"
ss -tin > "$out/linux_ss-tin_$stamp.txt"
ss -uanp > "$out/linux_ss-uanp_$stamp.txt"
lsof -nP -iTCP -iUDP > "$out/linux_lsof-nP-iTCP-iUDP_$stamp.txt"
lsof -nP -iTCP -iUDP +c 0 > "$out/linux_lsof-nP-iTCP-iUDP-c0_$stamp.txt"
lsof -nP -iTCP -iUDP -F pcuftPTn > "$out/linux_lsof-F_$stamp.txt"
netstat -antp > "$out/linux_netstat-antp_$stamp.txt"
netstat -anup > "$out/linux_netstat-anup_$stamp.txt"
# The same views as an ordinary user (nobody): no process names for other users' sockets.
setpriv --reuid=65534 --regid=65534 --clear-groups netstat -antp > "$out/linux_netstat-antp-nonroot_$stamp.txt" 2>&1
setpriv --reuid=65534 --regid=65534 --clear-groups ss -tinp > "$out/linux_ss-tinp-nonroot_$stamp.txt" 2>&1
# Which pid was which, for the sidecars.
echo "stand-ins $standins; Plex Media Server $server; Plex Relay $relay; CrashUploader $uploader"
kill "$standins" "$server" "$relay" 2>/dev/null || true
wait 2>/dev/null || true
rm -rf "$bin"
