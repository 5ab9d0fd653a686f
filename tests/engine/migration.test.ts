// Existing stacks and the InterfaceEndpoint, through the real engine, from a stack that version 0.1.0 deployed
// (tests/engine/fixtures/two-services-0.1.0: its program, its exported state and the simulated account it left):
// "api" created the endpoint with `subnetIds`, "admin" reused it with `vpcEndpointId`.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { CONNECTION, SECURITY_GROUP, SERVICE, VPC_ENDPOINT } from "../../plan/provider";
import { REPO, Workspace, configure, urnName } from "./harness";

const FIXTURE = path.join(REPO, "tests", "engine", "fixtures", "two-services-0.1.0");
const PROGRAMS = path.join(REPO, "tests", "engine", "programs", "migration");
const MOVED = [VPC_ENDPOINT, SECURITY_GROUP, CONNECTION];

/** The engine's steps for a preview, as `op type::name`. */
function steps(ws: Workspace, dir: string): string[] {
    const preview = JSON.parse(ws.pulumi(dir, "preview", "--stack", "test", "--json", "--show-sames").stdout);
    return preview.steps.map((s: { op: string; urn: string }) => `${s.op} ${s.urn.split("::")[2].split("$").pop()}::${urnName(s.urn)}`);
}

describe("real engine: upgrading a 0.1.0 stack, and moving its endpoint to an InterfaceEndpoint", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("migration");
    const dir = path.join(ws.dir, "program");
    const program = (file: string) => fs.copyFileSync(file, path.join(dir, "index.ts"));

    before(() => {
        fs.mkdirSync(dir);
        fs.copyFileSync(path.join(FIXTURE, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
        program(path.join(FIXTURE, "program.ts"));
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
                name: "migration",
                main: "index.ts",
                dependencies: {
                    "@apprunner-private/apprunner-private": `file:${path.join(ws.dir, tarball)}`,
                    "@pulumi/aws": lock["node_modules/@pulumi/aws"].version,
                    "@pulumi/pulumi": lock["node_modules/@pulumi/pulumi"].version,
                },
            }),
        );
        ws.pulumi(dir, "install");
        ws.seed(JSON.parse(fs.readFileSync(path.join(FIXTURE, "aws.json"), "utf8")));
        ws.pulumi(dir, "stack", "init", "test");
        ws.pulumi(dir, "stack", "import", "--stack", "test", "--file", path.join(FIXTURE, "stack.json"));
        configure(ws, dir, "test", { vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] });
    });
    after(() => ws.dispose());

    it("this version, under the 0.1.0 program and state, changes nothing", () => {
        const ops = steps(ws, dir);
        assert.deepEqual(
            ops.filter((s) => !s.startsWith("same ")),
            [],
        );
        ws.pulumi(dir, "preview", "--stack", "test", "--expect-no-changes");
    });

    it("adopting the endpoint into an InterfaceEndpoint replaces nothing: not the endpoint, its security group or any connection", () => {
        program(path.join(PROGRAMS, "step1.ts"));
        const ops = steps(ws, dir);
        assert.deepEqual(
            ops.filter((s) => MOVED.some((t) => s.includes(`${t}::`))).sort(),
            [
                "same aws:apprunner/vpcIngressConnection:VpcIngressConnection::admin-connection",
                "same aws:apprunner/vpcIngressConnection:VpcIngressConnection::api-connection",
                `same ${VPC_ENDPOINT}::shared-endpoint`,
                `same ${SECURITY_GROUP}::shared-endpoint-sg`,
            ].sort(),
        );
        const before = ws.account();
        const mark = ws.mark();
        ws.pulumi(dir, "up", "--stack", "test", "--yes", "--skip-preview");
        assert.deepEqual(
            ws.requests(mark).filter((r) => ["Create", "Update", "Delete"].includes(r.method)),
            [],
        );
        assert.deepEqual(ws.account(), before);
        ws.pulumi(dir, "preview", "--stack", "test", "--expect-no-changes");
    });

    it("then retiring api (its service and PrivateEndpoint) leaves admin's connection untouched", () => {
        const admin = ws.connections().find((c) => c.serviceArn.includes(":service/private-admin/"))!;
        program(path.join(PROGRAMS, "step2.ts"));
        const mark = ws.mark();
        ws.pulumi(dir, "up", "--stack", "test", "--yes", "--skip-preview");
        const changes = ws.requests(mark).filter((r) => ["Create", "Update", "Delete"].includes(r.method));
        // The connection goes first: AWS refuses to delete a service with an AVAILABLE connection.
        assert.deepEqual(
            changes.map((r) => `${r.method} ${urnName(r.urn!)}`),
            ["Delete api-connection", "Delete api"],
        );
        assert.ok(changes[1].urn!.includes(SERVICE));
        assert.deepEqual(ws.connections(), [admin]);
        ws.pulumi(dir, "preview", "--stack", "test", "--expect-no-changes");
    });
});
