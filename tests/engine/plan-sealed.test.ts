// `apprunner-private plan` on the real engine: sealed (no provider code but the stand-in's, nothing reaching the user's
// AWS account) and showing no secret.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO, Workspace, enginePath } from "./harness";
import { PROGRAMS, PlanRun, SEALED, planIn } from "./plan-fixtures";

// Issue #24, item 1: a plan runs no provider code but the stand-in's, and nothing the program runs reaches the user's AWS
// account. Each case first shows, with a plain `pulumi up` on the same machine, that the thing would happen; then that the
// plan refuses it (exit 2, naming it) with nothing written outside its scratch directory (planIn checks the project, the
// Pulumi home and the backend; the marker file here is outside all of them).
describe("real engine: apprunner-private plan is sealed", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("plan-sealed");
    after(() => ws.dispose());

    /**
     * A Pulumi install as Pulumi ships it: `pulumi` with its language hosts and its dynamic providers' plugins beside it
     * (the engine finds those next to its own executable, even with ambient plugins ignored). Pulumi's own scripts.
     */
    let install: string;
    before(() => {
        install = path.join(ws.dir, "install", "bin");
        fs.mkdirSync(install, { recursive: true });
        const engine = enginePath().split(path.delimiter)[0];
        for (const f of fs.readdirSync(engine)) {
            if (f === "pulumi") fs.linkSync(fs.realpathSync(path.join(engine, f)), path.join(install, f));
            else fs.symlinkSync(path.join(engine, f), path.join(install, f));
        }
        // sdk/nodejs/dist/pulumi-resource-pulumi-nodejs and sdk/python/dist/pulumi-resource-pulumi-python, v3.276.0.
        fs.writeFileSync(
            path.join(install, "pulumi-resource-pulumi-nodejs"),
            "#!/bin/sh\nnode ./node_modules/@pulumi/pulumi/cmd/dynamic-provider $@\n",
            {
                mode: 0o755,
            },
        );
        fs.writeFileSync(path.join(install, "pulumi-resource-pulumi-python"), "#!/bin/sh\npython3 -u -m pulumi.dynamic $@\n", {
            mode: 0o755,
        });
    });
    const userPath = (...dirs: string[]) => [...dirs, install, path.join(REPO, "plan", "standin"), process.env.PATH].join(path.delimiter);

    /** A plain `pulumi up` of `dir` on a new stack, as the user would run it, with the install's `pulumi`. */
    function upForReal(dir: string, env: NodeJS.ProcessEnv, config: string[] = []): void {
        const stack = `real-${path.basename(dir)}`;
        ws.pulumiWith(env, dir, "stack", "init", stack);
        for (const kv of config) ws.pulumiWith(env, dir, "config", "set", "--stack", stack, ...kv.split(/=(.*)/s, 2));
        ws.exec(dir, "pulumi", ["up", "--stack", stack, "--yes", "--skip-preview", "--non-interactive"], env);
    }

    function jsProgram(name: string, as = name): string {
        const dir = ws.copyProject(path.join(PROGRAMS, name), as);
        fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"));
        return dir;
    }

    /**
     * A plain `pulumi up` of `dir` writes `marker` (its content `done`); the plan, given the same environment, refuses
     * the program with `stderr` (exit 2, nothing on stdout) and the marker never appears.
     */
    function upDoesPlanRefuses(
        dir: string,
        run: { env: NodeJS.ProcessEnv; marker: string; done: string; config?: string[] },
        stderr: string,
    ) {
        upForReal(dir, run.env, run.config);
        assert.equal(fs.readFileSync(run.marker, "utf8"), run.done, "a plain `pulumi up` does it");
        fs.rmSync(run.marker);
        const args = (run.config ?? []).flatMap((c) => ["--config", c]);
        assert.deepEqual(planIn(ws, dir, args, run.env), { code: 2, stdout: "", stderr });
        assert.equal(fs.existsSync(run.marker), false, "the plan never does it");
    }

    it("a dynamic resource's create would write a file: the plan refuses it, naming it, and runs none of its code", () => {
        const marker = path.join(ws.dir, "dynamic-marker");
        upDoesPlanRefuses(
            jsProgram("sealed-dynamic"),
            { env: { PATH: userPath() }, marker, done: "created\n", config: [`marker=${marker}`] },
            'error: the program has a dynamic resource (pulumi-nodejs:dynamic:Resource "webhook"), ' +
                "whose provider is the program's own code and could " +
                "do anything real (call a webhook, write a DNS record or a file): a plan runs no provider " +
                "but the stand-in AWS, so it cannot plan this " +
                "program. Plan it with the dynamic resource left out (behind a config value, for example).\n",
        );
    });

    it("a provider plugin on PATH would write a file when started: the plan does not start it, and says which provider", () => {
        const dir = jsProgram("sealed-plugin");
        const marker = path.join(ws.dir, "path-marker");
        upDoesPlanRefuses(
            dir,
            { env: { PATH: userPath(path.join(dir, "evil")), SEALED_MARKER: marker }, marker, done: "pulumi-resource-evil started\n" },
            "error: the program uses the evil provider, which the plan does not run: a plan runs no " +
                "provider but the stand-in AWS, so that nothing " +
                "real happens\n",
        );
    });

    it("a plugin named by path in Pulumi.yaml: the plan refuses the project before running anything", () => {
        const dir = jsProgram("sealed-plugin", "sealed-plugins-path");
        fs.appendFileSync(path.join(dir, "Pulumi.yaml"), "plugins:\n  providers:\n    - name: evil\n      path: ./evil\n");
        const marker = path.join(ws.dir, "plugins-marker");
        upDoesPlanRefuses(
            dir,
            { env: { PATH: userPath(), SEALED_MARKER: marker }, marker, done: "pulumi-resource-evil started\n" },
            "error: Pulumi.yaml names the plugin provider evil (./evil), which the plan does not run: a " +
                "plan runs no provider but the stand-in AWS " +
                "(and apprunner-private's component provider), so that nothing real happens. Plan a copy of the project without it.\n",
        );
    });

    it("the AWS SDK's default chain, asked in an apply, finds no credentials: not ~/.aws/credentials, not the metadata service", () => {
        const dir = ws.copyProject(path.join(PROGRAMS, "sealed-credentials"), "sealed-credentials");
        const home = path.join(ws.dir, "aws-user");
        fs.mkdirSync(path.join(home, ".aws"), { recursive: true });
        fs.writeFileSync(
            path.join(home, ".aws", "credentials"),
            "[default]\naws_access_key_id = AKIAUSERSREALKEY0001\naws_secret_access_key = users/real/secret/key/0000000000000000000\n",
        );
        const env = { PATH: userPath(), HOME: home };
        ws.pulumiWith(env, dir, "install");
        const stack = "real-credentials";
        ws.pulumiWith(env, dir, "stack", "init", stack);
        const up = ws.exec(dir, "pulumi", ["up", "--stack", stack, "--yes", "--skip-preview", "--non-interactive"], env);
        assert.equal(up.code, 0, up.output);
        const real = JSON.parse(ws.pulumiWith(env, dir, "stack", "output", "--stack", stack, "--json").stdout);
        assert.equal(real.credentials, "found AKIAUSERSREALKEY0001", "a plain `pulumi up` finds the user's credentials");

        const run = planIn(ws, dir, ["--json"], env);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        const planned = JSON.parse(run.stdout);
        assert.equal(planned.outputs.credentials, "none");
        assert.ok(!(run.stdout + run.stderr).includes("AKIAUSERSREALKEY0001"));
        assert.equal(planned.sealed, SEALED);
    });
});

