#!/bin/sh
# Bundles tools/bench/device-reduce.ts with Dawn's Linux binary into .bench/device/ (about 21 MB), to
# be carried to the lent GPU machine and run there with `node .bench/device/device-reduce.mjs`.
set -e
out=.bench/device
mkdir -p "$out/node_modules/webgpu/dist/linux-x64"
cp node_modules/webgpu/index.js node_modules/webgpu/package.json "$out/node_modules/webgpu/"
cp node_modules/webgpu/dist/linux-x64/dawn.node "$out/node_modules/webgpu/dist/linux-x64/"
node tools/bench/device-bundle.mjs "$out/device-reduce.mjs"
