// `npm run bench:provider`: process start to first Construct answered, for this package's provider (committed
// schema, compiled JavaScript) and for the stock auto-discovered ComponentProvider serving the same component
// (tests/stock-provider: TypeScript compiled by ts-node at start, schema inferred at the first request), each started
// exactly as the engine starts a plugin, against the fake engine. Median of BENCH_RUNS runs (default 5), same run.
import * as path from "node:path";
import { AwsMocks, TOPOLOGY as T } from "../mocks";
import { ROOT } from "../schema";
import { FakeEngine, ProviderProcess } from "../wire";

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const TARGET_MS = 1000;
const TARGET_SPEEDUP = 5;
/** The first Construct answered at most this long after an empty provider's (issue #18). */
const TARGET_ABOVE_FLOOR_MS = 150;

async function once(pluginDir: string, floor: boolean) {
    const engine = await new FakeEngine(new AwsMocks()).start();
    const started = performance.now();
    // The stock entry's sources import sdk/, which loads the repository's @pulumi/pulumi, not provider/node_modules'.
    const provider = await ProviderProcess.start(pluginDir, engine.address, pluginDir.endsWith("stock-provider") ? ROOT : pluginDir);
    try {
        const { state } = await provider.construct({
            engine,
            name: "api",
            inputs: { serviceArn: T.apiServiceArn, vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] },
        });
        if (!floor && state.status !== "AVAILABLE") throw new Error(`unexpected state ${JSON.stringify(state)}`);
        return { port: provider.startMs, construct: performance.now() - started };
    } finally {
        await provider.stop();
        engine.stop();
    }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
    const subjects = [
        ["this provider", path.join(ROOT, "provider")],
        ["stock ComponentProvider", path.join(ROOT, "tests", "stock-provider")],
        ["floor (empty provider)", path.join(__dirname, "..", "..", "..", "tests", "bench", "floor-provider")],
    ] as const;
    const results: Record<string, { port: number[]; construct: number[] }> = {};
    for (const [label] of subjects) results[label] = { port: [], construct: [] };
    // Interleaved, so both see the same machine load.
    for (let run = 0; run < RUNS; run++) {
        for (const [label, dir] of subjects) {
            const r = await once(dir, label.startsWith("floor"));
            results[label].port.push(r.port);
            results[label].construct.push(r.construct);
        }
    }
    console.log(`process start to first Construct answered, median of ${RUNS} runs (ms)`);
    console.log("provider                   port printed   Construct answered");
    for (const [label] of subjects) {
        const r = results[label];
        console.log(`${label.padEnd(25)}  ${median(r.port).toFixed(0).padStart(12)}   ${median(r.construct).toFixed(0).padStart(18)}`);
    }
    const ours = median(results["this provider"].construct);
    const stock = median(results["stock ComponentProvider"].construct);
    const floor = median(results["floor (empty provider)"].construct);
    const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
    console.log(`this provider: ${ours.toFixed(0)} ms; target at most ${TARGET_MS} ms: ${verdict(ours <= TARGET_MS)}`);
    console.log(
        `speed-up over stock: ${(stock / ours).toFixed(1)}x; ` +
            `target at least ${TARGET_SPEEDUP}x: ${verdict(stock / ours >= TARGET_SPEEDUP)}`,
    );
    console.log(
        `ceiling: an empty provider started the same way answers in ${floor.toFixed(0)} ms, so no provider can be more than ` +
            `${(stock / floor).toFixed(1)}x faster than stock here; this provider spends ${(ours - floor).toFixed(0)} ms above that floor`,
    );
    console.log(
        `above the floor: ${(ours - floor).toFixed(0)} ms; target at most ${TARGET_ABOVE_FLOOR_MS} ` +
            `ms: ${verdict(ours - floor <= TARGET_ABOVE_FLOOR_MS)}`,
    );
    // The targets are reported, not enforced: times on a shared machine are noisy. Only a provider that fails
    // (an exception above) makes the run fail.
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
