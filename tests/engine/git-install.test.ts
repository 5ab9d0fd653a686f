// Issue #25, item 5: the component provider installed as users install it: `pulumi package add` of the repository's
// provider/ folder at a git tag, then used from YAML and Python. Pulumi 3.276 fetches a git source over https only
// (go-git; a `file://` URL is taken for a local path and refused: the first case shows it), so the local bare clone is
// served over https on 127.0.0.1 by git's own http-backend (gitServer.ts). The commands run with a PATH that holds the
// Pulumi CLI (with its language hosts and the stand-in AWS plugin) and this machine's commands but git, Go, Java, .NET
// and TypeScript's: the install needs Node with npm (and Python for the Python project), and no checkout of this
// repository but the one Pulumi fetches.
import * as assert from "node:assert/strict";
import { ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { REPO, Workspace, configure, enginePath } from "./harness";

const VERSION: string = JSON.parse(fs.readFileSync(path.join(REPO, "provider", "schema.json"), "utf8")).version;
/** Where the bare clone is served: `<owner>/<repository>.git`, as on a git host (the owner becomes the package's namespace). */
const REPOSITORY = "apprunner-private/pulumi-apprunner-private.git";
const SOURCE = `https://127.0.0.1/${REPOSITORY}/provider@v${VERSION}`;
/** The plugin's folder in the Pulumi home, named by Pulumi from the source. */
const PLUGIN = `resource-127.0.0.1_${REPOSITORY.replace("/", "_")}_provider-v${VERSION}`;

/** What a machine without them would lack: git, Go, Java and .NET, and any TypeScript compiler on PATH. */
const ABSENT = /^(git.*|go|gofmt|java|javac|mvn|dotnet|tsc|tsserver)$/;

/** This machine's commands but ABSENT, linked into `dir` (the first of each name on PATH, as a shell would find it). */
function toolsWithout(dir: string): void {
    fs.mkdirSync(dir);
    for (const from of (process.env.PATH ?? "").split(path.delimiter)) {
        for (const name of fs.existsSync(from) ? fs.readdirSync(from) : []) {
            if (ABSENT.test(name) || fs.existsSync(path.join(dir, name))) continue;
            fs.symlinkSync(path.join(from, name), path.join(dir, name));
        }
    }
}

describe("real engine: the provider from a git tag, as users install it", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("git-install");
    const bare = path.join(ws.dir, "git", REPOSITORY);
    let server: ChildProcess | undefined;
    let env: NodeJS.ProcessEnv;

    before(async () => {
        // A bare clone of this repository's committed HEAD, tagged as a release is.
        fs.mkdirSync(path.dirname(bare), { recursive: true });
        execFileSync("git", ["clone", "--bare", "--quiet", REPO, bare]);
        execFileSync("git", ["--git-dir", bare, "tag", `v${VERSION}`, "HEAD"]);
        server = spawn(process.execPath, [path.join(__dirname, "gitServer.js"), path.join(ws.dir, "git"), ws.dir]);
        const cert = await new Promise<string>((resolve, reject) => {
            let out = "";
            let err = "";
            server!.stdout!.on("data", (d) => {
                out += d;
                const ready = /^ready (.+)$/m.exec(out);
                if (ready) resolve(ready[1]);
            });
            server!.stderr!.on("data", (d) => (err += d));
            server!.on("exit", (code) => reject(new Error(`the git server exited ${code} (port 443 taken, or not allowed?): ${err}`)));
        });
        const tools = path.join(ws.dir, "tools");
        toolsWithout(tools);
        env = { PATH: `${enginePath()}${path.delimiter}${tools}`, SSL_CERT_FILE: cert };
    });
    after(() => {
        server?.kill();
        ws.dispose();
    });

    const requests = () =>
        fs
            .readFileSync(path.join(ws.dir, "git-requests.jsonl"), "utf8")
            .trim()
            .split("\n")
            .map((l) => JSON.parse(l) as { method: string; path: string; query: string });

    it("the PATH has no git, no TypeScript compiler and no Go", () => {
        for (const command of ["git", "tsc", "go"]) {
            assert.notEqual(ws.exec(ws.dir, "sh", ["-c", `command -v ${command}`], env).code, 0, `${command} on PATH`);
        }
    });

    it("a file:// URL of the bare clone is not a source Pulumi takes: it is read as a local path", () => {
        const dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "reliability-yaml"), "file-url");
        const r = ws.exec(dir, "pulumi", ["package", "add", `file://${bare}/provider@v${VERSION}`, "--non-interactive"], env);
        assert.notEqual(r.code, 0, r.output);
        assert.ok(r.output.includes(`stat file://${bare}/provider: no such file or directory`), r.output);
    });

    it("YAML: `pulumi package add` of provider/ at the tag, over https; the stack deploys through the fetched plugin", () => {
        const dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "reliability-yaml"), "yaml");
        ws.pulumiWith(env, dir, "package", "add", SOURCE);
        assert.match(
            fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8"),
            new RegExp(`\\npackages:\\n {2}apprunner-private: 127\\.0\\.0\\.1/${REPOSITORY.replace(".", "\\.")}/provider@v${VERSION}\\n`),
        );
        // Fetched from the tag (git's smart protocol), installed from its lockfile: the component a copy of sdk/ at
        // the tag, compiled there by the provider's prepare, beside the provider's own code.
        assert.ok(requests().some((r) => r.method === "POST" && r.path === `/${REPOSITORY}/git-upload-pack`));
        const plugin = path.join(ws.env.PULUMI_HOME!, "plugins", PLUGIN, "provider");
        assert.ok(fs.existsSync(path.join(plugin, "bin", "provider", "index.js")));
        const component = path.join(plugin, "node_modules", "@apprunner-private", "apprunner-private");
        assert.ok(!fs.lstatSync(component).isSymbolicLink());
        assert.ok(fs.existsSync(path.join(component, "bin", "index.js")));

        // A fresh clone of the project has only Pulumi.yaml's entry: `pulumi install` fetches the tag again.
        fs.rmSync(path.join(ws.env.PULUMI_HOME!, "plugins", PLUGIN), { recursive: true });
        ws.pulumiWith(env, dir, "install");
        assert.ok(fs.existsSync(path.join(plugin, "bin", "provider", "index.js")));

        ws.pulumiWith(env, dir, "stack", "init", "test");
        configure(ws, dir, "test", { serviceArn: T.apiServiceArn, vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] });
        ws.pulumiWith(env, dir, "up", "--stack", "test", "--yes", "--skip-preview");
        const outputs = JSON.parse(ws.pulumiWith(env, dir, "stack", "output", "--stack", "test", "--json").stdout);
        assert.match(outputs.url, /^https:\/\/[a-z0-9]{10}\.us-east-1\.awsapprunner\.com$/);
        assert.deepEqual(
            ws.connections().map((c) => [c.serviceArn, c.status]),
            [[T.apiServiceArn, "AVAILABLE"]],
        );
        ws.pulumiWith(env, dir, "destroy", "--stack", "test", "--yes", "--skip-preview");
        assert.deepEqual(ws.leftovers(), []);
    });

    it("Python: the same source, its SDK generated into the project; the stack deploys through it", () => {
        const dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "python-provider"), "python");
        ws.pulumiWith(env, dir, "package", "add", SOURCE);
        // Named `<namespace>-<package>`: the namespace is the repository's owner in the URL.
        assert.deepEqual(fs.readdirSync(path.join(dir, "sdks")), ["apprunner-private-apprunner-private"]);
        ws.pulumiWith(env, dir, "install");
        ws.pulumiWith(env, dir, "stack", "init", "test");
        configure(ws, dir, "test", { serviceArn: T.euServiceArn, vpcId: T.euVpcId, subnetIds: [T.euSubnetA, T.euSubnetB] });
        ws.pulumiWith(env, dir, "up", "--stack", "test", "--yes", "--skip-preview");
        const { url } = JSON.parse(ws.pulumiWith(env, dir, "stack", "output", "--stack", "test", "--json").stdout);
        assert.match(url, /^https:\/\/[a-z0-9]{10}\.eu-west-1\.awsapprunner\.com$/);
        ws.pulumiWith(env, dir, "destroy", "--stack", "test", "--yes", "--skip-preview");
        assert.deepEqual(ws.leftovers(), []);
    });
});
