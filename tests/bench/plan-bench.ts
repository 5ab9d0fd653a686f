// `npm run bench:plan`: `apprunner-private plan` of the root project (Pulumi.yaml and program/ at the repository
// root, as `npm run plan` runs it), against a bare `pulumi preview` of the same program (a copy, in a throwaway stack
// with no policy pack), in the same run, interleaved, median of BENCH_RUNS (at least 3). Target (issue #17): the plan
// at most 10 s with the CLI already built. Both type-check the program, as Pulumi's Node.js runtime does.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { REPO, Workspace, enginePath, rootCopy } from "../engine/harness";

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 5));
const TARGET_SECONDS = 10;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): number {
    const start = performance.now();
    const r = spawnSync(command, args, { cwd, env, encoding: "utf8" });
    const ms = performance.now() - start;
    if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
    return ms;
}

function main() {
    const ws = new Workspace("bench-plan");
    try {
        const copy = rootCopy(ws);
        ws.pulumi(copy, "stack", "init", "bench");
        const { PULUMI_HOME: _h, PULUMI_BACKEND_URL: _b, PULUMI_CONFIG_PASSPHRASE: _p, ...userEnv } = process.env;
        const planEnv = { ...userEnv, PATH: `${enginePath()}${path.delimiter}${process.env.PATH}` };
        const times = { plan: [] as number[], preview: [] as number[] };
        for (let run = 0; run < RUNS; run++) {
            times.plan.push(timed(process.execPath, [path.join(REPO, "bin", "plan", "cli.js"), "plan"], REPO, planEnv));
            times.preview.push(timed("pulumi", ["preview", "--stack", "bench", "--non-interactive"], copy, ws.env));
        }
        const plan = median(times.plan) / 1000;
        const preview = median(times.preview) / 1000;
        const all = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(2)).join(", ");
        console.log(`root project, median of ${RUNS} (each run: ${all(times.plan)} s for the plan; ${all(times.preview)} s for the preview)`);
        console.log(`  apprunner-private plan     ${plan.toFixed(2)} s`);
        console.log(`  bare pulumi preview        ${preview.toFixed(2)} s`);
        console.log(`  ratio                      ${(plan / preview).toFixed(2)}x`);
        console.log(`target: the plan at most ${TARGET_SECONDS} s: ${plan <= TARGET_SECONDS ? "met" : "NOT MET"}`);
    } finally {
        ws.dispose();
    }
}

main();
