# Hush for headless servers: the browser dashboard (`hush serve`) beside a Plex Media Server
# container. docs/container.md says what to mount for linuxserver/plex, plexinc/pms-docker, Unraid
# and Synology; compose.yaml is an example. scripts/container/container.test.ts runs this file's
# ENTRYPOINT, CMD, ENV and HEALTHCHECK as written, in a folder laid out like the container.

# 1. The npm package, built from this clone exactly as `npm pack` makes it.
FROM node:20-bookworm-slim AS package
WORKDIR /src
COPY package.json package-lock.json ./
RUN ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN node scripts/build.mjs && npm pack --ignore-scripts --pack-destination /tmp \
 && mv /tmp/plex-hush-*.tgz /tmp/plex-hush.tgz

# 2. The image: Node and the installed package, nothing else.
FROM node:20-alpine
COPY --from=package /tmp/plex-hush.tgz /tmp/plex-hush.tgz
# better-sqlite3 takes its prebuilt binary for musl when one is published, else it compiles.
RUN apk add --no-cache --virtual .build python3 make g++ \
 && npm install --global --no-audit --no-fund /tmp/plex-hush.tgz \
 && apk del .build && rm -rf /tmp/plex-hush.tgz /root/.npm /root/.cache
COPY deploy/docker/entrypoint.sh /usr/local/bin/hush-entrypoint
RUN chmod 0755 /usr/local/bin/hush-entrypoint && mkdir -p /data && chown node:node /data

# Hush's own state (settings, outbound log, snapshots) lives in a volume.
ENV HUSH_STATE_DIR=/data
# Mount the server's "Plex Media Server" folder read-only at /plex/Plex Media Server: Hush reads
# its Preferences.xml (the server's token) and Logs/ there.
ENV PLEX_MEDIA_SERVER_APPLICATION_SUPPORT_DIR=/plex
VOLUME ["/data"]
EXPOSE 8484
USER node
WORKDIR /data

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8484/').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# The password comes from HUSH_WEB_PASSWORD, or from the file HUSH_WEB_PASSWORD_FILE names (a
# Docker secret); without one, `hush serve` refuses to listen beyond loopback.
ENTRYPOINT ["/usr/local/bin/hush-entrypoint"]
CMD ["hush", "serve", "--host", "0.0.0.0", "--port", "8484"]