// Issue #24, item 2: no secret in clear anywhere the plan writes, and none on pulumi's command line.
describe("real engine: apprunner-private plan shows no secret", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("plan-secrets");
    after(() => ws.dispose());
    let dir: string;
    let argvLog: string;
    let shim: string;
    before(() => {
        dir = ws.copyProject(path.join(PROGRAMS, "secrets"), "secrets");
        fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"));
        // A `pulumi` that records its command lines, then runs the real one: what other users' `ps` would see.
        argvLog = path.join(ws.dir, "argv.log");
        shim = path.join(ws.dir, "shim");
        fs.mkdirSync(shim);
        const real = path.join(enginePath().split(path.delimiter)[0], "pulumi");
        fs.writeFileSync(path.join(shim, "pulumi"), `#!/bin/sh\necho "$@" >> "${argvLog}"\nexec "${real}" "$@"\n`, { mode: 0o755 });
    });
    const PATH = () => `${shim}${path.delimiter}${enginePath()}${path.delimiter}${process.env.PATH}`;
    const both = (args: string[], env: NodeJS.ProcessEnv, input?: string) => [
        planIn(ws, dir, args, { PATH: PATH(), ...env }, input),
        planIn(ws, dir, [...args, "--json"], { PATH: PATH(), ...env }, input),
    ];
    const nowhere = (secret: string, runs: PlanRun[]) => {
        for (const r of runs) assert.ok(!(r.stdout + r.stderr).includes(secret), r.stdout + r.stderr);
        assert.ok(!fs.readFileSync(argvLog, "utf8").includes(secret), "never on pulumi's command line");
    };

    it("a secret in a lookup AWS cannot answer: the lookup is named, its argument masked (--secret-config, standard input)", () => {
        const secret = "subnet-0feedfacecafe0001";
        const [text, json] = both(["--config", "mode=lookup", "--secret-config", "token"], {}, `${secret}\n`);
        assert.equal(text.code, 2, text.stdout + text.stderr);
        assert.match(
            text.stderr,
            /^error: the plan cannot answer a lookup the program makes:\n {2}aws:ec2\/getSubnet:getSubnet \{"id":"\[secret\]"\}: /,
        );
        assert.equal(json.code, 2);
        assert.match(JSON.parse(json.stdout).error, /aws:ec2\/getSubnet:getSubnet \{"id":"\[secret\]"\}/);
        nowhere(secret, [text, json]);
    });

    it("a secret in an update AWS refuses: masked in the errors (--secret-config-env)", () => {
        const secret = "10.200.0.0/24";
        const [text, json] = both(["--config", "mode=refused", "--secret-config-env", "token=PLAN_TOKEN"], { PLAN_TOKEN: secret });
        assert.equal(text.code, 1, text.stdout + text.stderr);
        assert.ok(text.stdout.includes("The CIDR '[secret]' is invalid."), text.stdout);
        assert.ok(
            JSON.parse(json.stdout).errors.some((e: string) => e.includes("The CIDR '[secret]' is invalid.")),
            json.stdout,
        );
        nowhere(secret, [text, json]);
    });

    it("a secret tag: masked in the tags and in tagsAll, which the provider copies from them", () => {
        const secret = "alice-the-owner";
        const [text, json] = both(["--config", "mode=tags", "--secret-config", "token"], {}, `${secret}\n`);
        assert.equal(text.code, 0, text.stdout + text.stderr);
        const vpc = JSON.parse(json.stdout).resources.find((r: { name: string }) => r.name === "tagged");
        assert.deepEqual(
            [vpc.inputs.tags, vpc.outputs.tags, vpc.outputs.tagsAll],
            [
                { owner: "[secret]", team: "payments" },
                { owner: "[secret]", team: "payments" },
                { owner: "[secret]", team: "payments" },
            ],
        );
        nowhere(secret, [text, json]);
    });
});
