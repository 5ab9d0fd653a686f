// Existing stacks and the InterfaceEndpoint, through the real engine, from a stack that version 0.1.0 deployed
// (tests/engine/fixtures/two-services-0.1.0: its program, its exported state and the simulated account it left):
// "api" created the endpoint with `subnetIds`, "admin" reused it with `vpcEndpointId`.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { CLOUDCONTROL_RESOURCE, SECURITY_GROUP, SERVICE, VPC_ENDPOINT } from "../../plan/provider";
import { REPO, Workspace, deployedStack, planOnPath, urnName } from "./harness";

const FIXTURE = path.join(REPO, "tests", "engine", "fixtures", "two-services-0.1.0");
const PROGRAMS = path.join(REPO, "tests", "engine", "programs", "migration");
const MOVED = [VPC_ENDPOINT, SECURITY_GROUP, CLOUDCONTROL_RESOURCE];

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
        deployedStack(ws, dir, FIXTURE, "migration");
    });
    after(() => ws.dispose());

    it("this version, under the 0.1.0 program and state, after README's upgrade commands, changes nothing in AWS", () => {
        const before = ws.account();
        const mark = ws.mark();
        const r = ws.exec(dir, "apprunner-private", ["import-connections", "--stack", "test"], planOnPath(ws));
        assert.equal(r.code, 0, r.output);
        ws.pulumi(dir, "up", "--stack", "test", "--yes", "--skip-preview");
        assert.deepEqual(
            ws.requests(mark).filter((x) => ["Create", "Update", "Delete"].includes(x.method)),
            [],
        );
        assert.deepEqual(ws.account(), before);
        assert.deepEqual(
            steps(ws, dir).filter((s) => !s.startsWith("same ")),
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
                `same ${CLOUDCONTROL_RESOURCE}::admin-connection`,
                `same ${CLOUDCONTROL_RESOURCE}::api-connection`,
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
