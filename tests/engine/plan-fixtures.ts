// What the plan's real-engine tests share: the command run as users run it, with their project hashed before and after,
// and the texts it prints.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO, Workspace, enginePath } from "./harness";

export const CLI = path.join(REPO, "bin", "plan", "cli.js");
export const PROGRAMS = path.join(REPO, "tests", "engine", "programs", "plan");
export const AVAILABILITY =
    "AWS App Runner is closed to new customers since 2026; existing customers keep full use, " +
    "AWS plans no new features and points new users to Amazon ECS Express Mode " +
    "(https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html).";
export const DATA =
    "  Partial hours bill as full hours. Data processed is extra: USD 0.01/GB for the first PB, 0.006 for the next 4 PB, 0.004 above.\n";
/**
 * What the plan's `Sealed:` line says of the network, by this machine's own probe of what the plan tries (an unprivileged
 * network namespace with loopback up): the tests hold the plan to saying which held, wherever they run.
 */
export const NAMESPACE = spawnSync("unshare", ["-rn", "sh", "-c", "ip link set lo up && exec true"], { stdio: "ignore" }).status === 0;
export const SEALED =
    "no provider ran but the stand-in AWS; " +
    (NAMESPACE
        ? "the engine ran in a network namespace with loopback only (no network)"
        : "the engine ran with the network reachable (this system lets no unprivileged process make a network namespace); " +
          "AWS credentials, config and the instance metadata service were pointed away from it");
export const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
export const URL = (region: string) => new RegExp(`^https://[a-z0-9]{10}\\.${region}\\.awsapprunner\\.com$`);

/** Every entry under `dir` (not following links): a file's size, mtime and sha256, a link's target, a directory. */
export function snapshot(dir: string): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const p = path.join(d, e.name);
            const rel = path.relative(dir, p);
            if (e.isSymbolicLink()) out[rel] = `link ${fs.readlinkSync(p)}`;
            else if (e.isDirectory()) {
                out[rel] = `dir ${fs.statSync(p).mtimeMs}`;
                walk(p);
            } else {
                const s = fs.statSync(p);
                out[rel] = `${s.size} ${s.mtimeMs} ${createHash("sha256").update(fs.readFileSync(p)).digest("hex")}`;
            }
        }
    };
    walk(dir);
    return out;
}

export interface PlanRun {
    code: number | null;
    stdout: string;
    stderr: string;
}

/**
 * Runs the plan as a user would, in `dir`: their PATH (with the `pulumi` engine.sh provides), their Pulumi home and
 * backend, no passphrase unless given, and Python free to write bytecode. Asserts that the project, the home and the
 * backend are unchanged afterwards, and that the plan's scratch directory is gone.
 */
export function planIn(ws: Workspace, dir: string, args: string[], env: NodeJS.ProcessEnv = {}, input?: string): PlanRun {
    const home = path.join(ws.dir, "user-home");
    const backend = path.join(ws.dir, "user-backend");
    const tmp = path.join(ws.dir, "tmp");
    for (const d of [home, backend, tmp]) fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(home, "credentials.json"), "{}");
    const inherited = Object.fromEntries(
        Object.entries(process.env).filter(
            ([k]) => !/^(PULUMI_|APPRUNNER_STANDIN_)/.test(k) && k !== "PYTHONDONTWRITEBYTECODE" && k !== "NO_COLOR",
        ),
    );
    const before = [snapshot(dir), snapshot(home), snapshot(backend)];
    const r = spawnSync(process.execPath, [CLI, "plan", ...args], {
        cwd: dir,
        encoding: "utf8",
        input,
        env: {
            ...inherited,
            PATH: `${enginePath()}${path.delimiter}${process.env.PATH}`,
            PULUMI_HOME: home,
            PULUMI_BACKEND_URL: `file://${backend}`,
            TMPDIR: tmp,
            ...env,
        },
    });
    assert.deepEqual(
        [snapshot(dir), snapshot(home), snapshot(backend)],
        before,
        "the project, the Pulumi home and the backend are unchanged",
    );
    // (Pulumi's Node.js runtime keeps its ts-node cache there, as it does for any `pulumi up`.)
    assert.deepEqual(
        fs.readdirSync(tmp).filter((f) => f.startsWith("apprunner-plan-")),
        [],
        "the scratch directory is removed",
    );
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The resource tree's lines, type and name only. */
export const tree = (stdout: string) =>
    stdout
        .split("\n")
        .filter((l) => /^ {2,}[\w-]+:[\w/-]*:\w+ {2}\S/.test(l))
        .map((l) => l.replace(/^( +\S+ {2}\S+).*$/, "$1"));
