#!/usr/bin/env bash
# Runs on the lent device machine (see tools/device/gpu-bench.ts). Prepare with `node tools/device/build.mjs`,
# then carry .devicekit/{node.xz,kit.tar.xz,gpu-bench.mjs,ort-wasm-simd-threaded.asyncify.mjs} and .gl.
set -u
for f in .gl/*.deb; do dpkg -x "$f" / 2>/dev/null; done; ldconfig
export VK_DRIVER_FILES=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json __EGL_VENDOR_LIBRARY_FILENAMES=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
[ -f "$VK_DRIVER_FILES" ] || unset VK_DRIVER_FILES
cd .devicekit
[ -x node ] || { xz -dc node.xz > node && chmod +x node; }
[ -d node_modules/webgpu ] || tar -xJf kit.tar.xz
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
ls /usr/local/nvidia/share/vulkan/icd.d/ /usr/share/vulkan/icd.d/ /etc/vulkan/icd.d/ 2>/dev/null
(cd .. && PYTHONUNBUFFERED=1 python3 tools/device/export_qwen05b_shape.py /tmp/qwen05b "${LAYERS:-24}" 2>&1 | grep -v Warning | tail -5) &
EXPORT=$!
timeout 200 ./node gpu-bench.mjs post 2>&1 | grep -v XDG_RUNTIME
wait $EXPORT
ls -la /tmp/qwen05b/onnx
timeout 300 ./node --max-old-space-size=16000 gpu-bench.mjs model /tmp/qwen05b 2>&1 | grep -v "XDG_RUNTIME\|VerifyEachNode"
