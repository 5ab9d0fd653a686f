// `apprunner-private plan` on the real engine: programs that stop early, and rehearsals of a sequence of changes kept
// between runs (--keep).
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { REPO, Workspace, addProvider, edit, rootCopy } from "./harness";
import { CLI, PROGRAMS, URL, planIn } from "./plan-fixtures";

// Issue #24, item 3: a program that fails before it registers anything shows its own error, in each language; a
// project that uses the components without their package added is told the command; the region comes from
// Pulumi.yaml's config when nothing nearer sets it.
describe("real engine: apprunner-private plan on programs that stop early", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("plan-early");
    after(() => ws.dispose());
    const program = (name: string) => ws.copyProject(path.join(PROGRAMS, name), name);

    for (const [language, name, prepare, error] of [
        [
            "Node.js",
            "crash-js",
            (dir: string) => fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules")),
            "  Running program '{dir}/index.js' failed with an unhandled exception:\n  Error: the " +
                "program's own error: no network settings given (Node.js)\n",
        ],
        [
            "Python",
            "crash-python",
            (dir: string) => ws.pulumi(dir, "install"),
            "  RuntimeError: the program's own error: no network settings given (Python)\n",
        ],
        [
            "Go",
            "crash-go",
            () => undefined,
            "  an unhandled error occurred: program failed: \n  1 error occurred:\n  \t* the program's " +
                "own error: no network settings given (Go)\n",
        ],
        [
            "YAML",
            "crash-yaml",
            () => undefined,
            '  resource or variable named "network" could not be found\n  \n    on Pulumi.yaml line 5:\n     5:   network: ${network.id}\n',
        ],
    ] as const) {
        it(`${language}: the program's own error, exit 1`, () => {
            const dir = program(name);
            prepare(dir);
            const run = planIn(ws, dir, []);
            assert.equal(run.code, 1, run.stdout + run.stderr);
            assert.ok(run.stdout.includes(error.replace("{dir}", dir)), run.stdout);
            assert.match(run.stdout, /\nResult: FAILED \(errors or mandatory policy violations above\)\n$/);
            if (language === "Go") {
                assert.ok(
                    run.stderr.includes(
                        "planning: building the Go program (`go build`, by the Go language host): the first build " +
                            "of a program on Pulumi's Go SDK " +
                            "takes minutes (about 5 on 2 cores with empty Go caches), later ones seconds\n",
                    ),
                    run.stderr,
                );
            }
        });
    }

    it("a YAML program using the components without `pulumi package add`: the command to run (exit 2)", () => {
        const dir = ws.copyProject(path.join(REPO, "examples", "yaml"), "no-package");
        edit(path.join(dir, "Pulumi.yaml"), "packages:\n  apprunner-private: ../../provider\n", "");
        const config = [
            "--config-path",
            "--config",
            `vpcId=${T.vpcId}`,
            "--config",
            `subnetIds[0]=${T.subnetA}`,
            "--config",
            `subnetIds[1]=${T.subnetB}`,
        ];
        assert.deepEqual(planIn(ws, dir, config), {
            code: 2,
            stdout: "",
            stderr:
                "error: the program uses apprunner-private's components, whose SDK and provider are not added to the project: run " +
                `\`pulumi package add ${path.join(REPO, "provider")}\` in the project (README, "Other languages"), then plan again\n`,
        });
    });

    it("takes the region from Pulumi.yaml's config when neither --config nor the stack file sets it", () => {
        const dir = rootCopy(ws);
        fs.rmSync(path.join(dir, "Pulumi.yaml"));
        fs.writeFileSync(
            path.join(dir, "Pulumi.yaml"),
            fs.readFileSync(path.join(REPO, "Pulumi.yaml"), "utf8").replace("\nconfig:\n", "\nconfig:\n  aws:region: eu-west-1\n"),
        );
        const run = planIn(ws, dir, ["--json"], { AWS_REGION: "ap-northeast-1" });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        const p = JSON.parse(run.stdout);
        assert.equal(p.region, "eu-west-1");
        assert.match(p.outputs.url, URL("eu-west-1"));
    });
});

