// Through the real engine, from Pulumi YAML over Construct: resource options given to a PrivateEndpoint reach its
// children (ignoreChanges: [tags]), a secret connectionName is refused before anything is created and its plaintext
// reaches no part of the backend, a 1 MB argument gives a small error, and a null tag value never leaves YAML.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { SECURITY_GROUP, VPC_ENDPOINT } from "../../plan/provider";
import { REPO, Workspace, addProvider, configure, urnName } from "./harness";

/** The children that carry tags: the connection carries none (README, "Lifecycle"). */
const CHILDREN = [VPC_ENDPOINT, SECURITY_GROUP];

describe("real engine: options and secrets given to a component from YAML", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("options");
    let dir: string;
    let file: string;
    let header: string;
    /** Rewrites the program's resources, keeping what `pulumi package add` wrote above them. */
    const resources = (yaml: string) => fs.writeFileSync(file, `${header}resources:\n${yaml}`);
    const changes = (mark: number) => ws.requests(mark).filter((r) => ["Create", "Update", "Delete"].includes(r.method));
    const endpoint = (options: string, team: string) => `
  api:
    type: apprunner-private:index:PrivateEndpoint
    properties:
      serviceArn: \${serviceArn}
      vpcId: \${vpcId}
      subnetIds: \${subnetIds}
      tags:
        team: ${team}
${options}`;

    before(() => {
        dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "yaml-options"), "yaml");
        file = path.join(dir, "Pulumi.yaml");
        addProvider(ws, dir);
        header = fs.readFileSync(file, "utf8").replace(/resources: \{\}\n/, "");
        assert.match(header, /packages:\n {2}apprunner-private: /);
    });
    after(() => ws.dispose());

    describe("ignoreChanges: [tags] on the component", () => {
        const stack = "ignore";
        before(() => {
            ws.pulumi(dir, "stack", "init", stack);
            configure(ws, dir, stack, { vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB], serviceArn: T.apiServiceArn });
            resources(endpoint("    options:\n      ignoreChanges:\n        - tags", "payments"));
            ws.pulumi(dir, "up", "--stack", stack, "--yes", "--skip-preview");
        });

        it("a tag changed in the program changes no child: no diff in the preview, no request in the update", () => {
            resources(endpoint("    options:\n      ignoreChanges:\n        - tags", "platform"));
            ws.pulumi(dir, "preview", "--stack", stack, "--expect-no-changes");
            const mark = ws.mark();
            ws.pulumi(dir, "up", "--stack", stack, "--yes", "--skip-preview");
            assert.deepEqual(changes(mark), []);
            for (const r of ws.state(dir, stack).filter((r) => CHILDREN.includes(r.type)))
                assert.deepEqual(r.outputs?.tags, { team: "payments" }, urnName(r.urn));
        });

        it("without the option, the same change updates the tags of every child that has them (the control)", () => {
            resources(endpoint("", "platform"));
            const preview = JSON.parse(ws.pulumi(dir, "preview", "--stack", stack, "--json").stdout);
            const updates = preview.steps.filter(
                (s: { op: string; urn: string }) => s.op === "update" && CHILDREN.some((t) => s.urn.includes(`${t}::`)),
            );
            assert.deepEqual(updates.map((s: { urn: string }) => urnName(s.urn)).sort(), ["api-endpoint", "api-endpoint-sg"]);
            ws.pulumi(dir, "destroy", "--stack", stack, "--yes", "--skip-preview");
        });
    });

    describe("a secret connectionName", () => {
        const stack = "secret";
        const plaintext = "conn-hush-7f3a9c";
        before(() => {
            ws.pulumi(dir, "stack", "init", stack);
            configure(ws, dir, stack, { vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB], serviceArn: T.apiServiceArn });
            resources(endpoint(`      connectionName:\n        fn::secret: ${plaintext}`, "payments"));
        });

        it("is refused with why and what to do, before anything is created, and its plaintext is nowhere in the backend", () => {
            const mark = ws.mark();
            const failed = ws.pulumiFails(dir, "up", "--stack", stack, "--yes");
            assert.ok(
                failed.output
                    .replace(/\s+/g, " ")
                    .includes(
                        "`connectionName` must not be a secret, got: [secret]. The name is part of the connection's " +
                            "id and ARN, which Pulumi keeps in the stack's " +
                            "state in clear text (an id cannot be secret). Pass the name as a plain value, or omit " +
                            "`connectionName` to let AWS name the connection.",
                    ),
                failed.output,
            );
            assert.ok(!failed.output.includes(plaintext), "the CLI's output does not show it");
            assert.deepEqual(
                ws.requests(mark).filter((r) => r.method === "Create"),
                [],
            );
            const exported = ws.pulumi(dir, "stack", "export", "--stack", stack).stdout;
            assert.ok(!exported.includes(plaintext), "not in `pulumi stack export`");
            const backend = path.join(ws.dir, "backend");
            const leaks = (fs.readdirSync(backend, { recursive: true }) as string[])
                .map((f) => path.join(backend, f))
                .filter((f) => fs.statSync(f).isFile() && fs.readFileSync(f).includes(plaintext));
            assert.deepEqual(leaks, [], "not in any file of the backend (state, history, backups)");
        });
    });

    describe("bounded and refused inputs", () => {
        const stack = "inputs";
        before(() => {
            ws.pulumi(dir, "stack", "init", stack);
            configure(ws, dir, stack, { vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB], serviceArn: T.apiServiceArn });
        });

        it("a 1 MB argument gives a small error: the value cut at 200 characters, in an output of a few KB", () => {
            resources(endpoint("", "payments").replace("serviceArn: ${serviceArn}", `serviceArn: ${"a".repeat(1 << 20)}`));
            const failed = ws.pulumiFails(dir, "preview", "--stack", stack);
            assert.ok(
                failed.output
                    .replace(/\s+/g, " ")
                    .includes(`got: "${"a".repeat(200)}…" (1048576 characters, 1048376 not shown). Pass the service's \`arn\` output`),
                failed.output.slice(0, 4000),
            );
            assert.ok(failed.output.length < 20_000, `${failed.output.length} characters of output`);
        });

        it("a null tag value never reaches the component: Pulumi YAML's Go SDK drops it before the engine (DESIGN-NOTES.md)", () => {
            resources(endpoint("", "payments").replace("        team: payments\n", "        team: payments\n        owner: null\n"));
            const preview = JSON.parse(ws.pulumi(dir, "preview", "--stack", stack, "--json").stdout);
            const child = preview.steps.find((s: { urn: string }) => s.urn.endsWith(`${VPC_ENDPOINT}::api-endpoint`));
            assert.deepEqual(child.newState.inputs.tags, { team: "payments" });
        });
    });
});
