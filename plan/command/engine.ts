// The user's `pulumi`, run against a throwaway backend and Pulumi home in a scratch directory, with the stand-in AWS
// plugin first on PATH. Every variable set here guards against a write the CLI would otherwise make into the user's
// project, home or stacks, or a call to a real cloud (DESIGN-NOTES.md, "The plan runs on the real engine").
import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PlanError } from "./project";

/** The oldest CLI the plan accepts: the oldest `@pulumi/pulumi` this package supports (only 3.276.0 is run here). */
export const MIN_PULUMI = "3.269.0";

/** The stand-in `pulumi-resource-aws` launcher's directory: in this package (bin/plan/command → standin), or in the
 * repository when run from its root build (bin/plan/command → plan/standin). */
export const STANDIN_DIR = ["standin", "plan/standin"]
    .map((d) => path.resolve(__dirname, "..", "..", "..", d))
    .find((d) => fs.existsSync(path.join(d, "pulumi-resource-aws")))!;

export const HOW_TO_GET_PULUMI =
    "Install the Pulumi CLI (https://www.pulumi.com/docs/iac/download-install/) and run the plan again; " +
    "in the apprunner-private repository, `npm run plan` builds one (npm run --silent engine:path).";

export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
    for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
        const file = path.join(dir, name);
        try {
            fs.accessSync(file, fs.constants.X_OK);
            if (fs.statSync(file).isFile()) return file;
        } catch {
            // not here
        }
    }
    return undefined;
}

/** -1, 0 or 1, comparing dotted versions ("v3.276.0" and "3.269.0"). */
export function compareVersions(a: string, b: string): number {
    const parse = (v: string) => v.replace(/^v/, "").split(/[.+-]/).slice(0, 3).map(Number);
    const [x, y] = [parse(a), parse(b)];
    for (let i = 0; i < 3; i++) if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) < (y[i] || 0) ? -1 : 1;
    return 0;
}

/** The file that marks a directory as a rehearsal the plan made (`--keep`), with the project it rehearses. */
export const KEEP_MARKER = ".apprunner-private-rehearsal.json";

/**
 * A directory of the plan's own, 0700 (mkdtemp): the backend, the Pulumi home, the scratch project and stack file,
 * and the stand-in's account, which holds secrets in plain text. `dispose` removes it; the CLI calls it on every exit.
 * With `kept` (`--keep DIR`), the directory is DIR and outlives the run, but for the `pulumi` linked into it.
 */
export class Scratch {
    readonly dir: string;
    readonly home: string;
    readonly backend: string;
    readonly project: string;
    readonly state: string;
    readonly log: string;
    /** The `pulumi` the plan runs (a link or copy of the user's) and the language hosts beside it: see `sealedPulumi`. */
    readonly bin: string;
    /** Empty AWS shared credentials and config files, in place of the user's. */
    readonly aws: string;

    constructor(readonly kept?: string) {
        this.dir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), "apprunner-plan-"));
        [this.home, this.backend, this.project, this.bin, this.aws] = ["home", "backend", "project", "bin", "aws"].map((d) =>
            path.join(this.dir, d),
        );
        this.state = path.join(this.dir, "aws-state.json");
        this.log = path.join(this.dir, "aws-requests.jsonl");
        fs.rmSync(this.bin, { recursive: true, force: true });
        for (const d of [this.home, this.backend, this.project, this.bin, this.aws]) fs.mkdirSync(d, { recursive: true, mode: 0o700 });
        for (const f of ["credentials", "config"]) fs.writeFileSync(path.join(this.aws, f), "");
        // Each run's lookups are its own: a kept directory's log starts again.
        fs.rmSync(this.log, { force: true });
    }

    /** Whether the simulated account is there already (a kept directory's later runs). */
    get hasAccount(): boolean {
        return fs.existsSync(this.state);
    }

    dispose(): void {
        if (this.kept) fs.rmSync(this.bin, { recursive: true, force: true });
        else fs.rmSync(this.dir, { recursive: true, force: true });
    }
}

/**
 * The directory `--keep` names, made or reopened: refused inside (or around) the user's project, and when it exists but
 * the plan did not make it, or made it for another project. Returns its absolute path.
 */
export function keptDirectory(dir: string, project: { name: string; dir: string } | undefined): string {
    const keep = path.resolve(dir);
    const marker = path.join(keep, KEEP_MARKER);
    if (project) {
        const inside = (a: string, b: string) => {
            const rel = path.relative(b, a);
            return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
        };
        if (inside(keep, project.dir) || inside(project.dir, keep))
            throw new PlanError(
                `--keep ${dir}: the rehearsal directory must be outside the project ${project.dir} (the ` +
                    `plan writes nothing into your project)`,
            );
    }
    if (!fs.existsSync(keep)) {
        fs.mkdirSync(keep, { recursive: true, mode: 0o700 });
        fs.writeFileSync(marker, JSON.stringify({ madeBy: "apprunner-private", project: project?.name }, null, 2) + "\n");
        return keep;
    }
    let made: { madeBy?: string; project?: string };
    try {
        made = JSON.parse(fs.readFileSync(marker, "utf8"));
    } catch {
        throw new PlanError(
            `--keep ${dir}: ${keep} exists and was not made by apprunner-private (no ${KEEP_MARKER} in ` +
                `it): name a new directory, which the plan makes`,
        );
    }
    if (project && made.project && made.project !== project.name)
        throw new PlanError(
            `--keep ${dir}: it holds a rehearsal of the project ${made.project}, not ${project.name}: name another directory`,
        );
    if (project && !made.project) fs.writeFileSync(marker, JSON.stringify({ ...made, project: project.name }, null, 2) + "\n");
    return keep;
}

