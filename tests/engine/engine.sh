#!/usr/bin/env bash
# Provides the Pulumi CLI and its language hosts for the real-engine tests, and prints one line: a PATH prefix
# holding `pulumi`, pulumi-language-{nodejs,python,go,yaml} and the stand-in `pulumi-resource-aws`.
#
#  1. A `pulumi` on PATH at the @pulumi/pulumi version package-lock.json pins, with the four hosts beside it, is used.
#  2. Otherwise the CLI (github.com/pulumi/pulumi/pkg/v3 at that version, as a tool of tests/engine/toolchain), our
#     stand-in nodejs/python/go hosts (tests/engine/toolchain/hosts: Pulumi's own are not on the Go module proxy)
#     and pulumi-yaml's host are built from the Go module proxy into a cache keyed by the versions and our sources:
#     $APPRUNNER_ENGINE_CACHE, default ~/.cache/apprunner-private/engine. Progress goes to stderr.
#  3. Neither: it fails, saying how to get one.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
standin="$root/plan/standin"
yaml_version=v1.38.3

say() { printf 'engine: %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }

version=v$(node -p "require('$root/package-lock.json').packages['node_modules/@pulumi/pulumi'].version")

hosts_beside() {
    local dir=$1 h
    for h in nodejs python go yaml; do [ -x "$dir/pulumi-language-$h" ] || return 1; done
    [ -e "$dir/pulumi-language-python-exec" ]
}

if found=$(command -v pulumi 2>/dev/null) && [ "$("$found" version 2>/dev/null)" = "$version" ] \
    && hosts_beside "$(dirname "$found")"; then
    say "using $found ($version) and the hosts beside it"
    echo "$(dirname "$found"):$standin"
    exit 0
fi

toolchain="$here/toolchain"
key=$(cat "$toolchain/go.mod" "$toolchain/go.sum" "$toolchain"/hosts/*.go | sha256sum | cut -c1-12)
cache="${APPRUNNER_ENGINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/apprunner-private/engine}/$version-yaml-$yaml_version-$key"
if [ -x "$cache/bin/pulumi" ] && hosts_beside "$cache/bin"; then
    echo "$cache/bin:$standin"
    exit 0
fi

command -v go >/dev/null || fail "no pulumi $version on PATH and no Go to build one. Install Go 1.26 or newer" \
    "(the CLI is built from the Go module proxy), or put pulumi $version and its language hosts on PATH."
pinned=$(cd "$toolchain" && go list -m -f '{{.Version}}' github.com/pulumi/pulumi/pkg/v3)
[ "$pinned" = "$version" ] || fail "tests/engine/toolchain/go.mod builds pulumi $pinned but package-lock.json pins" \
    "@pulumi/pulumi $version. Run: (cd tests/engine/toolchain && go get github.com/pulumi/pulumi/pkg/v3@$version" \
    "github.com/pulumi/pulumi/sdk/v3@$version && go mod tidy)"

export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod
work="$cache.partial"
rm -rf "$work" && mkdir -p "$work/bin"
started=$SECONDS
say "building pulumi $version and the stand-in language hosts into $cache (10 minutes or more with empty Go caches) ..."
(cd "$toolchain" && go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" \
    -o "$work/bin/" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi ./hosts) \
    || fail "building pulumi $version failed (see above). Check that the Go module proxy is reachable (go env GOPROXY)."
for h in nodejs python go; do ln -s hosts "$work/bin/pulumi-language-$h"; done
sdk=$(cd "$toolchain" && go list -m -f '{{.Dir}}' github.com/pulumi/pulumi/sdk/v3)
install -m 0755 "$sdk/python/cmd/pulumi-language-python-exec" "$work/bin/"
say "built pulumi in $((SECONDS - started)) s; building pulumi-language-yaml $yaml_version ..."
GOBIN="$work/bin" go install -trimpath -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=$yaml_version" \
    "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$yaml_version" \
    || fail "building pulumi-language-yaml $yaml_version failed (see above)."
rm -rf "$cache" && mv "$work" "$cache"
say "done in $((SECONDS - started)) s: $("$cache/bin/pulumi" version)"
echo "$cache/bin:$standin"
