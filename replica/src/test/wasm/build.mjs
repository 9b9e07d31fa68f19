// Regenerates the committed test canisters in ../resources/wasm from wat/*.wat (npm wabt 1.0.39)
// and mo/*.mo (npm motoko 3.9.1, whose output is 32-bit Wasm; its 4.x output is memory64), and
// copies those the scenarios module's tests use.
// Run: npm ci && node build.mjs. Tests and CI use the committed .wasm files, never this script.
import { readFileSync, writeFileSync, readdirSync, mkdirSync, existsSync, copyFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'resources', 'wasm');
mkdirSync(out, { recursive: true });

const wabt = await wabtInit();
for (const file of readdirSync(join(here, 'wat')).filter((f) => f.endsWith('.wat')).sort()) {
  const source = readFileSync(join(here, 'wat', file), 'utf8');
  const module = wabt.parseWat(file, source, { memory64: true });
  module.resolveNames();
  module.validate();
  const { buffer } = module.toBinary({ write_debug_names: false });
  writeFileSync(join(out, basename(file, '.wat') + '.wasm'), Buffer.from(buffer));
  module.destroy();
  console.log('wat', file, buffer.length, 'bytes');
}

const moDir = join(here, 'mo');
if (existsSync(moDir)) {
  const { default: mo } = await import('motoko');
  for (const file of readdirSync(moDir).filter((f) => f.endsWith('.mo')).sort()) {
    mo.write(file, readFileSync(join(moDir, file), 'utf8'));
    const { wasm } = mo.wasm(file, 'ic');
    writeFileSync(join(out, basename(file, '.mo') + '.wasm'), Buffer.from(wasm));
    console.log('motoko', file, wasm.length, 'bytes');
  }
}

// The scenarios module's end-to-end test runs some of them from its own test resources.
const scenarios = join(here, '..', '..', '..', '..', 'scenarios', 'src', 'test', 'resources', 'wasm');
mkdirSync(scenarios, { recursive: true });
for (const name of ['counter.wasm', 'looper.wasm', 'memory64.wasm']) {
  copyFileSync(join(out, name), join(scenarios, name));
}

// The catalog scenario wasm-canisters-under-faults ships its modules beside it (on disk and on the
// classpath as catalog/wasm/).
const catalog = join(here, '..', '..', '..', '..', 'scenarios', 'catalog', 'wasm');
mkdirSync(catalog, { recursive: true });
for (const name of ['counter.wasm', 'caller.wasm', 'looper.wasm']) {
  copyFileSync(join(out, name), join(catalog, name));
}

// The subnet-sim module's session test runs the chain-key proxy on a world with chain keys.
const session = join(here, '..', '..', '..', '..', 'subnet-sim', 'src', 'test', 'resources', 'wasm');
mkdirSync(session, { recursive: true });
copyFileSync(join(out, 'chainkey_proxy.wasm'), join(session, 'chainkey_proxy.wasm'));
