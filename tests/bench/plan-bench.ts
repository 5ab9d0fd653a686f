// `npm run bench:plan`: `apprunner-private plan` of the root project (Pulumi.yaml and program/ at the repository
// root, as `npm run plan` runs it), against a bare `pulumi preview` of the same program (a copy, in a throwaway stack
// with no policy pack), in the same run, interleaved. Both type-check the program, as Pulumi's Node.js runtime does,
// through ts-node, which caches what it compiled in the temporary directory: the first run of each starts from an empty
// cache (a fresh TMPDIR) and is reported alone; the figure is the median of the BENCH_RUNS (at least 3) after it.
// Target (issue #17): the plan at most 10 s with the CLI already built.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
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
        const tmp = path.join(ws.dir, "tmp");
        fs.mkdirSync(tmp);
        const { PULUMI_HOME: _h, PULUMI_BACKEND_URL: _b, PULUMI_CONFIG_PASSPHRASE: _p, ...userEnv } = process.env;
        const planEnv = { ...userEnv, TMPDIR: tmp, PATH: `${enginePath()}${path.delimiter}${process.env.PATH}` };
        const previewEnv = { ...ws.env, TMPDIR: tmp };
        const times = { plan: [] as number[], preview: [] as number[] };
        for (let run = 0; run <= RUNS; run++) {
            times.plan.push(timed(process.execPath, [path.join(REPO, "bin", "plan", "cli.js"), "plan"], REPO, planEnv));
            times.preview.push(timed("pulumi", ["preview", "--stack", "bench", "--non-interactive"], copy, previewEnv));
        }
        const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
        const [plan, preview] = [median(times.plan.slice(1)), median(times.preview.slice(1))];
        console.log(`root project; runs: plan ${times.plan.map(s).join(", ")}; preview ${times.preview.map(s).join(", ")}`);
        console.log(`                             first run (empty ts-node cache)   median of the ${RUNS} after it`);
        console.log(`  apprunner-private plan     ${s(times.plan[0]).padEnd(34)}${s(plan)}`);
        console.log(`  bare pulumi preview        ${s(times.preview[0]).padEnd(34)}${s(preview)}`);
        console.log(
            `  ratio                      ${`${(times.plan[0] / times.preview[0]).toFixed(2)}x`.padEnd(34)}${(plan / preview).toFixed(2)}x`,
        );
        console.log(
            `target: the plan at most ${TARGET_SECONDS} s: ${plan <= TARGET_SECONDS * 1000 ? "met" : "NOT MET"} ` +
                `(${s(plan)}); its first run: ${times.plan[0] <= TARGET_SECONDS * 1000 ? "met" : "NOT MET"} ` +
                `(${s(times.plan[0])})`,
        );
    } finally {
        ws.dispose();
    }
}

main();
