// `npm run bench:engine`: `pulumi preview` and `pulumi up` through the real engine for N = 1, 10 and 50 App Runner
// services sharing one endpoint, from YAML through the component provider (provider/, one Construct per component)
// and from TypeScript using the component directly, in the same run, interleaved, median of BENCH_RUNS (at least 3).
// The TypeScript program imports the compiled library and is transpiled only, so neither side pays for type-checking.
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T, serviceArn, startingAccount } from "../../plan/aws";
import { REPO, Workspace } from "../engine/harness";

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
const SIZES = (process.env.BENCH_SIZES ?? "1,10,50").split(",").map(Number);
const TARGET_RATIO = 1.15;
const arn = (i: number) => serviceArn(`bench-${i}`);

function yamlProgram(dir: string, n: number): void {
    const resources = Array.from({ length: n }, (_, i) => {
        const where = i === 0 ? `      subnetIds: ["${T.subnetA}", "${T.subnetB}"]` : "      vpcEndpointId: ${svc0.vpcEndpointId}";
        return (
            `  svc${i}:\n    type: apprunner-private:index:PrivateEndpoint\n    properties:\n      ` +
            `serviceArn: ${arn(i)}\n      vpcId: ${T.vpcId}\n${where}`
        );
    });
    fs.writeFileSync(
        path.join(dir, "Pulumi.yaml"),
        `name: bench-yaml\nruntime: yaml\npackages:\n  apprunner-private: ` +
            `${path.join(REPO, "provider")}\nresources:\n${resources.join("\n")}\n` +
            `outputs:\n  last: \${svc${n - 1}.url}\n`,
    );
}

function typescriptProgram(dir: string, n: number): void {
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: bench-typescript\nruntime: nodejs\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bench-typescript", main: "index.ts" }));
    fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"));
    fs.writeFileSync(
        path.join(dir, "index.ts"),
        `import { PrivateEndpoint } from ${JSON.stringify(path.join(REPO, "bin", "sdk"))};\n` +
            `const arns: string[] = ${JSON.stringify(Array.from({ length: n }, (_, i) => arn(i)))};\n` +
            `const first = new PrivateEndpoint("svc0", { serviceArn: arns[0], vpcId: "${T.vpcId}", ` +
            `subnetIds: ["${T.subnetA}", "${T.subnetB}"] });\n` +
            `let last = first;\n` +
            `for (let i = 1; i < arns.length; i++) last = new PrivateEndpoint(\`svc\${i}\`, { ` +
            `serviceArn: arns[i], vpcId: "${T.vpcId}", vpcEndpointId: first.vpcEndpointId });\n` +
            `export const lastUrl = last.url;\n`,
    );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed(f: () => void): number {
    const start = performance.now();
    f();
    return performance.now() - start;
}

function main() {
    const ws = new Workspace("bench");
    ws.seed(startingAccount({ services: Array.from({ length: Math.max(...SIZES) }, (_, i) => arn(i)) }));
    const env = { PULUMI_NODEJS_TRANSPILE_ONLY: "true" };
    const rows: string[] = [];
    const at50: Record<string, number> = {};
    try {
        for (const n of SIZES) {
            const subjects = { yaml: path.join(ws.dir, `yaml-${n}`), typescript: path.join(ws.dir, `ts-${n}`) };
            for (const dir of Object.values(subjects)) fs.mkdirSync(dir);
            yamlProgram(subjects.yaml, n);
            typescriptProgram(subjects.typescript, n);
            ws.pulumi(subjects.yaml, "install");
            const times: Record<string, { preview: number[]; up: number[] }> = {
                yaml: { preview: [], up: [] },
                typescript: { preview: [], up: [] },
            };
            for (let run = 0; run < RUNS; run++) {
                for (const [label, dir] of Object.entries(subjects)) {
                    const stack = `run${run}`;
                    ws.pulumi(dir, "stack", "init", stack);
                    ws.pulumi(dir, "config", "set", "--stack", stack, "aws:region", "us-east-1");
                    times[label].preview.push(timed(() => ws.pulumiWith(env, dir, "preview", "--stack", stack)));
                    times[label].up.push(timed(() => ws.pulumiWith(env, dir, "up", "--stack", stack, "--yes", "--skip-preview")));
                    ws.pulumi(dir, "destroy", "--stack", stack, "--yes", "--skip-preview");
                    ws.pulumi(dir, "stack", "rm", "--stack", stack, "--yes");
                }
            }
            for (const step of ["preview", "up"] as const) {
                const y = median(times.yaml[step]);
                const t = median(times.typescript[step]);
                rows.push(
                    `${String(n).padStart(3)}  ${step.padEnd(7)}  ` +
                        `${(y / 1000).toFixed(2).padStart(8)} s  ${(y / n).toFixed(0).padStart(8)} ms  ` +
                        `${(t / 1000).toFixed(2).padStart(8)} s  ${(t / n).toFixed(0).padStart(8)} ms  ${(y / t).toFixed(2).padStart(6)}x`,
                );
                if (n === 50) at50[step] = y / t;
            }
        }
    } finally {
        ws.dispose();
    }
    console.log(`pulumi preview and up, N services sharing one endpoint, median of ${RUNS} runs`);
    console.log("  N  step       YAML+provider  per service  TypeScript   per service   ratio");
    for (const r of rows) console.log(r);
    for (const [step, ratio] of Object.entries(at50)) {
        console.log(
            `${step} at N = 50: the provider path takes ${ratio.toFixed(2)}x TypeScript's time; target ` +
                `at most ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? "met" : "NOT met"}`,
        );
    }
}

main();
