// The real-engine test harness: the Pulumi CLI and language hosts that tests/engine/engine.sh provides, run as
// processes against a local file backend, a temporary PULUMI_HOME and the stand-in AWS plugin, with no network.
// Each Workspace is one simulated AWS account (the stand-in's state file) and its own request log.
import { ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AccountState, TOPOLOGY } from "../../plan/aws";
import { CLOUDCONTROL_RESOURCE, SECURITY_GROUP, VPC_ENDPOINT } from "../../plan/provider";
import { list } from "../../plan/standin/changes";
import { Store, seed } from "../../plan/standin/store";

export const REPO = path.resolve(__dirname, "..", "..", "..");
export const COMPONENT = "apprunner-private:index:PrivateEndpoint";
/** The @pulumi/aws version the stand-in answers as (package-lock.json's). */
export const STANDIN_VERSION: string = JSON.parse(fs.readFileSync(path.join(REPO, "package-lock.json"), "utf8")).packages[
    "node_modules/@pulumi/aws"
].version;

let prefix: string | undefined;
/** The PATH prefix engine.sh prints (building the CLI first if it must); the suite fails, never skips, without it. */
export function enginePath(): string {
    prefix ??= execFileSync("bash", [path.join(REPO, "tests", "engine", "engine.sh")], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
    }).trim();
    return prefix;
}

/** One request the stand-in AWS plugin received, as it logged it. */
export interface Request {
    method: string;
    /** For method "AWS": the API action, e.g. "apprunner:CreateVpcIngressConnection", and its request. */
    action?: string;
    params?: Record<string, any>;
    error?: string;
    fault?: string;
    provider: string;
    region: string;
    urn?: string;
    id?: string;
    token?: string;
    args?: Record<string, any>;
    properties?: Record<string, any>;
    news?: Record<string, any>;
    replaces?: string[];
}

export interface Result {
    code: number;
    stdout: string;
    stderr: string;
    /** Both streams, for messages the CLI prints on either. */
    output: string;
}

/** A resource of `pulumi stack export`. */
export interface StateResource {
    urn: string;
    type: string;
    id?: string;
    parent?: string;
    provider?: string;
    outputs?: Record<string, any>;
}

const urnType = (urn: string) => urn.split("::")[2].split("$").pop()!;
export const urnName = (urn: string) => urn.split("::")[3];
/** A URN's own type (the last of its chain of types). */
export const typeOf = (urn: string) => urn.split("::")[2].split("$").pop()!;
/** The component's children: the endpoint's security group, the endpoint and the connection (a Cloud Control resource). */
export const CHILDREN = [SECURITY_GROUP, VPC_ENDPOINT, CLOUDCONTROL_RESOURCE];
/** Creates, updates and deletes of the component's children, as `<method> <name>`. */
export const childChangesIn = (requests: Request[]) =>
    requests
        .filter((r) => ["Create", "Update", "Delete"].includes(r.method) && CHILDREN.includes(typeOf(r.urn!)))
        .map((r) => `${r.method} ${urnName(r.urn!)}`);
/** The resources read for an import, as `<name> <id>`. */
export const importsIn = (requests: Request[]) =>
    requests.filter((r) => r.method === "Read" && (r as Request & { import?: boolean }).import).map((r) => `${urnName(r.urn!)} ${r.id}`);

export class Workspace {
    readonly dir: string;
    readonly env: NodeJS.ProcessEnv;
    private readonly statePath: string;
    private readonly logPath: string;