// Issue #24, item 5: a rehearsal kept between runs (--keep DIR): the first run plans the deployment as it is, the second
// the change against what the first left: README's move from a PrivateEndpoint's own endpoint to a shared InterfaceEndpoint.
describe("real engine: apprunner-private plan --keep rehearses a sequence of changes", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("plan-keep");
    after(() => ws.dispose());

    it("the second run shows the move as pulumi up makes it: the connection updated in place, the old endpoint deleted", () => {
        const dir = rootCopy(ws);
        const keep = path.join(ws.dir, "rehearsal");
        const first = planIn(ws, dir, ["--keep", keep]);
        assert.equal(first.code, 0, first.stdout + first.stderr);
        assert.ok(!first.stdout.includes("Changes to the rehearsal"), first.stdout);
        const url = /\n {2}url = "([^"]+)"/.exec(first.stdout)![1];
        assert.deepEqual(fs.readdirSync(keep).sort(), [
            ".apprunner-private-rehearsal.json",
            "aws",
            "aws-requests.jsonl",
            "aws-state.json",
            "backend",
            "home",
            "project",
        ]);

        // README, "Rehearse a sequence of changes": the program's change, as the README shows it.
        const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
        const change = /```ts\n(const shared = new InterfaceEndpoint\("shared"[\s\S]*?)```/.exec(readme)![1];
        const program = path.join(dir, "program", "index.ts");
        fs.rmSync(program); // a copy, not the repository's file
        fs.writeFileSync(
            program,
            fs
                .readFileSync(path.join(REPO, "program", "index.ts"), "utf8")
                .replace(
                    'import { PrivateEndpoint } from "../sdk/index";',
                    'import { InterfaceEndpoint, PrivateEndpoint } from "../sdk/index";',
                )
                .replace(/const endpoint = new PrivateEndpoint\("hello", \{[\s\S]*?\n\}\);\n/, change),
        );
        const second = planIn(ws, dir, ["--keep", keep]);
        assert.equal(second.code, 0, second.stdout + second.stderr);
        assert.ok(
            second.stdout.includes(
                "\nChanges to the rehearsal (7):\n" +
                    "  create  apprunner-private:index:InterfaceEndpoint  shared\n" +
                    "  update  apprunner-private:index:PrivateEndpoint  hello\n" +
                    "  update  aws:cloudcontrol/resource:Resource  hello-connection\n" +
                    "  delete  aws:ec2/securityGroup:SecurityGroup  hello-endpoint-sg\n" +
                    "  create  aws:ec2/securityGroup:SecurityGroup  shared-endpoint-sg\n" +
                    "  delete  aws:ec2/vpcEndpoint:VpcEndpoint  hello-endpoint\n" +
                    "  create  aws:ec2/vpcEndpoint:VpcEndpoint  shared-endpoint\n",
            ),
            second.stdout,
        );
        assert.ok(second.stdout.includes(`\n  url = "${url}"\n`), "the domain name is kept");
        const third = planIn(ws, dir, ["--keep", keep, "--json"]);
        assert.deepEqual(JSON.parse(third.stdout).changes, [], "nothing left to change");
        // A change that interrupts private ingress: the rehearsal shows the replacement and the component's warning.
        fs.writeFileSync(
            program,
            fs
                .readFileSync(program, "utf8")
                .replace(
                    "vpcEndpointId: shared.vpcEndpointId,",
                    'vpcEndpointId: shared.vpcEndpointId,\n    connectionName: "hello-renamed",',
                ),
        );
        const fourth = JSON.parse(planIn(ws, dir, ["--keep", keep, "--json"]).stdout);
        assert.deepEqual(
            fourth.changes.map((c: { op: string; name: string }) => `${c.op} ${c.name}`),
            ["update hello", "replace hello-connection"],
        );
        assert.equal(fourth.warnings.length, 1, fourth.warnings.join("\n"));
        assert.ok(
            fourth.warnings[0].includes(
                '`connectionName` changes from none to "hello-renamed". A service has one connection, so ' +
                    "the old one is deleted first, and " +
                    "private ingress to the service is down until the new one is AVAILABLE.",
            ),
            fourth.warnings[0],
        );
        assert.equal(fs.existsSync(path.join(keep, "bin")), false, "the linked pulumi is not kept");
    });

    it(
        "README's console example: an endpoint made with `apprunner-private console`, then its " +
            "adoption planned: imported, nothing created but the component",
        () => {
            const dir = ws.copyProject(path.join(REPO, "examples", "yaml-adopt"), "yaml-adopt");
            addProvider(ws, dir);
            const keep = path.join(ws.dir, "console-rehearsal");
            const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
            const line = /^apprunner-private console --keep \S+ (create-endpoint .*)$/m.exec(readme)![1].split(" ");
            assert.deepEqual(
                line,
                ["create-endpoint", T.vpcId, T.subnetA, T.subnetB],
                "README names the simulated account's own VPC and subnets",
            );
            const made = spawnSync(process.execPath, [CLI, "console", "--keep", keep, ...line], { encoding: "utf8" });
            assert.equal(made.status, 0, made.stderr);
            const { vpcEndpointId, securityGroupId } = JSON.parse(made.stdout);
            assert.match(vpcEndpointId, /^vpce-[0-9a-f]{17}$/);

            const run = planIn(ws, dir, [
                "--keep",
                keep,
                "--config",
                `endpointId=${vpcEndpointId}`,
                "--config",
                `securityGroupId=${securityGroupId}`,
                "--json",
            ]);
            assert.equal(run.code, 0, run.stdout + run.stderr);
            const p = JSON.parse(run.stdout);
            assert.deepEqual(
                p.changes
                    .filter((c: { op: string }) => c.op !== "import" && c.op !== "update")
                    .map((c: { op: string; name: string }) => `${c.op} ${c.name}`),
                ["create shared"],
            );
            assert.deepEqual(
                p.changes.filter((c: { op: string }) => c.op === "import").map((c: { name: string }) => c.name),
                ["shared-endpoint-sg", "shared-endpoint"],
            );
            assert.deepEqual([p.outputs.vpcEndpointId, p.outputs.securityGroupId], [vpcEndpointId, securityGroupId]);
        },
    );

    it("refuses a directory inside the project, one it did not make, and another project's (exit 2)", () => {
        const dir = rootCopy(ws);
        const inside = planIn(ws, dir, ["--keep", path.join(dir, "rehearsal")]);
        assert.deepEqual(inside, {
            code: 2,
            stdout: "",
            stderr:
                `error: --keep ${path.join(dir, "rehearsal")}: the rehearsal directory must be outside the ` +
                `project ${dir} (the plan writes nothing into your project)\n`,
        });
        const mine = path.join(ws.dir, "mine");
        fs.mkdirSync(mine);
        assert.deepEqual(planIn(ws, dir, ["--keep", mine]), {
            code: 2,
            stdout: "",
            stderr:
                `error: --keep ${mine}: ${mine} exists and was not made by apprunner-private (no ` +
                `.apprunner-private-rehearsal.json in it): name a new directory, which the plan makes\n`,
        });
        const other = path.join(ws.dir, "other");
        fs.mkdirSync(other);
        fs.writeFileSync(
            path.join(other, ".apprunner-private-rehearsal.json"),
            JSON.stringify({ madeBy: "apprunner-private", project: "payments" }),
        );
        assert.deepEqual(planIn(ws, dir, ["--keep", other]), {
            code: 2,
            stdout: "",
            stderr: `error: --keep ${other}: it holds a rehearsal of the project payments, not apprunner-private: name another directory\n`,
        });
    });
});