/** Credentials that would let a program reach a real AWS account (the plan promises none is used). */
const AWS_CREDENTIALS = [
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_SECURITY_TOKEN",
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_SHARED_CREDENTIALS_FILE",
    "AWS_CONFIG_FILE",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_ROLE_ARN",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN",
];

/** Proxy settings, in either case: a plan reaches no network, and must not be pointed at one. */
const PROXIES = ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "FTP_PROXY"];

/**
 * The language hosts Pulumi bundles with its CLI (`IsPluginBundled`, sdk/go/common/workspace/plugins.go, v3.276.0),
 * which the engine finds next to the running `pulumi` even with ambient plugins ignored. The bundled resource plugins,
 * `pulumi-resource-pulumi-nodejs` and `-python` (dynamic providers: the program's own code doing real things), are
 * left out on purpose: a dynamic resource then fails to load its provider, and the plan refuses it.
 */
const LANGUAGE_HOSTS = [
    "pulumi-language-nodejs",
    "pulumi-language-bun",
    "pulumi-language-python",
    "pulumi-language-python-exec",
    "pulumi-language-go",
    "pulumi-language-yaml",
    "pulumi-language-dotnet",
    "pulumi-language-java",
    "pulumi-language-pcl",
];

/**
 * The `pulumi` a plan runs: the user's, linked (or copied, across file systems) into the scratch `bin` with links to
 * the language hosts found beside it or on PATH, and nothing else. The engine looks for bundled plugins beside its own
 * executable (`os.Executable`, symlinks resolved), so a symlink would not do: beside the user's `pulumi` are the
 * dynamic providers' plugins. Returns the path to run.
 */
export function sealedPulumi(scratch: Scratch, pulumi: string, user: NodeJS.ProcessEnv): string {
    const real = fs.realpathSync(pulumi);
    const target = path.join(scratch.bin, "pulumi");
    try {
        fs.linkSync(real, target);
    } catch {
        fs.copyFileSync(real, target);
        fs.chmodSync(target, 0o755);
    }
    for (const host of LANGUAGE_HOSTS) {
        const beside = path.join(path.dirname(real), host);
        const found = fs.existsSync(beside) ? beside : findOnPath(host, user);
        if (found) fs.symlinkSync(found, path.join(scratch.bin, host));
    }
    return target;
}

/**
 * The stand-in, installed as the `aws` plugin at each version the program may ask for, in the scratch Pulumi home:
 * with ambient plugins ignored, the engine takes a provider from its plugin cache by exact version
 * (`SelectCompatiblePlugin`), or the newest when none is asked (YAML).
 */
export function installStandin(scratch: Scratch, versions: string[]): void {
    const install = (name: string, version: string, launcher: string) => {
        const dir = path.join(scratch.home, "plugins", `resource-${name}-v${version.replace(/^v/, "")}`);
        if (fs.existsSync(dir)) return;
        fs.mkdirSync(dir, { recursive: true });
        fs.symlinkSync(path.join(STANDIN_DIR, launcher), path.join(dir, `pulumi-resource-${name}`));
    };
    for (const version of versions) install("aws", version, "pulumi-resource-aws");
    // Dynamic resources' providers, in place of Pulumi's bundled ones (left out of the sealed bin): they refuse each
    // dynamic resource, naming it, and run none of its code. The SDKs ask for them without a version.
    for (const name of ["pulumi-nodejs", "pulumi-python"]) install(name, "0.0.0", "pulumi-resource-notrun");
}

/**
 * How the engine is kept from the network: inside a Linux network namespace with only loopback (`unshare -rn`, where
 * an unprivileged process may make one), else not at all, and the plan says so. Probed once.
 */
export interface Isolation {
    /** The command prefix that runs a command in the namespace; empty when there is none. */
    prefix: string[];
    /** What held, for the plan's notes. */
    note: string;
}

let isolation: Isolation | undefined;