    constructor(label: string) {
        this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `apprunner-engine-${label}-`));
        this.statePath = path.join(this.dir, "aws-state.json");
        this.logPath = path.join(this.dir, "aws-requests.jsonl");
        fs.mkdirSync(path.join(this.dir, "backend"));
        // The stand-in, installed as the aws plugin @pulumi/aws asks for, so that `pulumi install` finds it there
        // instead of trying to download the real one.
        const plugin = path.join(this.dir, "pulumi-home", "plugins", `resource-aws-v${STANDIN_VERSION}`);
        fs.mkdirSync(plugin, { recursive: true });
        fs.symlinkSync(path.join(REPO, "plan", "standin", "pulumi-resource-aws"), path.join(plugin, "pulumi-resource-aws"));
        this.env = {
            ...process.env,
            PATH: `${enginePath()}${path.delimiter}${process.env.PATH}`,
            PULUMI_HOME: path.join(this.dir, "pulumi-home"),
            PULUMI_BACKEND_URL: `file://${path.join(this.dir, "backend")}`,
            PULUMI_CONFIG_PASSPHRASE: "engine-tests",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
            APPRUNNER_STANDIN_STATE: this.statePath,
            APPRUNNER_STANDIN_LOG: this.logPath,
            PIP_DISABLE_PIP_VERSION_CHECK: "1",
            GOTOOLCHAIN: "local",
            NO_COLOR: "1",
        };
    }

    /** Runs a command (the CLI by default) in `cwd` and returns what it printed; never throws on a non-zero exit. */
    exec(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Result {
        const r = spawnSync(command, args, { cwd, env: { ...this.env, ...env }, encoding: "utf8", maxBuffer: 64 << 20 });
        if (r.error) throw r.error;
        return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}\n${r.stderr}` };
    }

    /** `pulumi <args>`; throws with everything it printed unless it exits 0. */
    pulumi(cwd: string, ...args: string[]): Result {
        return this.pulumiWith({}, cwd, ...args);
    }

    /** `pulumi <args>` with more environment variables; throws unless it exits 0. */
    pulumiWith(env: NodeJS.ProcessEnv, cwd: string, ...args: string[]): Result {
        const r = this.exec(cwd, "pulumi", [...args, "--non-interactive"], env);
        if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}:\n${r.output}`);
        return r;
    }

    /** `pulumi <args>`, expected to fail; returns what it printed. */
    pulumiFails(cwd: string, ...args: string[]): Result {
        const r = this.exec(cwd, "pulumi", [...args, "--non-interactive"]);
        if (r.code === 0) throw new Error(`pulumi ${args.join(" ")} succeeded, expected a failure:\n${r.output}`);
        return r;
    }

    /** `pulumi <args>` in the background (for cancelling it), with its output gathered; `done` never rejects. */
    pulumiStart(env: NodeJS.ProcessEnv, cwd: string, ...args: string[]): { child: ChildProcess; done: Promise<Result> } {
        const child = spawn("pulumi", [...args, "--non-interactive"], { cwd, env: { ...this.env, ...env } });
        let stdout = "";
        let stderr = "";
        child.stdout!.on("data", (d) => (stdout += d));
        child.stderr!.on("data", (d) => (stderr += d));
        const done = new Promise<Result>((resolve) =>
            child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, output: `${stdout}\n${stderr}` })),
        );
        return { child, done };
    }

    /** Waits until the stand-in has logged a request that matches (polling its log), at most `ms`. */
    async waitForRequest(match: (r: Request) => boolean, since = 0, ms = 60_000): Promise<Request> {
        for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
            const found = this.requests(since).find(match);
            if (found) return found;
        }
        throw new Error(
            `no such request within ${ms} ms; the log has: ${this.requests(since)
                .map((r) => `${r.method} ${r.urn ?? r.action ?? ""}`)
                .join(", ")}`,
        );
    }

    /** Every request the stand-in received, in order, from position `since` on. */
    requests(since = 0): Request[] {
        if (!fs.existsSync(this.logPath)) return [];
        return fs
            .readFileSync(this.logPath, "utf8")
            .trim()
            .split("\n")
            .filter(Boolean)
            .slice(since)
            .map((l) => JSON.parse(l));
    }

    /** A mark to pass to `requests` for what comes next. */
    mark(): number {
        return this.requests().length;
    }

    /** Starts the simulated AWS account from this state (e.g. with services that exist before the program). */
    seed(state: AccountState): void {
        seed(this.statePath, state);
    }

    /** What the simulated AWS account holds now. */
    account(): AccountState {
        return new Store(this.statePath).snapshot();
    }

    /** The account's VPC ingress connections, but deleted ones. */
    connections(): { arn: string; name: string; serviceArn: string; endpointId: string; status: string; domainName: string }[] {
        return this.account()
            .connections.filter((c) => c.Status !== "DELETED")
            .map((c) => ({
                arn: c.VpcIngressConnectionArn,
                name: c.VpcIngressConnectionName,
                serviceArn: c.ServiceArn,
                endpointId: c.IngressVpcConfiguration.VpcEndpointId!,
                status: c.Status,
                domainName: c.DomainName,
            }));
    }

    /** Everything in the account that was not in its starting topology (the console's `list`). */
    leftovers(): ReturnType<typeof list> {
        return list(this.account());
    }

    /** Runs the stand-in's console on this account: `standin:console -- --state … <args>`, parsed. */
    console(...args: string[]): any {
        const r = this.exec(REPO, process.execPath, [
            path.join(REPO, "bin", "plan", "standin", "console.js"),
            "--state",
            this.statePath,
            ...args,
        ]);
        if (r.code !== 0) throw new Error(`console ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
        return JSON.parse(r.stdout);
    }

    /** The stack's resources, from `pulumi stack export`. */
    state(cwd: string, stack: string): StateResource[] {
        const exported = JSON.parse(this.pulumi(cwd, "stack", "export", "--stack", stack).stdout);
        return exported.deployment.resources ?? [];
    }

    /** Copies a project into the workspace, linking the entries named in `link` instead of copying them. */
    copyProject(source: string, name: string, link: string[] = []): string {
        const dest = path.join(this.dir, name);
        fs.cpSync(source, dest, {
            recursive: true,
            filter: (src) => !/(^|\/)(node_modules|bin|venv|sdks|__pycache__|Pulumi\.[^/]*\.yaml)$/.test(path.relative(source, src)),
        });
        for (const l of link) fs.symlinkSync(path.join(REPO, l), path.join(dest, l));
        return dest;
    }

    dispose(): void {
        if (!process.env.KEEP_ENGINE_WORKSPACES) fs.rmSync(this.dir, { recursive: true, force: true });
    }
}

/** Creates of a resource type in these requests. */
export function creates(requests: Request[], type: string): Request[] {
    return requests.filter((r) => r.method === "Create" && r.urn && urnType(r.urn) === type);
}

/** Replaces `from` with `to` in a file (a program edit between two runs); `from` must be there. */
export function edit(file: string, from: string, to: string): void {
    const text = fs.readFileSync(file, "utf8");
    if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
    fs.writeFileSync(file, text.replace(from, to));
}

/** `pulumi package add` of provider/, then `pulumi install`, as the examples' READMEs say. */
export function addProvider(ws: Workspace, dir: string): void {
    ws.pulumi(dir, "package", "add", path.join(REPO, "provider"));
    ws.pulumi(dir, "install");
}

/** The root project, copied: Pulumi.yaml and program/, with the library's sources and dependencies linked. */
export function rootCopy(ws: Workspace): string {
    const dir = path.join(ws.dir, "root");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(REPO, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.cpSync(path.join(REPO, "program"), path.join(dir, "program"), { recursive: true });
    for (const l of ["sdk", "plan", "node_modules", "tsconfig.json"]) fs.symlinkSync(path.join(REPO, l), path.join(dir, l));
    return dir;
}

export function configure(ws: Workspace, dir: string, stack: string, config: Record<string, string | string[]>): void {
    ws.pulumi(dir, "config", "set", "--stack", stack, "aws:region", "us-east-1");
    for (const [key, value] of Object.entries(config)) {
        if (Array.isArray(value)) value.forEach((v, i) => ws.pulumi(dir, "config", "set", "--stack", stack, "--path", `${key}[${i}]`, v));
        else ws.pulumi(dir, "config", "set", "--stack", stack, key, value);
    }
}

/**
 * The commands of a README section's one sh block, comments dropped, as a user types them: the real-engine tests run
 * exactly what the README gives.
 */
export function readmeBlock(heading: string): string[] {
    const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
    const section = readme.split(/^## /m).find((s) => s.startsWith(heading));
    if (!section) throw new Error(`README.md has no "${heading}" section`);
    const block = /```sh\n([\s\S]*?)```/.exec(section);
    if (!block) throw new Error(`README.md's "${heading}" section has no sh block`);
    return block[1]
        .split("\n")
        .map((l) => l.replace(/#.*/, "").trim())
        .filter(Boolean);
}

/**
 * The environment with an `apprunner-private` command on PATH: the plan package's CLI, built by `npm run build` (a
 * script running it with node, as the shim `npm install` makes for a package's `bin`).
 */
export function planOnPath(ws: Workspace): NodeJS.ProcessEnv {
    const bin = path.join(ws.dir, "npm-bin");
    fs.mkdirSync(bin, { recursive: true });
    const cli = path.join(bin, "apprunner-private");
    if (!fs.existsSync(cli)) {
        fs.writeFileSync(cli, `#!/bin/sh\nexec node ${JSON.stringify(path.join(REPO, "bin", "plan", "cli.js"))} "$@"\n`, { mode: 0o755 });
    }
    return { PATH: `${bin}${path.delimiter}${ws.env.PATH}` };
}

/**
 * A stack an earlier release deployed, from a fixture (its Pulumi.yaml and program.ts, `pulumi stack export` as
 * stack.json, the simulated account as aws.json), in `dir`, with this repository's component packed and installed as a
 * user installs it, and its configuration: stack `test`, ready for the upgrade.
 */
export function deployedStack(ws: Workspace, dir: string, fixture: string, name: string): void {
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(fixture, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    fs.copyFileSync(path.join(fixture, "program.ts"), path.join(dir, "index.ts"));
    const tarball = execFileSync("npm", ["pack", "--workspace", "sdk", "--silent", "--pack-destination", ws.dir], {
        cwd: REPO,
        encoding: "utf8",
    })
        .trim()
        .split("\n")
        .pop()!;
    const lock = JSON.parse(fs.readFileSync(path.join(REPO, "package-lock.json"), "utf8")).packages;
    fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({
            name,
            main: "index.ts",
            dependencies: {
                "@apprunner-private/apprunner-private": `file:${path.join(ws.dir, tarball)}`,
                "@pulumi/aws": lock["node_modules/@pulumi/aws"].version,
                "@pulumi/pulumi": lock["node_modules/@pulumi/pulumi"].version,
            },
        }),
    );
    ws.pulumi(dir, "install");
    ws.seed(JSON.parse(fs.readFileSync(path.join(fixture, "aws.json"), "utf8")));
    ws.pulumi(dir, "stack", "init", "test");
    ws.pulumi(dir, "stack", "import", "--stack", "test", "--file", path.join(fixture, "stack.json"));
    configure(ws, dir, "test", { vpcId: TOPOLOGY.vpcId, subnetIds: [TOPOLOGY.subnetA, TOPOLOGY.subnetB] });
}
