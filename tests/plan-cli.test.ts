// `apprunner-private plan` where it stops before running the engine (a bad request, no pulumi, secure values it
// cannot decrypt, a topology it cannot read), and its text form. Plans that run the engine: tests/engine/plan.test.ts.
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { estimateCost } from "../plan/command/cost";
import { formatText, wantsColor } from "../plan/command/format";
import { PlanResult } from "../plan/command/plan";
import { ROOT } from "./schema";

const CLI = path.join(ROOT, "bin", "plan", "cli.js");
const PROGRAMS = path.join(ROOT, "tests", "engine", "programs", "plan");

describe("apprunner-private plan, before the engine", function () {
    this.timeout(30_000);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "plan-cli-"));
    /** The plan's own temporary directory, to see that nothing is left in it. */
    const scratchParent = path.join(tmp, "tmp");
    fs.mkdirSync(scratchParent);
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    const plan = (args: string[], env: NodeJS.ProcessEnv = {}) => {
        const { PULUMI_CONFIG_PASSPHRASE: _p, PULUMI_CONFIG_PASSPHRASE_FILE: _f, ...inherited } = process.env;
        const r = spawnSync(process.execPath, [CLI, "plan", ...args], {
            cwd: ROOT,
            encoding: "utf8",
            env: { ...inherited, TMPDIR: scratchParent, ...env },
        });
        assert.deepEqual(fs.readdirSync(scratchParent), [], "the scratch directory is removed");
        return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };

    it("says how to get a pulumi when there is none on PATH (exit 2)", () => {
        const r = plan([path.join(PROGRAMS, "teams")], { PATH: path.join(tmp, "empty") });
        assert.deepEqual(r, {
            code: 2,
            stdout: "",
            stderr:
                "error: no `pulumi` on PATH: the plan runs your program with the Pulumi CLI. Install the " +
                "Pulumi CLI (https://www.pulumi.com/docs/iac/download-install/) " +
                "and run the plan again; in the apprunner-private repository, `npm run plan` builds one (npm run --silent engine:path).\n",
        });
    });

    it("says when the pulumi on PATH is too old (exit 2)", () => {
        const bin = path.join(tmp, "old-pulumi");
        fs.mkdirSync(bin);
        fs.writeFileSync(path.join(bin, "pulumi"), "#!/bin/sh\necho v3.200.0\n", { mode: 0o755 });
        const r = plan([path.join(PROGRAMS, "teams")], { PATH: `${bin}${path.delimiter}${process.env.PATH}` });
        assert.deepEqual(r, {
            code: 2,
            stdout: "",
            stderr:
                `error: ${bin}/pulumi is v3.200.0; the plan needs v3.269.0 or newer: upgrade it ` +
                `(https://www.pulumi.com/docs/iac/download-install/)\n`,
        });
    });

    it("exits 2 for a directory without Pulumi.yaml; --json says so in JSON", () => {
        const text = plan(["no-such-dir"]);
        assert.deepEqual(text, {
            code: 2,
            stdout: "",
            stderr: `error: no Pulumi.yaml in ${path.join(ROOT, "no-such-dir")}: give the directory of a Pulumi project\n`,
        });
        const json = plan(["no-such-dir", "--json"]);
        assert.equal(json.code, 2);
        assert.deepEqual(JSON.parse(json.stdout), {
            availability:
                "AWS App Runner is closed to new customers since 2026; existing customers keep full use, " +
                "AWS plans no new features and points new users to Amazon ECS Express Mode " +
                "(https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html).",
            error: `no Pulumi.yaml in ${path.join(ROOT, "no-such-dir")}: give the directory of a Pulumi project`,
            exitCode: 2,
        });
    });

    it("refuses secure values it cannot decrypt, naming the keys and how to pass them (exit 2)", () => {
        const dir = path.join(PROGRAMS, "configured");
        const r = plan([dir, "--stack", "dev"]);
        assert.deepEqual(r, {
            code: 2,
            stdout: "",
            stderr:
                `error: ${dir}/Pulumi.dev.yaml has secure values the plan cannot decrypt here: \`plan-configured:dbPassword\`. ` +
                "Set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) to the stack's passphrase, " +
                "or pass it with --config (e.g. --config dbPassword=VALUE); " +
                "the plan keeps such values secret.\n",
        });
    });

    it("names secure values nested in a key by their path, and those a cloud holds the key of", () => {
        const dir = path.join(tmp, "nested");
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: nested\nruntime: nodejs\n");
        const stack = (head: string) =>
            fs.writeFileSync(
                path.join(dir, "Pulumi.dev.yaml"),
                `${head}config:\n  nested:db:\n    user: app\n    password:\n      secure: v1:AAAA\n  ` +
                    `nested:tokens:\n    - secure: v1:BBBB\n`,
            );
        stack("encryptionsalt: v1:AAAA\n");
        assert.deepEqual(
            plan([dir, "--stack", "dev"]).stderr,
            [
                `error: ${dir}/Pulumi.dev.yaml has secure values the plan cannot decrypt here: ` +
                    `\`nested:db.password\`, \`nested:tokens[0]\`. `,
                "Set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) to the stack's passphrase, or pass each with --config ",
                "(e.g. --config db.password=VALUE --config-path); the plan keeps such values secret.\n",
            ].join(""),
        );
        stack("secretsprovider: awskms://alias/team?region=us-east-1\nencryptedkey: AAAA\n");
        assert.deepEqual(
            plan([dir, "--stack", "dev", "--config-path", "--config", "db.password=x"], { PULUMI_CONFIG_PASSPHRASE: "any" }).stderr,
            [
                `error: ${dir}/Pulumi.dev.yaml has secure values the plan cannot decrypt here: \`nested:tokens[0]\`. `,
                "They are encrypted by awskms://…, which the plan does not call (it uses no cloud account): pass it with --config ",
                "(e.g. --config tokens[0]=VALUE --config-path); the plan keeps such values secret.\n",
            ].join(""),
        );
    });

    it("names what is wrong in a --topology file (exit 2)", () => {
        const file = path.join(tmp, "topology.json");
        const cases: [unknown, string][] = [
            [{ vpcs: [{ id: "vpc-0a1b2c3d4e5f60718" }] }, "--topology: vpcs[0].cidrBlocks must be a list of strings, got: undefined"],
            [{ subnets: {} }, "--topology: subnets must be a list, got: {}"],
            [{ services: ["orders"] }, '--topology: services[0] must be an App Runner service ARN, got: "orders"'],
            [
                { vpcs: [{ id: "vpc-0a1b2c3d4e5f60718", cidrBlocks: ["10.0.0.0/16"], default: "yes" }] },
                '--topology: vpcs[0].default must be true or false, got: "yes"',
            ],
            [
                { buckets: [] },
                "--topology: unknown key `buckets`; the keys are vpcs, subnets, securityGroups, services, " +
                    "endpoints, endpointServices, networkInterfaces",
            ],
        ];
        for (const [topology, message] of cases) {
            fs.writeFileSync(file, JSON.stringify(topology));
            assert.deepEqual(plan([path.join(PROGRAMS, "teams"), "--topology", file]), {
                code: 2,
                stdout: "",
                stderr: `error: ${message}\n`,
            });
        }
    });

    it("exits 2 with the usage on an unknown option or a malformed --config", () => {
        const unknown = plan(["--bogus"]);
        assert.equal(unknown.code, 2);
        assert.match(unknown.stderr, /^Unknown option '--bogus'.*\n\nusage: apprunner-private plan \[program-dir\] \[options\]\n/);
        assert.deepEqual(plan([path.join(PROGRAMS, "teams"), "--config", "region"]), {
            code: 2,
            stdout: "",
            stderr: 'error: --config takes KEY=VALUE, got: "region"\n',
        });
    });

    it("refuses an empty, negative or malformed --price-per-az-hour (exit 2)", () => {
        for (const price of ["", "-0.01", "0.01 USD", "1e-2"]) {
            assert.deepEqual(plan([path.join(PROGRAMS, "teams"), `--price-per-az-hour=${price}`]), {
                code: 2,
                stdout: "",
                stderr: `error: --price-per-az-hour takes a number of USD, 0 or more (e.g. 0.01), got: ${JSON.stringify(price)}\n`,
            });
        }
    });

    it("takes no secret value on its command line, and never echoes one (exit 2)", () => {
        const onArgv = plan([path.join(PROGRAMS, "teams"), "--secret-config", "token=hunter2-on-argv"]);
        assert.deepEqual(onArgv, {
            code: 2,
            stdout: "",
            stderr:
                "error: --secret-config takes a KEY alone and reads its value from standard input, got: " +
                '"token"=…; a value on the command line is ' +
                "readable by other users (ps, /proc): pipe it in, or use --secret-config-env KEY=VAR\n",
        });
        const unset = plan([path.join(PROGRAMS, "teams"), "--secret-config-env", "token=PLAN_TOKEN_NOT_SET"]);
        assert.deepEqual(unset, {
            code: 2,
            stdout: "",
            stderr: "error: --secret-config-env token=PLAN_TOKEN_NOT_SET: the environment has no variable PLAN_TOKEN_NOT_SET\n",
        });
    });

    it("colours only a terminal, and never with NO_COLOR", () => {
        assert.equal(wantsColor(true, {}), true);
        assert.equal(wantsColor(true, { NO_COLOR: "1" }), false);
        assert.equal(wantsColor(false, {}), false);
        assert.equal(wantsColor(undefined, {}), false);
        const result: PlanResult = {
            project: "p",
            dir: "/p",
            stack: "plan",
            region: "us-east-1",
            pulumi: "v3.276.0",
            resources: [],
            outputs: {},
            warnings: [],
            errors: ['PrivateEndpoint "api": Only one of'],
            notes: [],
            policyPacks: [],
            findings: [],
            cost: estimateCost([]),
            exitCode: 1,
            zones: {},
            sealed: "no provider ran but the stand-in AWS; the engine ran in a network namespace with loopback only (no network)",
        };
        assert.ok(formatText(result, true).includes('\u001b[31m  PrivateEndpoint "api": Only one of'));
        assert.ok(!formatText(result, false).includes("\u001b["));
    });
});