export function networkIsolation(env: NodeJS.ProcessEnv): Isolation {
    if (isolation) return isolation;
    const unshare = findOnPath("unshare", env);
    const ip = findOnPath("ip", env) ?? ["/usr/sbin/ip", "/sbin/ip"].find((f) => fs.existsSync(f));
    const prefix = unshare && ip ? [unshare, "-rn", "sh", "-c", `"${ip}" link set lo up && exec "$@"`, "sh"] : [];
    if (prefix.length > 0) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- only here
        const probe = require("node:child_process").spawnSync(prefix[0], [...prefix.slice(1), "true"], {
            stdio: "ignore",
            timeout: 10_000,
        });
        if (probe.status === 0) {
            isolation = { prefix, note: "the engine ran in a network namespace with loopback only (no network)" };
            return isolation;
        }
    }
    isolation = {
        prefix: [],
        note:
            "the engine ran with the network reachable (this system lets no unprivileged process make a network namespace); " +
            "AWS credentials, config and the instance metadata service were pointed away from it",
    };
    return isolation;
}

/** The environment every `pulumi` command of a plan runs in. */
export function engineEnv(scratch: Scratch, user: NodeJS.ProcessEnv, opts: { passphrase?: string }): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(user)) {
        // The stand-in's own settings (faults, logs) are the plan's to choose, not inherited from a test or a shell.
        if (AWS_CREDENTIALS.includes(k) || k.startsWith("APPRUNNER_STANDIN_") || PROXIES.includes(k.toUpperCase())) continue;
        env[k] = v;
    }
    if (opts.passphrase !== undefined) {
        // The user's passphrase cannot open this stack: a throwaway one encrypts what the plan sets.
        delete env.PULUMI_CONFIG_PASSPHRASE_FILE;
        env.PULUMI_CONFIG_PASSPHRASE = opts.passphrase;
    }
    // `go build` must not rewrite go.mod or go.sum, whatever GOFLAGS the user keeps.
    env.GOFLAGS = [...(user.GOFLAGS ?? "").split(/\s+/).filter((f) => f && !f.startsWith("-mod=")), "-mod=readonly"].join(" ");
    return {
        ...env,
        PATH: `${scratch.bin}${path.delimiter}${user.PATH ?? ""}`,
        PULUMI_HOME: scratch.home,
        // Plugins are the scratch home's (the stand-in as aws) and the language hosts beside the sealed `pulumi`:
        // none from PATH (a `pulumi-resource-<name>` there would run for real).
        PULUMI_IGNORE_AMBIENT_PLUGINS: "true",
        // Nothing the program or a provider runs can reach the user's AWS account.
        AWS_SHARED_CREDENTIALS_FILE: path.join(scratch.aws, "credentials"),
        AWS_CONFIG_FILE: path.join(scratch.aws, "config"),
        AWS_EC2_METADATA_DISABLED: "true",
        PULUMI_BACKEND_URL: `file://${scratch.backend}`,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        // `git status` (update metadata) would otherwise take .git/index.lock and may rewrite the index.
        GIT_OPTIONAL_LOCKS: "0",
        // Python would write __pycache__ into the project.
        PYTHONDONTWRITEBYTECODE: "1",
        NO_COLOR: "1",
        // A preview's --json is one document without policy findings or outputs unless it streams engine events.
        PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "1",
        APPRUNNER_STANDIN_STATE: scratch.state,
        APPRUNNER_STANDIN_LOG: scratch.log,
        APPRUNNER_STANDIN_UNMODELLED: "generic",
    };
}

export interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

let current: ChildProcess | undefined;

/** Runs `pulumi`; `onLine` sees each line of its stdout as it comes (JSON events). */
export function runPulumi(
    pulumi: string,
    args: string[],
    opts: { cwd: string; env: NodeJS.ProcessEnv; onLine?: (line: string) => void; prefix?: string[]; input?: string },
): Promise<Run> {
    return new Promise((resolve, reject) => {
        const command = [...(opts.prefix ?? []), pulumi, ...args, "--non-interactive"];
        const child = spawn(command[0], command.slice(1), {
            cwd: opts.cwd,
            env: opts.env,
            stdio: [opts.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
        });
        if (opts.input !== undefined) child.stdin!.end(opts.input);
        current = child;
        let stdout = "";
        let stderr = "";
        let pending = "";
        child.stdout!.on("data", (d: Buffer) => {
            stdout += d;
            if (!opts.onLine) return;
            const lines = (pending + d).split("\n");
            pending = lines.pop()!;
            lines.forEach(opts.onLine);
        });
        child.stderr!.on("data", (d: Buffer) => (stderr += d));
        child.on("error", (e) => reject(new PlanError(`could not run ${pulumi}: ${e.message}`)));
        child.on("close", (code) => {
            current = undefined;
            if (pending && opts.onLine) opts.onLine(pending);
            resolve({ code: code ?? 1, stdout, stderr });
        });
    });
}

/**
 * Stops the `pulumi` under way as Ctrl-C would (it ends its plugins and program), waiting at most `ms` before killing
 * it; for the CLI's signal handlers, which then remove the scratch directory.
 */
export function stopPulumi(ms = 10_000): Promise<void> {
    const child = current;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill("SIGKILL"), ms);
        child.on("close", () => {
            clearTimeout(timer);
            resolve();
        });
        child.kill("SIGINT");
    });
}
